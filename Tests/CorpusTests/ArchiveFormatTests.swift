import Foundation
import Testing
@testable import Corpus

/// The archive format's version 3 parts: texts deflated per document (`DeflatedTexts`), the
/// lexicon's packed hash slots and its sorted term dictionary (prefix lookups by bisection),
/// and one format version for the manifest and every file.
@Suite struct ArchiveFormatTests {
    /// The seeds and a few hundred bench articles (when the bench corpus is there), with texts
    /// that exercise the encoder: empty, one byte, non-ASCII, longer than the dictionary.
    private static func corpus() throws -> Corpus {
        var texts: [(id: String, text: String)] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: SavedArchiveTests.seedsPath).sorted() {
            let text = try String(contentsOfFile: SavedArchiveTests.seedsPath + "/" + name, encoding: .utf8)
            texts.append((id: name, text: text))
        }
        let bench = SavedArchiveTests.benchPath
        if let names = try? FileManager.default.contentsOfDirectory(atPath: bench).sorted() {
            for name in names.filter({ $0.hasSuffix(".txt") }).prefix(400) {
                if let text = try? String(contentsOfFile: bench + "/" + name, encoding: .utf8) { texts.append((id: name, text: text)) }
            }
        }
        texts.append((id: "empty", text: ""))
        texts.append((id: "one", text: "x"))
        texts.append((id: "accents", text: "Zürich: l'élan du «marché» — Ærø, Øresund, Čeština, 東京 und Ελλάδα.\n\nZweiter Absatz über Zürcher Märkte."))
        texts.append((id: "long", text: String(repeating: "The council voted on the budget again. ", count: 3000)))
        return CorpusLoader.corpus(texts: texts, location: "format")
    }

    private static func lexiconFile(_ folder: ArchiveFolder) throws -> String {
        folder.archive + "/" + (try ArchiveManifest.read(folder: folder.archive)).lexicon
    }

    @Test func textsComeBackByteForByteAndTheirSizesWithoutDecoding() throws {
        let loaded = try Self.corpus()
        let folder = try ArchiveFolder()
        try DossierArchive.write(loaded, to: folder.archive, sources: [])
        let opened = try DossierArchive.open(folder.archive, verify: true)
        #expect(opened.count == loaded.count)
        for (a, b) in zip(loaded.documents, opened.documents) {
            #expect(b.textByteCount == a.text.utf8.count, "\(a.id)")
            #expect(b.text == a.text, "\(a.id)")
        }
        // Deflated, the texts take well under their size (news text: about 0.4 of it).
        let textFile = folder.archive + "/" + (try ArchiveManifest.read(folder: folder.archive)).batches[0].files["text"]!
        let stored = try FileManager.default.attributesOfItem(atPath: textFile)[.size] as! Int
        let raw = loaded.documents.reduce(0) { $0 + $1.text.utf8.count }
        #expect(Double(stored) < 0.6 * Double(raw), "text file \(stored) bytes for \(raw) bytes of text")
    }

    @Test func aDamagedTextKeepsItsLengthAndVerifyNamesTheFile() throws {
        let loaded = try Self.corpus()
        let folder = try ArchiveFolder()
        try DossierArchive.write(loaded, to: folder.archive, sources: [])
        let path = folder.archive + "/" + (try ArchiveManifest.read(folder: folder.archive)).batches[0].files["text"]!
        // Flip bytes in the middle of section 0 (the deflated streams): opening checks the
        // structure only, so the damage is met when a text is inflated.
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let (start, length) = bytes.withUnsafeBytes {
            (Int($0.loadUnaligned(fromByteOffset: StorageFile.headerSize, as: UInt64.self)),
             Int($0.loadUnaligned(fromByteOffset: StorageFile.headerSize + 8, as: UInt64.self)))
        }
        for k in stride(from: start + length / 3, to: start + length / 3 + 64, by: 4) { bytes[k] ^= 0xA5 }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let opened = try DossierArchive.open(folder.archive)
        var changed = 0
        for (a, b) in zip(loaded.documents, opened.documents) {
            #expect(b.text.utf8.count >= a.text.utf8.count, "\(a.id)")
            if b.text != a.text { changed += 1 }
        }
        #expect(changed >= 1)
        do {
            try DossierArchive.verify(folder.archive)
            Issue.record("verify accepted a damaged text file")
        } catch {
            guard case .corrupted(let named, _) = error else { Issue.record("\(error)"); return }
            #expect(named == path)
        }
    }

    @Test func prefixLookupsMatchAScanOfTheLexiconLoadedAndOpened() throws {
        let loaded = try Self.corpus()
        let folder = try ArchiveFolder()
        try DossierArchive.write(loaded, to: folder.archive, sources: [])
        let opened = try DossierArchive.open(folder.archive, verify: true)
        let lexicon = loaded.index.lexicon
        let terms = (0..<lexicon.count).map { lexicon.term($0) }
        var prefixes = ["gov", "t", "the", "government", "zürich", "zü", "ž", "東", "ελ", "1", "zzzzzz", "qxj", "'", "a"]
        prefixes += stride(from: 0, to: terms.count, by: max(1, terms.count / 40)).map { String(terms[$0].prefix(3)) }
        for prefix in prefixes {
            let scanned = terms.indices.filter { Array(terms[$0].utf8).starts(with: Array(prefix.utf8)) }
            #expect(lexicon.ids(withPrefix: prefix) == scanned, "\(prefix)")
            let fromArchive = opened.index.lexicon.ids(withPrefix: prefix).map { opened.index.lexicon.term($0) }
            #expect(fromArchive == scanned.map { terms[$0] }, "\(prefix)")
        }
        #expect(opened.index.lexicon.ids(withPrefix: "") == Array(0..<lexicon.count))
        // The stored order is the bytewise order of the terms, every id once.
        let order = opened.index.lexicon.termOrder.ids(of: opened.index.lexicon.table)
        #expect(order.count == terms.count && Set(order).count == terms.count)
        #expect(zip(order, order.dropFirst()).allSatisfy { Array(terms[Int($0)].utf8).lexicographicallyPrecedes(Array(terms[Int($1)].utf8)) })
    }

    @Test func thePackedHashSlotsFindEveryTermAndNoOther() throws {
        let loaded = try Self.corpus()
        let folder = try ArchiveFolder()
        try DossierArchive.write(loaded, to: folder.archive, sources: [])
        let opened = try DossierArchive.open(folder.archive, verify: true)
        let lexicon = opened.index.lexicon
        for id in 0..<lexicon.count { #expect(lexicon.id(of: lexicon.term(id)) == id) }
        for missing in ["qqqqqqqq", "governmentx", "zürichx", "nonexistentlongword"] { #expect(lexicon.id(of: missing) == nil) }
        // At most three-quarters full, and smaller than the loaded table's (grown at half full).
        let scalars = try StorageFileReader(path: try Self.lexiconFile(folder), kind: ArchiveFormat.lexiconKind).column(9, of: UInt64.self)
        #expect(scalars[1] * 3 >= scalars[0] * 4 && scalars[1] < scalars[0] * 3)
    }

    @Test func aDamagedSortedOrderIsCorruptedNamingTheLexicon() throws {
        let loaded = try Self.corpus()
        let folder = try ArchiveFolder()
        try DossierArchive.write(loaded, to: folder.archive, sources: [])
        let path = try Self.lexiconFile(folder)
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        // Section 10's first id made out of range (the footer checksum is not what opening reads).
        let start = bytes.withUnsafeBytes { Int($0.loadUnaligned(fromByteOffset: StorageFile.headerSize + 16 * 10, as: UInt64.self)) }
        for k in 0..<4 { bytes[start + k] = 0xFF }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        do {
            _ = try DossierArchive.open(folder.archive)
            Issue.record("opened a lexicon whose sorted order names a term that does not exist")
        } catch {
            guard case .corrupted(let named, _) = error else { Issue.record("\(error)"); return }
            #expect(named == path)
        }
    }

    @Test func oneFormatVersionForTheManifestTheFilesAndTheInfo() throws {
        let folder = try ArchiveFolder()
        try DossierArchive.write(try Self.corpus(), to: folder.archive, sources: [])
        let manifest = try ArchiveManifest.read(folder: folder.archive)
        #expect(manifest.version == Int(StorageFile.version) && StorageFile.version == 3)
        for name in manifest.fileNames {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: folder.archive + "/" + name)))
            #expect(bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: 8, as: UInt32.self) } == StorageFile.version, "\(name)")
        }
        #expect(try DossierArchive.info(folder.archive).formatVersion == 3)
    }
}
