import Corpus

/// The token spans (byte offsets and kinds) of the few documents whose tokens scripts read
/// last. Documents store their tokens as term ids only and re-tokenise their text for offsets;
/// every TokenList of a document (the whole document's, each sentence's) shares one
/// tokenisation here, so a loop over a long document's sentences tokenises it once, not once
/// per sentence.
final class TokenSpanCache {
    private let recent = RecentDocumentCache<[TokenSpan]>()

    /// `document.tokenSpans()`, computed at most once while the document stays among the
    /// last few asked for.
    func spans(of document: Document) -> [TokenSpan] {
        recent.value(for: document) { document.tokenSpans() }
    }
}
