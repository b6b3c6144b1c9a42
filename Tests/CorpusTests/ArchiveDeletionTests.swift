import Foundation
import Testing
@testable import Corpus

/// An archive with deletions is opened with its segments as written (nothing re-encoded), and
/// every reader skips the deleted documents: the answers are a fresh index's of the survivors,
/// down to postings, positions, skips and scores.
@Suite struct ArchiveDeletionTests {
    static let seedsPath = SavedArchiveTests.seedsPath
    static let benchPath = SavedArchiveTests.benchPath
    let compare = SavedArchiveTests()

    private func fileName(_ document: Document) -> String { URL(fileURLWithPath: document.path).lastPathComponent }

    /// The opened archive's segments are the files' mapped columns, and those with deleted
    /// documents carry a live map instead of new streams.
    private func expectNotReencoded(_ archive: String, deleted: Int) throws {
        let opened = try DossierArchive.open(archive)
        let segments = opened.index.segments
        // (An empty section is an empty column, not a mapped one.)
        func inPlace<T>(_ column: Column<T>) -> Bool { column.isMapped || column.isEmpty }
        #expect(segments.allSatisfy { inPlace($0.docStream) && inPlace($0.positionStream) && inPlace($0.termDocOffset)
            && inPlace($0.blocks.docOffset) && inPlace($0.blocks.maxWeight) })
        #expect(segments.contains { $0.liveBefore != nil && $0.docStream.isMapped })
        let skipped = segments.reduce(0) { $0 + $1.storedCount - $1.documentCount }
        #expect(skipped == deleted)
        #expect(segments.contains { $0.liveBefore != nil })
        #expect(segments.allSatisfy { ($0.liveBefore == nil) == ($0.storedCount == $0.documentCount) })
    }

    /// Term by term: the same documents, frequencies and positions through every reader of
    /// the postings (whole lists, the cursor with skips, block-max top documents).
    private func expectSamePostings(_ a: Corpus, _ b: Corpus, terms: [String]) {
        for term in terms {
            let idA = a.index.lexicon.id(of: term) ?? -1, idB = b.index.lexicon.id(of: term) ?? -1
            func listing(_ c: Corpus, _ id: Int) -> [String] {
                c.index.postings(id).map { "\(c.documents[$0.document].id) \($0.frequency) \(c.index.positions(of: $0))" }
            }
            #expect(listing(a, idA) == listing(b, idB), "postings of \(term)")
            func skipping(_ c: Corpus, _ id: Int) -> [String] {
                var cursor = PostingCursor(index: c.index, term: id)
                var seen: [String] = []
                var target = 0
                var positions: [Int] = []
                while true {
                    cursor.advance(to: target)
                    guard cursor.document < Int.max else { break }
                    cursor.positions(into: &positions)
                    seen.append("\(cursor.document) \(cursor.frequency) \(positions)")
                    cursor.next()
                    guard cursor.document < Int.max else { break }
                    cursor.positions(into: &positions)
                    seen.append("\(cursor.document) \(cursor.frequency) \(positions)")
                    target = cursor.document + 3
                }
                return seen
            }
            #expect(skipping(a, idA) == skipping(b, idB), "cursor over \(term)")
            let topA = a.index.topDocuments(term: idA, k: 10, include: { _ in true }).map { "\($0.document) \($0.score)" }
            let topB = b.index.topDocuments(term: idB, k: 10, include: { _ in true }).map { "\($0.document) \($0.score)" }
            #expect(topA == topB, "top documents for \(term)")
        }
    }

    private func expectSameStatistics(_ a: Corpus, _ b: Corpus, node: String) throws {
        #expect(a.documents.map(\.id) == b.documents.map(\.id))
        #expect(a.documents.map(\.index) == Array(0..<b.count) && b.documents.map(\.index) == Array(0..<b.count))
        #expect(a.index.lexicon.documentCount == b.index.lexicon.documentCount)
        for n in 1...3 {
            #expect(try a.ngrams(n, top: 100).map { "\($0)" } == (try b.ngrams(n, top: 100).map { "\($0)" }), "\(n)-grams")
        }
        #expect(try a.collocations(of: node, top: 50).map { "\($0)" } == (try b.collocations(of: node, top: 50).map { "\($0)" }))
        // Per-document keywords: tf-idf with the live documents' N and df.
        for (x, y) in zip(a.documents, b.documents).prefix(40) {
            #expect(x.keywords(top: 20).map { "\($0)" } == y.keywords(top: 20).map { "\($0)" }, "keywords of \(x.id)")
        }
    }

    @Test func seedsWithAWholeSegmentRemovedAndOneReplacedAnswerAsTheSurvivors() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.seedsPath).sorted()
        #expect(names.count >= 5)
        let source = try ArchiveFolder()
        try link(names, from: Self.seedsPath, into: source.path + "/all")
        try link([names[0]], from: Self.seedsPath, into: source.path + "/again")
        let archive = try ArchiveFolder()
        // Segments of two documents: removing the 3rd and 4th empties one segment entirely.
        let seeds = try CorpusLoader.load(path: source.path + "/all", segmentSize: 2)
        try DossierArchive.write(seeds, to: archive.archive, sources: [])
        try DossierArchive.remove([seeds.documents[2].id, seeds.documents[3].id], from: archive.archive)
        let info = try DossierArchive.add(try CorpusLoader.load(path: source.path + "/again"), to: archive.archive, sources: [])
        #expect(info.replaced == 1 && info.deleted == 3)

        let fresh = try ArchiveFolder()
        try link([names[1]] + names[4...], from: Self.seedsPath, into: fresh.path + "/a")
        try link([names[0]], from: Self.seedsPath, into: fresh.path + "/b")
        let loaded = try CorpusLoader.load(path: fresh.path, segmentSize: 2)
        let opened = try DossierArchive.open(archive.archive, verify: true)
        try expectNotReencoded(archive.archive, deleted: 3)
        try compare.expectSame(loaded, opened,
                               queries: ["said", "the", "\"prime minister\"", "minist*", "police OR court", "year -said",
                                         "government AND minister", "said -police -court", "\"the government\" OR \"the police\""],
                               analyses: true, sameTermIDs: false, samePaths: false, sameVocabulary: false)
        expectSamePostings(loaded, opened, terms: ["the", "said", "minister", "police", "government", "a"])
        try expectSameStatistics(loaded, opened, node: "said")
        // Written out as a new archive, the segments hold only the live documents.
        let copy = try ArchiveFolder()
        try DossierArchive.write(opened, to: copy.archive, sources: [])
        let rewritten = try DossierArchive.open(copy.archive, verify: true)
        #expect(rewritten.index.segments.allSatisfy { $0.liveBefore == nil } && rewritten.index.segments.map(\.documentCount) == [1, 0, 1, 1])
        try compare.expectSame(loaded, rewritten, queries: ["said", "the", "\"prime minister\"", "police OR court", "year -said"],
                               analyses: false, sameTermIDs: false, samePaths: false, sameVocabulary: false)
        expectSamePostings(loaded, rewritten, terms: ["the", "said", "minister"])
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: benchPath), "no bench corpus in /tmp/dossier-bench/copies-1"))
    func benchDocumentsWithWholeSkipBlocksRemovedAnswerAsTheSurvivors() throws {
        let names = Array(try FileManager.default.contentsOfDirectory(atPath: Self.benchPath).sorted().prefix(600))
        let archive = try ArchiveFolder()
        // Segments of 300: frequent terms have skip blocks of 128 documents; removing documents
        // 0..<280 deletes whole blocks of each of them, and every 9th more are spread.
        let source = try ArchiveFolder()
        try link(names, from: Self.benchPath, into: source.path + "/all")
        let corpus = try CorpusLoader.load(path: source.path + "/all", segmentSize: 300)
        try DossierArchive.write(corpus, to: archive.archive, sources: [])
        // (The few documents with a word starting "gov" stay: a term only deleted documents have
        // stays in the lexicon until `--compact`, and `expectSame` compares what `gov*` finds.)
        let removed = Set(corpus.documents.filter { (0..<280).contains($0.index) || $0.index % 9 == 4 }
            .filter { !$0.text.lowercased().contains("gov") }.map(fileName))
        try DossierArchive.remove(corpus.documents.filter { removed.contains(fileName($0)) }.map(\.id), from: archive.archive)

        let fresh = try ArchiveFolder()
        try link(names.filter { !removed.contains($0) }, from: Self.benchPath, into: fresh.path + "/a")
        let loaded = try CorpusLoader.load(path: fresh.path, segmentSize: 300)
        let opened = try DossierArchive.open(archive.archive, verify: true)
        #expect(opened.count == loaded.count && opened.index.averageLength == loaded.index.averageLength)
        try expectNotReencoded(archive.archive, deleted: removed.count)
        try compare.expectSame(loaded, opened,
                               queries: ["said", "the", "police", "\"prime minister\"", "gov*", "water AND river",
                                         "police OR court OR minister", "the -said", "said AND NOT police",
                                         "\"the government\" OR minister"],
                               analyses: false, sameTermIDs: false, samePaths: false, sameVocabulary: false)
        expectSamePostings(loaded, opened, terms: ["the", "said", "a", "to", "police", "minister", "court", "water"])
        try expectSameStatistics(loaded, opened, node: "police")
    }

    @Test func theDeletedDocumentsCountsAreStoredWithTheBitmap() throws {
        let folder = try ArchiveFolder()
        let seeds = try CorpusLoader.load(path: Self.seedsPath)
        try DossierArchive.write(seeds, to: folder.archive, sources: [])
        try DossierArchive.remove([seeds.documents[1].id, seeds.documents[3].id], from: folder.archive)
        let stored = try ArchiveReader(folder: folder.archive).read(verify: true)
        let bitmap = try #require(stored.deletions[0])
        let statistics = try #require(bitmap.statistics)
        #expect(statistics.tokens == seeds.documents[1].terms.count + seeds.documents[3].terms.count)
        #expect(statistics == stored.counted(bitmap, batch: 0))

        // The opened archive's frequencies are the live documents' own, counted here directly.
        let opened = stored.live()
        let lexicon = opened.index.lexicon
        var df = [UInt32](repeating: 0, count: lexicon.count), cf = df
        for document in opened.documents {
            var seen = Set<Int>()
            for id in document.terms {
                cf[Int(id)] += 1
                if seen.insert(Int(id)).inserted { df[Int(id)] += 1 }
            }
        }
        #expect(lexicon.documentFrequency == df && lexicon.collectionFrequency == cf)
        #expect(opened.index.tokenCount == opened.documents.reduce(0) { $0 + $1.terms.count })

        // A bitmap written before the counts were stored: opening counts them, to the same figures.
        var older = bitmap
        older.statistics = nil
        let counted = StoredArchive(folder: stored.folder, manifest: stored.manifest, batches: stored.batches,
                                    deletions: [older], lengths: stored.lengths, tokenCount: stored.tokenCount,
                                    segments: stored.segments, lexicon: stored.lexicon, sequences: stored.sequences).live()
        #expect(counted.index.lexicon.documentFrequency == df && counted.index.lexicon.collectionFrequency == cf)
        #expect(counted.index.tokenCount == opened.index.tokenCount)
        // Its file has the bits and scalars only, and still opens.
        let path = folder.archive + "/deletions-b1-2.dsf"
        let reader = try StorageFileReader(path: path, kind: ArchiveFormat.deletionsKind)
        #expect(reader.sectionCount == 5)
        try older.file().write(to: path)
        let reopened = try DossierArchive.open(folder.archive, verify: true)
        #expect(reopened.index.lexicon.documentFrequency == df && reopened.index.tokenCount == opened.index.tokenCount)
    }
}
