import Foundation
import Testing
@testable import Corpus

/// `--add`, `--remove` and `--compact` on an annotated archive: the analyses stored afterwards
/// answer exactly as computing them on the changed archive, and as a load of the same
/// documents; the near-duplicates are brought up to date from the stored pairs and band keys
/// (only the added documents signed), `--compact` keeps every analysis as it is.
///
/// Kept small (the seeds and two dozen bench documents, each archive annotated once per step):
/// every step annotates and computes all five analyses again, which a debug build pays for.
@Suite(.serialized) struct IncrementalAnnotationTests {
    private let base = AnnotatedArchiveTests()

    /// The seeds plus 24 bench documents (when the bench corpus is there), with copies of two
    /// seed articles (one whole, one cut) sorted into the second part, dealt into part A (the
    /// first two thirds by name), part B (the rest) and a folder with both.
    private func parts() throws -> (all: ArchiveFolder, a: ArchiveFolder, b: ArchiveFolder) {
        let all = try base.sources(bench: 24)
        for (seed, name, share) in [("000_938e29361b902f0b", "zz-copy-of-000.txt", 1.0), ("003_1610ba6e19cec07c", "zz-cut-of-003.txt", 0.7)] {
            let text = try String(contentsOfFile: SavedArchiveTests.seedsPath + "/\(seed).txt", encoding: .utf8)
            try String(text.prefix(Int(Double(text.count) * share))).write(toFile: all.path + "/" + name, atomically: true, encoding: .utf8)
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: all.path).filter { !$0.hasSuffix(".dossier") }.sorted()
        let a = try ArchiveFolder(), b = try ArchiveFolder()
        for (i, name) in names.enumerated() {
            let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: all.path + "/" + name)) ?? all.path + "/" + name
            try FileManager.default.createSymbolicLink(atPath: (i < names.count * 2 / 3 ? a : b).path + "/" + name,
                                                       withDestinationPath: target)
        }
        return (all, a, b)
    }

    /// The archive's analyses computed afresh (its stored ones set aside).
    private func computed(_ archive: String) throws -> Corpus {
        let corpus = try DossierArchive.open(archive)
        corpus.annotations.set(SavedAnalyses.key, Optional<SavedAnalyses>.none)
        return corpus
    }

    private func stored(_ archive: String) throws -> Corpus {
        let corpus = try DossierArchive.open(archive)
        #expect(corpus.savedAnalyses?.stored == SavedAnalyses.parts)
        return corpus
    }

    @Test func addRemoveAndCompactKeepTheStoredAnalysesExact() throws {
        let (all, a, b) = try parts()
        let folder = try ArchiveFolder()
        try DossierArchive.write(try CorpusLoader.load(path: a.path), to: folder.archive, sources: [a.path])
        var report = try DossierArchive.annotate(folder.archive).map(\.analysis)
        #expect(report.contains("duplicates"))
        // --add B: the near-duplicates from the stored ones and B's documents only.
        try DossierArchive.add(try CorpusLoader.load(path: b.path), to: folder.archive, sources: [b.path])
        report = try DossierArchive.annotate(folder.archive).map(\.analysis)
        #expect(report.contains("duplicates (added documents)") && !report.contains("duplicates"), "\(report)")
        #expect(report.contains("dates (added documents)") && !report.contains("dates"), "\(report)")
        let grown = try stored(folder.archive)
        let fresh = try CorpusLoader.load(path: all.path)
        #expect(grown.documents.map(\.id) == fresh.documents.map(\.id))
        try base.expectSameAnalyses(fresh, grown)
        let pairs = DuplicateFinder.duplicates(in: grown)
        // A pair across the parts (a seed in A, its copy in B) and one inside B (the copy and the cut of seeds).
        #expect(pairs.contains { $0.b.id.hasPrefix("zz-copy") && !$0.a.id.hasPrefix("zz") })
        // One built from A and B at once, annotated in one go, stores the same.
        let whole = try ArchiveFolder()
        try DossierArchive.write(fresh, to: whole.archive, sources: [all.path])
        try DossierArchive.annotate(whole.archive)
        try base.expectSameAnalyses(try stored(whole.archive), grown)

        // A replacing --add: a document of A comes again with other text (a copy of another
        // seed, so it makes a new pair), and goes to the end of the corpus.
        let replaced = try ArchiveFolder()
        let target = try #require(fresh.documents.first { $0.id.hasPrefix("001") })
        let other = try String(contentsOfFile: SavedArchiveTests.seedsPath + "/004_80314923cb317ff3.txt", encoding: .utf8)
        try other.write(toFile: replaced.path + "/\(target.id).txt", atomically: true, encoding: .utf8)
        let replacing = try DossierArchive.add(try CorpusLoader.load(path: replaced.path), to: folder.archive, sources: [replaced.path])
        #expect(replacing.replaced == 1)
        report = try DossierArchive.annotate(folder.archive).map(\.analysis)
        #expect(report.contains("duplicates (added documents)") && report.contains("dates (added documents)"), "\(report)")
        let afterReplace = try stored(folder.archive)
        #expect(afterReplace.documents.last?.id == target.id)
        #expect(DuplicateFinder.duplicates(in: afterReplace).contains { $0.b.id == target.id })
        try base.expectSameAnalyses(try computed(folder.archive), afterReplace)

        // --remove: a seed that has a copy, and a bench document (another seed without the bench corpus).
        let seed000 = try #require(fresh.documents.first { $0.id.hasPrefix("000") })
        let second = try #require(fresh.documents.first { $0.id.hasPrefix("bench-") } ?? fresh.documents.first { $0.id.hasPrefix("002") })
        try DossierArchive.remove([seed000.id, second.id], from: folder.archive)
        report = try DossierArchive.annotate(folder.archive).map(\.analysis)
        #expect(report.contains("duplicates (added documents)") && report.contains("dates (added documents)"), "\(report)")
        let afterRemove = try stored(folder.archive)
        #expect(!DuplicateFinder.duplicates(in: afterRemove).contains { $0.a.id == seed000.id })
        try base.expectSameAnalyses(try computed(folder.archive), afterRemove)

        // --compact keeps the documents, their order and so every analysis: still current, still exact.
        try DossierArchive.compact(folder.archive)
        let info = try DossierArchive.info(folder.archive)
        #expect(info.analysesCurrent && info.analyses.count == SavedAnalyses.parts.count)
        try base.expectSameAnalyses(try computed(folder.archive), try stored(folder.archive))
        // After it the batches have new names: the next --add signs every document again, exactly.
        try DossierArchive.add(try CorpusLoader.load(path: replaced.path), to: folder.archive, sources: [replaced.path])
        report = try DossierArchive.annotate(folder.archive).map(\.analysis)
        #expect(report.contains("dates") && !report.contains("dates (added documents)"), "\(report)")
        try base.expectSameAnalyses(try computed(folder.archive), try stored(folder.archive))
    }

    /// Dates from mentions scanned before: the mentions a smaller corpus resolved (against its
    /// own documents' dates and anchor), read back without their anchor, give the grown corpus's
    /// dates exactly as scanning every text does, although the anchors changed.
    @Test func datesFromEarlierMentionsAreTheScannedOnes() throws {
        let (all, a, _) = try parts()
        let small = try CorpusLoader.load(path: a.path), whole = try CorpusLoader.load(path: all.path)
        let before = try CorpusDates.build(small.documents, cancellation: .none)
        var byID: [String: [DateMention]] = [:]
        for doc in small.documents { byID[doc.id] = before.mentions(of: doc).map { $0.resolved(against: nil) } }
        let scanned = whole.documents.map { byID[$0.id] }
        #expect(scanned.contains { $0 == nil } && scanned.contains { $0 != nil })
        let reused = try CorpusDates.build(whole.documents, scanned: scanned, cancellation: .none)
        let fresh = try CorpusDates.build(whole.documents, cancellation: .none)
        #expect(reused.documents == fresh.documents)
        #expect(reused.latestPlausibleYear == fresh.latestPlausibleYear)
    }

    /// The claims' sentence vectors are ordered, and their weights summed, by feature id: the ids
    /// follow the features' bytes, not the term ids of the lexicon they were read from, so an
    /// archive grown by `--add`, one with removals and a compacted one (each numbering its
    /// lexicon differently) score every claim to the same bit.
    @Test func claimFeaturesAreNumberedByTheirTextNotTheLexicon() throws {
        let corpus = try CorpusLoader.load(path: SavedArchiveTests.seedsPath)
        let table = TermFeatureTable(lexicon: corpus.index.lexicon, normalizer: ContentNormalizer())
        #expect(table.keys.count > 100)
        #expect(zip(table.keys, table.keys.dropFirst()).allSatisfy { $0.0.utf8.lexicographicallyPrecedes($0.1.utf8) })
    }

    @Test func storedKeysAreReadBackAsWritten() throws {
        let source = try base.sources(bench: 0)
        let folder = try ArchiveFolder()
        try DossierArchive.write(try CorpusLoader.load(path: source.path), to: folder.archive, sources: [source.path])
        try DossierArchive.annotate(folder.archive)
        let manifest = try ArchiveManifest.read(folder: folder.archive)
        let name = try #require(manifest.analyses?.files["duplicates"])
        let file = try StorageFileReader(path: folder.archive + "/" + name, kind: DuplicateFile.kind)
        let (_, keys) = try #require(try DuplicateUpdate.stored(file))
        let stored = try ArchiveReader(folder: folder.archive).read(verify: false)
        let corpus = stored.live()
        #expect(keys.documents == corpus.count && keys.bands == 42)
        #expect(ArchivePlaces.names(keys) == ArchivePlaces(stored).names())
        for d in corpus.documents {
            let signature = MinHashSignature.signature(Shingles.set(d, size: 5), count: 128)
            #expect(Array(keys.keys[42 * d.index..<42 * (d.index + 1)]) == DuplicateKeys.keys(signature, options: DuplicateOptions()))
        }
    }
}
