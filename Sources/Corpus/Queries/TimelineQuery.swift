/// `corpus.timeline(_:)`: the dated events of a corpus, in date order.
public struct TimelineQuery: Sendable {
    /// An ISO date prefix (`2023`, `2023-06`, `2023-06-18`): only dates from then on (inclusive).
    public var after: String?
    /// An ISO date prefix: only dates up to then (inclusive).
    public var before: String?
    /// Most mentions returned (the earliest); nil for all.
    public var limit: Int?

    public init() {}
}

extension Corpus {
    /// The resolved, plausible date mentions of the corpus's documents within the query's
    /// bounds, sorted by date, each with its document. A range counts when it overlaps them.
    public func timeline(_ query: TimelineQuery, cancellation: Cancellation = .none) throws(WorkLimit) -> [(document: Document, mention: DateMention)] {
        var items = try dates(cancellation: cancellation).timeline(self)
        if query.after != nil || query.before != nil {
            items = items.filter { item in
                guard let iso = item.mention.value?.iso else { return false }
                let parts = iso.split(separator: "/")
                let first = String(parts.first ?? ""), last = String(parts.last ?? "")
                if let after = query.after, last.prefix(after.count) < after { return false }
                if let before = query.before, first.prefix(before.count) > before { return false }
                return true
            }
        }
        if let limit = query.limit, items.count > limit { items = Array(items.prefix(limit)) }
        return items
    }
}
