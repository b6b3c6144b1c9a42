import Corpus

/// A value computed per document, kept for the last few documents asked for (most recent
/// last) without keeping the documents alive: what a loop over one document's sentences needs
/// again and again (its token spans, its quotes by sentence).
final class RecentDocumentCache<Value> {
    private struct Entry {
        weak var document: Document?
        let key: ObjectIdentifier
        let value: Value
    }

    private var entries: [Entry] = []
    /// Documents kept at most.
    let capacity: Int

    init(capacity: Int = 4) {
        self.capacity = capacity
    }

    /// The value kept for `document` when `isCurrent` accepts it, else `make()`, which is kept.
    func value(for document: Document, isCurrent: (Value) -> Bool = { _ in true }, make: () -> Value) -> Value {
        let key = ObjectIdentifier(document)
        if let last = entries.last, last.key == key, last.document === document, isCurrent(last.value) { return last.value }
        if let i = entries.firstIndex(where: { $0.key == key && $0.document === document }), isCurrent(entries[i].value) {
            let entry = entries.remove(at: i)
            entries.append(entry)
            return entry.value
        }
        let value = make()
        entries.removeAll { $0.document == nil || $0.key == key }
        if entries.count >= capacity { entries.removeFirst(entries.count - capacity + 1) }
        entries.append(Entry(document: document, key: key, value: value))
        return value
    }
}
