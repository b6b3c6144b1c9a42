/// Finds the rows of CSV or TSV bytes: each row's byte range (without its line end) and the
/// line it starts on. A line end inside a quoted field (RFC 4180: a field that opens with `"`,
/// with `""` for a quote inside) belongs to the field, so a row may span lines.
struct CSVRows {
    struct Row {
        let range: Range<Int>
        let line: Int
    }

    /// The rows of `bytes` (whose first line is `firstLine`), blank lines passed over, and
    /// whether the last row ends inside an unclosed quote.
    static func rows(_ bytes: UnsafeBufferPointer<UInt8>, firstLine: Int, delimiter: UInt8)
        -> (rows: [Row], unclosedQuote: Bool) {
        var rows: [Row] = []
        var line = firstLine
        var start = 0
        var startLine = firstLine
        var inQuotes = false
        var fieldStart = true
        var i = 0
        let n = bytes.count
        func close(at end: Int) {
            var e = end
            if e > start, bytes[e - 1] == 13 { e -= 1 }
            if e > start { rows.append(Row(range: start..<e, line: startLine)) }
        }
        while i < n {
            let b = bytes[i]
            if inQuotes {
                if b == UInt8(ascii: "\"") {
                    if i + 1 < n, bytes[i + 1] == UInt8(ascii: "\"") { i += 1 } else { inQuotes = false }
                } else if b == 10 {
                    line += 1
                }
            } else if b == UInt8(ascii: "\"") && fieldStart {
                inQuotes = true
            } else if b == 10 {
                close(at: i)
                line += 1
                start = i + 1
                startLine = line
                fieldStart = true
                i += 1
                continue
            }
            fieldStart = !inQuotes && b == delimiter
            i += 1
        }
        if start < n { close(at: n) }
        return (rows, inQuotes)
    }
}
