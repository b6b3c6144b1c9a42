/// Where `title:` and `source:` clauses read a document's fields.
///
/// The standard reading takes `Document.title` and `Document.source` (documents without a
/// source never match `source:`); a caller can pass its own closures.
public struct SearchFields: Sendable {
    /// The headline of a document, or nil.
    public var title: @Sendable (Document) -> String?
    /// The outlet of a document, or nil.
    public var source: @Sendable (Document) -> String?

    /// Reads fields with these closures.
    public init(title: @escaping @Sendable (Document) -> String?, source: @escaping @Sendable (Document) -> String?) {
        self.title = title
        self.source = source
    }

    /// `Document.title` and `Document.source`.
    public static let standard = SearchFields(title: { $0.title }, source: { $0.source })

    /// The text of `field` in `document`.
    func value(_ field: QueryField, of document: Document) -> String? {
        switch field {
        case .title: return title(document)
        case .source: return source(document)
        }
    }
}

/// Tests a field's text for a `field:value` clause: the value's tokens must appear
/// consecutively among the text's normalised tokens (the last as a prefix when asked), so
/// `title:balloon` matches "Spy Balloon Row" and `source:"morning post"` matches
/// "South China Morning Post".
struct FieldTest {
    let values: [[UInt8]]
    let prefix: Bool

    init(values: [String], prefix: Bool) {
        self.values = values.map { Array($0.utf8) }
        self.prefix = prefix
    }

    func matches(_ text: String) -> Bool {
        guard let first = values.first else { return false }
        var copy = text
        return copy.withUTF8 { bytes -> Bool in
            if !Self.mayContain(bytes, first) { return false }
            let spans = Tokenizer.tokens(in: bytes)
            guard spans.count >= values.count else { return false }
            var norms: [[UInt8]] = []
            norms.reserveCapacity(spans.count)
            var buffer: [UInt8] = []
            for span in spans {
                buffer.removeAll(keepingCapacity: true)
                Tokenizer.normalize(UnsafeBufferPointer(rebasing: bytes[span.range]), into: &buffer)
                norms.append(buffer)
            }
            let last = values.count - 1
            for start in 0...(norms.count - values.count) {
                var ok = true
                for k in 0...last {
                    let token = norms[start + k]
                    if (k == last && prefix) ? !token.starts(with: values[k]) : token != values[k] {
                        ok = false
                        break
                    }
                }
                if ok { return true }
            }
            return false
        }
    }

    /// A quick, exact rejection for the common case: an all-ASCII text that does not hold the
    /// (ASCII) normalised value as a substring, ignoring ASCII case, cannot hold it as a token.
    /// Anything else (non-ASCII text, where lowercasing can change lengths) answers true and
    /// goes through the full test.
    static func mayContain(_ text: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, needle.allSatisfy({ $0 < 0x80 }) else { return true }
        let n = text.count
        let m = needle.count
        if text.contains(where: { $0 >= 0x80 }) { return true }
        guard n >= m else { return false }
        for start in 0...(n - m) {
            var k = 0
            while k < m {
                var b = text[start + k]
                if b >= 0x41 && b <= 0x5A { b |= 0x20 }
                if b != needle[k] { break }
                k += 1
            }
            if k == m { return true }
        }
        return false
    }
}
