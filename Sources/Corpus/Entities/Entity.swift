/// A person, organisation, place, event or other named thing, with every mention found in a corpus.
///
/// Entities are made by `EntityIndex.build` and read-only afterwards (the properties are `var`
/// so that the index can assemble them, and so that a sub-corpus view can hold a filtered copy).
public final class Entity: @unchecked Sendable {
    /// Position in the index's `entities` (ranked by mentions); a sub-corpus copy keeps the id.
    public let id: Int
    /// The canonical name: a gazetteer's name, else the fullest form seen ("Antony Blinken").
    public var name: String
    /// Person, organisation, place, event or other.
    public var kind: EntityKind
    /// Other forms seen in the text ("Blinken", "Mr. Blinken", "Anthony Blinken"), most frequent first.
    public var aliases: [String]
    /// Titles seen with the entity ("US Secretary of State", "Foreign Minister"), most frequent first.
    public var roles: [String]
    /// Every mention, in document order then text order.
    public var mentions: [EntityMention]
    /// The documents the mentions come from, so that a script can reach them from the entity.
    let source: DocumentTable

    init(id: Int, name: String, kind: EntityKind, aliases: [String], roles: [String],
         mentions: [EntityMention], source: DocumentTable) {
        self.id = id
        self.name = name
        self.kind = kind
        self.aliases = aliases
        self.roles = roles
        self.mentions = mentions
        self.source = source
    }

    /// Number of mentions.
    public var count: Int { mentions.count }

    /// Corpus indices of the documents that mention the entity, ascending.
    public var documents: [Int] {
        var result: [Int] = []
        for m in mentions where result.last != m.document { result.append(m.document) }
        return result
    }

    /// The document with a corpus index, if it is one the entity's index was built from.
    public func document(_ index: Int) -> Document? { source.document(index) }

    /// The documents that mention the entity, as objects, in corpus order.
    public var mentionedDocuments: [Document] {
        documents.compactMap { source.document($0) }
    }

    /// A copy holding only the mentions in the given documents (corpus indices), for a sub-corpus.
    func restricted(to members: Set<Int>) -> Entity {
        Entity(id: id, name: name, kind: kind, aliases: aliases, roles: roles,
               mentions: mentions.filter { members.contains($0.document) }, source: source)
    }
}

/// The documents an entity index was built from, by corpus index; shared by its entities.
final class DocumentTable: @unchecked Sendable {
    private let byIndex: [Int: Document]

    init(_ documents: [Document]) {
        var map: [Int: Document] = [:]
        for d in documents { map[d.index] = d }
        byIndex = map
    }

    /// The document with this corpus index, if it was indexed.
    func document(_ index: Int) -> Document? { byIndex[index] }
}
