import Testing
@testable import Corpus

@Suite struct TermSequenceTests {
    @Test func storesSmallAndLargeIdsExactly() {
        var generator = SystemRandomNumberGenerator()
        let ids: [UInt32] = (0..<5000).map { i in
            switch i % 7 {
            case 0: return UInt32.random(in: 65_535...4_000_000, using: &generator)
            case 1: return 65_534
            default: return UInt32.random(in: 0..<65_535, using: &generator)
            }
        }
        let sequence = TermSequence(ids)
        #expect(sequence.count == ids.count)
        #expect(Array(sequence) == ids)
        #expect(sequence.array == ids)
        for i in stride(from: 0, to: ids.count, by: 13) { #expect(sequence[i] == ids[i]) }
        let viaBuffer = sequence.withUnsafeBufferPointer { Array($0) }
        #expect(viaBuffer == ids)
        // Two bytes per token plus eight per escaped one.
        #expect(sequence.byteCount < ids.count * 2 + (ids.count / 7 + 1) * 8 + 64)
    }

    @Test func remapsAndHandlesEmpty() {
        let sequence = TermSequence([0, 1, 2, 1])
        #expect(sequence.remapped([70_000, 5, 6]).array == [70_000, 5, 6, 5])
        #expect(TermSequence().isEmpty)
        #expect(TermSequence([UInt32]()).withUnsafeBufferPointer { $0.count } == 0)
    }

    @Test func frequentTermsGetTheSmallestIds() throws {
        let corpus = CorpusLoader.corpus(texts: [("a", "Title\n\nzebra the the the cat."), ("b", "Title\n\nthe cat.")])
        let lexicon = corpus.index.lexicon
        let the = try #require(lexicon.id(of: "the"))
        let zebra = try #require(lexicon.id(of: "zebra"))
        #expect(the < zebra)
        for id in 1..<lexicon.count {
            #expect(lexicon.collectionFrequency[id - 1] >= lexicon.collectionFrequency[id])
        }
    }
}
