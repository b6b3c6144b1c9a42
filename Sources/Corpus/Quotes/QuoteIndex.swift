import Foundation

/// The quotations of a corpus, computed per document the first time they are asked for (in
/// parallel across documents) and kept.
///
/// `Corpus.quoteIndex` is the shared one (English verbs, speakers resolved through the entity
/// index); make another with other verbs or another resolver.
public final class QuoteIndex: @unchecked Sendable {
    /// The attribution verbs used.
    public let verbs: AttributionVerbs
    private let makeResolver: @Sendable (Document) -> SpeakerResolving?
    private let lock = NSLock()
    private var store: [Int: [Quote]] = [:]
    /// The last index made by `with(verbs:)` (one is kept, so a script trying many verb lists
    /// does not keep every list's quotes).
    private var variant: QuoteIndex?

    /// An empty index. `resolver` gives the resolver for a document (nil: the built-in one).
    public init(verbs: AttributionVerbs = .news,
                resolver: @escaping @Sendable (Document) -> SpeakerResolving? = { _ in nil }) {
        self.verbs = verbs
        self.makeResolver = resolver
    }

    /// An index that knows the quotes of some documents already (by corpus index: an archive's
    /// stored quotes); others are computed as usual.
    convenience init(verbs: AttributionVerbs = .news, resolver: @escaping @Sendable (Document) -> SpeakerResolving?,
         known: [Int: [Quote]]) {
        self.init(verbs: verbs, resolver: resolver)
        store = known
    }

    /// An index with other attribution verbs and the same speaker resolver (itself when the
    /// verbs are the same); the last one made is kept with this index.
    public func with(verbs other: AttributionVerbs) -> QuoteIndex {
        if other == verbs { return self }
        lock.lock()
        defer { lock.unlock() }
        if let kept = variant, kept.verbs == other { return kept }
        let made = QuoteIndex(verbs: other, resolver: makeResolver)
        variant = made
        return made
    }

    /// The quotes of one document.
    public func quotes(in document: Document) -> [Quote] {
        Cancellation.uninterrupted { token throws(WorkLimit) in try quotes(in: document, cancellation: token) }
    }

    /// `quotes(in:)` checking `cancellation` while the quotes are found (a stop keeps nothing).
    public func quotes(in document: Document, cancellation: Cancellation) throws(WorkLimit) -> [Quote] {
        if let known = cached(document) { return known }
        let quotes = try QuoteExtractor.quotes(in: document, resolver: makeResolver(document), verbs: verbs,
                                               cancellation: cancellation)
        lock.lock()
        store[document.index] = quotes
        lock.unlock()
        return quotes
    }

    /// The quotes of several documents, in their order; the ones not known yet are computed in parallel.
    public func quotes(in documents: [Document]) -> [[Quote]] {
        Cancellation.uninterrupted { token throws(WorkLimit) in try quotes(in: documents, cancellation: token) }
    }

    /// `quotes(in:)` checking `cancellation`; the documents done before a stop are kept.
    public func quotes(in documents: [Document], cancellation: Cancellation) throws(WorkLimit) -> [[Quote]] {
        let missing = documents.filter { cached($0) == nil }
        if !missing.isEmpty {
            let verbs = self.verbs
            let makeResolver = self.makeResolver
            let failure = Parallel.FirstError()
            let total = missing.count
            let computed: [[Quote]?] = cancellation.working(on: "quotations") {
                Parallel.map(total, progress: { cancellation.report(done: $0, total: total) }) { i -> [Quote]? in
                    guard !failure.isSet else { return nil }
                    do throws(WorkLimit) {
                        try cancellation.check()
                        return try QuoteExtractor.quotes(in: missing[i], resolver: makeResolver(missing[i]), verbs: verbs,
                                                         cancellation: cancellation)
                    } catch {
                        failure.set(error)
                        return nil
                    }
                }
            }
            lock.lock()
            for (doc, quotes) in zip(missing, computed) {
                if let quotes { store[doc.index] = quotes }
            }
            lock.unlock()
            if let error = failure.error { throw error }
        }
        lock.lock()
        defer { lock.unlock() }
        return documents.map { store[$0.index] ?? [] }
    }

    /// Every quote of a corpus (or sub-corpus), in document order.
    public func quotes(in corpus: Corpus) -> [Quote] {
        quotes(in: corpus.documents).flatMap { $0 }
    }

    /// `quotes(in:)` checking `cancellation`.
    public func quotes(in corpus: Corpus, cancellation: Cancellation) throws(WorkLimit) -> [Quote] {
        try quotes(in: corpus.documents, cancellation: cancellation).flatMap { $0 }
    }

    private func cached(_ document: Document) -> [Quote]? {
        lock.lock()
        defer { lock.unlock() }
        return store[document.index]
    }
}

extension Corpus {
    /// The shared quote index of this corpus and its sub-corpora; speakers are resolved
    /// through the corpus's entity index (built first, once, if it was not yet).
    public var quoteIndex: QuoteIndex {
        Cancellation.uninterrupted { token throws(WorkLimit) in try quoteIndex(cancellation: token) }
    }

    /// `quoteIndex`, building the entity index it needs checking `cancellation`.
    public func quoteIndex(cancellation: Cancellation) throws(WorkLimit) -> QuoteIndex {
        let root = self.root
        // Speakers are resolved with the entities: a new gazetteer drops this index too.
        return try root.annotations.value(QuoteIndex.self, dependsOn: [Corpus.indexKey]) { () throws(WorkLimit) in
            let index = try root.entityIndex(cancellation: cancellation)
            // One resolver per document read: it keeps that document's names.
            let resolver: @Sendable (Document) -> SpeakerResolving? = { _ in EntitySpeakerResolver(index: index) }
            // An archive's stored quotes, unless the gazetteer (and so the speakers) changed.
            if root.usesStandardGazetteer, let known = root.savedAnalyses?.quotes(documents: root.documents) {
                return QuoteIndex(resolver: resolver, known: known)
            }
            return QuoteIndex(resolver: resolver)
        }
    }

    /// The corpus's quotes, optionally only those of a speaker (`Quote.matchesSpeaker`) and
    /// without partial and scare quotes (`quotes(matching:)` with those filters).
    public func quotes(speaker: String? = nil, includePartial: Bool = true) -> [Quote] {
        Cancellation.uninterrupted { token throws(WorkLimit) in
            try quotes(speaker: speaker, includePartial: includePartial, cancellation: token)
        }
    }

    /// `quotes(speaker:includePartial:)` checking `cancellation` while quotes are found.
    public func quotes(speaker: String? = nil, includePartial: Bool = true,
                       cancellation: Cancellation) throws(WorkLimit) -> [Quote] {
        try quotes(matching: QuoteQuery(speaker: speaker, partial: includePartial ? nil : false), cancellation: cancellation)
            .map(\.quote)
    }
}
