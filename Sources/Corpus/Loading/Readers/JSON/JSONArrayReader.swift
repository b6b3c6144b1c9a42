/// Reads a `.json` file: an array of article objects, an object holding such an array under
/// `articles`, `items`, `data`, `results` or `stories` (as news APIs answer), or one article
/// object. Each item is parsed on its own (its bytes found by `JSONItemScanner`), so one bad
/// item is skipped with a warning naming it (`item 3`) and the others load, and `Document.raw`
/// reads just the item.
struct JSONArrayReader: DocumentReader {
    /// The keys of an envelope object whose array holds the articles.
    static let envelopeKeys: Set<String> = ["articles", "items", "data", "results", "stories"]

    func read(_ input: ReaderInput, emit: (RawRecord) -> Void, warn: (ReaderProblem) -> Void) throws(WorkLimit) {
        var ticker = input.cancellation.every(readerCheckInterval)
        var scanner = JSONItemScanner(input.bytes)
        let found = scanner.articleItems(envelopeKeys: Self.envelopeKeys)
        switch found {
        case .items(let ranges, let problem):
            for (n, range) in ranges.enumerated() {
                try ticker.tick()
                let place = "item \(n)"
                let bytes = UnsafeBufferPointer(rebasing: input.bytes[range])
                guard let object = JSONArticle.parse(bytes, place: place, warn: warn) else { continue }
                let fileRange = (input.offset + range.lowerBound)..<(input.offset + range.upperBound)
                guard var record = JSONArticle.record(object, names: input.fields, range: fileRange, place: place, warn: warn)
                else { continue }
                record.item = n
                emit(record)
            }
            if let problem {
                warn(ReaderProblem(place: "item \(ranges.count)", message: problem + "; the items before it are read",
                                   skipped: "malformed JSON"))
            }
        case .single:
            let range = input.offset..<(input.offset + input.bytes.count)
            guard let object = JSONArticle.parse(input.bytes, place: "item 0", warn: warn),
                  let record = JSONArticle.record(object, names: input.fields, range: range, place: "item 0", warn: warn)
            else { return }
            emit(record)
        case .empty:
            warn(ReaderProblem(message: "empty file, skipped", skipped: "empty"))
        case .notJSON(let reason):
            warn(ReaderProblem(message: "not a JSON array or object of articles (\(reason)), skipped",
                               skipped: "malformed JSON"))
        }
    }
}

/// Finds the byte ranges of the article items of a JSON document without parsing them: strings
/// (with their escapes) and nesting are followed, nothing else is looked at.
struct JSONItemScanner {
    enum Found {
        /// The items' ranges, and a problem that stopped the scan early.
        case items([Range<Int>], problem: String?)
        /// One object that is not an envelope: the article itself.
        case single
        case empty
        case notJSON(String)
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var i = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    mutating func articleItems(envelopeKeys: Set<String>) -> Found {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
        skipSpace()
        guard i < bytes.count else { return .empty }
        if bytes[i] == UInt8(ascii: "[") { return items() }
        guard bytes[i] == UInt8(ascii: "{") else { return .notJSON("it opens with neither [ nor {") }
        // An envelope: look at the object's keys for the array of articles.
        i += 1
        while true {
            skipSpace()
            guard i < bytes.count else { return .notJSON("the object is not closed") }
            if bytes[i] == UInt8(ascii: "}") { return .single }
            guard bytes[i] == UInt8(ascii: "\"") else { return .single }
            let keyStart = i + 1
            guard skipString() else { return .notJSON("a key's string is not closed") }
            let key = String(decoding: UnsafeBufferPointer(rebasing: bytes[keyStart..<(i - 1)]), as: UTF8.self).lowercased()
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { return .single }
            i += 1
            skipSpace()
            if envelopeKeys.contains(key), i < bytes.count, bytes[i] == UInt8(ascii: "[") { return items() }
            guard skipValue() else { return .single }
            skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: ",") { i += 1 }
        }
    }

    /// The items of the array that opens at `i`.
    private mutating func items() -> Found {
        var ranges: [Range<Int>] = []
        i += 1
        while true {
            skipSpace()
            guard i < bytes.count else { return .items(ranges, problem: "the array is not closed") }
            if bytes[i] == UInt8(ascii: "]") { return .items(ranges, problem: nil) }
            let start = i
            guard skipValue() else { return .items(ranges, problem: "an item is not closed (from byte \(start))") }
            ranges.append(start..<i)
            skipSpace()
            guard i < bytes.count else { return .items(ranges, problem: "the array is not closed") }
            if bytes[i] == UInt8(ascii: ",") {
                i += 1
            } else if bytes[i] != UInt8(ascii: "]") {
                return .items(ranges, problem: "expected , or ] at byte \(i)")
            }
        }
    }

    private mutating func skipSpace() {
        while i < bytes.count, bytes[i] == 32 || bytes[i] == 9 || bytes[i] == 10 || bytes[i] == 13 { i += 1 }
    }

    /// Moves past the string that opens at `i`; false when it is not closed.
    private mutating func skipString() -> Bool {
        i += 1
        while i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: "\\"): i += 2
            case UInt8(ascii: "\""):
                i += 1
                return true
            default: i += 1
            }
        }
        return false
    }

    /// Moves past the value at `i`; false when it is not closed.
    private mutating func skipValue() -> Bool {
        guard i < bytes.count else { return false }
        switch bytes[i] {
        case UInt8(ascii: "\""):
            return skipString()
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            while i < bytes.count {
                switch bytes[i] {
                case UInt8(ascii: "\""):
                    guard skipString() else { return false }
                    continue
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 {
                        i += 1
                        return true
                    }
                default: break
                }
                i += 1
            }
            return false
        default:
            // A number, true, false or null: up to the next delimiter.
            while i < bytes.count {
                let b = bytes[i]
                if b == UInt8(ascii: ",") || b == UInt8(ascii: "]") || b == UInt8(ascii: "}") || b == 32 || b == 10
                    || b == 9 || b == 13 { break }
                i += 1
            }
            return true
        }
    }
}
