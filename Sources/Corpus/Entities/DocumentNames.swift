/// One document's mentions as the speaker lookups of `EntityIndex` read them: found once per
/// document, so resolving each of a document's thousands of speaker phrases costs a binary
/// search and a dictionary lookup, not a pass over every mention and entity.
///
/// Not thread-safe (the lookup tables are made on first use): one per document being read.
final class DocumentNames {
    private let index: EntityIndex
    /// The document's mentions in text order (by start).
    let placed: [EntityIndex.Placed]
    /// The longest mention, in bytes: how far before a span a mention overlapping it can start.
    private let longest: Int
    /// Positions in `placed` of the mentions of persons, ascending.
    private let persons: [Int]
    private var keys: [String: Int]?
    private var words: [String: Int]?

    init(_ index: EntityIndex, document: Int) {
        let placed = index.byDocument[document] ?? []
        self.index = index
        self.placed = placed
        longest = placed.reduce(0) { max($0, index.mention(of: $1).range.count) }
        persons = placed.indices.filter { index.entities[placed[$0].entity].kind == .person }
    }

    /// The first position in `placed` whose mention starts at or after `offset`.
    private func firstStarting(atOrAfter offset: Int) -> Int {
        var lo = 0
        var hi = placed.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(placed[mid].lower) < offset { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The person named last before `offset`.
    func lastPerson(before offset: Int) -> Entity? {
        let end = firstStarting(atOrAfter: offset)
        var lo = 0
        var hi = persons.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if persons[mid] < end { lo = mid + 1 } else { hi = mid }
        }
        return lo > 0 ? index.entities[placed[persons[lo - 1]].entity] : nil
    }

    /// The mentions overlapping `span`, in text order.
    func mentions(overlapping span: Range<Int>) -> [EntityIndex.Placed] {
        var k = firstStarting(atOrAfter: span.upperBound) - 1
        var found: [EntityIndex.Placed] = []
        while k >= 0 && Int(placed[k].lower) + longest > span.lowerBound {
            if index.mention(of: placed[k]).range.overlaps(span) { found.append(placed[k]) }
            k -= 1
        }
        return found.reversed()
    }

    /// The document's most mentioned entity with `key` as the lookup key of its name or an alias.
    func entity(withKey key: String) -> Int? {
        if keys == nil { makeTables() }
        return keys?[key]
    }

    /// The document's most mentioned person whose name starts or ends with the word `key`.
    func person(withWord key: String) -> Int? {
        if words == nil { makeTables() }
        return words?[key]
    }

    /// The entities the document mentions, most mentioned first (corpus order), by the lookup
    /// keys of their names and aliases, and the persons by their first and last words: the
    /// first entity in that order wins a key.
    private func makeTables() {
        var keys: [String: Int] = [:]
        var words: [String: Int] = [:]
        for e in Set(placed.map(\.entity)).sorted() {
            let entity = index.entities[e]
            let nameKey = NameMatching.lookupKey(entity.name)
            for key in [nameKey] + entity.aliases.map(NameMatching.lookupKey) where keys[key] == nil { keys[key] = e }
            guard entity.kind == .person else { continue }
            let parts = nameKey.split(separator: " ").map(String.init)
            for word in [parts.first, parts.last].compactMap({ $0 }) where words[word] == nil { words[word] = e }
        }
        self.keys = keys
        self.words = words
    }
}
