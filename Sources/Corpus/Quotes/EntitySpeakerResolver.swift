import Foundation

/// Resolves quotation speakers through the corpus's entity index, so a quote's speaker is the
/// same entity `corpus:entity(name)` gives (aliases, surnames and near-spellings merged across
/// documents), and pronouns go to the person last named.
///
/// It keeps the names of the last document it was asked about, so the many phrases of one
/// document are resolved without a pass over the document's mentions each: use one resolver
/// per document being read (as `Corpus.quoteIndex` does) rather than one for every thread.
public struct EntitySpeakerResolver: SpeakerResolving, Sendable {
    public let index: EntityIndex
    private let cache = NamesCache()

    public init(index: EntityIndex) {
        self.index = index
    }

    public func resolve(_ phrase: String, in document: Int, near offset: Int) -> ResolvedSpeaker? {
        guard let entity = index.resolve(phrase, near: offset, in: names(document)), entity.kind == .person else { return nil }
        return ResolvedSpeaker(id: entity.id, name: entity.name)
    }

    public func organization(_ phrase: String, in document: Int, near offset: Int) -> ResolvedSpeaker? {
        guard let entity = index.resolve(phrase, near: offset, in: names(document)), entity.kind == .organization else { return nil }
        return ResolvedSpeaker(id: entity.id, name: entity.name)
    }

    public func persons(in document: Int, bytes range: Range<Int>) -> [NamedPerson] {
        names(document).mentions(overlapping: range).compactMap { placed in
            let entity = index.entities[placed.entity]
            let mention = index.mention(of: placed)
            guard entity.kind == .person, range.contains(mention.range.lowerBound) else { return nil }
            return NamedPerson(range: mention.range, person: ResolvedSpeaker(id: entity.id, name: entity.name))
        }
    }

    public func lastPerson(before offset: Int, in document: Int) -> ResolvedSpeaker? {
        names(document).lastPerson(before: offset).map { ResolvedSpeaker(id: $0.id, name: $0.name) }
    }

    /// The names of `document`, kept from the last call when it asked about the same one.
    private func names(_ document: Int) -> DocumentNames {
        cache.lock.lock()
        defer { cache.lock.unlock() }
        if let kept = cache.names, cache.document == document { return kept }
        let names = DocumentNames(index, document: document)
        cache.names = names
        cache.document = document
        return names
    }

    /// The last document's names (a resolver may be copied and used from several threads).
    private final class NamesCache: @unchecked Sendable {
        let lock = NSLock()
        var document = -1
        var names: DocumentNames?
    }
}

extension EntityIndex {
    /// The entity with this id, or nil.
    public func entity(id: Int) -> Entity? {
        if id >= 0, id < entities.count, entities[id].id == id { return entities[id] }
        return entities.first { $0.id == id }
    }
}
