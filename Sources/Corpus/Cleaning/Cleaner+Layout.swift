/// Layout of plain text: how the body's lines make paragraphs.
///
/// News reaches an archive in three layouts. Web extractions and modern feeds put one paragraph on a line, with or
/// without blank lines between. Wire copy, e-mail newsletters and old archives are *hard-wrapped*: every line is
/// cut at a fixed width (often 65–72 columns) and a paragraph is marked by a blank line, by an indented first line
/// (the 1980s agency format: four spaces, no blank lines), or only by a short last line. The cleaner reflows
/// wrapped text so a paragraph is one line of the clean body: names and quotations broken across a line end join
/// back, and the later stages (paragraphs, sentences, quotations, entities) see prose, not lines.
///
/// The analysis uses only line features: the width the text is wrapped at (the widest lines, a few outliers
/// aside), whether a line ends a sentence, whether the next line's first word would have fitted on it, indentation
/// and blank lines. A break is *soft* (a wrap, joined with a space) when the next line starts in lower case, or when
/// the line is long enough that the next word could not have fitted (a line that stops mid-sentence only needs to
/// fill half the width). Table rows (columns separated by runs of spaces or tabs) and list items are never joined.
/// Text that is not wrapped keeps its lines exactly as before.
extension Cleaner {
    /// How a body line follows the one before it in the clean body.
    enum Join: UInt8 {
        /// It opens a new paragraph (a blank line in the clean body).
        case paragraph
        /// It opens a new line of the same paragraph (kept as written: table rows, list items, addresses).
        case lineBreak
        /// It continues the line before: a wrapped line, joined with one space.
        case space
        /// It continues a word the line before broke after its hyphen ("Cleveland-" / "based"): joined with nothing.
        case hyphen
    }

    /// What the layout analysis found about a document's body.
    struct LayoutStyle {
        /// True when the body is hard-wrapped prose and its lines are reflowed.
        var reflow = false
        /// The column the text is wrapped at (the widest lines, outliers aside).
        var width = 0
        /// True when paragraphs open with an indented first line (continuation lines at `baseIndent`).
        var indentMarked = false
        /// The indentation of continuation lines.
        var baseIndent = 0
        /// True when short last lines, rather than blank lines, mark most paragraph ends: a break that is not a
        /// wrap then ends the paragraph; otherwise it is kept as a line break inside the paragraph.
        var shortLineParagraphs = false
        /// For reflowed text, the features of each body line (in the order of the body lines given).
        var features: [LineFeatures] = []
    }

    /// The widest a wrapped text may be: wider lines are paragraphs written on one line.
    static let widestWrap = 120
    /// The narrowest column a text is taken to be wrapped at.
    static let narrowestWrap = 30

    /// Decides whether the body lines `body` (indices of non-blank lines, in order) are hard-wrapped, and how their
    /// paragraphs are marked. `gaps[i]` is true for a line that separates paragraphs (blank, or only filler).
    static func layoutStyle(_ doc: Lines, body: [Int], gaps: [Bool]) -> LayoutStyle {
        var style = LayoutStyle()
        guard body.count >= 3 else { return style }
        // Most texts stop here, without reading a line: paragraphs written one per line are far wider than any
        // wrap, and wrapped text has lines that stop mid-sentence right above another line.
        var wide = 0
        var stopsMidSentence = 0
        for k in body.indices {
            let line = doc.lines[body[k]]
            if line.end - line.start > widestWrap { wide += 1 }
            guard k + 1 < body.count, body[k + 1] == body[k] + 1 else { continue }
            switch doc.text[line.end - 1] {
            case 0x2E, 0x21, 0x3F, 0x3A, 0x22, 0x27, 0x29, 0x5D, 0x9D, 0x99, 0xA6, 0x82: continue
            default: stopsMidSentence += 1
            }
        }
        guard wide * 10 <= body.count, stopsMidSentence > 0 else { return style }
        // The features of each line, found once.
        let lines = body.map { LineFeatures(doc, $0) }
        // The wrap width: the widest prose lines, skipping the top tenth (a long URL or a table rule).
        var widths: [Int] = []
        widths.reserveCapacity(body.count)
        for line in lines where line.hasThreeWords { widths.append(line.columns) }
        guard widths.count >= 3 else { return style }
        widths.sort()
        let width = widths[max(0, widths.count - 1 - widths.count / 10)]
        guard width >= narrowestWrap, width <= widestWrap else { return style }
        style.width = width

        // Wrapped prose breaks lines mid-sentence, on lines that fill the width.
        var pairs = 0
        var midSentence = 0
        var fullMidLines = 0
        var blankGaps = 0
        var shortEnds = 0
        for k in 1..<body.count {
            let a = lines[k - 1]
            let b = lines[k]
            guard body[k] == body[k - 1] + 1 else {
                if hasGap(gaps, body[k - 1], body[k]) { blankGaps += 1 }
                continue
            }
            // Table rows and list items say nothing about wrapping.
            if a.isListItem || a.isTableRow || b.isListItem || b.isTableRow { continue }
            pairs += 1
            if a.hasThreeWords, !a.endsSentence {
                midSentence += 1
                if a.columns * 10 >= width * 6 { fullMidLines += 1 }
            } else if a.endsSentence, b.startsUpper, a.columns + 1 + b.firstWord < width {
                shortEnds += 1
            }
        }
        let base = lines.map(\.indent).min() ?? 0
        style.baseIndent = base
        // An indented first line that stops mid-sentence and goes on at the base indentation marks paragraphs.
        var indented = 0
        var firstLineIndents = 0
        for k in body.indices where lines[k].indent > base {
            indented += 1
            guard k + 1 < body.count, body[k + 1] == body[k] + 1, lines[k + 1].indent == base, !lines[k].endsSentence
            else { continue }
            if lines[k + 1].startsLower || lines[k].columns * 10 >= width * 6 { firstLineIndents += 1 }
        }
        let wrapped = midSentence >= 2 && midSentence * 3 >= pairs && fullMidLines * 2 >= midSentence
        style.indentMarked = firstLineIndents >= 2 || (firstLineIndents == 1 && (wrapped || indented >= 3))
        style.reflow = wrapped || style.indentMarked
        style.shortLineParagraphs = !style.indentMarked && shortEnds > blankGaps
        if style.reflow { style.features = lines }
        return style
    }

    /// What the layout analysis reads of one line.
    struct LineFeatures {
        var columns: Int
        var indent: Int
        var firstWord: Int
        var hasThreeWords: Bool
        var endsSentence: Bool
        var startsLower: Bool
        var startsUpper: Bool
        var isListItem: Bool
        var isTableRow: Bool

        /// True when the break after this line, before `next`, is a wrap (see `isSoftBreak`).
        func isSoftBreak(before next: LineFeatures, width: Int) -> Bool {
            if next.startsLower { return true }
            let needed = columns + 1 + next.firstWord
            return endsSentence ? needed >= width : needed * 2 > width
        }

        init(_ doc: Lines, _ i: Int) {
            let c = doc.content(i)
            indent = indentation(doc, i)
            columns = indent + c.count
            firstWord = firstWordColumns(c)
            hasThreeWords = hasWords(c, 3)
            endsSentence = lineEndsSentence(c)
            startsLower = Cleaner.startsLower(c)
            startsUpper = Cleaner.startsUpper(c)
            isListItem = Cleaner.isListItem(c)
            isTableRow = Cleaner.isTableRow(c)
        }
    }

    /// How each line of `body` follows the one before it (the first line opens a paragraph).
    static func joins(_ doc: Lines, body: [Int], gaps: [Bool], style: LayoutStyle) -> [Join] {
        var result: [Join] = []
        result.reserveCapacity(body.count)
        let features = style.features.count == body.count ? style.features : []
        for k in body.indices {
            guard k > 0 else {
                result.append(.paragraph)
                continue
            }
            let a = body[k - 1]
            let b = body[k]
            if hasGap(gaps, a, b) {
                result.append(.paragraph)
                continue
            }
            guard style.reflow, !features.isEmpty else {
                // Even in text that is not wrapped, a line that stops mid-sentence before one that goes on in lower
                // case is one sentence broken in two.
                result.append(b == a + 1 && isPlainWrap(doc, a, b) ? .space : .lineBreak)
                continue
            }
            // Inside wrapped text a break that is not a wrap ends the paragraph, or stays a line break when blank
            // lines or indents mark the paragraphs.
            let hard: Join = style.shortLineParagraphs ? .paragraph : .lineBreak
            let line = features[k - 1]
            let next = features[k]
            if b != a + 1 {  // a removed line between
                result.append(hard)
            } else if style.indentMarked && next.indent > style.baseIndent {
                result.append(.paragraph)
            } else if !style.indentMarked && next.indent >= style.baseIndent + 2 {
                // Deeper lines in text that does not indent its paragraphs are code or a quoted block.
                result.append(hard)
            } else if next.isListItem || line.isTableRow || next.isTableRow {
                result.append(hard)
            } else if line.isSoftBreak(before: next, width: style.width) {
                let hyphen = endsInWordHyphen(doc.content(a)) && doc.content(b).first.map(Bytes.isLetter) == true
                result.append(hyphen ? .hyphen : .space)
            } else {
                result.append(hard)
            }
        }
        return result
    }

    /// True when line `b` plainly continues the sentence of line `a`: `a` has three words or more and stops
    /// mid-sentence, `b` starts in lower case and is not indented (indented lines are code or quoted blocks, unless
    /// the layout says they open paragraphs), and neither is a list item or table row.
    static func isPlainWrap(_ doc: Lines, _ a: Int, _ b: Int) -> Bool {
        let line = doc.content(a)
        let next = doc.content(b)
        guard startsLower(next), hasWords(line, 3), !lineEndsSentence(line),
            indentation(doc, b) <= min(1, indentation(doc, a))
        else { return false }
        return !isListItem(next) && !isTableRow(line) && !isTableRow(next)
    }

    /// True when the break after line `a` is a wrap: the next line starts in lower case, or `a` is too full for the
    /// next word to have fitted (a line that stops mid-sentence only needs to fill half the width).
    static func isSoftBreak(_ doc: Lines, _ a: Int, _ b: Int, width: Int) -> Bool {
        let next = doc.content(b)
        let line = doc.content(a)
        if startsLower(next) { return true }
        let needed = columns(doc, a) + 1 + firstWordColumns(next)
        if lineEndsSentence(line) { return needed >= width }
        return needed * 2 > width
    }

    // MARK: - Line features

    /// The line's width in columns: indentation (a tab counts four) plus its length in bytes (a close measure for
    /// the scripts that are wrapped; the comparisons are within one text).
    static func columns(_ doc: Lines, _ i: Int) -> Int {
        indentation(doc, i) + doc.lines[i].end - doc.lines[i].contentStart
    }

    /// True when `s` has at least `n` space-separated words (stops as soon as it knows).
    static func hasWords(_ s: ArraySlice<UInt8>, _ n: Int) -> Bool {
        s.withUnsafeBufferPointer { p in
            var count = 0
            var inWord = false
            for b in p {
                if b == Bytes.space || b == Bytes.tab {
                    inWord = false
                } else if !inWord {
                    inWord = true
                    count += 1
                    if count >= n { return true }
                }
            }
            return false
        }
    }

    /// The line's indentation in columns (a tab counts four).
    static func indentation(_ doc: Lines, _ i: Int) -> Int {
        var n = 0
        for b in doc.text[doc.lines[i].start..<doc.lines[i].contentStart] { n += b == Bytes.tab ? 4 : 1 }
        return n
    }

    /// Bytes of the first word of `s`.
    static func firstWordColumns(_ s: ArraySlice<UInt8>) -> Int {
        var n = 0
        for b in s {
            if Bytes.isSpace(b) { break }
            n += 1
        }
        return n
    }

    /// True when a gap line (blank, or holding only filler) lies between lines `a` and `b`.
    static func hasGap(_ gaps: [Bool], _ a: Int, _ b: Int) -> Bool {
        var i = a + 1
        while i < b {
            if gaps[i] { return true }
            i += 1
        }
        return false
    }

    /// True when the text ends a sentence or a lead-in: `. ! ? :` or an ellipsis, perhaps inside closing quotes or
    /// brackets. A line ending in a comma, a word or a dash stops mid-sentence.
    static func lineEndsSentence(_ c: ArraySlice<UInt8>) -> Bool {
        guard let mark = Bytes.finalMark(c) else { return false }
        if mark == 0x2E || mark == 0x21 || mark == 0x3F || mark == 0x3A { return true }
        // "…" (E2 80 A6) and the CJK full stop "。" (E3 80 82).
        if mark == 0xA6 || mark == 0x82, c.count >= 3 {
            var k = c.endIndex - 1
            while k > c.startIndex, c[k] != mark { k -= 1 }
            return k >= c.startIndex + 2 && (c[k - 2] == 0xE2 || c[k - 2] == 0xE3) && c[k - 1] == 0x80
        }
        return false
    }

    /// True when the text starts with a word in lower case: an ASCII lower-case letter, and a first word that is
    /// not an e-mail address, a web address or a path ("press@example.com" on a contact line is not prose).
    static func startsLower(_ c: ArraySlice<UInt8>) -> Bool {
        guard let first = c.first, Bytes.isLowerASCII(first) else { return false }
        var k = c.startIndex
        while k < c.endIndex, !Bytes.isSpace(c[k]) {
            let b = c[k]
            if b == 0x40 || b == 0x2F || b == 0x5C { return false }
            if b == 0x2E, k + 1 < c.endIndex, Bytes.isAlnum(c[k + 1]) { return false }
            k += 1
        }
        return true
    }

    /// True when the text starts with a capital, a digit, a quote or bracket, or a non-ASCII character.
    static func startsUpper(_ c: ArraySlice<UInt8>) -> Bool {
        guard let first = c.first else { return false }
        return Bytes.isUpper(first) || Bytes.isDigit(first) || first == 0x22 || first == 0x27 || first == 0x28
            || first >= 0x80
    }

    /// True when the line ends in a hyphen joined to a letter ("Cleveland-"), not a dash (" -", "--").
    static func endsInWordHyphen(_ c: ArraySlice<UInt8>) -> Bool {
        guard c.count >= 2, c.last == 0x2D else { return false }
        return Bytes.isLetter(c[c.endIndex - 2])
    }

    /// True when a line opens a list item: a bullet ("- ", "* ", "• ") or a label ("1. ", "2) ", "1.) ", "(a) ",
    /// "b) ") followed by a space.
    static func isListItem(_ c: ArraySlice<UInt8>) -> Bool {
        guard let first = c.first else { return false }
        let i = c.startIndex
        func spaceAt(_ k: Int) -> Bool { k < c.endIndex && Bytes.isSpace(c[k]) }
        switch first {
        case 0x2D, 0x2A, 0x2B:  // - * +
            return spaceAt(i + 1)
        case 0xE2:  // • ‣ ◦ ▪ – —
            guard c.count >= 4 else { return false }
            let isBullet = (c[i + 1] == 0x80 && (c[i + 2] == 0xA2 || c[i + 2] == 0xA3 || c[i + 2] == 0x93
                || c[i + 2] == 0x94)) || (c[i + 1] == 0x97 && c[i + 2] == 0xA6) || (c[i + 1] == 0x96 && c[i + 2] == 0xAA)
            return isBullet && spaceAt(i + 3)
        case 0xC2:  // ·
            return c.count >= 3 && c[i + 1] == 0xB7 && spaceAt(i + 2)
        case 0x28:  // (1) (a)
            var k = i + 1
            while k < c.endIndex, k - i <= 3, Bytes.isDigit(c[k]) || Bytes.isLowerASCII(c[k]) { k += 1 }
            return k > i + 1 && k - i <= 3 && k < c.endIndex && c[k] == 0x29 && spaceAt(k + 1)
        default:
            var k = i
            while k < c.endIndex, k - i < 3, Bytes.isDigit(c[k]) { k += 1 }
            if k == i {
                // "a) " — a single lower-case letter and a bracket.
                guard Bytes.isLowerASCII(first), c.count >= 3, c[i + 1] == 0x29 else { return false }
                return spaceAt(i + 2)
            }
            guard k < c.endIndex else { return false }
            if c[k] == 0x29 { return spaceAt(k + 1) }
            if c[k] == 0x2E {
                if k + 1 < c.endIndex, c[k + 1] == 0x29 { return spaceAt(k + 2) }
                return spaceAt(k + 1)
            }
            return false
        }
    }

    /// A mask with the high bit set in each byte of `word` equal to `byte` (exact, no false positives).
    @inline(__always)
    private static func bytesEqual(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let x = word ^ (UInt64(byte) &* 0x0101_0101_0101_0101)
        let low7 = (x & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F
        return ~(low7 | x | 0x7F7F_7F7F_7F7F_7F7F)
    }

    /// True when a line is a table row: columns separated by a tab or a run of three or more spaces (two, when the
    /// run does not follow a sentence end: old typed text puts two spaces after a full stop), or a grid table's
    /// border or cells ("+----+", "| a | b |").
    static func isTableRow(_ c: ArraySlice<UInt8>) -> Bool {
        // A grid table's borders and cells: "+-----+", "| a | b |".
        if let first = c.first, first == 0x7C || (first == 0x2B && c.count > 1 && (c[c.startIndex + 1] == 0x2D
            || c[c.startIndex + 1] == 0x3D))
        {
            return true
        }
        return c.withUnsafeBufferPointer { p in
            let n = p.count
            var k = 0
            // Skip eight bytes at a time while they hold no tab and no two spaces in a row (most lines).
            if let base = p.baseAddress {
                let raw = UnsafeRawPointer(base)
                while k + 9 <= n {
                    let word = raw.loadUnaligned(fromByteOffset: k, as: UInt64.self)
                    let next = raw.loadUnaligned(fromByteOffset: k + 1, as: UInt64.self)
                    if (bytesEqual(word, Bytes.space) & bytesEqual(next, Bytes.space)) | bytesEqual(word, Bytes.tab) != 0 {
                        break
                    }
                    k += 8
                }
            }
            while k < n {
                let b = p[k]
                if b == Bytes.tab { return true }
                guard b == Bytes.space, k + 1 < n, p[k + 1] == Bytes.space else {
                    k += 1
                    continue
                }
                var run = k
                while run < n, p[run] == Bytes.space { run += 1 }
                if run < n, k > 0 {
                    if run - k >= 3 { return true }
                    let before = p[k - 1]
                    if before != 0x2E && before != 0x3F && before != 0x21 && before != 0x3A && before != 0x22 {
                        return true
                    }
                }
                k = run
            }
            return false
        }
    }
}

extension Cleaner {
    /// A logical line of the body: one raw line, or the wrapped lines of one joined. Paragraphs are runs of segments;
    /// credits, datelines and the clean body work on segments, so a credit or a dateline wrapped over two lines is
    /// read whole. A segment is a run of adjacent raw lines: its text is built only when a rule reads it, and the
    /// clean body is written from the lines directly.
    struct Segment {
        /// The raw lines it was made from (wrapped lines are adjacent).
        var firstLine: Int
        var lastLine: Int
        /// How it follows the segment before it: `.paragraph` or `.lineBreak`.
        var start: Join
        /// True when the first line keeps its indentation (text that is not reflowed, and table or list lines).
        var keepsIndent: Bool
        /// The lines after which a hyphenated word goes on without a space (usually none).
        var hyphens: [Int] = []

        /// The segment's text (or the text of its first `lines` lines), its first line with its indentation when
        /// it keeps it. A one-line segment's text is a slice of the normalised text; a longer one's is a new buffer,
        /// indexed from 0 whatever `lines` is, so an index found in a part is the same index in the whole.
        func text(_ doc: Lines, lines: Int = Int.max) -> ArraySlice<UInt8> {
            let first = keepsIndent ? doc.full(firstLine) : doc.content(firstLine)
            guard lastLine > firstLine else { return first }
            var buffer: [UInt8] = []
            emit(doc, into: &buffer, lines: lines)
            return buffer[...]
        }

        /// The segment's text without its indentation (or that of its first `lines` lines, indexed as the whole's).
        func content(_ doc: Lines, lines: Int = Int.max) -> ArraySlice<UInt8> {
            guard lastLine > firstLine || keepsIndent else { return doc.content(firstLine) }
            let whole = text(doc, lines: lines)
            return whole.dropFirst(keepsIndent ? doc.lines[firstLine].contentStart - doc.lines[firstLine].start : 0)
        }

        /// True when the segment is one raw line.
        var isSingleLine: Bool { firstLine == lastLine }

        /// The length in bytes of the segment's content, without building it.
        func length(_ doc: Lines) -> Int {
            var n = 0
            for i in firstLine...lastLine { n += doc.lines[i].end - doc.lines[i].contentStart }
            return n + (lastLine - firstLine) - hyphens.count
        }

        /// The content of the segment's first line (a heading's or a label's place).
        func firstLineContent(_ doc: Lines) -> ArraySlice<UInt8> { doc.content(firstLine) }

        /// Appends the segment's text to `out`: its lines joined by a space (nothing after a hyphenated word).
        func emit(_ doc: Lines, into out: inout [UInt8], lines: Int = Int.max) {
            out.append(contentsOf: keepsIndent ? doc.full(firstLine) : doc.content(firstLine))
            var i = firstLine + 1
            while i <= lastLine, i - firstLine < lines {
                if !hyphens.contains(i - 1) { out.append(Bytes.space) }
                out.append(contentsOf: doc.content(i))
                i += 1
            }
        }
    }

    /// Groups body lines into segments by their joins.
    static func segments(_ doc: Lines, body: [Int], joins: [Join], reflow: Bool) -> [Segment] {
        var result: [Segment] = []
        result.reserveCapacity(body.count)
        for (k, i) in body.enumerated() {
            let join = joins[k]
            if join == .space || join == .hyphen, !result.isEmpty {
                if join == .hyphen { result[result.count - 1].hyphens.append(i - 1) }
                result[result.count - 1].lastLine = i
                continue
            }
            result.append(Segment(
                firstLine: i, lastLine: i, start: result.isEmpty || join != .lineBreak ? .paragraph : .lineBreak,
                keepsIndent: !reflow || join == .lineBreak))
        }
        return result
    }
}
