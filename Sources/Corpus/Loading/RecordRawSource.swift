/// Reads a document's record again from its file for `Document.raw`: only the record's own
/// bytes (one line of a JSONL file, one row of a CSV file, the whole of a text file), and only
/// from the file that was loaded (a file since put in its place is not read as the document's).
struct RecordRawSource: RawRecordSource {
    func raw(path: String, origin: RecordOrigin) -> String? {
        let reader = FileReader(capacity: 4096)
        let location = origin.location ?? Array(path.utf8)
        if DocumentFormat.isCompressed(name: location) { return compressedRaw(location, origin: origin) }
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

    /// The record's bytes in a gzip-compressed file: the file is decoded up to the record's end,
    /// the way the load decoded it. A WARC file's records were found in the stream decoded past
    /// damaged members (`WARCFile` resynchronizes at the next member), so their byte ranges count
    /// in that stream and the file is decoded the same way here: a record after a damaged member
    /// reads back as its own bytes, not as nothing or as another record's.
    private func compressedRaw(_ location: [UInt8], origin: RecordOrigin) -> String? {
        let limit = CorpusLoader.Options.defaultMaxFileBytes
        let resynchronize = origin.format == DocumentFormat.warc.rawValue
        let read = FileReader(capacity: 1 << 16).withContents(of: location, expected: origin.identity, limit: limit) { stored -> String? in
            let decoded = try? GzipDecoder(limit: min(limit, origin.byteRange.upperBound), resynchronize: resynchronize)
                .decompress(UnsafeRawBufferPointer(stored))
            guard let bytes = decoded?.bytes, origin.byteRange.upperBound <= bytes.count else { return nil }
            let record = bytes[origin.byteRange]
            if origin.format == DocumentFormat.txt.rawValue {
                return record.withUnsafeBufferPointer { buffer -> String? in
                    if case .text(let text, _) = TextDecoding.decode(buffer) { return text }
                    return nil
                }
            }
            return String(decoding: record, as: UTF8.self)
        }
        if case .success(let text) = read { return text }
        return nil
    }
}
