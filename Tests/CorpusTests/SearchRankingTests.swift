import Foundation
import Testing
@testable import Corpus

/// BM25 ranking on small corpora where the right order is plain.
@Suite struct SearchRankingTests {
    typealias F = SearchFixtures

    /// Texts: (a) short, tf 1; (b) long, tf 1; (c) short, tf 2; then two without the term.
    let texts = [
        "The balloon drifted over the sea.",
        "The balloon drifted over the sea and then over the hills, the farms, the rivers and the towns far inland.",
        "The balloon, a white balloon, drifted.",
        "Ships crossed the sea.",
        "Trains crossed the hills.",
    ]

    @Test func higherFrequencyAndShorterDocumentsRankFirst() throws {
        let corpus = F.corpus(texts)
        let hits = try Search.search(corpus, "balloon")
        #expect(hits.map(\.document.id) == ["c", "a", "b"])
        #expect(hits[0].score > hits[1].score && hits[1].score > hits[2].score)
    }

    @Test func scoresFollowTheFormula() throws {
        let corpus = F.corpus(texts)
        let lengths = corpus.documents.map(\.wordCount)
        // Word counts read off the texts above.
        #expect(lengths == [6, 20, 6, 4, 4])
        let average = Double(lengths.reduce(0, +)) / 5
        let hits = try Search.search(corpus, "balloon")
        let tf = ["a": 1, "b": 1, "c": 2]
        for hit in hits {
            let want = F.bm25(tf: tf[hit.document.id] ?? 0, length: hit.document.wordCount, averageLength: average, df: 3, documents: 5)
            #expect(abs(hit.score - want) < 1e-12)
        }
        // Several terms: the sum of each term's score.
        let sea = try #require(try Search.search(corpus, "balloon sea").first { $0.document.id == "a" })
        let want = F.bm25(tf: 1, length: 6, averageLength: average, df: 3, documents: 5)
            + F.bm25(tf: 1, length: 6, averageLength: average, df: 3, documents: 5)
        #expect(abs(sea.score - want) < 1e-12)
        // OR: a document scores the terms it has.
        let either = try Search.search(corpus, "balloon OR ships")
        let d = try #require(either.first { $0.document.id == "d" })
        #expect(abs(d.score - F.bm25(tf: 1, length: 4, averageLength: average, df: 1, documents: 5)) < 1e-12)
        // NOT and field clauses add nothing.
        let filtered = try Search.search(corpus, "balloon -ships")
        #expect(filtered.map(\.score) == hits.map(\.score))
    }

    @Test func aRarerTermWeighsMore() throws {
        let corpus = F.corpus(["common rare", "common", "common", "common other", "common other"])
        let hits = try Search.search(corpus, "common OR rare")
        #expect(hits.first?.document.id == "a")
        // "other" (df 2) beats nothing, but "rare" (df 1) beats "other".
        let mixed = try Search.search(F.corpus(["x rare", "x other", "x other", "x"]), "rare OR other")
        #expect(mixed.map(\.document.id) == ["a", "b", "c"])
    }

    @Test func phrasesUseTheirOwnDocumentFrequency() throws {
        // "spy" and "balloon" are in three documents each; the phrase is in one.
        let corpus = F.corpus(["spy balloon", "spy and balloon", "balloon spy", "nothing here"])
        let hit = try #require(try Search.search(corpus, "\"spy balloon\"").first)
        #expect(hit.document.id == "a")
        let average = Double(corpus.documents.map(\.wordCount).reduce(0, +)) / 4
        #expect(abs(hit.score - F.bm25(tf: 1, length: 2, averageLength: average, df: 1, documents: 4)) < 1e-12)
    }

    @Test func tiesKeepDocumentOrder() throws {
        let corpus = F.corpus(["same balloon text", "other words here", "same balloon text", "same balloon text"])
        let hits = try Search.search(corpus, "balloon")
        #expect(hits.map(\.document.id) == ["a", "c", "d"])
        #expect(Set(hits.map(\.score)).count == 1)
        #expect(try Search.search(corpus, "balloon", limit: 2).map(\.document.id) == ["a", "c"])
    }

    @Test func prefixScoresEveryExpandedTerm() throws {
        let corpus = F.corpus(["diplomat diplomacy", "diplomat", "trade"])
        let hits = try Search.search(corpus, "diplom*")
        #expect(hits.map(\.document.id) == ["a", "b"])
        let average = Double(corpus.documents.map(\.wordCount).reduce(0, +)) / 3
        let want = F.bm25(tf: 1, length: 2, averageLength: average, df: 2, documents: 3)
            + F.bm25(tf: 1, length: 2, averageLength: average, df: 1, documents: 3)
        #expect(abs(hits[0].score - want) < 1e-12)
    }

    @Test func prefixExpansionIsCappedToTheMostFrequentTerms() throws {
        // 1,200 terms share the prefix "w"; the last 100 are in two more documents each.
        var texts = (0..<1200).map { String(format: "w%04d filler", $0) }
        let shared = (1100..<1200).map { String(format: "w%04d", $0) }.joined(separator: " ")
        texts += [shared, shared]
        let corpus = CorpusLoader.corpus(texts: texts.enumerated().map { (String(format: "%04d", $0.offset), "Headline\n\n" + $0.element) })
        let matched = try Search.documents(corpus, "w*").map(\.index)
        #expect(QueryPlan.prefixExpansionLimit == 1000)
        // The 100 frequent terms and 900 of the others: 1,000 terms, 1,002 documents.
        #expect(matched.count == 1002)
        #expect(Set(1100..<1202).isSubset(of: Set(matched)))
        #expect(matched.filter { $0 < 1100 }.count == 900)
    }

    @Test func manySegmentsGiveTheSameAnswer() throws {
        // Postings split over many segments (cursor skipping between segments).
        let folder = try SearchTemporaryFolder()
        var texts: [String] = []
        for i in 0..<200 {
            var words = ["filler\(i % 13)", "common"]
            if i % 7 == 0 { words.append("seven") }
            if i % 11 == 0 { words.append("eleven") }
            if i % 7 == 0 && i % 2 == 0 { words += ["spy", "balloon"] }
            texts.append(words.joined(separator: " "))
            try folder.write(String(format: "%03d.txt", i), "T\(i)\n\n" + texts[i] + ".\n")
        }
        for size in [3, 16, 1000] {
            let corpus = try CorpusLoader.load(path: folder.url.path, segmentSize: size)
            func ids(_ q: String) throws -> [Int] { try Search.documents(corpus, q).map(\.index) }
            #expect(try ids("seven eleven") == (0..<200).filter { $0 % 77 == 0 })
            #expect(try ids("seven -eleven") == (0..<200).filter { $0 % 7 == 0 && $0 % 11 != 0 })
            #expect(try ids("seven OR eleven") == (0..<200).filter { $0 % 7 == 0 || $0 % 11 == 0 })
            #expect(try ids("\"spy balloon\" eleven") == (0..<200).filter { $0 % 154 == 0 })
            #expect(try ids("filler1*") == (0..<200).filter { [1, 10, 11, 12].contains($0 % 13) })
            let sub = corpus.filter { $0.index % 3 == 0 }
            #expect(try Search.documents(sub, "seven").map(\.index) == (0..<200).filter { $0 % 21 == 0 })
        }
    }
}

/// A temporary folder removed when the value goes away.
final class SearchTemporaryFolder {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-search-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    func write(_ name: String, _ contents: String) throws {
        try Data(contents.utf8).write(to: url.appendingPathComponent(name))
    }
    deinit { try? FileManager.default.removeItem(at: url) }
}
