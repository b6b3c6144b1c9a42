import Foundation
import Testing
@testable import Corpus
#if canImport(Glibc)
import Glibc
#endif

/// A damaged, cut-off or newer archive gives a typed error naming the file, never a crash; a
/// write that stops before its manifest leaves the previous archive as it was; readers keep
/// what they opened; a second writer is refused.
@Suite(.serialized) struct ArchiveSafetyTests {
    static let parts = ["text", "docs", "terms", "lexicon", "postings"]

    private func seedsArchive() throws -> (ArchiveFolder, Corpus) {
        let corpus = try CorpusLoader.load(path: SavedArchiveTests.seedsPath)
        let folder = try ArchiveFolder()
        try DossierArchive.write(corpus, to: folder.archive, sources: [SavedArchiveTests.seedsPath])
        return (folder, corpus)
    }

    private func file(_ folder: ArchiveFolder, _ part: String) throws -> String {
        let manifest = try ArchiveManifest.read(folder: folder.archive)
        return folder.archive + "/" + (part == "lexicon" ? manifest.lexicon : manifest.batches[0].files[part] ?? "")
    }

    private func edit(_ path: String, _ change: (inout [UInt8]) -> Void) throws {
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        change(&bytes)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    private func openError(_ folder: ArchiveFolder, verify: Bool = false) -> ArchiveError? {
        do {
            _ = try DossierArchive.open(folder.archive, verify: verify)
            return nil
        } catch {
            return error
        }
    }

    @Test func aTruncatedFileIsReportedByName() throws {
        for part in Self.parts {
            let (folder, _) = try seedsArchive()
            let path = try file(folder, part)
            try edit(path) { $0.removeLast($0.count / 3) }
            let error = openError(folder)
            guard case .truncated(let named, _, _) = error else {
                Issue.record("\(part): \(String(describing: error))")
                continue
            }
            #expect(named == path)
            #expect(error?.description.contains("truncated") == true)
        }
    }

    @Test func aFileCutToNothingOrToItsHeaderIsTruncated() throws {
        let (folder, _) = try seedsArchive()
        let path = try file(folder, "postings")
        try edit(path) { $0 = Array($0.prefix(20)) }
        guard case .truncated = openError(folder) else { Issue.record("header cut"); return }
        try edit(path) { $0 = [] }
        guard case .truncated = openError(folder) else { Issue.record("empty"); return }
    }

    @Test func aChangedByteInTheDataIsFoundByTheChecksum() throws {
        let (folder, _) = try seedsArchive()
        let path = try file(folder, "text")
        try edit(path) { bytes in bytes[bytes.count / 2] ^= 0x20 }
        // Opening checks headers and structure; the full read finds the changed text.
        guard case .corrupted(let named, let reason) = openError(folder, verify: true) else {
            Issue.record("verify did not fail")
            return
        }
        #expect(named == path)
        #expect(reason.contains("checksum"))
    }

    @Test func aChangedHeaderOrDirectoryIsCorrupted() throws {
        for offset in [0, 12, 20, 40] {
            let (folder, _) = try seedsArchive()
            let path = try file(folder, "lexicon")
            try edit(path) { $0[offset] ^= 0x5A }
            guard case .corrupted(let named, _) = openError(folder) else {
                Issue.record("byte \(offset): \(String(describing: openError(folder)))")
                continue
            }
            #expect(named == path)
        }
    }

    @Test func offsetsOutOfOrderAreCorruptedNotACrash() throws {
        let (folder, _) = try seedsArchive()
        let path = try file(folder, "text")
        // Section 1 (the offsets) of the text file: make the second offset huge, and fix the
        // footer checksum so only the structure check can catch it.
        try edit(path) { bytes in
            let directory = StorageFile.headerSize + 16
            let offsets = Int(bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: directory, as: UInt64.self) })
            bytes[offsets + 8 + 7] = 0x7F
            let end = bytes.count - StorageFile.footerSize
            let crc = bytes.withUnsafeBytes { Checksum.of(UnsafeRawBufferPointer(rebasing: $0[0..<end])) }
            withUnsafeBytes(of: crc.littleEndian) { for i in 0..<4 { bytes[end + i] = $0[i] } }
        }
        guard case .corrupted(let named, let reason) = openError(folder, verify: true) else {
            Issue.record("\(String(describing: openError(folder)))")
            return
        }
        #expect(named == path)
        #expect(reason.contains("offsets"))
    }

    @Test func aFutureVersionAsksForANewerDossier() throws {
        let (folder, _) = try seedsArchive()
        let path = try file(folder, "docs")
        try edit(path) { $0[8] = 9 }
        guard case .futureVersion(let named, 9, let supported) = openError(folder) else {
            Issue.record("\(String(describing: openError(folder)))")
            return
        }
        #expect(named == path && supported == Int(StorageFile.version))
        let manifest = folder.archive + "/MANIFEST"
        let text = try String(contentsOfFile: manifest, encoding: .utf8).replacingOccurrences(of: "\"version\" : \(ArchiveManifest.version)", with: "\"version\" : 7")
        try text.write(toFile: manifest, atomically: true, encoding: .utf8)
        guard case .futureVersion(let m, 7, _) = openError(folder) else {
            Issue.record("manifest: \(String(describing: openError(folder)))")
            return
        }
        #expect(m == manifest)
    }

    @Test func anOlderVersionSaysToRebuild() throws {
        // A file of format version 2 (texts not deflated): refused, naming it, saying to re-index.
        let (folder, _) = try seedsArchive()
        let path = try file(folder, "text")
        try edit(path) { $0[8] = 2 }
        guard case .oldVersion(let named, 2, let current) = openError(folder) else {
            Issue.record("\(String(describing: openError(folder)))")
            return
        }
        #expect(named == path && current == Int(StorageFile.version))
        #expect(openError(folder)?.description.contains("dossier index") == true)
        // A manifest of version 2 (what dossier wrote before version 3), whatever its files.
        let manifest = folder.archive + "/MANIFEST"
        let text = try String(contentsOfFile: manifest, encoding: .utf8).replacingOccurrences(of: "\"version\" : \(ArchiveManifest.version)", with: "\"version\" : 2")
        try text.write(toFile: manifest, atomically: true, encoding: .utf8)
        guard case .oldVersion(let m, 2, _) = openError(folder) else {
            Issue.record("manifest: \(String(describing: openError(folder)))")
            return
        }
        #expect(m == manifest)
    }

    @Test func aMissingOrBrokenManifestIsNamed() throws {
        let (folder, _) = try seedsArchive()
        let manifest = folder.archive + "/MANIFEST"
        try "{\"format\": \"dossier-archive\", \"version\": \(ArchiveManifest.version), \"files\": 3}".write(toFile: manifest, atomically: true, encoding: .utf8)
        guard case .corrupted(let named, _) = openError(folder) else { Issue.record("broken manifest"); return }
        #expect(named == manifest)
        try FileManager.default.removeItem(atPath: manifest)
        guard case .notAnArchive = openError(folder) else { Issue.record("no manifest"); return }
    }

    @Test func aCrashBeforeTheManifestLeavesTheOldArchive() throws {
        let (folder, corpus) = try seedsArchive()
        let other = try CorpusLoader.load(path: SavedArchiveTests.seedsPath + "/" + (try FileManager.default
            .contentsOfDirectory(atPath: SavedArchiveTests.seedsPath).sorted()[0]))
        ArchiveWriter.simulateCrashes(in: folder.archive, true)
        defer { ArchiveWriter.simulateCrashes(in: folder.archive, false) }
        #expect(throws: ArchiveError.self) { try DossierArchive.write(other, to: folder.archive, sources: []) }
        ArchiveWriter.simulateCrashes(in: folder.archive, false)
        // The half-written generation's files are there, but the manifest still names the old ones.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.archive).contains("text-2.dsf"))
        let opened = try DossierArchive.open(folder.archive, verify: true)
        #expect(opened.documents.map(\.id) == corpus.documents.map(\.id))
        // The next write makes generation 2 again (new files in place of the leftovers) and
        // removes generation 1's.
        try DossierArchive.write(other, to: folder.archive, sources: [])
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.archive).filter { $0.hasSuffix(".dsf") }
        #expect(files.sorted() == Self.parts.map { "\($0)-2.dsf" }.sorted())
        #expect(try DossierArchive.open(folder.archive).count == 1)
    }

    @Test func aReaderKeepsItsSnapshotWhileTheArchiveIsRewritten() throws {
        let (folder, corpus) = try seedsArchive()
        let before = try DossierArchive.open(folder.archive)
        let other = try CorpusLoader.load(path: SavedArchiveTests.seedsPath + "/" + (try FileManager.default
            .contentsOfDirectory(atPath: SavedArchiveTests.seedsPath).sorted()[1]))
        try DossierArchive.write(other, to: folder.archive, sources: [])
        // The old files are gone from the folder but still mapped by the first reader.
        #expect(before.count == corpus.count)
        #expect(before.documents.last?.text == corpus.documents.last?.text)
        #expect(try Search.search(before, "said").map(\.document.id) == (try Search.search(corpus, "said").map(\.document.id)))
        let after = try DossierArchive.open(folder.archive)
        #expect(after.count == 1 && after.archive?.generation == 2)
    }

    @Test func aSecondWriterIsRefused() throws {
        let (folder, corpus) = try seedsArchive()
        var held: ArchiveLock? = try ArchiveLock(folder: folder.archive)
        do {
            try DossierArchive.write(corpus, to: folder.archive, sources: [])
            Issue.record("the second writer was not refused")
        } catch {
            guard case .locked(let path, let holder) = error else { Issue.record("\(error)"); return }
            #expect(path == folder.archive && holder == "pid \(getpid())")
            #expect(error.description.contains("being written by another process"))
        }
        #expect(held != nil)
        held = nil
        try DossierArchive.write(corpus, to: folder.archive, sources: [])
    }

    @Test func aFolderOfOtherFilesIsNotOverwritten() throws {
        let folder = try ArchiveFolder()
        try FileManager.default.createDirectory(atPath: folder.archive, withIntermediateDirectories: true)
        try "notes".write(toFile: folder.archive + "/notes.txt", atomically: true, encoding: .utf8)
        let corpus = try CorpusLoader.load(path: SavedArchiveTests.seedsPath)
        #expect(throws: ArchiveError.self) { try DossierArchive.write(corpus, to: folder.archive, sources: []) }
        #expect(FileManager.default.fileExists(atPath: folder.archive + "/notes.txt"))
    }
}
