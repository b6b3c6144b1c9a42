/// Where `title:` and `source:` clauses read a document's fields.
///
/// The standard reading takes `Document.title` and has no source yet (source-less documents
/// never match `source:`); a caller that knows each document's outlet passes its own closure.
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

    /// `Document.title`, and no source.
    public static let standard = SearchFields(title: { $0.title }, source: { _ in nil })

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
        guard !values.isEmpty else { return false }
        var copy = text
        return copy.withUTF8 { bytes -> Bool in
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
}
