/// Reads a document's record again from its file for `Document.raw`: only the record's own
/// bytes (one line of a JSONL file, one row of a CSV file, the whole of a text file), and only
/// from the file that was loaded (a file since put in its place is not read as the document's).
struct RecordRawSource: RawRecordSource {
    func raw(path: String, origin: RecordOrigin) -> String? {
        let reader = FileReader(capacity: 4096)
        let location = origin.location ?? Array(path.utf8)
        let read = reader.withContents(of: location, expected: origin.identity, range: origin.byteRange,
                                       limit: CorpusLoader.Options.defaultMaxFileBytes) { bytes -> String? in
            if origin.format == DocumentFormat.txt.rawValue {
                if case .text(let text, _) = TextDecoding.decode(bytes) { return text }
                return nil
            }
            // A structured record is shown as written (its own encoding is UTF-8 by the format).
            return String(decoding: bytes, as: UTF8.self)
        }
        if case .success(let text) = read { return text }
        return nil
    }
}
