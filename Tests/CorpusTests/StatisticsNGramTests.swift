import Foundation
import Testing
@testable import Corpus

/// `Corpus.ngrams`: counts match a brute-force count over the text; sentence ends and
/// punctuation break n-grams.
@Suite struct StatisticsNGramTests {
    func check(_ corpus: Corpus, n: Int, min: Int, stopwords: Stopwords?) throws {
        let expected = StatisticsFixtures.ngrams(corpus.documents, n: n, stopwords: stopwords).filter { $0.value.count >= min }
        let rows = try corpus.ngrams(n, min: min, stopwords: stopwords, top: nil)
        #expect(rows.count == expected.count, "n = \(n), min = \(min)")
        for row in rows {
            let key = row.terms.joined(separator: " ")
            let want = try #require(expected[key], "unexpected n-gram '\(key)'")
            #expect(row.count == want.count && row.docs == want.docs, "'\(key)'")
            #expect(row.terms.count == n)
        }
        for (a, b) in zip(rows, rows.dropFirst()) {
            #expect(a.count > b.count || (a.count == b.count && a.text.utf8.lexicographicallyPrecedes(b.text.utf8)))
        }
    }

    @Test func seedsMatchBruteForce() throws {
        let corpus = try StatisticsFixtures.seeds()
        for n in 1...5 {
            try check(corpus, n: n, min: 1, stopwords: nil)
            try check(corpus, n: n, min: 2, stopwords: .english)
        }
        try check(corpus, n: 8, min: 1, stopwords: nil)
    }

    @Test func subCorpusMatchesBruteForce() throws {
        let corpus = try StatisticsFixtures.seeds()
        let sub = corpus.filter { $0.index % 2 == 0 }
        try check(sub, n: 2, min: 1, stopwords: nil)
        try check(sub, n: 3, min: 2, stopwords: .english)
        let rootTop = try corpus.ngrams(2, top: 10)
        let subTop = try sub.ngrams(2, top: 10)
        #expect(rootTop != subTop)
    }

    @Test func sentencesAndPunctuationBreakNGrams() throws {
        let corpus = StatisticsFixtures.corpus([
            "Foreign minister Qin met Blinken. Foreign minister Qin, a diplomat, spoke (briefly) to reporters.",
            "The foreign minister – Qin – spoke. Minister Qin's aides were \"foreign minister\" staff.",
        ])
        let rows = try corpus.ngrams(2, min: 1, stopwords: nil, top: nil)
        let byText = Dictionary(uniqueKeysWithValues: rows.map { ($0.text, $0) })
        #expect(byText["foreign minister"]?.count == 4)
        #expect(byText["foreign minister"]?.docs == 2)
        #expect(byText["minister qin"]?.count == 3)
        #expect(byText["blinken foreign"] == nil)  // sentence end
        #expect(byText["qin a"] == nil)  // comma
        #expect(byText["diplomat spoke"] == nil)  // comma
        #expect(byText["spoke briefly"] == nil && byText["briefly to"] == nil)  // parentheses
        #expect(byText["minister qin"] != nil && byText["qin spoke"] == nil)  // dashes
        #expect(byText["were foreign"] == nil)  // quotation mark
        // The clitic is its own token, attached in the text.
        #expect(byText["qin's"]?.terms == ["qin", "'s"])
        #expect(byText["'s aides"]?.count == 1)
        #expect(try !corpus.ngrams(2, min: 1, top: nil).contains { $0.terms.contains("'s") })  // a stopword at an edge
        let trigrams = try corpus.ngrams(3, min: 1, stopwords: nil, top: nil)
        #expect(trigrams.contains { $0.text == "qin's aides" })
    }

    @Test func hyphenatedWordsStayWhole() throws {
        let corpus = StatisticsFixtures.corpus(["A face-to-face meeting. Another face-to-face meeting. A face - to meeting."])
        let rows = try corpus.ngrams(2, min: 1, stopwords: nil, top: nil)
        #expect(rows.first { $0.text == "face-to-face meeting" }?.count == 2)
        #expect(!rows.contains { $0.text == "face to" })  // a spaced hyphen is punctuation
    }

    @Test func stopwordsAtTheEdgesOnly() throws {
        let corpus = StatisticsFixtures.corpus([
            "The secretary of state visited the capital. The secretary of state left the capital.",
        ])
        let bigrams = try corpus.ngrams(2, min: 1, top: nil).map(\.text)
        #expect(!bigrams.contains("the secretary") && !bigrams.contains("of state") && !bigrams.contains("secretary of"))
        let trigrams = try corpus.ngrams(3, min: 2, top: nil)
        #expect(trigrams.map(\.text) == ["secretary of state"])
        #expect(trigrams.first?.count == 2 && trigrams.first?.docs == 1)
        let kept = try corpus.ngrams(3, min: 2, stopwords: nil, top: nil).map(\.text)
        #expect(kept.contains("the secretary of") && kept.contains("secretary of state"))
    }

    @Test func minimumAndTop() throws {
        let corpus = try StatisticsFixtures.seeds()
        let all = try corpus.ngrams(2, min: 3, top: nil)
        #expect(all.allSatisfy { $0.count >= 3 })
        #expect(try corpus.ngrams(2, min: 3, top: 5) == Array(all.prefix(5)))
        #expect(try corpus.ngrams(2, min: 0, top: nil).count == corpus.ngrams(2, min: 1, top: nil).count)
    }

    @Test func lengthOutOfRangeThrows() throws {
        let corpus = try StatisticsFixtures.seeds()
        #expect(throws: StatisticsError.invalidNGramLength(0)) { try corpus.ngrams(0) }
        #expect(throws: StatisticsError.invalidNGramLength(9)) { try corpus.ngrams(9) }
    }

    /// The three table layouts count the same n-grams (packed up to n = 3, wide up to 6), however
    /// the documents are split between threads (tables of parts are merged).
    @Test func tableLayoutsAndPartsAgree() throws {
        let corpus = try StatisticsFixtures.seeds()
        let lexicon = corpus.index.lexicon
        func rows<T: GramTable>(_ table: T) -> [String: [Int]] {
            var out: [String: [Int]] = [:]
            table.forEachEntry { handle, count, docs in
                out[table.ids(of: handle).map { lexicon.term(Int($0)) }.joined(separator: " ")] = [count, docs]
            }
            return out
        }
        for n in 2...6 {
            let expected = StatisticsFixtures.ngrams(corpus.documents, n: n, stopwords: nil).mapValues { [$0.count, $0.docs] }
            #expect(expected.count > 1000)
            for parts in [1, 2, 5] {
                if n <= 3 {
                    let packed = NGramCounter.count(corpus.documents, length: n, lexicon: lexicon, stopwords: nil,
                                                    as: PackedGramTable<OneWordGramKey>.self, parts: parts)
                    #expect(rows(packed) == expected, "packed, n = \(n), \(parts) parts")
                }
                let wide = NGramCounter.count(corpus.documents, length: n, lexicon: lexicon, stopwords: nil,
                                              as: PackedGramTable<TwoWordGramKey>.self, parts: parts)
                #expect(rows(wide) == expected, "wide, n = \(n), \(parts) parts")
                let sequence = NGramCounter.count(corpus.documents, length: n, lexicon: lexicon, stopwords: nil,
                                                  as: SequenceGramTable.self, parts: parts)
                #expect(rows(sequence) == expected, "sequence, n = \(n), \(parts) parts")
            }
        }
    }

    @Test func emptyAndOddDocuments() throws {
        let corpus = StatisticsFixtures.corpus(["", "...", "Word", "\u{FEFF}\u{00A0}", "one two\r\nthree four"])
        #expect(try corpus.ngrams(2, min: 1, stopwords: nil, top: nil).count >= 1)
        #expect(try corpus.ngrams(8, min: 1, stopwords: nil, top: nil).isEmpty)
        #expect(corpus.frequencies(top: nil).contains { $0.term == "word" })
    }
}
