import Corpus

/// The token spans (byte offsets and kinds) of the few documents whose tokens scripts read
/// last. Documents store their tokens as term ids only and re-tokenise their text for offsets;
/// every TokenList of a document (the whole document's, each sentence's) shares one
/// tokenisation here, so a loop over a long document's sentences tokenises it once, not once
/// per sentence.
final class TokenSpanCache {
    private struct Entry {
        weak var document: Document?
        let key: ObjectIdentifier
        let spans: [TokenSpan]
    }

    /// Most recently used last.
    private var entries: [Entry] = []
    /// Documents kept at most.
    static let capacity = 4

    /// `document.tokenSpans()`, computed at most once while the document stays among the
    /// last few asked for.
    func spans(of document: Document) -> [TokenSpan] {
        let key = ObjectIdentifier(document)
        if let last = entries.last, last.key == key, last.document === document { return last.spans }
        if let i = entries.firstIndex(where: { $0.key == key && $0.document === document }) {
            let entry = entries.remove(at: i)
            entries.append(entry)
            return entry.spans
        }
        let spans = document.tokenSpans()
        entries.removeAll { $0.document == nil }
        if entries.count >= Self.capacity { entries.removeFirst(entries.count - Self.capacity + 1) }
        entries.append(Entry(document: document, key: key, spans: spans))
        return spans
    }
}
