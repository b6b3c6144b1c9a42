import Foundation

/// Reads CSV (`.csv`) and TSV (`.tsv`) files with a header row: one article per row, the
/// columns named as `FieldNames` says (text, title, date, source, url, authors, id, language),
/// every other non-empty column kept (`Document.meta`).
///
/// Rows are found by `CSVRows` (so each row's line and bytes are known, for ids, warnings and
/// `Document.raw`) and their fields split by `CSVFields` (RFC 4180 quoting, embedded quotes and
/// line ends), byte by byte: CSV.swift, used before, parsed a third as fast as the `.txt` path
/// reads (docs/performance.md). A row with more or fewer fields than the header, a row with no
/// text, and a quote never closed are skipped with a warning naming the line.
struct CSVDocumentReader: DocumentReader {
    func read(_ input: ReaderInput, emit: (RawRecord) -> Void, warn: (ReaderProblem) -> Void) throws(WorkLimit) {
        var ticker = input.cancellation.every(readerCheckInterval)
        let delimiter: UInt8 = input.format == .tsv ? 9 : UInt8(ascii: ",")
        var bytes = input.bytes
        var skip = 0
        if input.offset == 0, bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            skip = 3
            bytes = UnsafeBufferPointer(rebasing: bytes[3...])
        }
        let (rows, unclosed) = CSVRows.rows(bytes, firstLine: input.firstLine, delimiter: delimiter)
        var header = input.header
        var body = rows[...]
        if header == nil {
            guard let first = rows.first else {
                warn(ReaderProblem(message: "empty file, skipped", skipped: "empty"))
                return
            }
            header = Self.fields(of: UnsafeBufferPointer(rebasing: bytes[first.range]), delimiter: delimiter).fields
            body = rows.dropFirst()
        }
        guard let columns = header, !columns.isEmpty else { return }
        let roles = input.fields.roles(ofColumns: columns)
        guard roles.contains(where: { $0?.role == .text }) else {
            let looked = (input.fields.names[.text] ?? []).joined(separator: ", ")
            warn(ReaderProblem(place: "line \(rows.first?.line ?? input.firstLine)",
                               message: "the header names no text column (looked for \(looked); columns: "
                                   + columns.prefix(12).joined(separator: ", ") + "), skipped",
                               skipped: "no text column"))
            return
        }
        for (k, row) in body.enumerated() {
            try ticker.tick()
            let place = "line \(row.line)"
            if unclosed && k == body.count - 1 {
                warn(ReaderProblem(place: place, message: "a quote opened in this row is never closed, skipped",
                                   skipped: "malformed CSV"))
                break
            }
            let (values, warning) = Self.fields(of: UnsafeBufferPointer(rebasing: bytes[row.range]), delimiter: delimiter)
            guard values.count == columns.count else {
                warn(ReaderProblem(place: place, message: "\(values.count) fields where the header has \(columns.count), skipped",
                                   skipped: "ragged CSV row"))
                continue
            }
            let (text, fields) = Self.record(values, columns: columns, roles: roles)
            guard let text, !text.allSatisfy(\.isWhitespace) else {
                warn(ReaderProblem(place: place, message: "no text, skipped", skipped: "no text"))
                continue
            }
            let start = input.offset + skip + row.range.lowerBound
            emit(RawRecord(text: text, fields: fields, byteRange: start..<(start + row.range.count), line: row.line,
                           warning: warning))
        }
    }

    /// The fields of one row, and a warning when its bytes were not UTF-8.
    static func fields(of row: UnsafeBufferPointer<UInt8>, delimiter: UInt8) -> (fields: [String], warning: String?) {
        CSVFields.split(row, delimiter: delimiter)
    }

    /// The text and fields of a row by its columns' roles (the best-ranked column of each role
    /// wins; the others are kept).
    static func record(_ values: [String], columns: [String], roles: [(role: FieldNames.Role, rank: Int)?])
        -> (text: String?, fields: RecordFields) {
        var best: [FieldNames.Role: (rank: Int, column: Int)] = [:]
        for (c, role) in roles.enumerated() {
            guard let role, !values[c].allSatisfy(\.isWhitespace) else { continue }
            if best[role.role].map({ role.rank < $0.rank }) ?? true { best[role.role] = (role.rank, c) }
        }
        func value(_ role: FieldNames.Role) -> String? {
            best[role].map { values[$0.column].trimmingCharacters(in: .whitespacesAndNewlines) }
        }
        var fields = RecordFields()
        fields.id = value(.id)
        fields.title = value(.title)
        fields.date = value(.date)
        fields.source = value(.source)
        fields.url = value(.url)
        fields.language = value(.language)
        fields.authors = value(.authors).map(AuthorList.split) ?? []
        let used = Set(best.values.map(\.column))
        for (c, name) in columns.enumerated() where !used.contains(c) && !values[c].isEmpty {
            fields.other.append((name, .text(values[c])))
        }
        var text = best[.text].map { values[$0.column] }
        if let t = text, t.utf8.contains(13) { text = TextDecoding.normalizeLineEnds(t) }
        return (text, fields)
    }
}
