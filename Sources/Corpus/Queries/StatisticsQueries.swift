/// The statistics analyses as typed queries: each holds everything a caller may ask of one
/// analysis (what to count, which rows to keep, how many), and `Corpus` answers it with one
/// call that does all the filtering. The Lua bindings only turn an options table into a query
/// and the rows into Lua values.
///
///     var query = FrequencyQuery()
///     query.minimumCount = 3
///     query.limit = 20
///     let rows = corpus.frequencies(query)

/// `corpus.frequencies(_:)`: terms by occurrences.
public struct FrequencyQuery: Sendable {
    /// Which tokens count (words only by default).
    public var kinds: Set<TokenKind> = [.word]
    /// Terms to leave out; nil keeps every term.
    public var stopwords: Stopwords? = .english
    /// Fewest occurrences a term needs (1: all).
    public var minimumCount = 1
    /// Most rows returned; nil for all.
    public var limit: Int?

    public init() {}
}

/// `corpus.ngrams(_:)`: runs of `n` word or number tokens inside a sentence.
public struct NGramQuery: Sendable {
    public var n: Int
    /// Fewest occurrences an n-gram needs.
    public var minimumCount = 2
    /// N-grams that start or end with one of these are left out; nil keeps all.
    public var stopwords: Stopwords? = .english
    /// Most rows returned; nil for all.
    public var limit: Int?

    public init(n: Int) { self.n = n }
}

/// `corpus.collocations(_:)`: words near `node` more often than chance predicts.
public struct CollocationQuery: Sendable {
    public var node: String
    /// Tokens on each side.
    public var window = 5
    public var measure: AssociationMeasure = .llr
    /// Fewest co-occurrences a collocate needs.
    public var minimumCount = 2
    public var stopwords: Stopwords? = .english
    /// Most rows returned; nil for all.
    public var limit: Int?

    public init(node: String) { self.node = node }
}

/// `corpus.keyness(_:)`: words the corpus uses more or less than `reference`.
public struct KeynessQuery {
    public var reference: Corpus
    /// Fewest occurrences in both corpora together.
    public var minimumCount = 3
    public var stopwords: Stopwords? = .english
    /// Most rows returned; nil for all.
    public var limit: Int?

    public init(reference: Corpus) { self.reference = reference }
}

/// `document.keywords(_:)`: the words that characterise one document (tf-idf).
public struct KeywordQuery: Sendable {
    /// Fewest occurrences in the document.
    public var minimumCount = 1
    public var stopwords: Stopwords? = .english
    /// Most rows returned; nil for all.
    public var limit: Int? = 10
    /// The whole corpus's statistics when the document's corpus is one part of it.
    public var globals: CorpusGlobals?

    public init() {}
}

extension Corpus {
    /// The answer to a `FrequencyQuery`, most frequent first (ties in code-point order).
    public func frequencies(_ query: FrequencyQuery) -> [TermFrequency] {
        guard query.minimumCount > 1 else { return frequencies(top: query.limit, stopwords: query.stopwords, kinds: query.kinds) }
        // Rows come most frequent first: those under the minimum are a tail.
        var rows = frequencies(top: nil, stopwords: query.stopwords, kinds: query.kinds)
        if let cut = rows.firstIndex(where: { $0.count < query.minimumCount }) { rows.removeSubrange(cut...) }
        if let limit = query.limit, rows.count > limit { rows.removeSubrange(limit...) }
        return rows
    }

    /// The answer to an `NGramQuery`, most frequent first.
    public func ngrams(_ query: NGramQuery, cancellation: Cancellation = .none) throws(StatisticsError) -> [NGram] {
        try ngrams(query.n, min: query.minimumCount, stopwords: query.stopwords, top: query.limit, cancellation: cancellation)
    }

    /// The answer to a `CollocationQuery`, most attached first.
    public func collocations(_ query: CollocationQuery, cancellation: Cancellation = .none) throws(StatisticsError) -> [Collocate] {
        try collocations(of: query.node, window: query.window, measure: query.measure, min: query.minimumCount,
                         stopwords: query.stopwords, top: query.limit, cancellation: cancellation)
    }

    /// The answer to a `KeynessQuery`, most key first.
    public func keyness(_ query: KeynessQuery) throws(StatisticsError) -> [KeynessScore] {
        try keyness(against: query.reference, min: query.minimumCount, stopwords: query.stopwords, top: query.limit)
    }
}

extension Document {
    /// The answer to a `KeywordQuery`, best first.
    public func keywords(_ query: KeywordQuery) -> [Keyword] {
        guard query.minimumCount > 1 else { return keywords(top: query.limit, stopwords: query.stopwords, globals: query.globals) }
        let rows = keywords(top: nil, stopwords: query.stopwords, globals: query.globals).filter { $0.count >= query.minimumCount }
        return query.limit.map { Array(rows.prefix($0)) } ?? rows
    }
}
