/// One row of a frequency list: a term, its occurrences and the documents it occurs in.
public struct TermFrequency: Hashable, Sendable {
    /// The term in normal form (lowercase, straight apostrophes).
    public var term: String
    /// Occurrences in the corpus.
    public var count: Int
    /// Documents of the corpus it occurs in.
    public var docs: Int

    /// Makes a row (statistics functions make these).
    public init(term: String, count: Int, docs: Int) {
        self.term = term
        self.count = count
        self.docs = docs
    }
}

extension Corpus {
    /// The corpus's terms by number of occurrences (most frequent first, ties in code-point
    /// order of the term).
    ///
    /// - Parameters:
    ///   - top: at most this many rows; nil for every term.
    ///   - stopwords: terms to leave out (nil keeps every term).
    ///   - kinds: which tokens count; words only by default (numbers and punctuation are left out).
    public func frequencies(top: Int? = nil, stopwords: Stopwords? = .english, kinds: Set<TokenKind> = [.word]) -> [TermFrequency] {
        let lexicon = index.lexicon
        let counts = TermCounts(self)
        let mask = TermMask(lexicon: lexicon, kinds: kinds, stopwords: stopwords)
        var candidates: [Int] = []
        for id in 0..<lexicon.count where mask[id] && counts.counts[id] > 0 { candidates.append(id) }
        let ranked = Ranking.rank(candidates, top: top, key: { Double(counts.counts[$0]) }, text: lexicon.term)
        return ranked.map { TermFrequency(term: $0.text, count: Int(counts.counts[$0.id]), docs: Int(counts.documents[$0.id])) }
    }
}
