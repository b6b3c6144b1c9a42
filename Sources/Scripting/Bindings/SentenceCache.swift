import Corpus

/// The Sentence objects handed to Lua, per document, so that the same sentence is the same Lua
/// value however it was reached (`doc:sentences()[3]`, a quote's `sentence`, a KWIC line's).
///
/// Entries are weak: a Sentence that neither Lua nor Swift holds any more is made again when
/// asked for (nobody can tell the difference), so the cache never keeps documents alive.
/// Lookups and insertions cost O(1): the per-document arrays are changed in place.
final class SentenceCache {
    private struct Entry {
        weak var sentence: SentenceRef?
    }

    private var byDocument: [ObjectIdentifier: [Entry]] = [:]
    /// Insertions since the last sweep of documents whose sentences are all gone.
    private var insertions = 0

    /// The Sentence for sentence `index` (0-based) of `document`, made on first use.
    func sentence(_ document: Document, _ index: Int) -> SentenceRef {
        let key = ObjectIdentifier(document)
        if let cached = byDocument[key], index >= 0, index < cached.count,
           let s = cached[index].sentence, s.document === document {
            return s
        }
        let s = SentenceRef(document: document, index: index)
        // Sized by the sentences asked for, not by `sentenceCount`: that would split the text
        // (and decode an archived one) of every document a stored claim points into. A sentence
        // has at least one byte, so no index to cache reaches the text's size.
        guard index >= 0, index < document.textByteCount else { return s }
        let known = byDocument[key]?.count ?? 0
        if known <= index {
            byDocument[key, default: []].append(contentsOf: repeatElement(Entry(), count: index + 1 - known))
        }
        byDocument[key]?[index].sentence = s
        insertions += 1
        if insertions > 4096 && insertions > byDocument.count * 8 { sweep() }
        return s
    }

    /// Forgets documents none of whose Sentences is alive any more.
    private func sweep() {
        insertions = 0
        byDocument = byDocument.filter { _, entries in entries.contains { $0.sentence != nil } }
    }

    /// Documents with a live entry (for tests).
    var documentCount: Int { byDocument.count }
}
