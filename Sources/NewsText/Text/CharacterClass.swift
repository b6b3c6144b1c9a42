/// How segmentation sees one character. Raw values are ordered so that `isWordChar` is one compare.
///
/// Internal: the tokenizer, paragraph and sentence splitters share it.
package enum CharacterClass: UInt8 {
    /// Whitespace (ASCII blanks, CR/LF, NBSP, thin and other Unicode spaces) and control characters.
    case space = 0
    /// Anything that is not part of a word: punctuation, symbols, emoji, invalid bytes.
    case other = 1
    /// A combining mark or format character: continues a word, never starts one.
    case mark = 2
    /// A Han ideograph or kana: each one is a token of its own (these scripts use no spaces).
    case ideograph = 3
    /// A letter of any script.
    case letter = 4
    /// A decimal digit of any script.
    case digit = 5

    /// Letters and digits: the characters a word or number token is made of.
    @inline(__always) package var isWordChar: Bool { rawValue >= CharacterClass.letter.rawValue }

    /// The class of each ASCII byte (index 0–127); bytes 128–255 are lead or continuation
    /// bytes and are never looked up here.
    static let asciiTable: [UInt8] = (0..<256).map { (byte: Int) -> UInt8 in
        switch byte {
        case 0x30...0x39: return CharacterClass.digit.rawValue
        case 0x41...0x5A, 0x61...0x7A: return CharacterClass.letter.rawValue
        case 0x00...0x20, 0x7F: return CharacterClass.space.rawValue
        default: return CharacterClass.other.rawValue
        }
    }

    /// Whether a scalar is Hangul (syllables, jamo, compatibility and halfwidth jamo): the
    /// tokenizer ends a word where Hangul meets other letters or digits.
    @inline(__always) package static func isHangul(_ value: UInt32) -> Bool {
        switch value {
        case 0xAC00...0xD7A3, 0x1100...0x11FF, 0x3130...0x318F, 0xA960...0xA97F, 0xD7B0...0xD7FF, 0xFFA0...0xFFDC:
            return true
        default:
            return false
        }
    }

    /// Classifies a non-ASCII scalar. Common news-prose characters (Latin-1 letters, the
    /// General Punctuation block) are decided by range; the rest asks the Unicode tables.
    package static func of(scalar value: UInt32) -> CharacterClass {
        switch value {
        case 0x80..<0xA0, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF:
            return .space
        case 0xC0...0x24F:
            return (value == 0xD7 || value == 0xF7) ? .other : .letter
        case 0xAD, 0x200C...0x200F, 0x2060...0x2064, 0xFE00...0xFE0F, 0x1F3FB...0x1F3FF, 0xE0100...0xE01EF:
            return .mark
        case 0x2010...0x2027, 0x2030...0x205E:
            return .other
        case 0x3040...0x30FF, 0x31F0...0x31FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3FFFF:
            return .ideograph
        default:
            break
        }
        guard let scalar = Unicode.Scalar(value) else { return .other }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .letterNumber, .otherNumber:
            return .letter
        case .decimalNumber:
            return .digit
        case .nonspacingMark, .spacingMark, .enclosingMark, .format:
            return .mark
        case .spaceSeparator, .lineSeparator, .paragraphSeparator, .control:
            return .space
        default:
            return .other
        }
    }
}

/// A read-only view of UTF-8 bytes with the decoding helpers the scanners share.
///
/// Invalid UTF-8 never traps: a bad byte decodes as U+FFFD of length 1, so scanning resynchronises
/// on the next byte.
package struct UTF8Bytes {
    package let base: UnsafePointer<UInt8>
    package let count: Int

    package init(base: UnsafePointer<UInt8>, count: Int) {
        self.base = base
        self.count = count
    }

    /// The scalar starting at `i` (which must be < count) and its length in bytes.
    @inline(__always)
    package func scalar(at i: Int) -> (value: UInt32, length: Int) {
        let b0 = base[i]
        if b0 < 0x80 { return (UInt32(b0), 1) }
        return decodeMultiByte(at: i, lead: b0)
    }

    /// Decodes a 2–4 byte sequence, rejecting overlong forms, surrogates and truncation.
    package func decodeMultiByte(at i: Int, lead b0: UInt8) -> (value: UInt32, length: Int) {
        let invalid: (value: UInt32, length: Int) = (0xFFFD, 1)
        if b0 < 0xC2 || b0 > 0xF4 { return invalid }
        guard i + 1 < count else { return invalid }
        let b1 = base[i + 1]
        guard b1 & 0xC0 == 0x80 else { return invalid }
        if b0 < 0xE0 {
            return (UInt32(b0 & 0x1F) << 6 | UInt32(b1 & 0x3F), 2)
        }
        guard i + 2 < count else { return invalid }
        let b2 = base[i + 2]
        guard b2 & 0xC0 == 0x80 else { return invalid }
        if b0 < 0xF0 {
            if b0 == 0xE0 && b1 < 0xA0 { return invalid }
            if b0 == 0xED && b1 >= 0xA0 { return invalid }
            return (UInt32(b0 & 0x0F) << 12 | UInt32(b1 & 0x3F) << 6 | UInt32(b2 & 0x3F), 3)
        }
        guard i + 3 < count else { return invalid }
        let b3 = base[i + 3]
        guard b3 & 0xC0 == 0x80 else { return invalid }
        if b0 == 0xF0 && b1 < 0x90 { return invalid }
        if b0 == 0xF4 && b1 >= 0x90 { return invalid }
        return (UInt32(b0 & 0x07) << 18 | UInt32(b1 & 0x3F) << 12 | UInt32(b2 & 0x3F) << 6 | UInt32(b3 & 0x3F), 4)
    }

    /// The class of the character at `i` and its length; ASCII goes through `table`.
    @inline(__always)
    package func classify(at i: Int, table: UnsafePointer<UInt8>) -> (CharacterClass, Int) {
        let b0 = base[i]
        if b0 < 0x80 { return (CharacterClass(rawValue: table[Int(b0)]) ?? .other, 1) }
        let (value, length) = decodeMultiByte(at: i, lead: b0)
        return (CharacterClass.of(scalar: value), length)
    }

    /// Length of the whitespace character at `i`, or 0 when it is not whitespace.
    @inline(__always)
    package func spaceLength(at i: Int) -> Int {
        let b0 = base[i]
        if b0 < 0x80 { return (b0 <= 0x20 || b0 == 0x7F) ? 1 : 0 }
        let (value, length) = decodeMultiByte(at: i, lead: b0)
        return CharacterClass.of(scalar: value) == .space ? length : 0
    }

    /// Length of the whitespace character that ends just before `end`, or 0.
    package func trailingSpaceLength(endingAt end: Int, notBefore start: Int) -> Int {
        guard end > start else { return 0 }
        let last = base[end - 1]
        if last < 0x80 { return (last <= 0x20 || last == 0x7F) ? 1 : 0 }
        // Walk back to the lead byte of the final character (at most 3 continuation bytes).
        var lead = end - 1
        while lead > start && end - lead < 4 && base[lead] & 0xC0 == 0x80 { lead -= 1 }
        let (_, length) = scalar(at: lead)
        guard lead + length == end else { return 0 }
        return spaceLength(at: lead) == length ? length : 0
    }

    /// Whether the character at `i` is a lowercase letter (ASCII fast path, Unicode otherwise).
    package func isLowercase(at i: Int) -> Bool {
        let b0 = base[i]
        if b0 < 0x80 { return b0 >= 0x61 && b0 <= 0x7A }
        let (value, _) = decodeMultiByte(at: i, lead: b0)
        guard let scalar = Unicode.Scalar(value) else { return false }
        return scalar.properties.isLowercase
    }

    /// Whether the character at `i` is an uppercase or titlecase letter.
    package func isUppercase(at i: Int) -> Bool {
        let b0 = base[i]
        if b0 < 0x80 { return b0 >= 0x41 && b0 <= 0x5A }
        let (value, _) = decodeMultiByte(at: i, lead: b0)
        guard let scalar = Unicode.Scalar(value) else { return false }
        return scalar.properties.isUppercase || scalar.properties.generalCategory == .titlecaseLetter
    }

    /// Whether the bytes in `start..<end` contain a line break (LF or CR).
    @inline(__always)
    package func containsLineBreak(from start: Int, to end: Int) -> Bool {
        var i = start
        while i < end {
            let b = base[i]
            if b == 0x0A || b == 0x0D { return true }
            i += 1
        }
        return false
    }
}
