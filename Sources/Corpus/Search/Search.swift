/// A ranked search result.
public struct Hit: Sendable {
    /// The matching document.
    public let document: Document
    /// Its BM25 score (0 when the query has no positive term, e.g. only `title:` or `NOT`).
    public let score: Double
    /// The sentence with the strongest match, cut to about 200 characters, matches marked
    /// «like this».
    public let snippet: String
    /// Every match of the query's positive terms and phrases, as UTF-8 byte ranges of
    /// `document.text`, in text order.
    public let matches: [Range<Int>]
}

/// One line of a concordance (keyword in context).
public struct KwicLine: Sendable {
    /// The document holding the match.
    public let document: Document
    /// Index of the sentence holding the match (0-based, as in `Document.sentenceText`).
    public let sentence: Int
    /// Up to `width` characters before the match.
    public let left: String
    /// The matched text as written.
    public let match: String
    /// Up to `width` characters after the match.
    public let right: String
    /// UTF-8 byte offset of the match in `document.text`.
    public let offset: Int
}

extension KwicLine {
    /// About the bytes one line takes with `width` characters of context on each side (its
    /// strings and the record), for measuring a concordance against a memory budget.
    static func estimatedBytes(width: Int) -> Int { 160 + 2 * width }
}

/// Full-text search over a corpus's positional index: boolean queries, phrases, prefixes and
/// fields (see docs/query-language.md), BM25 ranking, snippets, and concordances.
///
/// A sub-corpus searches the index it shares with its root corpus and only ever returns its
/// own documents; BM25 statistics (N, df, average length) stay those of the whole index.
public enum Search {
    /// The documents of `corpus` matching `query`, ranked by BM25 (best first; equal scores in
    /// document order), at most `limit` of them. `cancellation` is checked as the matching
    /// documents are visited (a stop throws `QueryError.Kind.stopped`).
    public static func search(_ corpus: Corpus, _ query: String, limit: Int = 10, fields: SearchFields = .standard,
                              snippets: Bool = true, cancellation: Cancellation = .none) throws(QueryError) -> [Hit] {
        try search(corpus, try corpus.index.searchCache.query(query), limit: limit, fields: fields, snippets: snippets, cancellation: cancellation)
    }

    /// `search` with a parsed query. Without `snippets`, hits carry no snippet and no match
    /// ranges (ranking only, which skips re-reading the documents).
    public static func search(_ corpus: Corpus, _ query: Query, limit: Int = 10, fields: SearchFields = .standard,
                              snippets: Bool = true, cancellation: Cancellation = .none) throws(QueryError) -> [Hit] {
        guard limit > 0 else { return [] }
        let plan = try QueryPlan(corpus: corpus, expression: query.expression, fields: fields)
        try stopping { () throws(WorkLimit) in try cancellation.check() }
        var ticker = cancellation.every(256)
        let ranked: [(document: Int, score: Double)]
        if case .term(let word) = query.expression {
            // One term: block-max ranking visits only the blocks that can hold a top document.
            if let id = corpus.index.lexicon.id(of: word) {
                let members: Set<Int>? = corpus.parent == nil ? nil : Set(corpus.documents.map(\.index))
                ranked = corpus.index.topDocuments(term: id, k: limit) { members?.contains($0) ?? true }
            } else {
                ranked = []
            }
        } else if let ranker = plan.disjunction(query.expression) {
            // A disjunction: block-max MaxScore scores only documents that can reach the top.
            let accept = plan.membership()
            do {
                ranked = try ranker.top(limit, accept: accept, cancellation: cancellation)
                    .map { ($0.document, $0.score) }
            } catch {
                throw QueryError(.stopped(error), at: 0)
            }
        } else {
            let matcher = plan.matcher(query.expression)
            var top = TopK(limit)
            matcher.advance(to: 0)
            while matcher.document != Int.max {
                try stopping { () throws(WorkLimit) in try ticker.tick() }
                let d = matcher.document
                top.offer(score: matcher.score(at: d), document: d)
                matcher.advance(to: d + 1)
            }
            ranked = top.sortedInPlace().map { ($0.document, $0.score) }
        }
        guard snippets else {
            return ranked.compactMap { entry in
                plan.document(entry.document).map { Hit(document: $0, score: entry.score, snippet: "", matches: []) }
            }
        }
        let patterns = plan.patterns(query.expression)
        var hits: [Hit] = []
        for entry in ranked {
            try stopping { () throws(WorkLimit) in try cancellation.check() }
            guard let document = plan.document(entry.document) else { continue }
            let spans = document.tokenSpans()
            let found = TokenMatch.find(patterns, in: document.terms.array)
            let ranges = found.compactMap { m -> Range<Int>? in
                guard m.tokens.upperBound <= spans.count, !m.tokens.isEmpty else { return nil }
                return spans[m.tokens.lowerBound].start..<spans[m.tokens.upperBound - 1].end
            }
            hits.append(Hit(document: document, score: entry.score,
                            snippet: Snippet.make(document, matches: found, spans: spans), matches: ranges))
        }
        return hits
    }

    /// Runs a step that may be stopped, reporting a stop as a query error.
    private static func stopping(_ step: () throws(WorkLimit) -> Void) throws(QueryError) {
        do {
            try step()
        } catch {
            throw QueryError(.stopped(error), at: 0)
        }
    }

    /// Every document of `corpus` matching `query`, in document order (no ranking).
    public static func documents(_ corpus: Corpus, _ query: String, fields: SearchFields = .standard,
                                 cancellation: Cancellation = .none) throws(QueryError) -> [Document] {
        try documents(corpus, try corpus.index.searchCache.query(query), fields: fields, cancellation: cancellation)
    }

    /// `documents` with a parsed query.
    public static func documents(_ corpus: Corpus, _ query: Query, fields: SearchFields = .standard,
                                 cancellation: Cancellation = .none) throws(QueryError) -> [Document] {
        let plan = try QueryPlan(corpus: corpus, expression: query.expression, fields: fields)
        let matcher = plan.matcher(query.expression)
        try stopping { () throws(WorkLimit) in try cancellation.check() }
        var ticker = cancellation.every(256)
        var out: [Document] = []
        matcher.advance(to: 0)
        while matcher.document != Int.max {
            try stopping { () throws(WorkLimit) in try ticker.tick() }
            if let d = plan.document(matcher.document) { out.append(d) }
            matcher.advance(to: matcher.document + 1)
        }
        return out
    }

    /// The concordance of `query` in `corpus`: every occurrence of every positive term,
    /// phrase and prefix of the query in the matching documents (NOT and field clauses only
    /// choose documents), in document then text order, with `width` characters of context on
    /// each side; at most `limit` lines when given.
    public static func kwic(_ corpus: Corpus, _ query: String, width: Int = 40, limit: Int? = nil,
                            fields: SearchFields = .standard, cancellation: Cancellation = .none) throws(QueryError) -> [KwicLine] {
        try kwic(corpus, try corpus.index.searchCache.query(query), width: width, limit: limit, fields: fields, cancellation: cancellation)
    }

    /// `kwic` with a parsed query.
    public static func kwic(_ corpus: Corpus, _ query: Query, width: Int = 40, limit: Int? = nil,
                            fields: SearchFields = .standard, cancellation: Cancellation = .none) throws(QueryError) -> [KwicLine] {
        let cap = limit ?? Int.max
        guard cap > 0 else { return [] }
        let plan = try QueryPlan(corpus: corpus, expression: query.expression, fields: fields)
        let patterns = plan.patterns(query.expression)
        guard !patterns.isEmpty else { return [] }
        let matcher = plan.matcher(query.expression)
        let context = max(0, width)
        var lines: [KwicLine] = []
        try stopping { () throws(WorkLimit) in try cancellation.check() }
        var ticker = cancellation.every(64)
        let meter = cancellation.meter("the concordance lines")
        matcher.advance(to: 0)
        while matcher.document != Int.max, lines.count < cap {
            try stopping { () throws(WorkLimit) in try ticker.tick() }
            let d = matcher.document
            matcher.advance(to: d + 1)
            guard let document = plan.document(d) else { continue }
            let found = TokenMatch.find(patterns, in: document.terms.array)
            guard !found.isEmpty else { continue }
            let spans = document.tokenSpans()  // once per document
            let layout = document.layout(tokens: spans)
            let text = document.text
            for m in found {
                guard lines.count < cap else { break }
                try stopping { () throws(WorkLimit) in try ticker.tick() }
                guard m.tokens.upperBound <= spans.count, !m.tokens.isEmpty else { continue }
                if lines.count % 1024 == 0 {
                    // The next 1,024 lines (or as many as the limit leaves), measured before they are made.
                    let next = min(1024, cap - lines.count)
                    try stopping { () throws(WorkLimit) in try meter.add(next * KwicLine.estimatedBytes(width: context)) }
                }
                let start = spans[m.tokens.lowerBound].start
                let end = spans[m.tokens.upperBound - 1].end
                lines.append(KwicLine(
                    document: document,
                    sentence: layout.sentence(containingToken: m.tokens.lowerBound),
                    left: TextWindow.before(text, byte: start, count: context),
                    match: TextWindow.flatten(text[TextWindow.index(text, start)..<TextWindow.index(text, end)]),
                    right: TextWindow.after(text, byte: end, count: context),
                    offset: start))
            }
        }
        return lines
    }
}
