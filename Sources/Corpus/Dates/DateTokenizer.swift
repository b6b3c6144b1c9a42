/// A word, number or punctuation mark located by UTF-8 byte offsets, with the cheap facts the
/// date scanner asks about: capitalisation, what the lexicon knows about the word, numeric
/// value, and whether whitespace or a line break came before it.
struct DateToken {
    enum Kind: UInt8 {
        case word, number, punct
    }

    /// Punctuation classes; every dash-like character folds into `dash` except the hyphen,
    /// which numeric dates ("18-6-2023") need to tell apart.
    enum Mark: UInt8 {
        case none, hyphen, dash, slash, dot, comma, colon, semicolon, bang, question
        case apostrophe, quote, open, close, percent, currency, other
    }

    struct Flags: OptionSet {
        let rawValue: UInt8
        /// Whitespace separates this token from the previous one.
        static let spaceBefore = Flags(rawValue: 1)
        /// A line break separates this token from the previous one.
        static let lineBefore = Flags(rawValue: 2)
        /// Word: an ASCII capital followed by ASCII lowercase letters only ("June").
        static let capitalized = Flags(rawValue: 4)
        /// Word: ASCII capitals only, two or more ("JUNE").
        static let upper = Flags(rawValue: 8)
        /// Word: ASCII lowercase letters only ("june").
        static let lower = Flags(rawValue: 16)
    }

    var start: Int
    var end: Int
    var kind: Kind
    var flags: Flags
    /// Punctuation: its class.
    var mark: Mark = .none
    /// Numbers: the count of digits.
    var digits: UInt8 = 0
    /// Words: what the lexicon knows (nothing for words it does not list).
    var word = DateWord()
    /// Numbers: the value, capped at 999 999 999.
    var number: Int = 0

    var isWord: Bool { kind == .word }
    var spaceBefore: Bool { flags.contains(.spaceBefore) }
    var lineBefore: Bool { flags.contains(.lineBefore) }
    var isCapitalized: Bool { flags.contains(.capitalized) }
    var isUpper: Bool { flags.contains(.upper) }
    var isLower: Bool { flags.contains(.lower) }
    /// Capitalised or lowercase: how keywords such as "last" or "Next" may be written.
    var isPlainCase: Bool { !flags.isDisjoint(with: [.capitalized, .lower]) }
    var isDashLike: Bool { mark == .hyphen || mark == .dash }
    /// The keyword of a capitalised or lowercase word, else `.none`.
    var keyword: DateWord.Keyword { isPlainCase ? word.keyword : .none }
}

/// Splits UTF-8 text into `DateToken`s in one pass over the bytes, without building Strings.
///
/// Words are runs of ASCII letters and non-ASCII characters other than the punctuation and
/// spaces listed in `classify` (so "Jinping’s" splits at the curly apostrophe and "mid-June" at
/// the hyphen); numbers are runs of ASCII digits; everything else is a one-character
/// punctuation token or whitespace (including U+00A0 and the U+2000 spaces).
enum DateTokenizer {
    /// Packs a word of 1...12 ASCII letters into an integer, lowercased, five bits a letter;
    /// 0 for anything else. Equal keys mean equal words (ignoring case).
    static func key(_ word: String) -> UInt64 {
        var key: UInt64 = 0
        var count = 0
        for byte in word.utf8 {
            let lower = byte | 0x20
            guard lower >= 0x61, lower <= 0x7A, count < 12 else { return 0 }
            key = key << 5 | UInt64(lower - 0x60)
            count += 1
        }
        return key
    }

    /// Classes of what starts at a byte.
    private enum ByteClass {
        case letter, space, lineBreak, punct(DateToken.Mark)
    }

    /// The class and length of a non-ASCII character starting at `index`.
    private static func classifyMultibyte(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ limit: Int) -> (ByteClass, Int) {
        let byte = bytes[index]
        let second: UInt8 = index + 1 < limit ? bytes[index + 1] : 0
        let third: UInt8 = index + 2 < limit ? bytes[index + 2] : 0
        switch byte {
        case 0xC2:
            switch second {
            case 0xA0: return (.space, 2)
            case 0xA3, 0xA5: return (.punct(.currency), 2)
            case 0xAB, 0xBB: return (.punct(.quote), 2)
            case 0x85: return (.lineBreak, 2)
            default: return (.letter, 2)
            }
        case 0xE2 where second == 0x80:
            switch third {
            case 0x80...0x8B, 0xAF: return (.space, 3)
            case 0xA8, 0xA9: return (.lineBreak, 3)
            case 0x90, 0x91: return (.punct(.hyphen), 3)
            case 0x92...0x95: return (.punct(.dash), 3)
            case 0x98...0x9B: return (.punct(.apostrophe), 3)
            case 0x9C...0x9F: return (.punct(.quote), 3)
            default: return (.punct(.other), 3)
            }
        case 0xE2 where second == 0x82 && third == 0xAC:
            return (.punct(.currency), 3)
        case 0xE2 where second == 0x88 && third == 0x92:
            return (.punct(.dash), 3)
        case 0xE3 where second == 0x80 && third == 0x80:
            return (.space, 3)
        case 0xEF where second == 0xBB && third == 0xBF:
            return (.space, 3)
        default:
            // Any other character counts as a letter of a word; take its whole length.
            let length: Int
            switch byte {
            case 0xC0...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF7: length = 4
            default: length = 1
            }
            return (.letter, max(1, min(length, limit - index)))
        }
    }

    /// The mark of an ASCII punctuation byte.
    private static func mark(of byte: UInt8) -> DateToken.Mark {
        switch byte {
        case UInt8(ascii: "-"): return .hyphen
        case UInt8(ascii: "/"): return .slash
        case UInt8(ascii: "."): return .dot
        case UInt8(ascii: ","): return .comma
        case UInt8(ascii: ":"): return .colon
        case UInt8(ascii: ";"): return .semicolon
        case UInt8(ascii: "!"): return .bang
        case UInt8(ascii: "?"): return .question
        case UInt8(ascii: "'"), UInt8(ascii: "`"): return .apostrophe
        case UInt8(ascii: "\""): return .quote
        case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"): return .open
        case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"): return .close
        case UInt8(ascii: "%"): return .percent
        case UInt8(ascii: "$"), UInt8(ascii: "#"): return .currency
        default: return .other
        }
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
    }

    /// Tokens of `bytes[range]`, offsets relative to the start of `bytes`.
    static func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> [DateToken] {
        let lexicon = DateLexicon.table
        var tokens: [DateToken] = []
        tokens.reserveCapacity(range.count / 5 + 1)
        var index = range.lowerBound
        let limit = range.upperBound
        var pending: DateToken.Flags = []
        while index < limit {
            let byte = bytes[index]
            if byte >= 0x30, byte <= 0x39 {
                let start = index
                var value = 0
                var digits = 0
                while index < limit, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                    value = value < 100_000_000 ? value * 10 + Int(bytes[index] - 0x30) : 999_999_999
                    digits += 1
                    index += 1
                }
                tokens.append(DateToken(start: start, end: index, kind: .number, flags: pending,
                                        digits: UInt8(min(digits, 255)), number: value))
                pending = []
                continue
            }
            var firstClass = ByteClass.letter
            var firstLength = 1
            if byte < 0x80 {
                if !isASCIILetter(byte) {
                    switch byte {
                    case 0x20, 0x09, 0x0B, 0x0C: pending.insert(.spaceBefore)
                    case 0x0A, 0x0D: pending.formUnion([.spaceBefore, .lineBefore])
                    default:
                        tokens.append(DateToken(start: index, end: index + 1, kind: .punct, flags: pending,
                                                mark: mark(of: byte)))
                        pending = []
                    }
                    index += 1
                    continue
                }
            } else {
                (firstClass, firstLength) = classifyMultibyte(bytes, index, limit)
                switch firstClass {
                case .letter:
                    break
                case .space:
                    pending.insert(.spaceBefore)
                    index += firstLength
                    continue
                case .lineBreak:
                    pending.formUnion([.spaceBefore, .lineBefore])
                    index += firstLength
                    continue
                case .punct(let mark):
                    tokens.append(DateToken(start: index, end: index + firstLength, kind: .punct, flags: pending, mark: mark))
                    pending = []
                    index += firstLength
                    continue
                }
            }
            // A word: ASCII letters and other non-punctuation characters.
            let start = index
            var key: UInt64 = 0
            var count = 0
            var keyValid = true
            var allLower = true
            var allUpper = true
            var firstUpper = false
            var restLower = true
            while index < limit {
                let current = bytes[index]
                if current < 0x80 {
                    guard isASCIILetter(current) else { break }
                    let isUpper = current < 0x61
                    if count == 0 { firstUpper = isUpper } else if isUpper { restLower = false }
                    if isUpper { allLower = false } else { allUpper = false }
                    if count < 12 { key = key << 5 | UInt64((current | 0x20) - 0x60) } else { keyValid = false }
                    count += 1
                    index += 1
                } else {
                    let (innerClass, innerLength) = index == start ? (firstClass, firstLength)
                        : classifyMultibyte(bytes, index, limit)
                    guard case .letter = innerClass else { break }
                    keyValid = false
                    allLower = false
                    allUpper = false
                    restLower = false
                    count += 1
                    index += innerLength
                }
            }
            var flags = pending
            if firstUpper && restLower { flags.insert(.capitalized) }
            if allUpper && count >= 2 { flags.insert(.upper) }
            if allLower { flags.insert(.lower) }
            tokens.append(DateToken(start: start, end: index, kind: .word, flags: flags,
                                    word: keyValid ? lexicon.word(for: key) : DateWord()))
            pending = []
        }
        return tokens
    }
}
