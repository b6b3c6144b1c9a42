/// The quotes so far that named a speaker, for an unattributed quote to inherit from.
///
/// An unattributed quote continues the speech of an earlier quote (see `inheritedSource`). The
/// earlier quotes are in text order, so the ones in the same paragraph (or sentence) as the
/// new one are the last few; the candidate is always the last quote of its sort so far, and
/// only its place has to be checked. Keeping the last of each sort makes a paragraph of
/// thousands of quotes linear (walking back over the paragraph's quotes made it quadratic).
struct SpeakerTrail {
    /// The last quote with a speaker, of any kind.
    private var lastSpoken: Int?
    /// The last quote with a speaker that is not a scare quote.
    private var lastSpokenNotScare: Int?
    /// The last full quote with a speaker.
    private var lastSpokenFull: Int?

    /// Notes quote `i` once it is settled (quotes are recorded in text order).
    mutating func record(_ i: Int, _ draft: QuoteExtractor.Draft) {
        guard draft.speakerText != nil else { return }
        lastSpoken = i
        if draft.kind != .scare { lastSpokenNotScare = i }
        if draft.kind == .full { lastSpokenFull = i }
    }

    /// The earlier quote whose attribution quote `i` continues: a quote before it in the same
    /// paragraph (the speech goes on: `"…," Ward said. "The broader picture…"`), or, for a quote
    /// that opens its paragraph, the last attributed full quote of the previous paragraph. A
    /// partial quote only continues a quote that ends in its own sentence. Every quote before
    /// `i` must have been recorded.
    func inheritedSource(_ i: Int, _ drafts: [QuoteExtractor.Draft], source: QuoteSource) -> Int? {
        let draft = drafts[i]
        let paragraph = draft.span.firstParagraph
        if draft.kind == .partial {
            guard let k = lastSpoken, k < i else { return nil }
            let sentence = source.sentence(ofByte: draft.span.content.lowerBound)
            return source.sentence(ofByte: drafts[k].span.content.upperBound) == sentence ? k : nil
        }
        guard draft.kind == .full else { return nil }
        if let k = lastSpokenNotScare, k < i, drafts[k].span.lastParagraph == paragraph { return k }
        guard QuoteExtractor.opensParagraph(draft.span, source: source), paragraph > 0 else { return nil }
        if let k = lastSpokenFull, k < i, drafts[k].span.lastParagraph == paragraph - 1 { return k }
        return nil
    }
}
