extension EntityIndex {
    /// Each entity's lookup keys (the folded names `entity(named:)` finds it by), sorted: what an
    /// archive stores so that an index read back answers lookups as the one built.
    func lookupKeys() -> [Int: [String]] {
        var keys: [Int: [String]] = [:]
        for (key, ids) in aliasIndex {
            for id in ids { keys[id, default: []].append(key) }
        }
        for id in keys.keys { keys[id]?.sort() }
        return keys
    }

    /// An index from its entities, their lookup keys and the mentions per document, the tables
    /// made as `build` makes them (the read side of `lookupKeys`).
    static func assembled(entities: [Entity], keys: [[String]], gazetteer: Gazetteer, source: DocumentTable,
                          byDocument: [Int: [Placed]]) -> EntityIndex {
        var aliasIndex: [String: [Int]] = [:]
        var personWords: [String: [Int]] = [:]
        var personNames: [(words: [String], entity: Int)] = []
        for (id, entity) in entities.enumerated() where id < keys.count {
            for key in keys[id] where !key.isEmpty { aliasIndex[key, default: []].append(id) }
            guard entity.kind == .person else { continue }
            var words = Set<String>()
            for key in keys[id] {
                let parts = key.split(separator: " ").map(String.init)
                if let f = parts.first { words.insert(f) }
                if let l = parts.last { words.insert(l) }
                if parts.count >= 2 { personNames.append((parts, id)) }
            }
            for w in words { personWords[w, default: []].append(id) }
        }
        return EntityIndex(entities: entities, gazetteer: gazetteer, source: source, byDocument: byDocument,
                           aliasIndex: aliasIndex, personWords: personWords, personNames: personNames)
    }
}
