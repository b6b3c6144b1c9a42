/// Finds paragraphs: the blocks of a text separated by blank lines.
///
/// A line counts as blank when it holds only whitespace, including no-break and thin spaces
/// (news pages often leave a lone U+00A0 between blocks). Line breaks are LF, CRLF or a lone CR.
/// A text with no blank line between two non-empty lines (one paragraph per line, as some feeds
/// write articles) gets one paragraph per non-empty line instead.
public enum ParagraphSplitter {
    /// Byte ranges of paragraphs (trimmed of surrounding whitespace): blocks separated by blank lines;
    /// when the text has no blank line at all, every non-empty line is a paragraph.
    public static func paragraphs(in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return [] }
        let text = UTF8Bytes(base: base, count: bytes.count)
        let lines = nonBlankLines(text)
        guard lines.contains(where: { $0.afterBlank }) else { return lines.map(\.range) }
        var result: [Range<Int>] = []
        var current: Range<Int>?
        for line in lines {
            if let open = current, !line.afterBlank {
                current = open.lowerBound..<line.range.upperBound
            } else {
                if let open = current { result.append(open) }
                current = line.range
            }
        }
        if let open = current { result.append(open) }
        return result
    }

    /// Paragraphs of a string, as byte ranges of `text.utf8`.
    public static func paragraphs(in text: String) -> [Range<Int>] {
        var text = text
        return text.withUTF8 { paragraphs(in: $0) }
    }

    /// A non-blank line, trimmed, and whether a blank line separates it from the previous one.
    private struct Line {
        var range: Range<Int>
        var afterBlank: Bool
    }

    /// The trimmed non-blank lines of the text. `afterBlank` is only set between two non-blank
    /// lines: leading and trailing blank lines do not make the text "have blank lines".
    private static func nonBlankLines(_ text: UTF8Bytes) -> [Line] {
        var lines: [Line] = []
        var lineStart = 0
        var sawBlank = false
        var i = 0
        let n = text.count
        while lineStart <= n {
            // Find the end of this line.
            i = lineStart
            while i < n && text.base[i] != 0x0A && text.base[i] != 0x0D { i += 1 }
            let lineEnd = i
            var next = i + 1
            if i < n && text.base[i] == 0x0D && i + 1 < n && text.base[i + 1] == 0x0A { next = i + 2 }
            // Trim.
            var s = lineStart
            while s < lineEnd {
                let space = text.spaceLength(at: s)
                if space == 0 { break }
                s += space
            }
            var e = lineEnd
            while e > s {
                let space = text.trailingSpaceLength(endingAt: e, notBefore: s)
                if space == 0 { break }
                e -= space
            }
            if s < e {
                lines.append(Line(range: s..<e, afterBlank: sawBlank && !lines.isEmpty))
                sawBlank = false
            } else {
                sawBlank = true
            }
            if lineEnd >= n { break }
            lineStart = next
        }
        return lines
    }
}
