/// `corpus.entities(_:)`: which named entities, and how many.
public struct EntityQuery: Sendable {
    /// Only entities of this kind; nil for all.
    public var kind: EntityKind?
    /// Fewest mentions (in this corpus) an entity needs.
    public var minimumCount = 1
    /// Most entities returned; nil for all.
    public var limit: Int?

    public init(kind: EntityKind? = nil) { self.kind = kind }
}

extension Corpus {
    /// The entities a query asks for, most mentioned first; the entity index is built first
    /// where `cancellation` can stop it. A sub-corpus counts only its own documents' mentions.
    public func entities(_ query: EntityQuery, cancellation: Cancellation = .none) throws(WorkLimit) -> [Entity] {
        _ = try entityIndex(cancellation: cancellation)
        var list = entities(kind: query.kind)
        if query.minimumCount > 1 { list = list.filter { $0.count >= query.minimumCount } }
        if let limit = query.limit, list.count > limit { list = Array(list.prefix(limit)) }
        return list
    }
}
