/// Splitting raw text into lines and normalising their spaces in one pass over the UTF-8 bytes.
extension Cleaner {
    /// One raw line: where it sits in the raw bytes and in the normalised buffer.
    struct Line {
        /// Raw byte range, newline excluded.
        var rawStart: Int
        var rawEnd: Int
        /// Normalised range in `Lines.text`: leading indentation kept, trailing whitespace trimmed.
        var start: Int
        var end: Int
        /// Start of the content after the indentation (`contentStart == end` for a blank line).
        var contentStart: Int
        /// True when the raw line held invisible characters (no-break or zero-width spaces) that normalising removed.
        var hadFiller: Bool

        var isBlank: Bool { contentStart == end }
    }

    /// The normalised text of a document and its lines.
    struct Lines {
        var text: [UInt8]
        var lines: [Line]

        /// The line's content without indentation.
        func content(_ i: Int) -> ArraySlice<UInt8> { text[lines[i].contentStart..<lines[i].end] }
        /// The line with its indentation.
        func full(_ i: Int) -> ArraySlice<UInt8> { text[lines[i].start..<lines[i].end] }
    }

    /// Splits `raw` at newlines and normalises each line: a run of whitespace that holds a no-break space or another
    /// unusual space (U+00A0, U+1680, U+2000–U+200A, U+2028/9, U+202F, U+205F, U+3000, VT, FF, CR) becomes one plain
    /// space (or nothing at the start and end of the line); zero-width spaces (U+200B, U+2060, U+FEFF) are dropped;
    /// plain spaces and tabs are kept as written (indentation matters in code blocks); trailing whitespace is trimmed.
    /// The output never grows, so it is written into a buffer the size of the input.
    static func splitLines(_ raw: UnsafeBufferPointer<UInt8>) -> Lines {
        let n = raw.count
        var lines: [Line] = []
        lines.reserveCapacity(n / 48 + 1)
        let text = [UInt8](unsafeUninitializedCapacity: n) { out, count in
            guard let rawBase = raw.baseAddress, let outBase = out.baseAddress else {
                count = 0
                return
            }
            let source = UnsafeRawPointer(rawBase)
            let target = UnsafeMutableRawPointer(outBase)
            var i = 0
            var o = 0
            while i < n {
                let rawStart = i
                let start = o
                var hadFiller = false
                lineLoop: while i < n {
                    // Fast path: eight bytes at a time while they are all printable ASCII or plain spaces.
                    while i + 8 <= n {
                        let word = source.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                        if (word | (word &- 0x2020_2020_2020_2020)) & 0x8080_8080_8080_8080 != 0 { break }
                        target.storeBytes(of: word, toByteOffset: o, as: UInt64.self)
                        i += 8
                        o += 8
                    }
                    guard i < n else { break lineLoop }
                    let b = raw[i]
                    if b >= Bytes.space && b < 0x80 {
                        out[o] = b
                        o += 1
                        i += 1
                        continue
                    }
                    if b == Bytes.newline { break lineLoop }
                    if b >= 0x80 {
                        let width = oddSpaceWidth(raw, at: i)
                        if width == 0 {
                            out[o] = b
                            o += 1
                            i += 1
                            continue
                        }
                        if width < 0 {
                            hadFiller = true
                            i -= width
                            continue
                        }
                    } else if b != Bytes.tab && b != 0x0B && b != 0x0C && b != 0x0D {
                        out[o] = b  // another control character: kept as written
                        o += 1
                        i += 1
                        continue
                    }
                    // A run of whitespace (including the plain spaces already copied before it): plain spaces and
                    // tabs stay as written, an unusual space turns the run into one plain space, and at the end of
                    // the line the run is trimmed.
                    var runStart = o
                    while runStart > start, out[runStart - 1] == Bytes.space || out[runStart - 1] == Bytes.tab {
                        runStart -= 1
                    }
                    var odd = false
                    runLoop: while i < n {
                        let c = raw[i]
                        if c == Bytes.space || c == Bytes.tab {
                            out[o] = c
                            o += 1
                            i += 1
                        } else if c == 0x0B || c == 0x0C || c == 0x0D {
                            odd = true
                            i += 1
                        } else if c >= 0x80 {
                            let width = oddSpaceWidth(raw, at: i)
                            if width == 0 { break runLoop }
                            hadFiller = true
                            if width > 0 { odd = true }
                            i += abs(width)
                        } else {
                            break runLoop
                        }
                    }
                    if i >= n || raw[i] == Bytes.newline {
                        o = runStart
                        break lineLoop
                    }
                    if odd {
                        o = runStart
                        if runStart > start {
                            out[o] = Bytes.space
                            o += 1
                        }
                    }
                }
                while o > start, out[o - 1] == Bytes.space || out[o - 1] == Bytes.tab { o -= 1 }
                var contentStart = start
                while contentStart < o, Bytes.isSpace(out[contentStart]) { contentStart += 1 }
                lines.append(
                    Line(rawStart: rawStart, rawEnd: i, start: start, end: o, contentStart: contentStart,
                         hadFiller: hadFiller))
                if i < n { i += 1 }  // the newline
            }
            count = o
        }
        return Lines(text: text, lines: lines)
    }

    /// For an unusual space at `i`: its byte width; for a zero-width character: minus its width; otherwise 0.
    @inline(__always)
    static func oddSpaceWidth(_ raw: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let b = raw[i]
        let n = raw.count
        switch b {
        case 0xC2:
            guard i + 1 < n else { return 0 }
            let c = raw[i + 1]
            return (c == 0xA0 || c == 0x85) ? 2 : 0
        case 0xE1:
            return (i + 2 < n && raw[i + 1] == 0x9A && raw[i + 2] == 0x80) ? 3 : 0
        case 0xE2:
            guard i + 2 < n else { return 0 }
            let c = raw[i + 1]
            let d = raw[i + 2]
            if c == 0x80 {
                if d >= 0x80 && d <= 0x8A { return 3 }
                if d == 0x8B { return -3 }
                if d == 0xA8 || d == 0xA9 || d == 0xAF { return 3 }
            } else if c == 0x81 {
                if d == 0x9F { return 3 }
                if d == 0xA0 { return -3 }
            }
            return 0
        case 0xE3:
            return (i + 2 < n && raw[i + 1] == 0x80 && raw[i + 2] == 0x80) ? 3 : 0
        case 0xEF:
            return (i + 2 < n && raw[i + 1] == 0xBB && raw[i + 2] == 0xBF) ? -3 : 0
        default:
            return 0
        }
    }
}
