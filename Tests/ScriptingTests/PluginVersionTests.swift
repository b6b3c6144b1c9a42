import Testing
@testable import Scripting

@Suite struct PluginVersionTests {
    @Test func versionsParseStrictlyAndCompareNumerically() {
        #expect(SemanticVersion(parsing: "1.10.0")?.description == "1.10.0")
        #expect(SemanticVersion(parsing: "1.2") == nil)
        #expect(SemanticVersion(parsing: "1.2.3.4") == nil)
        #expect(SemanticVersion(parsing: "1.x.0") == nil)
        #expect(SemanticVersion(parsing: "") == nil)
        #expect(SemanticVersion(parsing: "-1.0.0") == nil)
        #expect(SemanticVersion(parsing: "1..0") == nil)
        #expect(SemanticVersion(parsing: "٣.0.0") == nil)  // Arabic-Indic digit: not ASCII
        #expect(SemanticVersion(1, 10, 0) > SemanticVersion(1, 9, 9))
        #expect(SemanticVersion(partial: "0.1") == SemanticVersion(0, 1, 0))
        #expect(SemanticVersion(partial: "2") == SemanticVersion(2, 0, 0))
    }

    @Test func constraintsHoldOrNot() throws {
        let v010 = SemanticVersion(0, 1, 0)
        #expect(try VersionConstraint(parsing: ">=0.1").isSatisfied(by: v010))
        #expect(try !VersionConstraint(parsing: ">=99.0").isSatisfied(by: v010))
        #expect(try !VersionConstraint(parsing: ">0.1").isSatisfied(by: v010))
        let range = try VersionConstraint(parsing: ">=1.2, <2")
        #expect(range.isSatisfied(by: SemanticVersion(1, 9, 3)))
        #expect(!range.isSatisfied(by: SemanticVersion(2, 0, 0)))
        #expect(!range.isSatisfied(by: SemanticVersion(1, 1, 9)))
        #expect(try VersionConstraint(parsing: ">= 1.2").isSatisfied(by: SemanticVersion(1, 2, 0)))
        #expect(try VersionConstraint(parsing: "^1.2").isSatisfied(by: SemanticVersion(1, 5, 0)))
        #expect(try !VersionConstraint(parsing: "^1.2").isSatisfied(by: SemanticVersion(2, 0, 0)))
        #expect(try VersionConstraint(parsing: "1.0.0").isSatisfied(by: SemanticVersion(1, 0, 0)))
        #expect(try !VersionConstraint(parsing: "1.0.0").isSatisfied(by: SemanticVersion(1, 0, 1)))
        #expect(try VersionConstraint(parsing: "*").isAny)
        #expect(throws: PluginError.self) { try VersionConstraint(parsing: ">=banana") }
        #expect(throws: PluginError.self) { try VersionConstraint(parsing: ">=") }
    }

    @Test func requirementsNameAPluginAndAConstraint() throws {
        let r = try PluginRequirement(parsing: "other >=1.2")
        #expect(r.name == "other")
        #expect(r.constraint.text == ">=1.2")
        let bare = try PluginRequirement(parsing: "other")
        #expect(bare.constraint.isAny)
        let tight = try PluginRequirement(parsing: "other>=1.2")
        #expect(tight.name == "other" && tight.constraint.text == ">=1.2")
        #expect(throws: PluginError.self) { try PluginRequirement(parsing: ">=1.2") }
    }
}
