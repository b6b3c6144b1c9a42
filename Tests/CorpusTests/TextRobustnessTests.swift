import Testing
@testable import Corpus

/// Odd input never crashes and still gives sensible tokens, paragraphs and sentences.
@Suite struct TextRobustnessTests {
    typealias F = TextFixtures

    @Test func emptyString() {
        #expect(Tokenizer.tokens(in: "").isEmpty)
        #expect(ParagraphSplitter.paragraphs(in: "").isEmpty)
        #expect(SentenceSplitter.sentences(in: "").isEmpty)
        #expect(Tokenizer.norm("") == "")
        let empty = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        #expect(SentenceSplitter.sentences(in: empty, tokens: [], paragraphs: [0..<5]).isEmpty)
        var out: [UInt8] = []
        Tokenizer.normalize(empty, into: &out)
        #expect(out.isEmpty)
    }

    @Test func whitespaceOnly() {
        let text = " \t\r\n\u{00A0}\u{2009}\u{202F}\u{3000}\n\n "
        #expect(Tokenizer.tokens(in: text).isEmpty)
        #expect(ParagraphSplitter.paragraphs(in: text).isEmpty)
        #expect(SentenceSplitter.sentences(in: text).isEmpty)
    }

    @Test func crlfText() {
        let text = "Blinken travels to Beijing\r\n\r\nWashington: It is unlikely. Analysts note it.\r\n\r\nRelated News\r\n"
        #expect(SentenceSplitter.sentences(in: text) == [
            "Blinken travels to Beijing", "Washington: It is unlikely.", "Analysts note it.", "Related News",
        ])
        #expect(!F.words(text).contains { $0.contains("\r") })
        // A CRLF inside a paragraph is a line break like LF.
        #expect(SentenceSplitter.sentences(in: "Firstly:\r\nHe aims high.") == ["Firstly:", "He aims high."])
    }

    @Test func oneMegabyteLineWithoutSpaces() {
        let letters = String(repeating: "a", count: 1 << 20)
        let tokens = Tokenizer.tokens(in: letters)
        #expect(tokens == [TokenSpan(start: 0, length: 1 << 20, kind: .word)])
        #expect(SentenceSplitter.sentences(in: letters).count == 1)

        let dotted = String(repeating: "a.", count: 1 << 19)  // one long dotted run, ending in a period
        #expect(Tokenizer.tokens(in: dotted).count <= 2)
        let punctuation = String(repeating: "-,", count: 1 << 19)
        #expect(Tokenizer.tokens(in: punctuation).count == 1 << 20)
        let sentences = String(repeating: "Go.", count: 1 << 18)  // "Go.Go.Go." joins as one dotted word
        #expect(SentenceSplitter.sentences(in: sentences).count >= 1)
        let hyphens = String(repeating: "x-", count: 1 << 19)
        #expect(Tokenizer.tokens(in: hyphens).count == 2)
    }

    @Test func replacementCharactersAndInvalidUTF8() {
        // U+FFFD from a lossy decode is a punct token between words.
        #expect(F.tokens("caf\u{FFFD} ok") .map(\.0) == ["caf", "\u{FFFD}", "ok"])
        // Raw invalid bytes: a stray continuation byte, a truncated sequence, an overlong form, a surrogate.
        let bytes: [UInt8] = Array("Xi ".utf8) + [0x80] + Array(" met ".utf8) + [0xE2, 0x80] + Array(" Qin ".utf8)
            + [0xC0, 0xAF] + [0xED, 0xA0, 0x80] + Array(" ok.".utf8)
        let tokens = bytes.withUnsafeBufferPointer { Tokenizer.tokens(in: $0) }
        let words = tokens.filter { $0.kind == .word }.map { String(decoding: bytes[$0.range], as: UTF8.self) }
        #expect(words == ["Xi", "met", "Qin", "ok"])
        #expect(tokens.allSatisfy { $0.length > 0 && $0.end <= bytes.count })
        let sentences = bytes.withUnsafeBufferPointer { SentenceSplitter.sentences(in: $0) }
        #expect(sentences.count == 1)
        // A buffer that ends in the middle of a sequence.
        let truncated: [UInt8] = Array("China".utf8) + [0xE2, 0x80]
        let tail = truncated.withUnsafeBufferPointer { Tokenizer.tokens(in: $0) }
        #expect(tail.first == TokenSpan(start: 0, length: 5, kind: .word))
        #expect(tail.last?.end == truncated.count)
    }

    @Test func emojiAreSensiblePunctTokens() {
        #expect(F.tokens("Great 👍 news").map(\.0) == ["Great", "👍", "news"])
        #expect(F.kind(of: "👍", in: "Great 👍 news") == .punct)
        // Skin tone modifier, ZWJ family, flag and keycap stay whole.
        #expect(F.words("ok 👍🏽 and 👨‍👩‍👧 and 🇨🇳 and #️⃣") == ["ok", "👍🏽", "and", "👨‍👩‍👧", "and", "🇨🇳", "and", "#️⃣"])
        #expect(F.words("Beijing🇨🇳!") == ["Beijing", "🇨🇳", "!"])
        #expect(SentenceSplitter.sentences(in: "Great news 🎉. Next item.") == ["Great news 🎉.", "Next item."])
    }

    @Test func cjkText() {
        // Ideographs are one token each; CJK full stops end sentences.
        #expect(F.words("布林肯访问北京。") == ["布", "林", "肯", "访", "问", "北", "京", "。"])
        #expect(F.tokens("北京").map(\.1) == [.word, .word])
        #expect(SentenceSplitter.sentences(in: "布林肯访问北京。他会见了秦刚。") == ["布林肯访问北京。", "他会见了秦刚。"])
        #expect(F.words("Blinken（布林肯）visited") == ["Blinken", "（", "布", "林", "肯", "）", "visited"])
        #expect(F.words("한국 외교부") == ["한국", "외교부"])  // Hangul uses spaces: words stay whole
        #expect(F.words("ブリンケン国務長官") .count == 9)
    }

    @Test func controlCharactersAreSkipped() {
        #expect(F.words("a\u{0}b\u{7}c") == ["a", "b", "c"])
        #expect(F.words("zero\u{200B}width") == ["zero", "width"])
        #expect(F.words("\u{FEFF}Title") == ["Title"])
    }

    @Test func mismatchedParagraphsAreTolerated() {
        var text = "One two. Three."
        let spans = text.withUTF8 { buffer in
            SentenceSplitter.sentences(in: buffer, tokens: Tokenizer.tokens(in: buffer), paragraphs: [50..<90, 0..<3, 10..<5 + 5, 4..<200])
        }
        #expect(spans.allSatisfy { $0.bytes.upperBound <= 15 && !$0.tokens.isEmpty })
    }

    @Test func tokensThatDoNotFitTheTextAreIgnored() {
        var text = "One two. Three."
        let bogus = [TokenSpan(start: -4, length: 2, kind: .word), TokenSpan(start: 0, length: 3, kind: .word),
                     TokenSpan(start: 4, length: 0, kind: .punct), TokenSpan(start: 9, length: 40, kind: .word)]
        let spans = text.withUTF8 { buffer in
            SentenceSplitter.sentences(in: buffer, tokens: bogus, paragraphs: [-10..<100])
        }
        #expect(spans.allSatisfy { $0.bytes.lowerBound >= 0 && $0.bytes.upperBound <= 15 })
    }
}
