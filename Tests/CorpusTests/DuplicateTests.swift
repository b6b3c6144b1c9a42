import Foundation
import Testing
@testable import Corpus

/// Near-duplicate documents: shingles, MinHash, LSH, exact verification and shared passages.
@Suite struct DuplicateTests {
    static let shared1 = "The harbour authority closed the northern pier on Friday after engineers found deep cracks in three of the concrete pillars that hold up the loading platform."
    static let shared2 = "Ferry services will move to the southern terminal for at least six weeks while divers inspect the foundations and the council decides whether to rebuild."
    static let endingA = "Fishermen said the closure would cost them dearly during the busiest season of the year."
    static let endingB = "Local shop owners worried that fewer tourists would walk past their windows this summer."

    static let unrelated1 = "A small orchestra from the mountain villages performed a programme of folk songs in the cathedral, and the audience asked for two encores before the concert ended late at night."
    static let unrelated2 = "Scientists measuring glaciers in the far south reported that the ice shelf had retreated by several hundred metres since the last survey, faster than their models predicted."

    /// Word tokens of plain ASCII text, lowercased: what the tokenizer gives for such text.
    static func words(_ text: String) -> [String] {
        text.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    /// Exact Jaccard of 5-word shingle sets, computed independently of the implementation.
    static func jaccard(_ a: String, _ b: String, k: Int = 5) -> Double {
        func shingles(_ w: [String]) -> Set<String> {
            guard w.count >= k else { return [w.joined(separator: " ")] }
            return Set((0...(w.count - k)).map { w[$0..<($0 + k)].joined(separator: " ") })
        }
        let x = shingles(words(a))
        let y = shingles(words(b))
        return Double(x.intersection(y).count) / Double(x.union(y).count)
    }

    static var corpus: Corpus {
        CompareFixtures.corpus([
            ("a", [shared1, shared2, endingA].joined(separator: "\n\n")),
            ("b", [shared1, shared2, endingB].joined(separator: "\n\n")),
            ("c", unrelated1),
            ("d", unrelated2),
        ])
    }

    @Test func plantedNearDuplicateIsFoundWithItsExactSimilarity() throws {
        let corpus = Self.corpus
        let pairs = DuplicateFinder.duplicates(in: corpus, threshold: 0.5)
        #expect(pairs.count == 1)
        let pair = try #require(pairs.first)
        #expect(pair.a.id == "a" && pair.b.id == "b")
        let expected = Self.jaccard(pair.a.text, pair.b.text)
        #expect(expected > 0.5 && expected < 0.9)
        #expect(abs(pair.similarity - expected) < 1e-9)
        #expect(abs(pair.estimate - expected) < 0.2)
        // The shared passage: both shared paragraphs, from the first word to the last.
        let passage = try #require(pair.passages.first)
        #expect(passage.hasPrefix("The harbour authority closed"))
        #expect(passage.hasSuffix("whether to rebuild"))
        #expect(Self.words(passage) == Self.words(Self.shared1 + " " + Self.shared2))
        #expect(pair.passages.count == 1)
    }

    @Test func thresholdAndSubCorpusLimitTheResult() {
        let corpus = Self.corpus
        #expect(DuplicateFinder.duplicates(in: corpus, threshold: 0.95).isEmpty)
        #expect(DuplicateFinder.duplicates(in: corpus.filter { $0.id != "b" }, threshold: 0.3).isEmpty)
        var options = DuplicateOptions()
        options.maxPassages = 0
        let bare = DuplicateFinder.duplicates(in: corpus, options: options)
        #expect(bare.count == 1 && bare[0].passages.isEmpty)
    }

    @Test func identicalAndShortDocuments() throws {
        let corpus = CompareFixtures.corpus([
            ("x", Self.unrelated1),
            ("y", Self.unrelated1),
            ("short1", "Brief note here."),
            ("short2", "Brief: note here."),
            ("empty", ""),
            ("punct", "— … !"),
        ])
        let pairs = DuplicateFinder.duplicates(in: corpus, threshold: 0.5)
        #expect(pairs.map { "\($0.a.id)-\($0.b.id)" }.sorted() == ["short1-short2", "x-y"])
        #expect(pairs.allSatisfy { $0.similarity == 1 })
        let xy = try #require(pairs.first { $0.a.id == "x" })
        #expect(xy.passages == [String(Self.unrelated1.dropLast())])
    }

    @Test func passagesOfTwoDocuments() throws {
        let corpus = Self.corpus
        let a = try corpus.document("a")
        let b = try corpus.document("b")
        let c = try corpus.document("c")
        #expect(DuplicateFinder.passages(a, sharedWith: c).isEmpty)
        #expect(DuplicateFinder.passages(a, sharedWith: b, limit: 3).count == 1)
        #expect(DuplicateFinder.passages(b, sharedWith: a).first?.hasSuffix("whether to rebuild") == true)
    }

    /// Generated documents, some of them copies of others with their sentences shuffled
    /// (as in the benchmark corpus): every copy pair is found, nothing else.
    @Test func findsShuffledCopiesAmongManyDocuments() {
        var rng = SplitMix(seed: 7)
        let vocabulary = (0..<3000).map { "w" + String($0, radix: 36) + "x" }
        func sentence() -> String {
            (0..<12).map { _ in vocabulary[Int(rng.next() % UInt64(vocabulary.count))] }.joined(separator: " ") + "."
        }
        var texts: [(String, String)] = []
        var originals: [[String]] = []
        for d in 0..<1500 {
            let sentences = (0..<8).map { _ in sentence() }
            originals.append(sentences)
            texts.append((String(format: "o%04d", d), sentences.joined(separator: " ")))
        }
        // 40 copies: sentences rotated by one, so most shingles survive.
        var expected = Set<String>()
        for c in 0..<40 {
            let source = c * 37
            var sentences = originals[source]
            sentences.append(sentences.removeFirst())
            texts.append((String(format: "copy%02d", c), sentences.joined(separator: " ")))
            expected.insert(String(format: "o%04d-copy%02d", source, c))
        }
        let corpus = CompareFixtures.corpus(texts)
        let pairs = DuplicateFinder.duplicates(in: corpus, threshold: 0.5)
        #expect(Set(pairs.map { "\($0.a.id)-\($0.b.id)" }) == expected)
        #expect(pairs.allSatisfy { $0.similarity > 0.7 && $0.similarity < 1 })
    }
}
