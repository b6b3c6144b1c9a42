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
        // Two bytes per token plus eight per escaped one (and what malloc rounds up).
        #expect(sequence.byteCount < ids.count * 2 + (ids.count / 7 + 1) * 8 + 256)
    }

    @Test func remapsAndHandlesEmpty() {
        let sequence = TermSequence([0, 1, 2, 1])
        #expect(sequence.remapped([70_000, 5, 6]).array == [70_000, 5, 6, 5])
        #expect(TermSequence().isEmpty)
        #expect(TermSequence([UInt32]()).withUnsafeBufferPointer { $0.count } == 0)
    }

    @Test func visitsAndRemapsEscapedIdsInOrder() {
        var generator = SystemRandomNumberGenerator()
        let ids: [UInt32] = (0..<3000).map { i in
            i % 5 == 0 ? UInt32.random(in: 65_535...200_000, using: &generator) : UInt32.random(in: 0..<70_000, using: &generator)
        }
        let sequence = TermSequence(ids)
        var visited: [UInt32] = []
        sequence.forEachID { i, id in
            #expect(i == visited.count)
            visited.append(id)
        }
        #expect(visited == ids)
        // A map that sends small ids past the escape and large ids below it, and leaves ids
        // beyond its end alone.
        let map = (0..<UInt32(150_000)).map { $0 % 2 == 0 ? $0 + 100_000 : $0 / 3 }
        let expected = ids.map { Int($0) < map.count ? map[Int($0)] : $0 }
        #expect(sequence.remapped(map).array == expected)
    }

    @Test func aSegmentWithMoreThan65535TermsKeepsEveryId() {
        // One document of 70,000 distinct words (and each once more, reversed): its local ids
        // pass the two-byte limit while it is analysed, and again once numbered.
        let words = (0..<70_000).map { "w\(String($0, radix: 36))x" }
        let text = (words + words.reversed()).joined(separator: " ")
        let corpus = CorpusLoader.corpus(freeText: text)
        let doc = corpus.documents[0]
        #expect(doc.terms.count == 140_000)
        #expect(corpus.index.lexicon.count == 70_000)
        for i in stride(from: 0, to: 70_000, by: 997) {
            #expect(doc.lexicon.term(Int(doc.terms[i])) == words[i])
            #expect(doc.terms[i] == doc.terms[139_999 - i])
        }
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

    @Test func termsOfEqualFrequencyAreNumberedInByteOrder() throws {
        // Long shared prefixes (the sort compares 8 bytes first), a prefix of another term,
        // capitals folded, non-ASCII bytes (above every ASCII byte).
        let words = ["interoperability", "interoperable", "interop", "inter", "zebra", "Ångström",
                     "alpha", "alphabet", "alphabetical", "ab", "a", "épée", "12", "1"]
        let corpus = CorpusLoader.corpus(freeText: words.joined(separator: " "))
        let lexicon = corpus.index.lexicon
        let terms = (0..<lexicon.count).map { lexicon.term($0) }
        #expect(Set(terms) == Set(words.map { Tokenizer.norm($0) }))
        for id in 1..<lexicon.count where lexicon.collectionFrequency[id - 1] == lexicon.collectionFrequency[id] {
            #expect(terms[id - 1].utf8.lexicographicallyPrecedes(terms[id].utf8), "\(terms[id - 1]) before \(terms[id])")
        }
    }
}
