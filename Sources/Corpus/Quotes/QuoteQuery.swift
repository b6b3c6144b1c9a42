/// Which quotations to return: every filter of `Corpus.quotes(matching:)` in one value, applied
/// once, after the quotes are found (the Lua `quotes` methods only turn their options into one).
public struct QuoteQuery: Sendable, Hashable {
    /// Only quotes whose speaker matches this, as `Quote.matchesSpeaker` reads it (the resolved
    /// name or the phrase as written, whole words, case-insensitive; "Ward", "the official").
    public var speaker: String?
    /// `false`: full quotations only; `true`: partial and scare quotes only; nil: all.
    public var partial: Bool?
    /// Only quotes attributed with this verb, lowercase ("said", "according to").
    public var verb: String?
    /// Only quotes of this kind.
    public var kind: QuoteKind?
    /// Only quotes whose speaker is of this kind (`Quote.speakerKind`).
    public var speakerKind: SpeakerKind?
    /// Attribution verbs besides English's usual ones ("quipped", "posted"). The quotes are then
    /// found again with those verbs, through the same quotation index and the same entity
    /// resolver as the usual ones (so speakers are still the corpus's entities).
    public var extraVerbs: [String]

    /// A query; every filter is off unless given.
    public init(speaker: String? = nil, partial: Bool? = nil, verb: String? = nil, kind: QuoteKind? = nil,
                speakerKind: SpeakerKind? = nil, extraVerbs: [String] = []) {
        self.speaker = speaker
        self.partial = partial
        self.verb = verb?.lowercased()
        self.kind = kind
        self.speakerKind = speakerKind
        self.extraVerbs = extraVerbs
    }

    /// The attribution verbs the quotes are found with.
    public var verbs: AttributionVerbs {
        extraVerbs.isEmpty ? .news : AttributionVerbs.news.adding(extraVerbs.map { $0.lowercased() })
    }

    /// Whether a quote passes every filter.
    public func accepts(_ quote: Quote) -> Bool {
        if let partial, quote.partial != partial { return false }
        if let kind, quote.kind != kind { return false }
        if let verb, quote.verb != verb { return false }
        if let speakerKind, quote.speakerKind != speakerKind { return false }
        if let speaker, !quote.matchesSpeaker(speaker) { return false }
        return true
    }
}

/// A quote and the document it was found in.
public struct DocumentQuote: Sendable {
    public var document: Document
    public var quote: Quote
}

extension Corpus {
    /// The quotes of this corpus (or sub-corpus) that `query` accepts, in document order, each
    /// with its document. Quotes come from the root corpus's quotation index (speakers resolved
    /// through the entity index), also when the query adds attribution verbs.
    public func quotes(matching query: QuoteQuery, cancellation: Cancellation = .none) throws(WorkLimit) -> [DocumentQuote] {
        let index = try quoteIndex(cancellation: cancellation).with(verbs: query.verbs)
        let docs = documents
        let lists = try index.quotes(in: docs, cancellation: cancellation)
        var result: [DocumentQuote] = []
        for (doc, list) in zip(docs, lists) {
            for quote in list where query.accepts(quote) { result.append(DocumentQuote(document: doc, quote: quote)) }
        }
        return result
    }

    /// The quotes of one of this corpus's documents that `query` accepts.
    public func quotes(in document: Document, matching query: QuoteQuery,
                       cancellation: Cancellation = .none) throws(WorkLimit) -> [Quote] {
        try quoteIndex(cancellation: cancellation).with(verbs: query.verbs).quotes(in: document, cancellation: cancellation)
            .filter(query.accepts)
    }
}
