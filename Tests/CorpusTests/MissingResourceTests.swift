import Foundation
import Testing
@testable import Corpus
@testable import NewsText

/// A gazetteer list or the outlet list that cannot be found never degrades silently: the loaders
/// say which file is missing and where they looked, and `MissingResources` warns once per file
/// with what is lost.
@Suite struct MissingResourceTests {
    static let nowhere = BundledResource(target: "NoSuchTarget", folder: "NoSuchFolder")

    @Test func theShippedListsAreFound() {
        #expect(Gazetteer.load(from: Gazetteer.resources).missing.isEmpty)
        #expect(OutletTable.load(from: BundledResource(target: "NewsText", folder: "Resources")).missing == nil)
    }

    @Test func missingGazetteerListsAreEachNamed() {
        let (gazetteer, missing) = Gazetteer.load(from: Self.nowhere)
        #expect(missing.map(\.file) == ["gazetteer-places.txt", "gazetteer-organizations.txt", "gazetteer-events.txt",
                                        "gazetteer-other.txt", "gazetteer-roles.txt", "gazetteer-names.txt",
                                        "gazetteer-nonnames.txt"])
        #expect(missing.allSatisfy { !$0.searched.isEmpty && $0.searched.allSatisfy { $0.contains("NoSuchFolder") } })
        // What is left still works: an empty gazetteer, patterns alone.
        #expect(gazetteer.entries(of: .place).isEmpty && gazetteer.nameWords.isEmpty)
        #expect(Gazetteer.load(from: Gazetteer.resources).gazetteer.entries(of: .place).count > 100)
        #expect(Gazetteer.consequence(of: "gazetteer-places.txt").contains("places"))
        #expect(Gazetteer.consequence(of: "gazetteer-names.txt").contains("fewer people"))
    }

    @Test func aMissingOutletListIsNamed() {
        let (table, missing) = OutletTable.load(from: Self.nowhere)
        #expect(missing?.file == "outlets.txt")
        #expect(table.displayName(for: "reuters") == nil)
    }

    @Test func eachMissingFileIsWarnedOnceWithWhatItCosts() throws {
        let missing = try #require(OutletTable.load(from: Self.nowhere).missing)
        let renamed = MissingResource(file: "outlets-test-\(UUID().uuidString).txt", searched: missing.searched)
        MissingResources.report(renamed, consequence: OutletTable.consequence)
        MissingResources.report(renamed, consequence: OutletTable.consequence)
        let lines = MissingResources.warnings.filter { $0.contains(renamed.file) }
        #expect(lines.count == 1)
        #expect(lines.first?.contains("is missing: looked in") == true)
        #expect(lines.first?.contains("NoSuchFolder") == true)
        #expect(lines.first?.contains("fewer documents get a source") == true)
    }
}
