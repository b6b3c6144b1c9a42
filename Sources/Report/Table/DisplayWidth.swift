/// How many terminal columns text occupies, the way a monospaced terminal draws it: East Asian
/// wide and fullwidth characters and emoji take two columns, combining marks, zero-width
/// characters and control characters take none, everything else takes one.
///
/// Width is measured per grapheme cluster (Swift `Character`), so an emoji sequence joined with
/// U+200D, a flag, or a letter with stacked accents each count once. A cluster never counts more
/// than two columns.
public enum DisplayWidth {
    /// The number of terminal columns `s` occupies.
    public static func of(_ s: String) -> Int {
        if let ascii = asciiWidth(s) { return ascii }
        // Fast path: when no scalar can join others into a cluster (marks, joiners, variation
        // selectors, emoji, jamo), every scalar is its own cluster and widths simply add up.
        var total = 0
        for scalar in s.unicodeScalars {
            let v = scalar.value
            if v < 0x300 {
                total += v < 0x20 || (v >= 0x7F && v < 0xA0) ? 0 : 1
                continue
            }
            if mayJoinOthers(scalar) { return clusterWidth(s) }
            total += width(of: scalar)
        }
        return total
    }

    /// Width summed over grapheme clusters: the general (slower) path.
    private static func clusterWidth(_ s: String) -> Int {
        var total = 0
        for character in s { total += of(character) }
        return total
    }

    /// Whether a scalar (at or above U+0300) may form a multi-scalar cluster or be drawn as emoji.
    private static func mayJoinOthers(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if (0x1100...0x11FF).contains(v) || (0xA960...0xA97F).contains(v) || (0xD7B0...0xD7FF).contains(v) { return true }
        let properties = scalar.properties
        if properties.isEmoji || properties.isEmojiPresentation || properties.isVariationSelector { return true }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .format: return true
        default: return false
        }
    }

    /// The number of terminal columns one grapheme cluster occupies (0, 1 or 2).
    public static func of(_ c: Character) -> Int {
        let scalars = c.unicodeScalars
        var sum = 0
        var previousIsEmoji = false
        for scalar in scalars {
            let properties = scalar.properties
            if properties.isEmojiPresentation { return 2 }
            // A text-default emoji followed by VARIATION SELECTOR-16 is drawn as an emoji.
            if scalar.value == 0xFE0F && previousIsEmoji { return 2 }
            previousIsEmoji = properties.isEmoji
            sum += width(of: scalar)
        }
        return Swift.min(sum, 2)
    }

    /// `s` cut to at most `width` columns. When anything is cut the result ends with "…" (which
    /// counts one column); a wide character that would straddle the limit is dropped whole, so the
    /// result may be one column narrower than `width`. Returns "" for a width of zero or less.
    public static func truncate(_ s: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        if of(s) <= width { return s }
        var result = ""
        var used = 0
        for character in s {
            let w = of(character)
            if used + w > width - 1 { break }
            result.append(character)
            used += w
        }
        result.append("…")
        return result
    }

    /// `s` cut to at most `width` columns from the left: when anything is cut the result starts
    /// with "…" and keeps the end of `s` ("…end of the text"), with the same rules as `truncate`.
    public static func truncateLeading(_ s: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        if of(s) <= width { return s }
        var kept: [Character] = []
        var used = 0
        for character in s.reversed() {
            let w = of(character)
            if used + w > width - 1 { break }
            kept.append(character)
            used += w
        }
        return "…" + String(kept.reversed())
    }

    /// `s` padded with spaces to exactly `width` columns (assumes it is no wider), on the right
    /// for left-aligned text or on the left for right-aligned text.
    static func pad(_ s: String, to width: Int, rightAligned: Bool = false) -> String {
        let missing = width - of(s)
        guard missing > 0 else { return s }
        let spaces = String(repeating: " ", count: missing)
        return rightAligned ? spaces + s : s + spaces
    }

    /// The width of printable ASCII text (its length), or nil when `s` holds anything else.
    private static func asciiWidth(_ s: String) -> Int? {
        var count = 0
        for byte in s.utf8 {
            guard byte >= 0x20 && byte < 0x7F else { return nil }
            count += 1
        }
        return count
    }

    /// The width of a single scalar outside any emoji context.
    private static func width(of scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        if v < 0x300 { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        // Hangul medial vowels and final consonants combine with the initial consonant.
        if (0x1160...0x11FF).contains(v) || (0xD7B0...0xD7FF).contains(v) { return 0 }
        if v == 0x200B { return 0 }
        for range in wideRanges where range.contains(v) { return 2 }
        return 1
    }

    /// East Asian Wide (W) and Fullwidth (F) blocks from Unicode's EastAsianWidth.txt, coarsened to
    /// blocks; emoji are recognised separately through their Emoji_Presentation property.
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
        0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF,
        0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4,
        0x17000...0x18CFF, 0x1AFF0...0x1B2FF, 0x1F200...0x1F2FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]
}
