import Testing
@testable import Corpus

/// A name resolved twice at one place counts once (`EntityIndex.repeats`): the grouping by
/// document on every core marks exactly the mentions a set of every place seen so far would have
/// refused, whatever the order the rounds found them in.
@Suite struct EntityRepeatedMentionsTests {
    /// What `repeats` replaced: one set of every (document, bytes) in mention order.
    private func reference(_ mentions: [ResolvedMentions.Mention], documents: [Document]) -> [Bool] {
        struct Spot: Hashable {
            let document: Int
            let lower: Int32
            let upper: Int32
        }
        var seen = Set<Spot>()
        return mentions.map { m in
            !seen.insert(Spot(document: documents[Int(m.position)].index, lower: m.lower, upper: m.upper)).inserted
        }
    }

    private func mention(_ position: Int, _ lower: Int32, _ upper: Int32) -> ResolvedMentions.Mention {
        ResolvedMentions.Mention(ref: 0, position: Int32(position), sentence: 0, lower: lower, upper: upper, text: 0,
                                 surface: 0, roleStart: 0, roleCount: 0, kindVote: nil, locative: false)
    }

    @Test func marksTheLaterOfTwoMentionsAtOnePlace() {
        // More documents than pieces of work (cores × 8), so that the documents are split.
        let documents = EntityFixtures.corpus((0..<37).map { "Text number \($0) names Antony Blinken." }).documents
        var mentions: [ResolvedMentions.Mention] = []
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        // Three rounds over the documents in order, as the resolver appends them, each place often
        // found again (same bytes), sometimes overlapping without being the same place.
        for _ in 0..<3 {
            for p in documents.indices {
                for _ in 0..<next(6) {
                    let lower = Int32(next(8) * 10)
                    mentions.append(mention(p, lower, lower + Int32(5 + next(2) * 3)))
                }
            }
        }
        let expected = reference(mentions, documents: documents)
        #expect(expected.contains(true))
        #expect(expected.contains(false))
        #expect(EntityIndex.repeats(mentions, documents: documents) == expected)
    }

    @Test func noMentionsOrOne() {
        let documents = EntityFixtures.corpus(["Antony Blinken spoke."]).documents
        #expect(EntityIndex.repeats([], documents: documents).isEmpty)
        #expect(EntityIndex.repeats([mention(0, 0, 14)], documents: documents) == [false])
    }
}
