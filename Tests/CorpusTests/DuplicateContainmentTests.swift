import Foundation
import Testing
@testable import Corpus

/// Near-duplicates by containment: a short version of a story inside a long one, told from a
/// rewrite of the same story and from other stories on the same topic.
@Suite struct DuplicateContainmentTests {
    /// A wire story's first three paragraphs, as a short version runs them.
    static let short = """
        Halvorsen Foods Inc said it agreed to buy the frozen vegetable business of Marrow Valley Co \
        for 215 mln dlrs in cash, adding four processing plants in Oregon and Idaho to its own.

        The purchase, which needs the approval of regulators, is expected to close by the end of \
        June, Halvorsen said in a statement issued after the markets closed on Tuesday.

        Marrow Valley said it would use the proceeds to pay down bank debt and to expand its \
        canned soup business, which grew faster than any of its other lines last year.
        """

    /// The long version: the same three paragraphs and five more.
    static let long = short + """


        Halvorsen chairman Peter Lindqvist told analysts on a conference call that the plants would \
        let the company supply supermarket chains on the west coast without shipping from Minnesota.

        He said the company expected savings of about 12 mln dlrs a year from the second year, \
        mostly in freight and packaging, and that no plant would be closed.

        Marrow Valley employs about eleven hundred people at the four plants, which process peas, corn, \
        green beans and carrots grown by some 300 farmers under contract.

        Shares of Halvorsen rose a dollar to 38 dollars in trading on Wednesday, while \
        Marrow Valley stock gained two dollars to 27 on the American Stock Exchange.

        The company said First Boston Corp advised it on the purchase and that it would pay for \
        it from cash on hand and a new credit line from a group of banks.
        """

    /// The same story written again by another desk: the facts, other words.
    static let rewrite = """
        Frozen food maker Halvorsen will pay 215 million dollars in cash for Marrow Valley's frozen \
        vegetable unit, gaining four plants in Oregon and Idaho, the companies announced on Tuesday \
        evening. Regulators must still approve the deal, which the buyer hopes to complete in June. \
        Marrow Valley plans to spend the money on reducing what it owes its banks and on its soup \
        operations, its fastest growing line in the past year.
        """

    /// Another story on the same topic (frozen food deals), not a copy.
    static let sameTopic = """
        Norsk Harvest AS said it would buy a frozen fish processor in Alaska for 90 mln dlrs, its \
        third purchase in the United States this year. The company said the plant, which employs \
        400 people, would give it a base for selling to restaurant chains. Norsk Harvest shares \
        were unchanged in Oslo. The deal is expected to close in the summer after regulators \
        approve it.
        """

    static var corpus: Corpus {
        CompareFixtures.corpus([("long", long), ("short", short), ("rewrite", rewrite), ("topic", sameTopic)])
    }

    /// Shingles of `a` found in `b`, over `a`'s: computed here, independently of the implementation.
    static func contained(_ a: String, in b: String, k: Int = 5) -> Double {
        func shingles(_ w: [String]) -> Set<String> {
            guard w.count >= k else { return [w.joined(separator: " ")] }
            return Set((0...(w.count - k)).map { w[$0..<($0 + k)].joined(separator: " ") })
        }
        let x = shingles(DuplicateTests.words(a))
        let y = shingles(DuplicateTests.words(b))
        return Double(x.intersection(y).count) / Double(x.count)
    }

    @Test func theShortVersionIsFoundInsideTheLongOne() throws {
        var options = DuplicateOptions()
        options.measure = .containment
        options.threshold = 0.69
        let pairs = DuplicateFinder.duplicates(in: Self.corpus, options: options)
        #expect(pairs.count == 1)
        let pair = try #require(pairs.first)
        #expect(Set([pair.a.id, pair.b.id]) == ["long", "short"])
        #expect(pair.contained?.id == "short")
        let expected = Self.contained(Self.short, in: Self.long)
        #expect(abs(pair.containment - expected) < 1e-9)
        #expect(pair.similarity == pair.containment)
        #expect(pair.jaccard < 0.5 && pair.jaccard < pair.containment)
        #expect(abs(pair.jaccard - DuplicateTests.jaccard(Self.short, Self.long)) < 1e-9)
        #expect(pair.passages.first?.hasPrefix("Halvorsen Foods Inc said") == true)
    }

    @Test func jaccardDoesNotCallTheShortVersionACopy() {
        // The same pair is below 0.5 by Jaccard: the default measure keeps its meaning.
        #expect(DuplicateFinder.duplicates(in: Self.corpus, threshold: 0.5).isEmpty)
        var options = DuplicateOptions()
        options.threshold = 0.2
        let pairs = DuplicateFinder.duplicates(in: Self.corpus, options: options)
        #expect(pairs.map { Set([$0.a.id, $0.b.id]) } == [["long", "short"]])
        #expect(pairs.allSatisfy { $0.similarity == $0.jaccard })
    }

    @Test func aRewriteAndAStoryOnTheSameTopicAreNotContained() {
        var options = DuplicateOptions()
        options.measure = .containment
        options.threshold = 0.1
        let pairs = DuplicateFinder.duplicates(in: Self.corpus, options: options)
        let ids = pairs.map { Set([$0.a.id, $0.b.id]) }
        #expect(ids.contains(["long", "short"]))
        #expect(!ids.contains { $0.contains("rewrite") || $0.contains("topic") })
    }

    @Test func containmentFindsCopiesAmongManyDocuments() {
        // 600 generated documents; 20 short extracts (their first third) of 20 of them.
        var rng = SplitMix(seed: 11)
        let vocabulary = (0..<4000).map { "v" + String($0, radix: 36) + "q" }
        func sentence() -> String {
            (0..<14).map { _ in vocabulary[Int(rng.next() % UInt64(vocabulary.count))] }.joined(separator: " ") + "."
        }
        var texts: [(String, String)] = []
        var bodies: [[String]] = []
        for d in 0..<600 {
            let sentences = (0..<12).map { _ in sentence() }
            bodies.append(sentences)
            texts.append((String(format: "doc%03d", d), sentences.joined(separator: " ")))
        }
        var expected = Set<String>()
        for c in 0..<20 {
            let source = c * 29
            texts.append((String(format: "extract%02d", c), bodies[source].prefix(4).joined(separator: " ")))
            expected.insert(String(format: "doc%03d-extract%02d", source, c))
        }
        var options = DuplicateOptions()
        options.measure = .containment
        options.threshold = 0.69
        let pairs = DuplicateFinder.duplicates(in: CompareFixtures.corpus(texts), options: options)
        #expect(Set(pairs.map { "\($0.a.id)-\($0.b.id)" }) == expected)
        #expect(pairs.allSatisfy { $0.containment == 1 && $0.jaccard < 0.4 && $0.contained === $0.b })
    }
}
