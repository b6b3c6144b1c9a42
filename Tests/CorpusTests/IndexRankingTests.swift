import Foundation
import Testing
@testable import Corpus

/// Block-max ranking must return exactly what scoring every posting returns.
@Suite struct IndexRankingTests {
    func bruteForce(_ corpus: Corpus, term: Int, k: Int, include: (Int) -> Bool) -> [(Int, Double)] {
        let index = corpus.index
        let idf = index.idf(documentFrequency: Int(index.lexicon.documentFrequency[term]))
        var all: [(Int, Double)] = []
        for p in index.postings(term) where include(p.document) {
            let w = CorpusIndex.termWeight(frequency: p.frequency, length: Double(index.documentLengths[p.document]),
                                           averageLength: index.averageLength)
            all.append((p.document, idf * w))
        }
        all.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        return Array(all.prefix(k))
    }

    @Test func blockMaxMatchesExhaustiveScoring() throws {
        var generator = SystemRandomNumberGenerator()
        let vocabulary = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"]
        let texts = (0..<900).map { i -> (String, String) in
            let n = Int.random(in: 3...120, using: &generator)
            let body = (0..<n).map { _ in vocabulary.randomElement(using: &generator) ?? "x" }.joined(separator: " ")
            return (String(format: "d%04d", i), "Heading \(i)\n\n\(body).")
        }
        let corpus = CorpusLoader.corpus(texts: texts)
        for word in vocabulary {
            let term = try #require(corpus.index.lexicon.id(of: word))
            #expect(corpus.index.lexicon.documentFrequency[term] > 128)
            for k in [1, 10, 37] {
                let fast = corpus.index.topDocuments(term: term, k: k) { _ in true }
                let slow = bruteForce(corpus, term: term, k: k) { _ in true }
                #expect(fast.map(\.document) == slow.map(\.0), "\(word) k=\(k)")
                for (a, b) in zip(fast, slow) { #expect(abs(a.score - b.1) < 1e-9) }
            }
            let even: (Int) -> Bool = { $0 % 2 == 0 }
            #expect(corpus.index.topDocuments(term: term, k: 10, include: even).map(\.document) ==
                    bruteForce(corpus, term: term, k: 10, include: even).map(\.0))
        }
    }

    @Test func searchOfOneTermAgreesWithBooleanEvaluation() throws {
        var generator = SystemRandomNumberGenerator()
        let texts = (0..<400).map { i -> (String, String) in
            let n = Int.random(in: 5...60, using: &generator)
            let body = (0..<n).map { _ in Bool.random(using: &generator) ? "balloon" : "filler" }.joined(separator: " ")
            return (String(format: "d%04d", i), "Heading\n\n\(body).")
        }
        let corpus = CorpusLoader.corpus(texts: texts)
        // "balloon" alone takes the block-max path; "balloon AND balloon" the general one.
        let single = try Search.search(corpus, "balloon", limit: 15, snippets: false)
        let general = try Search.search(corpus, "balloon OR zzzz", limit: 15, snippets: false)
        #expect(single.map(\.document.id) == general.map(\.document.id))
        let sub = corpus.filter { $0.index % 3 == 0 }
        let subSingle = try Search.search(sub, "balloon", limit: 5, snippets: false)
        #expect(subSingle.allSatisfy { $0.document.index % 3 == 0 })
        #expect(subSingle.map(\.document.id) == (try Search.search(sub, "balloon OR zzzz", limit: 5, snippets: false)).map(\.document.id))
    }
}
