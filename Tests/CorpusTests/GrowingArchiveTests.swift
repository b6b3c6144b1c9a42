import Foundation
import Testing
@testable import Corpus

/// An archive that grows and shrinks: documents replaced by id, removed (deletion bitmaps), and
/// the archive compacted, each compared with loading the surviving sources afresh.
@Suite struct GrowingArchiveTests {
    static let seedsPath = SavedArchiveTests.seedsPath
    static let benchPath = SavedArchiveTests.benchPath
    let compare = SavedArchiveTests()

    private func dsfFiles(_ archive: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: archive).filter { $0.hasSuffix(".dsf") }.sorted()
    }

    @Test func aRemovedSeedIsGoneFromEverything() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.seedsPath).sorted()
        let folder = try ArchiveFolder()
        let seeds = try CorpusLoader.load(path: Self.seedsPath)
        try DossierArchive.write(seeds, to: folder.archive, sources: [Self.seedsPath])
        let gone = seeds.documents[1].id
        let info = try DossierArchive.remove([gone], from: folder.archive)
        #expect(info.documents == seeds.count - 1 && info.deleted == 1 && info.generation == 2)
        #expect(info.files.contains { $0.name == "deletions-b1-2.dsf" })
        // Only the bitmap and the manifest were written: the batch's files are generation 1's.
        #expect(try dsfFiles(folder.archive) == ["deletions-b1-2.dsf", "docs-1.dsf", "lexicon-1.dsf", "postings-1.dsf",
                                                 "terms-1.dsf", "text-1.dsf"])
        let survivors = try ArchiveFolder()
        try link(names.filter { $0 != names[1] }, from: Self.seedsPath, into: survivors.path + "/s")
        let fresh = try CorpusLoader.load(path: survivors.path + "/s")
        let opened = try DossierArchive.open(folder.archive, verify: true)
        #expect(opened.archive?.deleted == 1)
        #expect(throws: DocumentLookupError.self) { try opened.document(gone) }
        try compare.expectSame(fresh, opened, queries: ["said", "government", "\"prime minister\"", "minist*", "police OR court",
                                                        "year -said"],
                               analyses: true, sameTermIDs: false, samePaths: false, sameVocabulary: false)
        // Compacted: the same answers, and now the same lexicon as the fresh load, term ids included.
        let compacted = try DossierArchive.compact(folder.archive)
        #expect(compacted.deleted == 0 && compacted.batches == 1 && compacted.documents == fresh.count)
        try compare.expectSame(fresh, try DossierArchive.open(folder.archive, verify: true),
                               queries: ["said", "government", "\"prime minister\"", "minist*", "police OR court"],
                               analyses: true, samePaths: false)
    }

    @Test func anUnknownIdIsNamedAndNothingChanges() throws {
        let folder = try ArchiveFolder()
        let seeds = try CorpusLoader.load(path: Self.seedsPath)
        try DossierArchive.write(seeds, to: folder.archive, sources: [])
        let before = try dsfFiles(folder.archive)
        do {
            try DossierArchive.remove([seeds.documents[0].id, "no-such-article", "nor-this"], from: folder.archive)
            Issue.record("an unknown id was accepted")
        } catch {
            #expect(error == .unknownDocuments(path: folder.archive, ids: ["no-such-article", "nor-this"]))
            #expect(error.description.contains("'no-such-article', 'nor-this'") && error.description.contains("nothing was removed"))
        }
        #expect(try dsfFiles(folder.archive) == before)
        let info = try DossierArchive.info(folder.archive)
        #expect(info.generation == 1 && info.deleted == 0 && info.documents == seeds.count)
        // An id removed once is unknown the second time.
        try DossierArchive.remove([seeds.documents[0].id], from: folder.archive)
        #expect(throws: ArchiveError.self) { try DossierArchive.remove([seeds.documents[0].id], from: folder.archive) }
    }

    @Test func aDamagedBitmapIsNamed() throws {
        let folder = try ArchiveFolder()
        let seeds = try CorpusLoader.load(path: Self.seedsPath)
        try DossierArchive.write(seeds, to: folder.archive, sources: [])
        try DossierArchive.remove([seeds.documents[2].id], from: folder.archive)
        let bitmap = folder.archive + "/deletions-b1-2.dsf"
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: bitmap)))
        // Another document marked deleted in the bitmap's one word, the checksum made right
        // again: the count disagrees with the manifest's.
        let start = try sectionOffset(bitmap, section: 0)
        bytes[start] ^= 0b1
        let end = bytes.count - StorageFile.footerSize
        let crc = bytes.withUnsafeBytes { Checksum.of(UnsafeRawBufferPointer(rebasing: $0[0..<end])) }
        withUnsafeBytes(of: crc.littleEndian) { for i in 0..<4 { bytes[end + i] = $0[i] } }
        try Data(bytes).write(to: URL(fileURLWithPath: bitmap))
        do {
            _ = try DossierArchive.open(folder.archive)
            Issue.record("a bitmap that disagrees with the manifest was accepted")
        } catch {
            guard case .corrupted(let file, let reason) = error else { Issue.record("\(error)"); return }
            #expect(file == bitmap && reason.contains("manifest says 1"))
        }
        // Cut short: truncated, named.
        try Data(bytes.prefix(40)).write(to: URL(fileURLWithPath: bitmap))
        #expect(throws: ArchiveError.self) { try DossierArchive.verify(folder.archive) }
        try FileManager.default.removeItem(atPath: bitmap)
        do {
            _ = try DossierArchive.open(folder.archive)
            Issue.record("a missing bitmap was accepted")
        } catch {
            #expect(error.description.contains("deletions-b1-2.dsf"))
        }
    }

    /// Where section `section` of a storage file starts (from its directory).
    private func sectionOffset(_ path: String, section: Int) throws -> Int {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let at = StorageFile.headerSize + 16 * section
        return (0..<8).reduce(0) { $0 | Int(bytes[at + $1]) << (8 * $1) }
    }

    @Test func aCrashedCompactionLeavesTheArchiveAsItWas() throws {
        let folder = try ArchiveFolder()
        let seeds = try CorpusLoader.load(path: Self.seedsPath)
        try DossierArchive.write(seeds, to: folder.archive, sources: [])
        try DossierArchive.remove([seeds.documents[0].id, seeds.documents[3].id], from: folder.archive)
        let before = try DossierArchive.open(folder.archive)
        let hits = try Search.search(before, "said").map { "\($0.document.id) \($0.score)" }
        ArchiveWriter.simulateCrashes(in: folder.archive, true)
        defer { ArchiveWriter.simulateCrashes(in: folder.archive, false) }
        #expect(throws: ArchiveError.self) { try DossierArchive.compact(folder.archive) }
        #expect(throws: ArchiveError.self) { try DossierArchive.remove([seeds.documents[1].id], from: folder.archive) }
        ArchiveWriter.simulateCrashes(in: folder.archive, false)
        // The half-written files are there; the manifest still names the old ones.
        #expect(try dsfFiles(folder.archive).contains("text-3.dsf"))
        let after = try DossierArchive.open(folder.archive, verify: true)
        #expect(after.count == seeds.count - 2 && after.archive?.deleted == 2 && after.archive?.generation == 2)
        #expect(try Search.search(after, "said").map { "\($0.document.id) \($0.score)" } == hits)
        // The next compaction goes through and clears the leftovers.
        try DossierArchive.compact(folder.archive)
        #expect(try dsfFiles(folder.archive) == ["docs-3.dsf", "lexicon-3.dsf", "postings-3.dsf", "terms-3.dsf", "text-3.dsf"])
        #expect(try Search.search(try DossierArchive.open(folder.archive), "said").map { "\($0.document.id) \($0.score)" } == hits)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: benchPath), "no bench corpus in /tmp/dossier-bench/copies-1"))
    func benchDocumentsRemovedReplacedAndCompactedAnswerAsAFreshLoad() throws {
        let names = Array(try FileManager.default.contentsOfDirectory(atPath: Self.benchPath).sorted().prefix(700))
        let early = Array(names.prefix(500)), late = Array(names.suffix(200))
        // Removed: every 7th document; replaced (added again, so moved to the end): every 11th
        // of the early ones that is not removed.
        let removed = Set(names.enumerated().filter { $0.offset % 7 == 3 }.map(\.element))
        let replaced = early.enumerated().filter { $0.offset % 11 == 5 && !removed.contains($0.element) }.map(\.element)
        let source = try ArchiveFolder()
        try link(early, from: Self.benchPath, into: source.path + "/early")
        try link(late, from: Self.benchPath, into: source.path + "/late")
        try link(replaced, from: Self.benchPath, into: source.path + "/again")
        let archive = try ArchiveFolder()
        try DossierArchive.write(try CorpusLoader.load(path: source.path + "/early", segmentSize: 150), to: archive.archive, sources: [])
        try DossierArchive.add(try CorpusLoader.load(path: source.path + "/late", segmentSize: 150), to: archive.archive, sources: [])
        let opened = try DossierArchive.open(archive.archive)
        let removedIDs = opened.documents.filter { removed.contains(URL(fileURLWithPath: $0.path).lastPathComponent) }.map(\.id)
        #expect(removedIDs.count == removed.count)
        try DossierArchive.remove(removedIDs, from: archive.archive)
        let info = try DossierArchive.add(try CorpusLoader.load(path: source.path + "/again"), to: archive.archive, sources: [])
        #expect(info.replaced == replaced.count && info.deleted == removed.count + replaced.count)

        // The same documents in the same order, loaded afresh.
        let fresh = try ArchiveFolder()
        try link(early.filter { !removed.contains($0) && !replaced.contains($0) }, from: Self.benchPath, into: fresh.path + "/a")
        try link(late.filter { !removed.contains($0) }, from: Self.benchPath, into: fresh.path + "/b")
        try link(replaced, from: Self.benchPath, into: fresh.path + "/c")
        let loaded = try CorpusLoader.load(path: fresh.path, segmentSize: 150)
        let queries = ["said", "police", "\"prime minister\"", "gov*", "water AND river", "the", "police OR court OR minister"]
        let grown = try DossierArchive.open(archive.archive, verify: true)
        #expect(grown.count == loaded.count && grown.index.averageLength == loaded.index.averageLength)
        try compare.expectSame(loaded, grown, queries: queries, analyses: false, sameTermIDs: false, samePaths: false,
                               sameVocabulary: false)
        // Compacted into one batch: the fresh load's answers and its lexicon, term ids included.
        let compacted = try DossierArchive.compact(archive.archive)
        #expect(compacted.batches == 1 && compacted.deleted == 0 && compacted.documents == loaded.count)
        #expect(compacted.terms == loaded.index.lexicon.count)
        try compare.expectSame(loaded, try DossierArchive.open(archive.archive, verify: true), queries: queries,
                               analyses: false, samePaths: false)
        // A reader that opened the archive before the compaction still answers from its files.
        #expect(try Search.search(grown, "police").map(\.document.id) == (try Search.search(loaded, "police").map(\.document.id)))
        #expect(grown.documents.map(\.text) == loaded.documents.map(\.text))
    }
}
