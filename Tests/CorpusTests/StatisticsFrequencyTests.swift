import Foundation
import Testing
@testable import Corpus

/// `Corpus.frequencies` against counts made by scanning the documents' text.
@Suite struct StatisticsFrequencyTests {
    @Test func everyWordOfTheSeedsIsCounted() throws {
        let corpus = try StatisticsFixtures.seeds()
        let expected = StatisticsFixtures.frequencies(corpus.documents)
        let rows = corpus.frequencies(top: nil, stopwords: nil)
        #expect(rows.count == expected.count)
        for row in rows {
            let want = try #require(expected[row.term], "unexpected term \(row.term)")
            #expect(row.count == want.count, "count of \(row.term)")
            #expect(row.docs == want.docs, "docs of \(row.term)")
        }
        // Sorted by count, then by term.
        for (a, b) in zip(rows, rows.dropFirst()) {
            #expect(a.count > b.count || (a.count == b.count && a.term.utf8.lexicographicallyPrecedes(b.term.utf8)))
        }
    }

    @Test func stopwordsAndKinds() throws {
        let corpus = try StatisticsFixtures.seeds()
        let withStop = corpus.frequencies(top: nil, stopwords: nil)
        let without = corpus.frequencies(top: nil)  // English stopwords by default
        #expect(withStop.contains { $0.term == "the" })
        #expect(!without.contains { Stopwords.english.contains($0.term) })
        #expect(without.count == withStop.filter { !Stopwords.english.contains($0.term) }.count)
        // Numbers only when asked.
        #expect(!without.contains { $0.term == "2023" })
        let numbers = corpus.frequencies(top: nil, stopwords: nil, kinds: [.number])
        let expected = StatisticsFixtures.frequencies(corpus.documents, kinds: [.number])
        #expect(numbers.count == expected.count)
        #expect(numbers.first { $0.term == "2023" }?.count == expected["2023"]?.count)
        // A custom list removes exactly its words.
        let custom = corpus.frequencies(top: nil, stopwords: Stopwords(["US", "China"]))
        #expect(!custom.contains { $0.term == "us" || $0.term == "china" })
        #expect(custom.contains { $0.term == "the" })
    }

    @Test func topCutsAfterRanking() throws {
        let corpus = try StatisticsFixtures.seeds()
        let all = corpus.frequencies(top: nil)
        let top = corpus.frequencies(top: 7)
        #expect(top == Array(all.prefix(7)))
        #expect(corpus.frequencies(top: 0).isEmpty)
    }

    @Test func subCorpusCountsOnlyItsDocuments() throws {
        let corpus = try StatisticsFixtures.seeds()
        let first = try #require(corpus.documents.first)
        let sub = corpus.filter { $0 !== first }
        let expected = StatisticsFixtures.frequencies(sub.documents)
        let rows = sub.frequencies(top: nil, stopwords: nil)
        #expect(rows.count == expected.count)
        for row in rows {
            #expect(row.count == expected[row.term]?.count && row.docs == expected[row.term]?.docs, "\(row.term)")
        }
        // The filter changes the answer: the root counts more.
        let root = Dictionary(uniqueKeysWithValues: corpus.frequencies(top: nil, stopwords: nil).map { ($0.term, $0.count) })
        #expect(rows.contains { root[$0.term] != $0.count })
        // A filter that keeps every document gives the root's list.
        #expect(corpus.filter { _ in true }.frequencies(top: 50) == corpus.frequencies(top: 50))
        #expect(corpus.filter { _ in false }.frequencies(top: nil).isEmpty)
    }

    @Test func smallTextByHand() {
        let corpus = StatisticsFixtures.corpus([
            "Talks in Beijing. The talks, Beijing said, went well.",
            "Beijing hosted talks on 18 June.",
        ])
        let rows = corpus.frequencies(top: nil, stopwords: nil)
        let byTerm = Dictionary(uniqueKeysWithValues: rows.map { ($0.term, $0) })
        #expect(byTerm["beijing"]?.count == 3 && byTerm["beijing"]?.docs == 2)
        #expect(byTerm["talks"]?.count == 3 && byTerm["talks"]?.docs == 2)
        #expect(byTerm["went"]?.count == 1 && byTerm["went"]?.docs == 1)
        #expect(byTerm["18"] == nil && byTerm[","] == nil && byTerm["headline"] == nil)
        #expect(rows.prefix(2).map(\.term) == ["beijing", "talks"])
    }
}
