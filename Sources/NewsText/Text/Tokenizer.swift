/// Splits UTF-8 text into word, number and punctuation tokens, as byte ranges.
///
/// The scanner works on raw bytes with an ASCII class table and decodes a scalar only for non-ASCII
/// bytes, so it allocates nothing per token and runs at corpus speed. The rules, tuned on news prose:
///
/// - Whitespace separates tokens: ASCII blanks, CR/LF, tabs, no-break space U+00A0, thin spaces
///   U+2009/U+202F and every other Unicode space. Control and format characters are skipped.
/// - Words are runs of letters, digits and combining marks, joined across:
///   a hyphen between word characters ("face-to-face", "US-China", "COVID-19"; also U+2010/U+2011),
///   an underscore ("snake_case"), "&" between capitals ("AT&T"), an apostrophe followed by a
///   letter ("don’t", "o’clock"), and a period followed by a word character ("U.S", "e.g", "file.txt"),
///   except between a lowercase letter and a capitalised word ("leader.The" is a missing space) unless
///   an e-mail address goes on ("Jane.Doe@example.com").
/// - A final "’s"/"'s" is split off as its own word token ("China’s" → "China", "’s"), so the
///   name matches; a trailing apostrophe ("allies’") is a punct token because it cannot be told
///   apart from a closing single quote.
/// - A word keeps a following period when it is a known abbreviation ("Mr.", "Dr.", "Jan.", "Inc.",
///   see `Abbreviations`), a single-letter initial ("J.", "a."), or a run of one- or two-letter
///   segments ("U.S.", "U.S.A.", "e.g.", "Ph.D."); "No.", "Art.", "Fig.", "Vol." only before a number.
///   Otherwise the period is its own punct token.
/// - A token starting with a digit is a number: it also joins "," before a group of exactly three
///   digits ("1,000"), "." "/" ":" before a digit ("3.5", "9/11", "10:30"), hyphens ("18-6-2023"),
///   letters ("39.4C", "1990s", "5km") and a final "%" ("5%"). A currency sign is its own punct
///   token: "$5" is "$", "5", so a search for "5" finds it.
/// - En and em dashes are always punct ("18–19" is "18", "–", "19"); so are leading and trailing
///   hyphens and every other non-word character, one token each, except that a run of periods
///   ("...", "..") is one token and emoji keep their modifiers, ZWJ sequences and flag pairs.
/// - Han ideographs and kana are one word token each, since those scripts do not use spaces.
/// - Hangul and other letters or digits written together are separate words: Korean attaches its
///   particles and counters to the word before them ("Samsung은" → "Samsung", "은"; "2015년" →
///   "2015", "년"), so a name or a number is the same token in Korean text as elsewhere.
public enum Tokenizer {
    /// Scans UTF-8 bytes, calling `emit` for each token in order; allocates nothing per token.
    ///
    /// Invalid UTF-8 is tolerated: each bad byte becomes a one-byte punct token.
    public static func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ emit: (TokenSpan) -> Void) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        CharacterClass.asciiTable.withUnsafeBufferPointer { table in
            guard let tableBase = table.baseAddress else { return }
            let scanner = TokenScanner(text: UTF8Bytes(base: base, count: bytes.count), table: tableBase)
            scanner.run(emit)
        }
    }

    /// All tokens of UTF-8 bytes, in order.
    public static func tokens(in bytes: UnsafeBufferPointer<UInt8>) -> [TokenSpan] {
        // Collect into a raw buffer (no uniqueness check per append), then copy into an array once.
        var capacity = bytes.count / 4 + 16
        var storage = UnsafeMutablePointer<TokenSpan>.allocate(capacity: capacity)
        var count = 0
        scan(bytes) { token in
            if count == capacity {
                let larger = UnsafeMutablePointer<TokenSpan>.allocate(capacity: capacity * 2)
                larger.moveInitialize(from: storage, count: count)
                storage.deallocate()
                storage = larger
                capacity *= 2
            }
            (storage + count).initialize(to: token)
            count += 1
        }
        let result = Array(UnsafeBufferPointer(start: storage, count: count))
        storage.deinitialize(count: count)
        storage.deallocate()
        return result
    }

    /// All tokens of a string; offsets are byte offsets into `text.utf8`.
    public static func tokens(in text: String) -> [TokenSpan] {
        var text = text
        return text.withUTF8 { tokens(in: $0) }
    }

    /// The text of each token of a string, in order (for scripts and tests).
    public static func words(in text: String) -> [String] {
        var text = text
        return text.withUTF8 { buffer in
            tokens(in: buffer).map { String(decoding: UnsafeBufferPointer(rebasing: buffer[$0.range]), as: UTF8.self) }
        }
    }
}

/// The tokenizer's state machine over one buffer. Internal; see `Tokenizer` for the rules.
package struct TokenScanner {
    package let text: UTF8Bytes
    package let table: UnsafePointer<UInt8>

    /// `CharacterClass.letter.rawValue` and `.digit.rawValue` as literals, so the hot loops
    /// compare against constants.
    private static var letterClass: UInt8 { 4 }
    private static var digitClass: UInt8 { 5 }

    /// Runs the scan, emitting tokens in order.
    func run(_ emit: (TokenSpan) -> Void) {
        let p = text.base
        let n = text.count
        var i = 0
        var wordEnd = -1  // end of the last word or number token, to recognise a clitic "’s"
        while i < n {
            let b = p[i]
            if b < 0x80 {
                let c = table[Int(b)]
                if c == 0 {  // CharacterClass.space
                    i += 1
                    continue
                }
                if c >= Self.letterClass {
                    let isNumber = c == Self.digitClass
                    let end = scanWord(from: i, isNumber: isNumber)
                    emit(TokenSpan(start: i, length: end - i, kind: isNumber ? .number : .word))
                    wordEnd = end
                    i = end
                    continue
                }
                if b == 0x2E {  // "." or a run of periods ("...")
                    var end = i + 1
                    while end < n && p[end] == 0x2E { end += 1 }
                    emit(TokenSpan(start: i, length: end - i, kind: .punct))
                    i = end
                    continue
                }
                if b == 0x27 && wordEnd == i && isCliticS(at: i + 1) {
                    emit(TokenSpan(start: i, length: 2, kind: .word))
                    wordEnd = i + 2
                    i += 2
                    continue
                }
                let end = absorbMarks(from: i + 1)
                emit(TokenSpan(start: i, length: end - i, kind: .punct))
                i = end
                continue
            }
            let (value, length) = text.decodeMultiByte(at: i, lead: b)
            switch CharacterClass.of(scalar: value) {
            case .space, .mark:
                i += length
            case .letter, .digit:
                let isNumber = CharacterClass.of(scalar: value) == .digit
                let end = scanWord(from: i, isNumber: isNumber)
                emit(TokenSpan(start: i, length: end - i, kind: isNumber ? .number : .word))
                wordEnd = end
                i = end
            case .ideograph:
                let end = absorbMarks(from: i + length)
                emit(TokenSpan(start: i, length: end - i, kind: .word))
                wordEnd = end
                i = end
            case .other:
                if value == 0x2019 && wordEnd == i && isCliticS(at: i + length) {
                    emit(TokenSpan(start: i, length: length + 1, kind: .word))
                    wordEnd = i + length + 1
                    i += length + 1
                    continue
                }
                var end = i + length
                if (0x1F1E6...0x1F1FF).contains(value) && end < n {  // a flag is a pair of regional indicators
                    let (next, nextLength) = text.scalar(at: end)
                    if (0x1F1E6...0x1F1FF).contains(next) { end += nextLength }
                }
                end = absorbMarks(from: end)
                emit(TokenSpan(start: i, length: end - i, kind: .punct))
                i = end
            }
        }
    }

    /// The end of the word or number token starting at `start`.
    @inline(__always)
    private func scanWord(from start: Int, isNumber: Bool) -> Int {
        let p = text.base
        let n = text.count
        var j = start
        var internalPeriod = false
        while true {
            // A run of letters, digits and marks. Korean writes its particles and counters onto
            // the word before them, Latin names and numbers too ("Samsung은", "SK그룹", "2015년"):
            // where the run turns from Hangul to other letters or digits, or back, the token ends,
            // so "Samsung" is found in Korean text as it is in English.
            let runStart = j
            var hangul = false
            while j < n {
                let b = p[j]
                if b < 0x80 {
                    if table[Int(b)] >= Self.letterClass {
                        if hangul { return j }
                        j += 1
                        continue
                    }
                    break
                }
                let (value, length) = text.decodeMultiByte(at: j, lead: b)
                let c = CharacterClass.of(scalar: value)
                if c.isWordChar {
                    let isHangul = CharacterClass.isHangul(value)
                    if isHangul != hangul {
                        if j > runStart { return j }
                        hangul = isHangul
                    }
                    j += length
                    continue
                }
                if c == .mark {
                    j += length
                    continue
                }
                break
            }
            guard j < n else { return j }
            // A joiner between word characters continues the token.
            switch p[j] {
            case 0x2D, 0x5F:  // "-" "_"
                if isWordChar(at: j + 1) { j += 1; continue }
                return j
            case 0x2E:  // "."
                if isNumber {
                    if isDigit(at: j + 1) { j += 1; continue }
                    return j
                }
                if isWordChar(at: j + 1) && !isMissingSpace(afterPeriod: j) {
                    internalPeriod = true
                    j += 1
                    continue
                }
                let end = abbreviationEnd(start: start, period: j, internalPeriod: internalPeriod)
                if end > j && end + 1 < n && p[end] == 0x2D && isWordChar(at: end + 1) {
                    j = end + 1  // "U.S.-China"
                    continue
                }
                return end
            case 0x2C:  // "," in "1,000"
                if isNumber && isThreeDigitGroup(at: j + 1) { j += 1; continue }
                return j
            case 0x2F, 0x3A:  // "/" "9/11", ":" "10:30"
                if isNumber && isDigit(at: j + 1) { j += 1; continue }
                return j
            case 0x25:  // "%"
                return isNumber ? j + 1 : j
            case 0x26:  // "&" in "AT&T"
                if isUpperASCII(at: j - 1) && isUpperASCII(at: j + 1) { j += 1; continue }
                return j
            case 0x27:  // "'"
                if let next = apostropheJoin(at: j, length: 1) { j = next; continue }
                return j
            case 0xE2:
                guard j + 2 < n && p[j + 1] == 0x80 else { return j }
                switch p[j + 2] {
                case 0x99:  // "’"
                    if let next = apostropheJoin(at: j, length: 3) { j = next; continue }
                    return j
                case 0x90, 0x91:  // U+2010 hyphen, U+2011 non-breaking hyphen
                    if isWordChar(at: j + 3) { j += 3; continue }
                    return j
                default:
                    return j
                }
            default:
                return j
            }
        }
    }

    /// Where a word ending at a period (`period`) ends: after the period for abbreviations,
    /// at the period otherwise.
    private func abbreviationEnd(start: Int, period: Int, internalPeriod: Bool) -> Int {
        let p = text.base
        if period + 1 < text.count && p[period + 1] == 0x2E { return period }  // "etc..." ends in an ellipsis
        let length = period - start
        let keep: Bool
        if internalPeriod {
            keep = Abbreviations.isDottedLetters(text, start: start, end: period)
        } else if text.scalar(at: start).length == length {
            keep = !(length == 1 && p[start] == 0x49)  // an initial, but not the pronoun "I."
        } else if let key = Abbreviations.key(text, start: start, length: length), Abbreviations.tokenKeys.contains(key) {
            keep = Abbreviations.needNumberKeys.contains(key) ? isNumberAhead(from: period + 1) : true
        } else {
            keep = false
        }
        return keep ? period + 1 : period
    }

    /// Whether the period at `j` ends a sentence whose following space is missing ("leader.The"):
    /// a lowercase letter before it, a capital and a lowercase letter after it. Domain names
    /// ("Amazon.com") and abbreviations ("U.S", "Ph.D") do not match.
    @inline(__always)
    private func isMissingSpace(afterPeriod j: Int) -> Bool {
        guard j >= 1 && j + 2 < text.count else { return false }
        let before = text.base[j - 1], first = text.base[j + 1], second = text.base[j + 2]
        guard before >= 0x61 && before <= 0x7A && first >= 0x41 && first <= 0x5A && second >= 0x61 && second <= 0x7A
        else { return false }
        return !isEmailLocalPart(from: j + 1)
    }

    /// Whether the text from `i` runs on as an e-mail address's local part to an "@" and a domain
    /// ("Jane.Doe@example.com": the period before "Doe" is not a missing space).
    private func isEmailLocalPart(from i: Int) -> Bool {
        var k = i
        while k < text.count && k - i < 64 {
            let b = text.base[k]
            if b == 0x40 { return isWordChar(at: k + 1) }
            guard b < 0x80 && (table[Int(b)] >= Self.letterClass || b == 0x2E || b == 0x2D || b == 0x5F || b == 0x2B)
            else { return false }
            k += 1
        }
        return false
    }

    /// If the apostrophe at `j` (of `length` bytes) joins the word, where scanning resumes.
    /// A final "’s" does not join: the main loop emits it as a clitic token.
    @inline(__always)
    private func apostropheJoin(at j: Int, length: Int) -> Int? {
        let k = j + length
        guard k < text.count else { return nil }
        if isCliticS(at: k) { return nil }
        let b = text.base[k]
        if b < 0x80 { return (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A ? k : nil }
        return CharacterClass.of(scalar: text.scalar(at: k).value) == .letter ? k : nil
    }

    /// Whether `k` holds an "s" or "S" that ends the word (the "s" of a clitic "’s").
    @inline(__always)
    private func isCliticS(at k: Int) -> Bool {
        guard k < text.count else { return false }
        let b = text.base[k]
        return (b == 0x73 || b == 0x53) && !isWordChar(at: k + 1)
    }

    /// Whether the character at `i` is a letter or digit (false past the end).
    @inline(__always)
    private func isWordChar(at i: Int) -> Bool {
        guard i < text.count else { return false }
        let b = text.base[i]
        if b < 0x80 { return table[Int(b)] >= Self.letterClass }
        return CharacterClass.of(scalar: text.decodeMultiByte(at: i, lead: b).value).isWordChar
    }

    /// Whether `i` holds an ASCII digit.
    @inline(__always)
    private func isDigit(at i: Int) -> Bool {
        guard i < text.count else { return false }
        let b = text.base[i]
        return b >= 0x30 && b <= 0x39
    }

    /// Whether `i` holds an ASCII capital letter.
    @inline(__always)
    private func isUpperASCII(at i: Int) -> Bool {
        guard i >= 0 && i < text.count else { return false }
        let b = text.base[i]
        return b >= 0x41 && b <= 0x5A
    }

    /// Whether exactly three digits start at `i` ("1,000" but not "1,2" or "1,0000").
    private func isThreeDigitGroup(at i: Int) -> Bool {
        isDigit(at: i) && isDigit(at: i + 1) && isDigit(at: i + 2) && !isDigit(at: i + 3)
    }

    /// Whether a digit follows `i` after at most a few spaces ("No. 1").
    private func isNumberAhead(from i: Int) -> Bool {
        var k = i
        while k < text.count && k - i < 8 {
            let space = text.spaceLength(at: k)
            if space == 0 { break }
            k += space
        }
        return isDigit(at: k)
    }

    /// Skips combining marks, variation selectors, skin-tone modifiers and ZWJ sequences after a
    /// character, so an emoji or an accented symbol stays one token.
    @inline(__always)
    private func absorbMarks(from i: Int) -> Int {
        var k = i
        while k < text.count && text.base[k] >= 0x80 {
            let (value, length) = text.scalar(at: k)
            guard CharacterClass.of(scalar: value) == .mark else { break }
            k += length
            if value == 0x200D && k < text.count && text.spaceLength(at: k) == 0 {  // ZWJ joins the next scalar
                k += text.scalar(at: k).length
            }
        }
        return k
    }
}
