import Foundation
import Testing
@testable import NewsText

/// The one lookup of shipped data files (word lists, gazetteers, outlets, Lua parts).
@Suite struct BundledResourceTests {
    @Test func aShippedFileIsFoundInItsTargetsBundle() throws {
        let url = try BundledResource(target: "NewsText", folder: "Resources").url("outlets", ext: "txt")
        #expect(url.path.hasSuffix("dossier_NewsText.resources/Resources/outlets.txt"))
        let gazetteer = try BundledResource(target: "Corpus", folder: "Resources").text("gazetteer-places", ext: "txt")
        #expect(!gazetteer.isEmpty)
    }

    @Test func aMissingFileNamesItselfAndEveryFolderLookedIn() {
        let resources = BundledResource(target: "NoSuchTarget", folder: "Resources")
        #expect(throws: MissingResource.self) { try resources.url("outlets", ext: "txt") }
        do {
            _ = try resources.text("outlets", ext: "txt")
        } catch {
            #expect(error.file == "outlets.txt")
            #expect(error.searched == resources.searchFolders().map(\.path))
            #expect(error.searched.contains { $0.hasSuffix("dossier_NoSuchTarget.resources/Resources") })
            #expect(error.searched.contains { $0.hasSuffix("share/dossier/Resources") })
            #expect(error.searched.last?.hasSuffix("Sources/NoSuchTarget/Resources") == true)
            #expect(error.description.hasPrefix("dossier's data file outlets.txt is missing: looked in "))
        }
    }
}
