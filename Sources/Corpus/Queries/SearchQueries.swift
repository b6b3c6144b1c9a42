/// `corpus.kwic(_:)`: a concordance.
public struct KwicQuery: Sendable {
    /// A query in the search language (docs/query-language.md).
    public var query: String
    /// Characters of context on each side.
    public var width = 40
    /// Most lines returned; nil for all.
    public var limit: Int?
    /// Where `title:` and `source:` look.
    public var fields: SearchFields = .standard

    public init(_ query: String) { self.query = query }
}

/// `corpus.search(_:)`: documents ranked by BM25.
public struct SearchQuery: Sendable {
    public var query: String
    /// Most hits returned (at least 1 to get any).
    public var limit = 10
    /// false ranks only (no snippets, no re-reading of the documents).
    public var snippets = true
    public var fields: SearchFields = .standard

    public init(_ query: String) { self.query = query }
}

extension Corpus {
    /// The lines of a `KwicQuery`, in document and text order.
    public func kwic(_ query: KwicQuery, cancellation: Cancellation = .none) throws(QueryError) -> [KwicLine] {
        try Search.kwic(self, query.query, width: query.width, limit: query.limit, fields: query.fields, cancellation: cancellation)
    }

    /// The hits of a `SearchQuery`, best first.
    public func search(_ query: SearchQuery, cancellation: Cancellation = .none) throws(QueryError) -> [Hit] {
        try Search.search(self, query.query, limit: query.limit, fields: query.fields, snippets: query.snippets,
                          cancellation: cancellation)
    }
}
