/// The texts and per-document records of an opened archive, read from the mapped `text` and
/// `docs` files when a document is first asked for them (`Document.text`, `metadata`, `origin`).
final class ArchivedDocuments: @unchecked Sendable {
    let texts: TextStore
    let details: TextStore

    init(texts: TextStore, details: TextStore) {
        self.texts = texts
        self.details = details
    }

    /// Document i's clean text.
    func text(_ i: Int) -> String { i < texts.count ? texts.string(i) : "" }

    /// Bytes of document i's text.
    func textByteCount(_ i: Int) -> Int { i < texts.count ? texts.range(i).count : 0 }

    /// Document i's metadata and origin.
    func details(_ i: Int) -> Document.Details {
        guard i < details.count else { return Document.Details(metadata: DocumentMetadata()) }
        return details.withBytes(i) { DetailsCodec.decode($0) }
    }
}
