import Foundation

/// Reads JSON Lines (`.jsonl`, `.ndjson`): one article object per line. A line that is not
/// valid JSON, not an object, or has no text is skipped with a warning naming its line; blank
/// lines are passed over.
struct JSONLinesReader: DocumentReader {
    func read(_ input: ReaderInput, emit: (RawRecord) -> Void, warn: (ReaderProblem) -> Void) throws(WorkLimit) {
        let bytes = input.bytes
        var ticker = input.cancellation.every(readerCheckInterval)
        var start = 0
        var line = input.firstLine
        if input.offset == 0, bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        while start < bytes.count {
            try ticker.tick()
            var end = start
            if let base = bytes.baseAddress, let hit = memchr(base + start, 10, bytes.count - start) {
                end = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
            } else {
                end = bytes.count
            }
            let lineBytes = UnsafeBufferPointer(rebasing: bytes[start..<end])
            if !TextDecoding.isBlank(lineBytes) {
                let range = (input.offset + start)..<(input.offset + end)
                readLine(lineBytes, line: line, range: range, fields: input.fields, emit: emit, warn: warn)
            }
            start = end + 1
            line += 1
        }
    }

    private func readLine(_ bytes: UnsafeBufferPointer<UInt8>, line: Int, range: Range<Int>, fields names: FieldNames,
                          emit: (RawRecord) -> Void, warn: (ReaderProblem) -> Void) {
        let place = "line \(line)"
        guard let object = JSONArticle.parse(bytes, place: place, warn: warn) else { return }
        guard let record = JSONArticle.record(object, names: names, range: range, place: place, warn: warn) else { return }
        var located = record
        located.line = line
        emit(located)
    }
}

/// What the JSON readers share: parsing one article and making its record.
enum JSONArticle {
    /// The object in `bytes`, or nil after a warning when they are not a JSON object.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, place: String, warn: (ReaderProblem) -> Void) -> [String: Any]? {
        // The common case by the fast scanner; anything it does not take, and every error, by
        // JSONSerialization.
        if let object = JSONObjectScanner.object(bytes) { return object }
        let data = Data(buffer: bytes)
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            warn(ReaderProblem(place: place, message: "not valid JSON (\(reason(error))), skipped", skipped: "malformed JSON"))
            return nil
        }
        guard let object = parsed as? [String: Any] else {
            warn(ReaderProblem(place: place, message: "a JSON \(kind(parsed)), not an article object, skipped",
                               skipped: "not an object"))
            return nil
        }
        return object
    }

    /// The record of an article object, or nil after a warning when it has no text.
    static func record(_ object: [String: Any], names: FieldNames, range: Range<Int>, place: String,
                       warn: (ReaderProblem) -> Void) -> RawRecord? {
        let (text, fields) = JSONRecordFields.read(object, names: names)
        guard var text, !text.allSatisfy(\.isWhitespace) else {
            let looked = (names.names[.text] ?? []).joined(separator: ", ")
            warn(ReaderProblem(place: place, message: "no text (looked for fields \(looked)), skipped", skipped: "no text"))
            return nil
        }
        if text.utf8.contains(13) { text = TextDecoding.normalizeLineEnds(text) }
        return RawRecord(text: text, fields: fields, byteRange: range)
    }

    /// The parser's reason, short.
    static func reason(_ error: Error) -> String {
        let ns = error as NSError
        let detail = ns.userInfo[NSDebugDescriptionErrorKey] as? String ?? ns.localizedDescription
        return detail.count > 120 ? String(detail.prefix(117)) + "…" : detail
    }

    static func kind(_ value: Any) -> String {
        switch value {
        case is [Any]: return "array"
        case is String: return "string"
        case is NSNumber: return "number"
        case is NSNull: return "null"
        default: return "value"
        }
    }
}
