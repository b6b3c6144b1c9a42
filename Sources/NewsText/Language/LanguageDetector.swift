/// Cheap language identification for documents whose input does not say their language.
///
/// It reads only the first `sampleBytes` of the text, in one pass over its Unicode scalars,
/// without allocating per word:
/// 1. **Script.** Letters are counted by writing system. A script written by one major language
///    decides alone (Greek, Hebrew, Thai, Hangul, Japanese kana, Han, Georgian, the Indic scripts
///    but Devanagari…). Text whose letters are not mostly one script (under 60%) is mixed: nil.
/// 2. **Function words.** For the scripts several languages share (Latin, Cyrillic, Arabic,
///    Devanagari), each word is looked up in a table of the commonest function words of each
///    language (`LanguageProfiles`, hand-written); the language with clearly the most hits wins.
///    Too few words, too few hits, or two languages too close (Danish and Norwegian on a short
///    text, a text half English half French) give nil rather than a guess.
///
/// Tags are BCP 47 primary language subtags (`en`, `de`, `pt`, `zh`, `ja`; `sr-Latn` for
/// Serbian in Latin letters). A language not in the profiles is never named: its text gets nil
/// (or, rarely, the closest profiled language when it shares their function words, e.g. Malay
/// as `id`).
public enum LanguageDetector {
    /// How much of the text is read (UTF-8 bytes): a few hundred words of Latin text.
    public static let sampleBytes = 3_072
    /// Fewer letters than this: too short to say.
    static let minimumLetters = 40
    /// Fewer words of the main script than this (for word-decided scripts): too short to say.
    static let minimumWords = 20

    /// The language of a text, or nil when unsure (short, mixed, or not a profiled language).
    public static func detect(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { detect(utf8: $0) }
    }

    /// The language of UTF-8 text (only its first `sampleBytes` are read), or nil when unsure.
    public static func detect(utf8 bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let end = min(bytes.count, sampleBytes)
        let table = LanguageProfiles.table
        let languageCount = LanguageProfiles.languages.count
        return withUnsafeTemporaryAllocation(of: Int32.self, capacity: Script.allCases.count * 2 + languageCount) { counts in
            counts.initialize(repeating: 0)
            let scriptCount = Script.allCases.count
            // counts[0..<s]: letters per script; [s..<2s]: words per script; then hits per language.
            var i = 0
            var hash: UInt64 = LanguageProfiles.hashSeed
            var wordScript = -1
            var wordLength = 0
            while i <= end {
                var scalar: UInt32 = 0x20
                if i < end {
                    let b0 = UInt32(bytes[i])
                    if b0 < 0x80 {
                        scalar = b0
                        i += 1
                    } else if b0 < 0xE0 {
                        guard i + 1 < end else { i = end; continue }
                        scalar = (b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
                        i += 2
                    } else if b0 < 0xF0 {
                        guard i + 2 < end else { i = end; continue }
                        scalar = (b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                        i += 3
                    } else {
                        guard i + 3 < end else { i = end; continue }
                        scalar = (b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12
                            | UInt32(bytes[i + 2] & 0x3F) << 6 | UInt32(bytes[i + 3] & 0x3F)
                        i += 4
                    }
                } else {
                    i += 1  // the end: a final separator closes the last word
                }
                let script = Script.of(scalar)
                if script != .none {
                    if script != .mark {
                        counts[script.rawValue] += 1
                        if wordScript < 0 { wordScript = script.rawValue }
                    }
                    hash = LanguageProfiles.mix(hash, LanguageProfiles.lower(scalar))
                    wordLength += 1
                    continue
                }
                // A separator: close the word.
                if wordLength > 0, wordScript >= 0 {
                    counts[scriptCount + wordScript] += 1
                    var mask = table.lookup(hash)
                    while mask != 0 {
                        let bit = mask.trailingZeroBitCount
                        counts[2 * scriptCount + bit] += 1
                        mask &= mask - 1
                    }
                }
                hash = LanguageProfiles.hashSeed
                wordScript = -1
                wordLength = 0
            }
            return decide(counts: UnsafeBufferPointer(counts), scripts: scriptCount)
        }
    }

    /// Whether the detector names this language from its script alone (Thai, Greek, Japanese…)
    /// rather than from function words.
    public static func decidedByScript(_ tag: String) -> Bool {
        tag == "zh" || tag == "ja" || tag == "ko" || Script.allCases.contains { $0.singleLanguage == tag }
    }

    /// The decision from the counts of one pass (see the type's summary).
    static func decide(counts: UnsafeBufferPointer<Int32>, scripts: Int) -> String? {
        var letters: Int32 = 0
        var top = 0
        for s in 0..<scripts {
            letters += counts[s]
            if counts[s] > counts[top] { top = s }
        }
        guard letters >= minimumLetters else { return nil }
        let kana = counts[Script.kana.rawValue], han = counts[Script.han.rawValue]
        let hangul = counts[Script.hangul.rawValue]
        // Japanese mixes kana into Han; Korean may write some Han words.
        if kana * 20 >= letters, (kana + han) * 2 >= letters { return "ja" }
        if hangul * 5 >= letters * 2 { return "ko" }
        if han * 2 >= letters { return "zh" }
        guard counts[top] * 5 >= letters * 3, let script = Script(rawValue: top) else { return nil }
        if let single = script.singleLanguage { return single }
        // A shared script: the function words decide.
        let words = counts[scripts + top]
        guard words >= minimumWords else { return nil }
        var best = -1, second = -1
        for (l, language) in LanguageProfiles.languages.enumerated() where language.script == script {
            let hits = counts[2 * scripts + l]
            if best < 0 || hits > counts[2 * scripts + best] {
                second = best
                best = l
            } else if second < 0 || hits > counts[2 * scripts + second] {
                second = l
            }
        }
        guard best >= 0 else { return nil }
        let bestHits = counts[2 * scripts + best]
        let secondHits = second >= 0 ? counts[2 * scripts + second] : 0
        // Enough function words for a language at all (agglutinating Turkish and Finnish write
        // fewer separate ones than English), and clearly ahead of the runner-up. The lead is
        // counted in words, not as a ratio: close languages share most of their function words
        // (Danish and Norwegian), so only the words they do not share can set them apart.
        guard bestHits * 14 >= words, bestHits >= 5 else { return nil }
        guard bestHits - secondHits >= max(3, words / 40) else { return nil }
        return LanguageProfiles.languages[best].tag
    }
}

/// The writing systems the detector tells apart (`mark`: a combining mark, part of a word of
/// any script; `none`: not a letter).
enum Script: Int, CaseIterable {
    case latin, cyrillic, greek, armenian, hebrew, arabic, devanagari, bengali, gurmukhi, gujarati,
         oriya, tamil, telugu, kannada, malayalam, sinhala, thai, lao, tibetan, myanmar, georgian,
         hangul, ethiopic, khmer, kana, han, mark, none

    /// The language a script implies when one major language writes it.
    var singleLanguage: String? {
        switch self {
        case .greek: "el"
        case .armenian: "hy"
        case .hebrew: "he"
        case .bengali: "bn"
        case .gurmukhi: "pa"
        case .gujarati: "gu"
        case .oriya: "or"
        case .tamil: "ta"
        case .telugu: "te"
        case .kannada: "kn"
        case .malayalam: "ml"
        case .sinhala: "si"
        case .thai: "th"
        case .lao: "lo"
        case .tibetan: "bo"
        case .myanmar: "my"
        case .georgian: "ka"
        case .hangul: "ko"
        case .ethiopic: "am"
        case .khmer: "km"
        case .kana: "ja"
        default: nil
        }
    }

    /// The script of a scalar; digits, punctuation, symbols and spaces are `none`.
    @inline(__always)
    static func of(_ c: UInt32) -> Script {
        if c < 0x80 {
            return (c | 0x20) &- 0x61 < 26 ? .latin : .none
        }
        switch c {
        case 0xC0...0x24F: return c == 0xD7 || c == 0xF7 ? .none : .latin
        case 0x300...0x36F: return .mark
        case 0x370...0x3FF, 0x1F00...0x1FFF: return c == 0x37E || c == 0x387 ? .none : .greek
        case 0x400...0x52F: return c >= 0x482 && c <= 0x489 ? .mark : .cyrillic
        case 0x530...0x58F: return c >= 0x559 && c <= 0x55F || c == 0x589 ? .none : .armenian
        case 0x591...0x5C7: return .mark
        case 0x5D0...0x5F2: return .hebrew
        case 0x600...0x6FF, 0x750...0x77F, 0xFB50...0xFDFF, 0xFE70...0xFEFF:
            switch c {
            case 0x600...0x60F, 0x61B...0x61F, 0x66A...0x66D, 0x6D4, 0x660...0x669, 0x6F0...0x6F9, 0xFD3E, 0xFD3F: return .none
            case 0x610...0x61A, 0x64B...0x65F, 0x670: return .mark
            default: return .arabic
            }
        case 0x900...0x97F: return c == 0x964 || c == 0x965 || (c >= 0x966 && c <= 0x96F) ? .none : .devanagari
        case 0x980...0x9FF: return (c >= 0x9E6 && c <= 0x9EF) ? .none : .bengali
        case 0xA00...0xA7F: return .gurmukhi
        case 0xA80...0xAFF: return .gujarati
        case 0xB00...0xB7F: return .oriya
        case 0xB80...0xBFF: return .tamil
        case 0xC00...0xC7F: return .telugu
        case 0xC80...0xCFF: return .kannada
        case 0xD00...0xD7F: return .malayalam
        case 0xD80...0xDFF: return .sinhala
        case 0xE00...0xE7F: return (c >= 0xE50 && c <= 0xE59) || c == 0xE2F || c == 0xE5A || c == 0xE5B ? .none : .thai
        case 0xE80...0xEFF: return .lao
        case 0xF00...0xFFF: return .tibetan
        case 0x1000...0x109F: return c == 0x104A || c == 0x104B || (c >= 0x1040 && c <= 0x1049) ? .none : .myanmar
        case 0x10A0...0x10FF, 0x1C90...0x1CBF: return .georgian
        case 0x1100...0x11FF, 0x3130...0x318F, 0xAC00...0xD7AF: return .hangul
        case 0x1200...0x139F: return c >= 0x1360 && c <= 0x137C ? .none : .ethiopic
        case 0x1780...0x17FF: return .khmer
        case 0x1E00...0x1EFF: return .latin
        case 0x3040...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F: return c == 0x30FB ? .none : .kana
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F: return .han
        case 0x200C, 0x200D: return .mark  // zero-width (non-)joiners, inside Persian and Indic words
        default: return .none
        }
    }
}
