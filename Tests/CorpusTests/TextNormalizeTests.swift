import Testing
@testable import Corpus

/// Normal forms: case folding and typographic variants.
@Suite struct TextNormalizeTests {
    @Test func asciiIsLowercased() {
        #expect(Tokenizer.norm("Blinken") == "blinken")
        #expect(Tokenizer.norm("US-China") == "us-china")
        #expect(Tokenizer.norm("G20") == "g20")
        #expect(Tokenizer.norm("already lower 123") == "already lower 123")
    }

    @Test func curlyApostrophesAndQuotesBecomeStraight() {
        #expect(Tokenizer.norm("China’s") == "china's")
        #expect(Tokenizer.norm("’s") == "'s")
        #expect(Tokenizer.norm("don’t") == Tokenizer.norm("don't"))
        #expect(Tokenizer.norm("‘") == "'")
        #expect(Tokenizer.norm("“") == "\"")
        #expect(Tokenizer.norm("”") == "\"")
    }

    @Test func abbreviationsKeepPeriods() {
        #expect(Tokenizer.norm("U.S.") == "u.s.")
        #expect(Tokenizer.norm("Mr.") == "mr.")
    }

    @Test func unicodeLowercasing() {
        #expect(Tokenizer.norm("ZÜRICH") == "zürich")
        #expect(Tokenizer.norm("ΑΘΗΝΑ") == "αθηνα")
        #expect(Tokenizer.norm("МОСКВА") == "москва")
        #expect(Tokenizer.norm("Éric") == "éric")
        #expect(Tokenizer.norm("北京") == "北京")
    }

    @Test func typographicVariantsFold() {
        #expect(Tokenizer.norm("…") == "...")
        #expect(Tokenizer.norm("co\u{00AD}operate") == "cooperate")  // soft hyphen dropped
        #expect(Tokenizer.norm("self\u{2011}ruled") == "self-ruled")
    }

    @Test func normalizeAppendsToTheBuffer() {
        var out: [UInt8] = Array("x:".utf8)
        var token = "Qin’s"
        token.withUTF8 { Tokenizer.normalize($0, into: &out) }
        #expect(String(decoding: out, as: UTF8.self) == "x:qin's")
    }

    @Test func invalidBytesBecomeReplacementCharacters() {
        let bytes: [UInt8] = [0x41, 0xFF, 0x42, 0xE2, 0x80]
        let norm = bytes.withUnsafeBufferPointer { Tokenizer.normalized($0) }
        #expect(norm == "a\u{FFFD}b\u{FFFD}\u{FFFD}")
    }

    @Test func normOfEveryTokenMatchesItsQueryForm() {
        // What the index stores for a token equals what a query word normalises to.
        let text = "China’s Foreign Minister QIN Gang’s “stern” U.S. warning"
        let norms = TextFixtures.norms(text)
        #expect(norms == ["china", "'s", "foreign", "minister", "qin", "gang", "'s", "\"", "stern", "\"", "u.s.", "warning"])
    }
}

@Suite struct LatinLowercaseTests {
    @Test func latinLettersLowercaseAsUnicodeSays() {
        for value in 0x80..<0x250 {
            guard let scalar = Unicode.Scalar(UInt32(value)), scalar.properties.isAlphabetic else { continue }
            let word = "x" + String(scalar)
            #expect(Tokenizer.norm(word) == word.lowercased(), "U+\(String(value, radix: 16))")
        }
        #expect(Tokenizer.norm("ÉCOLE") == "école")
        #expect(Tokenizer.norm("İstanbul") == "i̇stanbul")
    }
}
