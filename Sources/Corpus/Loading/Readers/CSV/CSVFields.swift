import Foundation

/// Splits one CSV or TSV row (the bytes `CSVRows` found, without the line end) into its fields,
/// byte by byte, as RFC 4180 reads them: a field that opens with `"` runs to the next `"` not
/// doubled, may hold delimiters and line ends, and `""` inside it is one quote; any other field
/// runs to the next delimiter, a quote in it being an ordinary character.
///
/// Where a row breaks the rule it is read as Python's `csv` module reads it: characters after a
/// closing quote, up to the next delimiter, are kept (`"ab"cd` is `abcd`), and a quote never
/// closed takes the rest of the row. A row that is not UTF-8 is read as Windows-1252, all its
/// fields alike, with a warning.
///
/// It replaces CSV.swift for the fields (docs/performance.md, Input formats): the delimiters
/// and quotes are found with `memchr`, so a long article is scanned at memory speed and made
/// into one `String` with one UTF-8 check, where CSV.swift appended it one Unicode scalar at a
/// time.
enum CSVFields {
    /// The fields of `row`, and a warning when its bytes were not UTF-8.
    static func split(_ row: UnsafeBufferPointer<UInt8>, delimiter: UInt8) -> (fields: [String], warning: String?) {
        guard let base = row.baseAddress, !row.isEmpty else { return ([], nil) }
        let pieces = Self.pieces(row, base: base, delimiter: delimiter)
        var fields: [String] = []
        fields.reserveCapacity(pieces.count)
        for piece in pieces {
            guard let field = piece.string(in: row) else {
                return (pieces.map { $0.windows1252(in: row) }, "not valid UTF-8; read as Windows-1252")
            }
            fields.append(field)
        }
        return (fields, nil)
    }

    /// One field's bytes: a range of the row, or, for a quoted field with doubled quotes, the
    /// bytes with each pair made one.
    enum Piece {
        case range(Range<Int>)
        case unescaped([UInt8])

        /// The field read as Windows-1252 (every byte is a character).
        func windows1252(in row: UnsafeBufferPointer<UInt8>) -> String {
            switch self {
            case .range(let r): return TextDecoding.decodeWindows1252(UnsafeBufferPointer(rebasing: row[r]))
            case .unescaped(let bytes): return bytes.withUnsafeBufferPointer(TextDecoding.decodeWindows1252)
            }
        }

        /// The field as a string; nil when its bytes are not UTF-8.
        func string(in row: UnsafeBufferPointer<UInt8>) -> String? {
            switch self {
            case .range(let r): return String(validating: UnsafeBufferPointer(rebasing: row[r]), as: UTF8.self)
            case .unescaped(let bytes): return String(validating: bytes, as: UTF8.self)
            }
        }
    }

    /// The fields of `row` as byte pieces.
    static func pieces(_ row: UnsafeBufferPointer<UInt8>, base: UnsafePointer<UInt8>, delimiter: UInt8) -> [Piece] {
        let quote = UInt8(ascii: "\"")
        let n = row.count
        /// The index of the next `byte` at or after `i`, or `n`.
        func next(_ byte: UInt8, from i: Int) -> Int {
            guard i < n, let hit = memchr(base + i, Int32(byte), n - i) else { return n }
            return UnsafeRawPointer(hit) - UnsafeRawPointer(base)
        }
        var pieces: [Piece] = []
        var i = 0
        while true {
            if i < n, row[i] == quote {
                // A quoted field: runs of text between quotes; `""` is one quote.
                var start = i + 1
                var escaped: [UInt8]?
                var end = n
                while true {
                    let q = next(quote, from: start)
                    if q + 1 < n, row[q + 1] == quote {
                        if escaped == nil { escaped = [] }
                        escaped?.append(contentsOf: UnsafeBufferPointer(rebasing: row[start...q]))
                        start = q + 2
                        continue
                    }
                    end = q
                    break
                }
                // After the closing quote: the delimiter, or stray characters kept up to it.
                let stop = next(delimiter, from: min(end + 1, n))
                let tail = end + 1 < stop ? (end + 1)..<stop : stop..<stop
                if escaped == nil, tail.isEmpty {
                    pieces.append(.range(start..<end))
                } else {
                    var bytes = escaped ?? []
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: row[start..<end]))
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: row[tail]))
                    pieces.append(.unescaped(bytes))
                }
                i = stop
            } else {
                let stop = next(delimiter, from: i)
                pieces.append(.range(i..<stop))
                i = stop
            }
            // `i` is at a delimiter (another field follows) or at the end of the row.
            if i >= n { break }
            i += 1
        }
        return pieces
    }
}
