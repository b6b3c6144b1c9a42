import Foundation
import Testing
@testable import Corpus

/// `PhraseFinder` (posting cursors aligned by document, positions decoded only where every
/// term meets) finds what a scan of every document's term ids finds: the same documents with
/// the same number of occurrences, across segment boundaries, in an opened archive (mapped
/// columns) and in one with deleted documents (live maps).
@Suite struct PhraseFinderTests {
    static let seedsPath = SavedArchiveTests.seedsPath
    static let benchPath = SavedArchiveTests.benchPath

    /// Every document holding `ids` at consecutive positions, with its count, by scanning the
    /// documents' term ids (what `TokenMatch` does for snippets).
    private func scanned(_ corpus: Corpus, _ ids: [Int]) -> [String] {
        let pattern = TokenPattern(slots: ids.map { [UInt32($0)] })
        return corpus.documents.compactMap { doc in
            let n = pattern.starts(in: Array(doc.terms)).count
            return n > 0 ? "\(doc.index) \(n)" : nil
        }
    }

    private func expectPhrasesAsScanned(_ corpus: Corpus, _ phrases: [String], _ what: String) {
        var found = 0
        for phrase in phrases {
            let words = phrase.split(separator: " ").map(String.init)
            let ids = words.compactMap { corpus.index.lexicon.id(of: $0) }
            guard ids.count == words.count else { continue }
            let (documents, frequencies) = PhraseFinder.postings(index: corpus.index, phrase: ids)
            let listed = zip(documents, frequencies).map { "\($0) \($1)" }
            #expect(listed == scanned(corpus, ids), "\"\(phrase)\" in \(what)")
            found += listed.count
        }
        #expect(found > 0, "no phrase found at all in \(what)")
    }

    static let seedPhrases = ["prime minister", "the government", "of the", "said the", "the the", "in the country",
                              "according to the", ", the", "the", "minister said", "said"]

    @Test func seedPhrasesAsScannedInSmallSegmentsAndInAnArchive() throws {
        // Segments of one and two documents: every list crossing is a segment crossing.
        for size in [1, 2, 3] {
            let corpus = try CorpusLoader.load(path: Self.seedsPath, segmentSize: size)
            expectPhrasesAsScanned(corpus, Self.seedPhrases, "seeds in segments of \(size)")
            let archive = try ArchiveFolder()
            try DossierArchive.write(corpus, to: archive.archive, sources: [])
            let opened = try DossierArchive.open(archive.archive)
            #expect(opened.index.segments.contains { $0.positionStream.isMapped })
            expectPhrasesAsScanned(opened, Self.seedPhrases, "the seeds' archive, segments of \(size)")
        }
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: benchPath), "no bench corpus in /tmp/dossier-bench/copies-1"))
    func benchPhrasesAsScannedWithDeletions() throws {
        let names = Array(try FileManager.default.contentsOfDirectory(atPath: Self.benchPath).sorted().prefix(1200))
        let source = try ArchiveFolder()
        try link(names, from: Self.benchPath, into: source.path + "/all")
        let corpus = try CorpusLoader.load(path: source.path + "/all", segmentSize: 250)
        let phrases = ["united states", "the united states", "prime minister", "of the", "the the", "said the",
                       "in the", "new south wales", "the government said", ". the", "it is", "is it"]
        expectPhrasesAsScanned(corpus, phrases, "1,200 bench documents")
        // Deleted documents are passed over with their positions (a live map, nothing re-encoded).
        let archive = try ArchiveFolder()
        try DossierArchive.write(corpus, to: archive.archive, sources: [])
        let removed = corpus.documents.filter { $0.index % 7 == 3 || (300..<420).contains($0.index) }.map(\.id)
        try DossierArchive.remove(removed, from: archive.archive)
        let opened = try DossierArchive.open(archive.archive)
        #expect(opened.index.segments.contains { $0.liveBefore != nil })
        #expect(opened.count == corpus.count - removed.count)
        expectPhrasesAsScanned(opened, phrases, "the bench archive with \(removed.count) deleted")
    }
}
