/// Character-based measures of a stretch of UTF-8 text that hold for every script.
///
/// Lengths count characters, not words, so text without spaces (Chinese, Japanese, Thai,
/// Burmese) measures as well as text with them. A Han or kana character carries about as much as
/// three Latin letters and a Hangul syllable about two, so those count 3 and 2: the thresholds
/// the classifier shares across languages ("a real paragraph has 200 characters") then mean the
/// same amount of text in every script.
enum HTMLTextMeasure {
    /// The weight of the character whose UTF-8 encoding starts with `lead` (followed by `next`).
    @inline(__always)
    static func weight(lead: UInt8, next: UInt8) -> Float {
        switch lead {
        case 0xE3...0xE9: return 3  // U+3000–U+9FFF: CJK punctuation, kana, Han
        case 0xEA: return next >= 0xB0 ? 2 : 1  // Hangul syllables from U+AC00
        case 0xEB, 0xEC: return 2
        case 0xED: return next <= 0x9E ? 2 : 1  // … to U+D7A3
        case 0xEF: return (next >= 0xA4 && next <= 0xAB) ? 3 : 1  // compatibility ideographs
        case 0xF0: return (next >= 0xA0 && next <= 0xAF) ? 3 : 1  // Han extensions B–F
        default: return 1
        }
    }

    /// The weighted length of `bytes` (every character but UTF-8 continuation bytes counts).
    static func length(_ bytes: UnsafeBufferPointer<UInt8>) -> Float {
        var total: Float = 0
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 {
                total += 1
            } else if b >= 0xC0 {
                total += weight(lead: b, next: i + 1 < bytes.count ? bytes[i + 1] : 0)
            }
            i += 1
        }
        return total
    }

    /// Punctuation and capitalisation counts that tell prose from labels and lists of titles.
    struct Features {
        /// Sentence-final marks: . ! ? … and their CJK, Arabic, Devanagari and Myanmar forms.
        var sentenceEnds = 0
        /// Clause marks: , ; : and their CJK, Arabic and Myanmar forms.
        var commas = 0
        /// Words in Latin letters, and how many of them start with a capital.
        var words = 0
        var capitalizedWords = 0
        /// Characters of scripts written without sentence punctuation (Thai, Lao, Khmer).
        var unpunctuatedScript = 0
        /// Whether a © sign occurs.
        var copyright = false
        /// Letters (any script) and digits, to spot dates, prices and counters.
        var letters = 0
        var digits = 0
    }

    static func features(_ bytes: UnsafeBufferPointer<UInt8>) -> Features {
        var f = Features()
        var i = 0
        let n = bytes.count
        var inWord = false
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                let isUpper = b >= 65 && b <= 90
                let isLower = b >= 97 && b <= 122
                if isUpper || isLower {
                    f.letters += 1
                    if !inWord {
                        f.words += 1
                        if isUpper { f.capitalizedWords += 1 }
                        inWord = true
                    }
                } else {
                    inWord = false
                    if b >= 48 && b <= 57 {
                        f.digits += 1
                    } else if b == 46 || b == 33 || b == 63 {  // . ! ?
                        let next: UInt8 = i + 1 < n ? bytes[i + 1] : 32
                        if next == 32 || next == 10 || next == 34 || next == 39 || next == 41 || next == 0xE2 {
                            f.sentenceEnds += 1
                        }
                    } else if b == 44 || b == 59 || b == 58 {  // , ; :
                        f.commas += 1
                    }
                }
                i += 1
                continue
            }
            if b >= 0xC0 { f.letters += 1 }
            let b1: UInt8 = i + 1 < n ? bytes[i + 1] : 0
            let b2: UInt8 = i + 2 < n ? bytes[i + 2] : 0
            // Letters of other alphabets continue the word they are in; general and CJK
            // punctuation ends it.
            if b == 0xE2 || b == 0xE3 || (b == 0xEF && b1 == 0xBC) || (b == 0xC2 && b1 < 0xC0) { inWord = false }
            switch (b, b1, b2) {
            case (0xC2, 0xA9, _): f.copyright = true
            case (0xC3, 0x80...0x9E, _) where !inWord:  // a Latin-1 capital starts a capitalised word
                f.words += 1
                f.capitalizedWords += 1
                inWord = true
            case (0xD8, 0x9F, _), (0xDB, 0x94, _): f.sentenceEnds += 1  // ؟ ۔
            case (0xD8, 0x8C, _), (0xD8, 0x9B, _): f.commas += 1  // ، ؛
            case (0xE0, 0xA5, 0xA4), (0xE0, 0xA5, 0xA5): f.sentenceEnds += 1  // । ॥
            case (0xE0, 0xB8...0xBB, _): f.unpunctuatedScript += 1  // Thai, Lao
            case (0xE1, 0x9E...0x9F, _): f.unpunctuatedScript += 1  // Khmer
            case (0xE1, 0x81, 0x8B): f.sentenceEnds += 1  // ။
            case (0xE1, 0x81, 0x8A): f.commas += 1  // ၊
            case (0xE2, 0x80, 0xA6): f.sentenceEnds += 1  // …
            case (0xE3, 0x80, 0x82): f.sentenceEnds += 1  // 。
            case (0xE3, 0x80, 0x81): f.commas += 1  // 、
            case (0xEF, 0xBC, 0x81), (0xEF, 0xBC, 0x9F), (0xEF, 0xBC, 0x8E): f.sentenceEnds += 1  // ！？．
            case (0xEF, 0xBC, 0x8C), (0xEF, 0xBC, 0x9B), (0xEF, 0xBC, 0x9A): f.commas += 1  // ，；：
            default: break
            }
            i += 1
        }
        return f
    }
}
