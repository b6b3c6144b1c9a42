/// Reads a plain-text file as one article: the bytes decoded (`TextDecoding`: UTF-8, UTF-16
/// with a byte-order mark, else Windows-1252 with a warning), the whole file one record, and a
/// header block at its top (`TextHeaderBlock`) taken out as the record's fields.
struct PlainTextReader: DocumentReader {
    /// One record: nothing to check inside (the loader checks between files).
    func read(_ input: ReaderInput, emit: (RawRecord) -> Void, warn: (ReaderProblem) -> Void) throws(WorkLimit) {
        switch TextDecoding.decode(input.bytes) {
        case .empty:
            warn(ReaderProblem(message: "empty file, skipped", skipped: "empty"))
        case .binary(let reason):
            warn(ReaderProblem(message: reason, skipped: "binary"))
        case .text(let text, let warning):
            let range = input.offset..<(input.offset + input.bytes.count)
            if let (fields, body) = TextHeaderBlock.split(text, names: input.fields) {
                guard !body.allSatisfy(\.isWhitespace) else {
                    warn(ReaderProblem(message: "a header block and no text, skipped", skipped: "no text"))
                    return
                }
                emit(RawRecord(text: String(body), fields: fields, byteRange: range, warning: warning))
            } else {
                emit(RawRecord(text: text, fields: RecordFields(), byteRange: range, warning: warning))
            }
        }
    }
}
