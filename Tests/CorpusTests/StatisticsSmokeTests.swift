import Foundation
import Testing
import Corpus

@Suite struct StatisticsSmokeTests {
    @Test func smoke() throws {
        let corpus = try CorpusLoader.load(path: TextFixtures.seedsURL.path)
        for f in corpus.frequencies(top: 15) { print("F", f.term, f.count, f.docs) }
        for g in try corpus.ngrams(2, top: 10) { print("B", g.text, g.count, g.docs) }
        for g in try corpus.ngrams(3, top: 10) { print("T", g.text, g.count, g.docs) }
        for g in try corpus.ngrams(5, min: 2, stopwords: nil, top: 5) { print("5", g.text, g.count, g.docs) }
        for m in AssociationMeasure.allCases {
            for c in try corpus.collocations(of: "Blinken", measure: m, top: 8) { print("C", m, c.term, c.score, c.count, c.expected) }
        }
        let sub = corpus.filter { $0.id.hasPrefix("00") }
        print(corpus.documents.map(\.id))
        let one = corpus.filter { $0 === corpus.documents[0] }
        for k in try one.keyness(against: corpus, top: 10) { print("K", k.term, k.score, k.count, k.referenceCount) }
        for k in try corpus.keyness(against: one, top: 3) { print("K2", k.term, k.score, k.count, k.referenceCount) }
        for k in corpus.documents[0].keywords() { print("W", k.term, k.score, k.count) }
        _ = sub
    }
}
