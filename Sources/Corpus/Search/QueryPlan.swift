/// Turns a query expression into matchers over one corpus's index, restricted to its
/// documents, and into the token patterns that find its matches inside a document.
struct QueryPlan {
    /// A prefix expands to at most this many terms (the most frequent ones are kept), so that
    /// `a*` stays fast on a large corpus.
    static let prefixExpansionLimit = 1000
    /// All the prefixes of a query together (each counted as often as it is written) stand for at
    /// most this many terms; a query past it is an error (`QueryError.Kind.expandsTooFar`)
    /// rather than millions of posting lists.
    static let totalExpansionLimit = 20_000

    let corpus: Corpus
    let index: CorpusIndex
    let bm25: BM25
    /// The statistics BM25 ranks with (read once: `CorpusIndex.ranking` takes a lock).
    let ranking: RankingStatistics
    /// The generation of `ranking` (`CorpusIndex.rankingState`): term blocks are cached per generation.
    private let generation: Int
    let fields: SearchFields
    /// The root corpus's documents, by corpus index (what field tests look at).
    private let all: [Document]
    /// Sorted corpus indices of the members, or nil when the corpus holds every document.
    private let members: [Int]?
    /// The term ids of each prefix of the query (the lexicon is scanned once per prefix).
    private var expansions: [String: [Int]] = [:]

    init(corpus: Corpus, expression: QueryExpression, fields: SearchFields) throws(QueryError) {
        self.corpus = corpus
        index = corpus.index
        (ranking, generation) = corpus.index.rankingState
        bm25 = BM25(index: corpus.index, ranking: ranking)
        self.fields = fields
        all = corpus.root.documents
        var total = 0
        for stem in expression.prefixes {
            if expansions[stem] == nil { expansions[stem] = Self.cachedExpansion(stem, in: corpus.index) }
            total += expansions[stem]?.count ?? 0
        }
        guard total <= Self.totalExpansionLimit else { throw QueryError(.expandsTooFar(total), at: 0) }
        if corpus.count == index.documentCount && corpus.parent == nil {
            members = nil
        } else {
            var m = corpus.documents.map(\.index)
            if zip(m, m.dropFirst()).contains(where: { $0 >= $1 }) { m.sort() }
            members = m
        }
    }

    /// The document with corpus index `i` (from the root corpus).
    func document(_ i: Int) -> Document? {
        i >= 0 && i < all.count ? all[i] : nil
    }

    /// The matcher of the whole query, limited to the corpus's documents.
    func matcher(_ expression: QueryExpression) -> Matcher {
        let root = build(expression)
        guard let members else { return root }
        return AndMatcher(required: [MemberMatcher(members: members), root])
    }

    /// A pruning ranker for a query that is a disjunction at its top (an OR, or a prefix
    /// alone), or nil for any other shape. Terms and prefixes under the OR become clauses read
    /// block by block; other operands (phrases, ANDs, NOTs…) stay matchers.
    func disjunction(_ expression: QueryExpression) -> DisjunctionRanker? {
        let operands: [QueryExpression]
        switch expression {
        case .or(let xs): operands = xs
        case .prefix: operands = [expression]
        default: return nil
        }
        var groups: [[DisjunctionRanker.Leaf]] = []
        for operand in operands {
            switch operand {
            case .term(let norm):
                guard let id = index.lexicon.id(of: norm) else { continue }
                groups.append([.term(blocks(id))])
            case .prefix(let stem):
                let ids = expand(stem)
                guard !ids.isEmpty else { continue }
                groups.append(ids.map { .term(blocks($0)) })
            default:
                groups.append([.other(build(operand))])
            }
        }
        return DisjunctionRanker(operands: groups, cache: index.searchCache)
    }

    /// Term `id`'s blocks under this plan's ranking statistics, kept by the index's
    /// `SearchCache` from one query to the next.
    func blocks(_ id: Int) -> TermBlocks {
        let index = self.index
        let ranking = self.ranking
        return index.searchCache.blocks(term: id, generation: generation) {
            TermBlocks(index: index, term: id, ranking: ranking)
        }
    }

    /// The matcher of term `id`.
    private func termMatcher(_ id: Int) -> TermMatcher {
        TermMatcher(index: index, term: id, blocks: blocks(id))
    }

    /// Whether a document (corpus index) belongs to the corpus being searched, or nil when
    /// every document does.
    func membership() -> ((Int) -> Bool)? {
        guard let members else { return nil }
        var bits = [UInt64](repeating: 0, count: index.documentCount / 64 + 1)
        for m in members where m >= 0 && m < index.documentCount { bits[m >> 6] |= 1 << UInt64(m & 63) }
        return { d in d >= 0 && d >> 6 < bits.count && bits[d >> 6] & (1 << UInt64(d & 63)) != 0 }
    }

    /// Every document of the corpus being searched.
    private func everything() -> Matcher {
        if let members { return MemberMatcher(members: members) }
        return MemberMatcher(all: index.documentCount)
    }

    private func build(_ expression: QueryExpression) -> Matcher {
        switch expression {
        case .term(let norm):
            guard let id = index.lexicon.id(of: norm) else { return EmptyMatcher() }
            return termMatcher(id)
        case .phrase(let norms):
            let ids = norms.compactMap { index.lexicon.id(of: $0) }
            guard ids.count == norms.count else { return EmptyMatcher() }
            let (documents, frequencies) = PhraseFinder.postings(index: index, phrase: ids)
            // A part of a split corpus ranks a phrase the first pass counted by the whole's count.
            let whole = index.ranking.phraseDocumentFrequency[norms.joined(separator: " ")]
            return ListMatcher(documents: documents, frequencies: frequencies, bm25: bm25, documentFrequency: whole)
        case .prefix(let stem):
            let ids = expand(stem)
            switch ids.count {
            case 0: return EmptyMatcher()
            case 1: return termMatcher(ids[0])
            default: return UnionMatcher(ids.map { termMatcher($0) })
            }
        case .field(let field, let values, let prefix):
            return AndMatcher(required: [everything()], filters: [fieldFilter(field, values, prefix: prefix, negated: false)])
        case .not(let inner):
            if case .field(let field, let values, let prefix) = inner {
                return AndMatcher(required: [everything()], filters: [fieldFilter(field, values, prefix: prefix, negated: true)])
            }
            return AndMatcher(required: [everything()], excluded: [build(inner)])
        case .or(let operands):
            return UnionMatcher(operands.map(build))
        case .and(let operands):
            var required: [Matcher] = []
            var excluded: [Matcher] = []
            var filters: [(Int) -> Bool] = []
            for operand in operands {
                switch operand {
                case .field(let field, let values, let prefix):
                    filters.append(fieldFilter(field, values, prefix: prefix, negated: false))
                case .not(.field(let field, let values, let prefix)):
                    filters.append(fieldFilter(field, values, prefix: prefix, negated: true))
                case .not(let inner):
                    excluded.append(build(inner))
                default:
                    required.append(build(operand))
                }
            }
            if required.isEmpty { required.append(everything()) }
            return AndMatcher(required: required, excluded: excluded, filters: filters)
        }
    }

    /// A test of document `i`'s field.
    private func fieldFilter(_ field: QueryField, _ values: [String], prefix: Bool, negated: Bool) -> (Int) -> Bool {
        let test = FieldTest(values: values, prefix: prefix)
        let fields = self.fields
        let all = self.all
        return { i in
            guard i >= 0, i < all.count else { return false }
            let found = fields.value(field, of: all[i]).map(test.matches) ?? false
            return found != negated
        }
    }

    /// The ids a prefix of the query expands to.
    func expand(_ stem: String) -> [Int] {
        expansions[stem] ?? Self.cachedExpansion(stem, in: index)
    }

    /// `expand(_:in:)`, kept by the index's `SearchCache` from one query to the next.
    static func cachedExpansion(_ stem: String, in index: CorpusIndex) -> [Int] {
        index.searchCache.expansion(stem) { expand(stem, in: index) }
    }

    /// The ids a prefix expands to: every term starting with it, or the
    /// `prefixExpansionLimit` most frequent ones.
    static func expand(_ stem: String, in index: CorpusIndex) -> [Int] {
        guard !stem.isEmpty else { return [] }
        let ids = index.lexicon.ids(withPrefix: stem)
        guard ids.count > Self.prefixExpansionLimit else { return ids }
        let df = index.lexicon.documentFrequency
        return Array(ids.sorted { df[$0] != df[$1] ? df[$0] > df[$1] : $0 < $1 }.prefix(prefixExpansionLimit)).sorted()
    }

    /// The patterns of the query's positive terms, phrases and prefixes (what is highlighted
    /// and shown in a concordance). Leaves the corpus never has are left out.
    func patterns(_ expression: QueryExpression) -> [TokenPattern] {
        expression.positiveLeaves.compactMap { leaf -> TokenPattern? in
            switch leaf {
            case .term(let norm):
                guard let id = index.lexicon.id(of: norm) else { return nil }
                return TokenPattern(slots: [[UInt32(id)]])
            case .phrase(let norms):
                let ids = norms.compactMap { index.lexicon.id(of: $0) }
                guard ids.count == norms.count else { return nil }
                return TokenPattern(slots: ids.map { [UInt32($0)] })
            case .prefix(let stem):
                let ids = expand(stem)
                guard !ids.isEmpty else { return nil }
                return TokenPattern(slots: [Set(ids.map(UInt32.init))])
            default:
                return nil
            }
        }
    }
}
