import Foundation

extension TableFormat {
    /// RFC 4180 CSV: a header record, then one record per row, every record ending in CRLF.
    ///
    /// A field is quoted when it holds a comma, a double quote, CR or LF (and a record's only
    /// field is quoted when empty, so the record is not a blank line); quotes inside are doubled.
    /// Numbers keep full precision (integers as digits; floating point in the shortest form that
    /// reads back to the same value, `NaN`/`inf`/`-inf` for the rest), booleans are `true`/`false`,
    /// and empty cells are empty fields. A table without columns gives "".
    public static func csv(_ t: ReportTable) -> String {
        var out = ""
        csv(t, chunkBytes: .max) { out += $0 }
        return out
    }

    /// `csv(_:)` handed to `write` in pieces of about `chunkBytes` bytes (whole records), so a
    /// long table can go to a file without the whole text in memory. The pieces joined are
    /// exactly `csv(t)`.
    public static func csv<E: Error>(_ t: ReportTable, chunkBytes: Int = 1 << 16,
                                     write: (String) throws(E) -> Void) throws(E) {
        guard !t.columns.isEmpty else { return }
        var out = ""
        func record(_ fields: [String]) {
            for (i, field) in fields.enumerated() {
                if i > 0 { out += "," }
                out += csvField(field, alone: fields.count == 1)
            }
            out += "\r\n"
        }
        record(t.columns)
        for row in t.rows {
            record(t.normalized(row).map(\.exactText))
            if out.utf8.count >= chunkBytes {
                try write(out)
                out = ""
            }
        }
        if !out.isEmpty { try write(out) }
    }

    /// One CSV field, quoted when RFC 4180 requires it.
    static func csvField(_ s: String, alone: Bool) -> String {
        if s.isEmpty { return alone ? "\"\"" : "" }
        var needsQuotes = false
        for byte in s.utf8 where byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == 0x0D || byte == 0x0A {
            needsQuotes = true
            break
        }
        guard needsQuotes else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
