/// Resolves quotation speakers through the corpus's entity index, so a quote's speaker is the
/// same entity `corpus:entity(name)` gives (aliases, surnames and near-spellings merged across
/// documents), and pronouns go to the person last named.
public struct EntitySpeakerResolver: SpeakerResolving, Sendable {
    public let index: EntityIndex

    public init(index: EntityIndex) {
        self.index = index
    }

    public func resolve(_ phrase: String, in document: Int, near offset: Int) -> ResolvedSpeaker? {
        guard let entity = index.resolve(phrase, in: document, near: offset), entity.kind == .person else { return nil }
        return ResolvedSpeaker(id: entity.id, name: entity.name)
    }

    public func lastPerson(before offset: Int, in document: Int) -> ResolvedSpeaker? {
        index.lastPerson(before: offset, in: document).map { ResolvedSpeaker(id: $0.id, name: $0.name) }
    }
}

extension EntityIndex {
    /// The entity with this id, or nil.
    public func entity(id: Int) -> Entity? {
        if id >= 0, id < entities.count, entities[id].id == id { return entities[id] }
        return entities.first { $0.id == id }
    }
}
