import Foundation
import Testing
@testable import Corpus

/// `Corpus.keyness` (log-likelihood of a target against a reference) and `Document.keywords`
/// (tf-idf).
@Suite struct StatisticsKeynessTests {
    /// 20 documents of filler; documents 0–3 also talk about a volcano.
    static func plantedBodies() -> [String] {
        let filler = ["The council met on Tuesday to discuss the budget.", "Residents asked about roads and schools.",
                      "The mayor said the plan would be ready soon.", "Several members raised questions about costs."]
        return (0..<20).map { d in
            var sentences = (0..<4).map { filler[($0 + d) % filler.count] }
            if d < 4 { sentences += ["The volcano erupted again.", "Ash from the volcano closed roads."] }
            return sentences.joined(separator: " ")
        }
    }

    /// [30, 10; 970, 8990]: 30 of 1,000 target words against 10 of 9,000 reference words.
    /// e11 = 40·1000/10000 = 4, e12 = 36, e21 = 996, e22 = 8964;
    /// G² = 2·(30 ln 7.5 + 10 ln(10/36) + 970 ln(970/996) + 8990 ln(8990/8964)) = 96.0355.
    @Test func handComputedKeyness() {
        let table = ContingencyTable(30, 10, 970, 8990)
        #expect(abs(table.signedLogLikelihood - 96.0355) < 1e-3)
        // The mirror (reference as target) is as strong, with the opposite sign.
        #expect(abs(ContingencyTable(10, 30, 8990, 970).signedLogLikelihood + 96.0355) < 1e-3)
    }

    @Test func plantedWordRanksFirst() throws {
        let corpus = StatisticsFixtures.corpus(Self.plantedBodies())
        let sub = corpus.filter { $0.index < 4 }
        let rows = try sub.keyness(against: corpus, top: nil)
        let first = try #require(rows.first)
        #expect(first.term == "volcano")
        #expect(first.score > 0 && first.count == 8 && first.referenceCount == 0)
        // The score from counts made independently: a = 8, b = 0, T and R = word tokens.
        let targetWords = sub.documents.reduce(0) { $0 + StatisticsFixtures.tokens($1.text).filter { $0.kind == .word }.count }
        let allWords = corpus.documents.reduce(0) { $0 + StatisticsFixtures.tokens($1.text).filter { $0.kind == .word }.count }
        let expected = ContingencyTable(8, 0, Double(targetWords - 8), Double(allWords - targetWords)).logLikelihood
        #expect(abs(first.score - expected) < 1e-9)
        // Sorted by score; words found only in the rest are negative.
        for (a, b) in zip(rows, rows.dropFirst()) { #expect(a.score >= b.score) }
        #expect(!rows.contains { Stopwords.english.contains($0.term) })
        #expect(rows.allSatisfy { $0.count + $0.referenceCount >= 3 })
    }

    @Test func eitherOrderAndExplicitRestAgree() throws {
        let corpus = StatisticsFixtures.corpus(Self.plantedBodies())
        let sub = corpus.filter { $0.index < 4 }
        let rest = corpus.filter { $0.index >= 4 }
        let a = try sub.keyness(against: corpus, top: nil)
        #expect(try corpus.keyness(against: sub, top: nil) == a)
        #expect(try sub.keyness(against: rest, top: nil) == a)
        // The rest against the sub-corpus: the same words with opposite signs.
        let mirrored = try rest.keyness(against: sub, top: nil)
        let scores = Dictionary(uniqueKeysWithValues: a.map { ($0.term, $0.score) })
        for row in mirrored { #expect(abs(row.score + (scores[row.term] ?? .nan)) < 1e-9, "\(row.term)") }
        #expect(mirrored.last?.term == "volcano")
    }

    @Test func separatelyLoadedReferenceMatchesByText() throws {
        let bodies = Self.plantedBodies()
        let corpus = StatisticsFixtures.corpus(bodies)
        let target = corpus.filter { $0.index < 4 }
        let other = StatisticsFixtures.corpus(Array(bodies[4...]))
        #expect(try target.keyness(against: other, top: nil) == target.keyness(against: corpus, top: nil))
    }

    @Test func emptySidesThrow() throws {
        let corpus = StatisticsFixtures.corpus(Self.plantedBodies())
        #expect(throws: StatisticsError.emptyReference) { try corpus.keyness(against: corpus) }
        let none = corpus.filter { _ in false }
        #expect(throws: StatisticsError.emptyTarget) { try none.keyness(against: corpus) }
    }

    @Test func seedsOneOutletAgainstTheRest() throws {
        let corpus = try StatisticsFixtures.seeds()
        let first = try #require(corpus.documents.first)
        let one = corpus.filter { $0 === first }
        let rows = try one.keyness(against: corpus, top: 20)
        let top = try #require(rows.first)
        let inDoc = StatisticsFixtures.frequencies([first])
        let inRest = StatisticsFixtures.frequencies(corpus.documents.filter { $0 !== first })
        #expect(top.count == inDoc[top.term]?.count && top.referenceCount == (inRest[top.term]?.count ?? 0))
        #expect(top.score > 0)
        // Another document gives another list.
        let second = corpus.filter { $0 === corpus.documents[1] }
        #expect(try second.keyness(against: corpus, top: 20) != rows)
    }

    // MARK: - keywords

    @Test func keywordsPreferDocumentSpecificWords() throws {
        let corpus = StatisticsFixtures.corpus([
            "The economy grew. The economy slowed. A volcano erupted near the town; the volcano smoked.",
            "The economy grew again and the economy will grow.",
            "The economy shrank. Economy ministers met.",
        ])
        let doc = corpus.documents[0]
        let keywords = doc.keywords(top: nil)
        // volcano: tf 2, df 1 → 2·ln 3 = 2.1972; economy is in every document (idf 0) and left out.
        #expect(keywords.first?.term == "volcano")
        #expect(abs((keywords.first?.score ?? 0) - 2 * log(3.0)) < 1e-9)
        #expect(keywords.first?.count == 2)
        #expect(!keywords.contains { $0.term == "economy" || $0.term == "the" })
        // "grew" is in 2 of 3 documents: 1·ln 1.5.
        #expect(abs((keywords.first { $0.term == "grew" }?.score ?? 0) - log(1.5)) < 1e-9)
        #expect(doc.keywords(top: 1).map(\.term) == ["volcano"])
    }

    @Test func keywordsOfTheSeedsByHand() throws {
        let corpus = try StatisticsFixtures.seeds()
        let n = Double(corpus.count)
        let df = StatisticsFixtures.frequencies(corpus.documents).mapValues(\.docs)
        for doc in corpus.documents {
            let tf = StatisticsFixtures.frequencies([doc])
            var expected = tf.compactMap { term, value -> (String, Double)? in
                guard !Stopwords.english.contains(term), let d = df[term] else { return nil }
                let score = Double(value.count) * log(n / Double(d))
                return score > 0 ? (term, score) : nil
            }
            expected.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
            let got = doc.keywords(top: nil)
            #expect(got.count == expected.count)
            // Same scores in the same order (ties may order differently by count).
            for (g, e) in zip(got, expected) { #expect(abs(g.score - e.1) < 1e-9) }
            #expect(doc.keywords(top: 10).count == min(10, expected.count))
        }
    }

    @Test func oneDocumentCorpusHasNoKeywords() {
        let corpus = StatisticsFixtures.corpus(["Only one document talks about a volcano."])
        #expect(corpus.documents[0].keywords().isEmpty)
        #expect(StatisticsFixtures.corpus([""]).documents[0].keywords().isEmpty)
    }
}
