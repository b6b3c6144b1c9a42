import Foundation
import Testing
@testable import Corpus

private let seedsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("seeds")

/// The loader's shortcuts (word-at-a-time lowercasing and hashing, prefetching lookups, the
/// caseless-block table, the control-byte scan, layouts found on first use) must give exactly
/// what the plain definitions give.
@Suite struct LoadFastPathTests {
    /// Every token's term is its normal form by `Tokenizer.normalize`, in every document.
    func expectTermsAreNormalForms(_ corpus: Corpus) {
        for doc in corpus.documents {
            let spans = doc.tokenSpans()
            #expect(spans.count == doc.terms.count, "\(doc.id)")
            var text = doc.text
            text.withUTF8 { bytes in
                for (i, span) in spans.enumerated() where i < doc.terms.count {
                    let expected = Tokenizer.normalized(UnsafeBufferPointer(rebasing: bytes[span.range]))
                    let actual = doc.lexicon.term(Int(doc.terms[i]))
                    if actual != expected {
                        Issue.record("\(doc.id) token \(i): \(actual) != \(expected)")
                        return
                    }
                }
            }
        }
    }

    @Test func seedTokensGetTheirNormalForms() throws {
        expectTermsAreNormalForms(try CorpusLoader.load(path: seedsFolder.path))
    }

    @Test func tricksyTokensGetTheirNormalForms() {
        // Short and long, ASCII and not, capitals in every byte position, tokens that end the
        // text (fewer than 8 bytes after their start), digits and punctuation next to letters.
        let texts = [
            "A", "Zz", "ABCDEFGH", "abcdefgh", "ABCDEFGHI", "@[`{ AZ az", "Mr. U.S. O'Brien’s",
            "ÉCOLE École ÀB Straße İstanbul ΣΊΣΥΦΟΣ", "face-to-face US-China 39.4C 1,000 18–19",
            "X\nY\r\nZ", "word ends here WITH CAPS", "ĞĞĞĞ", "a-Z_9 Q",
        ]
        let corpus = CorpusLoader.corpus(texts: texts.enumerated().map { ("t\($0.offset)", $0.element) })
        expectTermsAreNormalForms(corpus)
        // Equal normal forms are one term, however they were spelled, wherever they stand
        // (the last token has fewer than 8 bytes after its start).
        let body = CorpusLoader.corpus(freeText: "ABCDEFGH abcdefgh AbCdEfGh\nxyZ XYZ xyz")
        expectTermsAreNormalForms(body)
        let terms = Array(body.documents[0].terms)
        #expect(terms.count == 6)
        #expect(Set(terms[0..<3]).count == 1 && Set(terms[3..<6]).count == 1)
        #expect(body.index.lexicon.id(of: "abcdefgh") == Int(terms[0]))
    }

    @Test func wordAtATimeLowercasingMatchesByteAtATime() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let count = Int.random(in: 1...8, using: &generator)
            let bytes = (0..<count).map { _ in UInt8.random(in: 1...0x7F, using: &generator) }
            var word: UInt64 = 0
            for (k, b) in bytes.enumerated() { word |= UInt64(b) << (8 * UInt64(k)) }
            let lowered = TermAssigner.lowercasedASCII(word)
            let expected = bytes.map { $0 &- 0x41 < 26 ? $0 | 0x20 : $0 }
            var expectedWord: UInt64 = 0
            for (k, b) in expected.enumerated() { expectedWord |= UInt64(b) << (8 * UInt64(k)) }
            #expect(lowered == expectedWord, "\(bytes)")
            let hashed = expected.withUnsafeBufferPointer { ByteTermTable.hashAndKey($0) }
            #expect(ByteTermTable.hash(shortKey: lowered, count: count) == hashed.hash)
            #expect(hashed.key == expectedWord)
        }
    }

    @Test func caselessBlocksHaveNoLowercaseMapping() {
        for value in UInt32(0x2000)...UInt32(0xF8FF) where Tokenizer.isCaseless(value) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(scalar.properties.lowercaseMapping == String(scalar), "U+\(String(value, radix: 16))")
        }
        // The blocks left to the lookup really do hold cased characters.
        #expect(!Tokenizer.isCaseless(0x24B6))  // Ⓐ
        #expect(!Tokenizer.isCaseless(0x2126))  // Ω
        #expect(!Tokenizer.isCaseless(0x2160))  // Ⅰ
    }

    @Test func controlByteCountMatchesACountByByte() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let count = Int.random(in: 0...100, using: &generator)
            let bytes = (0..<count).map { _ in
                Bool.random(using: &generator) ? UInt8.random(in: 0...40, using: &generator) : UInt8.random(in: 0...255, using: &generator)
            }
            let expected = bytes.filter { $0 < 32 && ![9, 10, 12, 13].contains($0) }.count
            #expect(bytes.withUnsafeBufferPointer { TextDecoding.controlBytes($0) } == expected)
        }
    }

    @Test func layoutFoundOnFirstUseIsTheSplitOfTheText() throws {
        let corpus = try CorpusLoader.load(path: seedsFolder.path)
        // From many threads at once: every document gets one layout, equal to a fresh split.
        DispatchQueue.concurrentPerform(iterations: corpus.documents.count * 4) { i in
            let doc = corpus.documents[i % corpus.documents.count]
            _ = doc.layout.sentenceCount
        }
        for doc in corpus.documents {
            var text = doc.text
            let expected = text.withUTF8 { SentenceSplitter.sentences(in: $0) }
            #expect(doc.sentenceCount == expected.count)
            for (i, s) in expected.enumerated() {
                #expect(doc.sentenceTokens(i) == s.tokens)
                #expect(doc.sentenceBytes(i) == s.bytes)
            }
            #expect(doc.paragraphs == ParagraphSplitter.paragraphs(in: doc.text))
            #expect(doc.sentenceTokens(doc.sentenceCount - 1).upperBound == doc.terms.count)
        }
    }

    @Test func layoutFromGivenTokensIsTheSplitOfTheText() throws {
        let fresh = try CorpusLoader.load(path: seedsFolder.path)
        let reference = try CorpusLoader.load(path: seedsFolder.path)
        for (doc, other) in zip(fresh.documents, reference.documents) {
            let layout = doc.layout(tokens: doc.tokenSpans())
            let expected = other.layout
            #expect(layout.sentenceStarts == expected.sentenceStarts)
            #expect(layout.sentenceCount == expected.sentenceCount)
            for i in 0..<expected.sentenceCount { #expect(layout.sentenceBytes(i) == expected.sentenceBytes(i)) }
            #expect(layout.paragraphs == expected.paragraphs)
            #expect(doc.sentenceTokens(doc.sentenceCount - 1) == other.sentenceTokens(other.sentenceCount - 1))
        }
    }
}
