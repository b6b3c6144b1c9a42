/// The texts and per-document records of an opened archive, read (a text inflated) from the
/// mapped `text` and `docs` files when a document is first asked for them (`Document.text`, `metadata`, `origin`).
final class ArchivedDocuments: @unchecked Sendable {
    let texts: DeflatedTexts
    let details: TextStore

    init(texts: DeflatedTexts, details: TextStore) {
        self.texts = texts
        self.details = details
    }

    /// Document i's clean text.
    func text(_ i: Int) -> String { i < texts.count ? texts.text(i) : "" }

    /// Bytes of document i's text.
    func textByteCount(_ i: Int) -> Int { i < texts.count ? texts.byteCount(i) : 0 }

    /// Document i's metadata and origin.
    func details(_ i: Int) -> Document.Details {
        guard i < details.count else { return Document.Details(metadata: DocumentMetadata()) }
        return details.withBytes(i) { DetailsCodec.decode($0) }
    }
}
