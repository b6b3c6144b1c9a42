/// Finds paragraphs: the blocks of a text separated by blank lines.
///
/// A line counts as blank when it holds only whitespace, including no-break and thin spaces
/// (news pages often leave a lone U+00A0 between blocks). Line breaks are LF, CRLF or a lone CR.
/// A text with no blank line between two non-empty lines (one paragraph per line, as some feeds
/// write articles) gets one paragraph per non-empty line instead — except that a line that stops
/// mid-sentence (three words or more, no final punctuation) and a next line that goes on in lower
/// case are one sentence broken in two, and stay one paragraph. (A document's clean body has such
/// breaks joined already: see `Cleaner`; this matters for text given as is, `dossier.sentences`.)
public enum ParagraphSplitter {
    /// Byte ranges of paragraphs (trimmed of surrounding whitespace): blocks separated by blank lines;
    /// when the text has no blank line at all, every non-empty line is a paragraph (a sentence broken
    /// over two lines aside).
    public static func paragraphs(in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return [] }
        let text = UTF8Bytes(base: base, count: bytes.count)
        let lines = nonBlankLines(text)
        guard lines.contains(where: { $0.afterBlank }) else {
            var result: [Range<Int>] = []
            result.reserveCapacity(lines.count)
            for line in lines {
                if let previous = result.last, isBrokenSentence(text, previous, line.range) {
                    result[result.count - 1] = previous.lowerBound..<line.range.upperBound
                } else {
                    result.append(line.range)
                }
            }
            return result
        }
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

    /// Whether `line` goes on with the sentence `previous` (a paragraph so far) stopped in: the previous
    /// line has three words or more and ends in a letter, digit or comma, and `line` starts with a
    /// lower-case ASCII letter that is not an e-mail or web address.
    private static func isBrokenSentence(_ text: UTF8Bytes, _ previous: Range<Int>, _ line: Range<Int>) -> Bool {
        let first = text.base[line.lowerBound]
        guard first >= 0x61 && first <= 0x7A else { return false }
        var k = line.lowerBound
        while k < line.upperBound {
            let b = text.base[k]
            if b == 0x20 || b == 0x09 { break }
            if b == 0x40 || b == 0x2F { return false }
            if b == 0x2E && k + 1 < line.upperBound && text.base[k + 1] > 0x20 { return false }
            k += 1
        }
        let last = text.base[previous.upperBound - 1]
        let isLetterOrDigit = (last | 0x20 >= 0x61 && last | 0x20 <= 0x7A) || (last >= 0x30 && last <= 0x39)
        guard isLetterOrDigit || last == 0x2C else { return false }
        // Three words or more on the previous line (counted from its last line break).
        var words = 0
        var inWord = false
        var i = previous.upperBound - 1
        while i >= previous.lowerBound {
            let b = text.base[i]
            if b == 0x0A || b == 0x0D { break }
            if b == 0x20 || b == 0x09 {
                inWord = false
            } else if !inWord {
                inWord = true
                words += 1
                if words >= 3 { return true }
            }
            i -= 1
        }
        return false
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
