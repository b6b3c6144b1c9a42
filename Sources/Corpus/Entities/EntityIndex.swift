import Foundation

/// The named entities of a set of documents: who and what is named, where, under which names
/// and titles.
///
/// Built once (`build`) from a corpus's documents; afterwards it answers lookups by any alias
/// ("Blinken", "Mr. Blinken", "U.S."), per document and per sentence, and resolves speaker
/// phrases for the quotations stage. Read-only and safe to share between threads.
public final class EntityIndex: @unchecked Sendable {
    /// One mention of a document and the entity it belongs to, by position: the mention is
    /// `entities[entity].mentions[slot]` (`mention(of:)`), so that the per-document lists do not
    /// hold a second copy of every mention (12 bytes instead of 56).
    struct Placed {
        private let entityID: Int32
        /// Position of the mention in its entity's `mentions`.
        let slot: Int32
        /// Where the mention starts in the document's text (what the lists are ordered by).
        let lower: Int32

        init(entity: Int, slot: Int, lower: Int) {
            entityID = Int32(clamping: entity)
            self.slot = Int32(clamping: slot)
            self.lower = Int32(clamping: lower)
        }

        /// Index into `entities`.
        var entity: Int { Int(entityID) }
    }

    /// The mention a placed entry stands for.
    func mention(of placed: Placed) -> EntityMention {
        entities[placed.entity].mentions[Int(placed.slot)]
    }

    /// Every entity, most mentioned first (ties by name).
    public let entities: [Entity]
    /// The gazetteer the index was built with.
    public let gazetteer: Gazetteer
    let source: DocumentTable
    /// Mentions per document (corpus index), in text order.
    let byDocument: [Int: [Placed]]
    /// Entity ids by folded alias key.
    let aliasIndex: [String: [Int]]
    /// Person entity ids by each word of their names' first and last words.
    let personWords: [String: [Int]]
    /// Full person names (word lists) per person entity, for near-spelling lookups.
    let personNames: [(words: [String], entity: Int)]
    /// The gazetteer's role titles, lowercased ("president", "foreign minister").
    let roleTitles: Set<String>
    /// `personNames` positions by the first letters of their first and last words (which two
    /// forms of one name share), found on first use.
    private var nameBuckets: [String: [Int]]?
    private let bucketLock = NSLock()

    init(entities: [Entity], gazetteer: Gazetteer, source: DocumentTable, byDocument: [Int: [Placed]],
         aliasIndex: [String: [Int]], personWords: [String: [Int]], personNames: [(words: [String], entity: Int)]) {
        self.entities = entities
        self.gazetteer = gazetteer
        self.source = source
        self.byDocument = byDocument
        self.aliasIndex = aliasIndex
        self.personWords = personWords
        self.personNames = personNames
        roleTitles = Set(gazetteer.roles.map { $0.title.lowercased() })
    }

    /// The bucket of `personNames` a name's words fall in.
    private static func bucket(_ words: [String]) -> String {
        guard let first = words.first?.unicodeScalars.first, let last = words.last?.unicodeScalars.first else { return "" }
        return String(first) + "|" + String(last)
    }

    /// The positions in `personNames` that can be forms of `words` (`NameMatching.isSamePerson`
    /// needs equal first letters of the first and last words), in order.
    private func personNameCandidates(_ words: [String]) -> [Int] {
        bucketLock.lock()
        defer { bucketLock.unlock() }
        if nameBuckets == nil {
            var buckets: [String: [Int]] = [:]
            for (i, person) in personNames.enumerated() { buckets[Self.bucket(person.words), default: []].append(i) }
            nameBuckets = buckets
        }
        return nameBuckets?[Self.bucket(words)] ?? []
    }

    /// An index with no entities.
    public static let empty = EntityIndex(entities: [], gazetteer: Gazetteer(), source: DocumentTable([]), byDocument: [:],
                                          aliasIndex: [:], personWords: [:], personNames: [])

    /// The entities of a kind (all when nil), most mentioned first.
    public func entities(kind: EntityKind?) -> [Entity] {
        guard let kind else { return entities }
        return entities.filter { $0.kind == kind }
    }

    /// The document with a corpus index, if it was indexed.
    public func document(_ index: Int) -> Document? { source.document(index) }

    /// The entity a name stands for: any alias seen ("Anthony Blinken"), a courtesy form ("Mr.
    /// Blinken"), a gazetteer alias ("U.S." for "United States"), a surname or first word of a
    /// person ("Sun", "Xi"), or a near-spelling of a person's full name. Case-insensitive; nil
    /// when nothing matches.
    public func entity(named name: String) -> Entity? {
        let key = NameMatching.lookupKey(name)
        guard !key.isEmpty else { return nil }
        let written = Gazetteer.clean(name)
        if let ids = aliasIndex[key], let exact = ids.sorted().first(where: { entities[$0].name == written }) {
            return entities[exact]
        }
        if let e = best(aliasIndex[key]) { return e }
        if let e = best(aliasIndex["the " + key]) { return e }
        if let entry = gazetteer.entry(named: key), let e = best(aliasIndex[NameMatching.lookupKey(entry.name)]) {
            return e
        }
        let words = key.split(separator: " ").map(String.init)
        if words.count == 1, let e = best(personWords[key]) { return e }
        if words.count >= 2 {
            var found: [Int] = []
            for i in personNameCandidates(words) where NameMatching.isSamePerson(personNames[i].words, words) {
                found.append(personNames[i].entity)
            }
            if let e = best(found) { return e }
        }
        return nil
    }

    /// The most mentioned of some entities.
    private func best(_ ids: [Int]?) -> Entity? {
        guard let ids, let top = ids.min() else { return nil }
        return top < entities.count ? entities[top] : nil
    }

    /// The entities mentioned in a document (corpus index), in order of first mention.
    public func entities(in document: Int) -> [Entity] {
        var seen = Set<Int>()
        var result: [Entity] = []
        for placed in byDocument[document] ?? [] where seen.insert(placed.entity).inserted {
            result.append(entities[placed.entity])
        }
        return result
    }

    /// The mentions in a document (corpus index), in text order, with their entities.
    public func mentions(in document: Int) -> [(Entity, EntityMention)] {
        (byDocument[document] ?? []).map { (entities[$0.entity], mention(of: $0)) }
    }

    /// The entities mentioned in one sentence of a document, in text order.
    public func entities(inSentence sentence: Int, of document: Int) -> [Entity] {
        var seen = Set<Int>()
        var result: [Entity] = []
        for placed in byDocument[document] ?? [] where mention(of: placed).sentence == sentence {
            if seen.insert(placed.entity).inserted { result.append(entities[placed.entity]) }
        }
        return result
    }

    /// The person last named before a byte offset of a document (for "he said" after a quote).
    public func lastPerson(before offset: Int, in document: Int) -> Entity? {
        DocumentNames(self, document: document).lastPerson(before: offset)
    }

    /// The entity a speaker phrase stands for, at a byte offset of a document: a pronoun ("he",
    /// "she") is the last person named before `offset`; a phrase written at `offset` that holds a
    /// mention is that mention's entity (a person's first); otherwise the phrase's name part ("UN spokesman Stephane
    /// Dujarric" → "Stephane Dujarric", "Sun") is resolved in the document first, then the corpus.
    /// Descriptions without a name ("a senior official") give nil.
    public func resolve(_ phrase: String, in document: Int, near offset: Int) -> Entity? {
        resolve(phrase, near: offset, in: DocumentNames(self, document: document))
    }

    /// `resolve(_:in:near:)` with the document's names found already: a caller resolving many
    /// phrases of one document (the quotations stage) pays for the document once, not per
    /// phrase, which keeps a document of thousands of quotes linear.
    func resolve(_ phrase: String, near offset: Int, in names: DocumentNames) -> Entity? {
        let words = Tokenizer.words(in: phrase)
        guard !words.isEmpty else { return nil }
        if words.count == 1, EntityVocabulary.personPronouns.contains(Tokenizer.norm(words[0])) {
            return names.lastPerson(before: offset)
        }
        let length = phrase.utf8.count
        let phraseKey = " " + NameMatching.lookupKey(phrase) + " "
        let span = offset..<(offset + max(1, length))
        // Mentions inside the phrase, at the place it was written.
        let overlapping = names.mentions(overlapping: span).filter {
            phraseKey.contains(" " + NameMatching.lookupKey(mention(of: $0).text) + " ")
        }
        if let person = overlapping.first(where: { entities[$0.entity].kind == .person }) { return entities[person.entity] }
        if let any = overlapping.first { return entities[any.entity] }
        // The capitalised words at the end of the phrase are its name.
        var name: [String] = []
        for w in words.reversed() {
            guard let first = w.unicodeScalars.first, first.properties.isUppercase else { break }
            if roleTitles.contains(w.lowercased()) { break }
            name.insert(w, at: 0)
        }
        guard !name.isEmpty else { return nil }
        let key = NameMatching.lookupKey(name.joined(separator: " "))
        // The document's own entities first (most mentioned first): by a name or alias, then a
        // person by the first or last word of their name.
        if let e = names.entity(withKey: key) { return entities[e] }
        if !key.contains(" "), let e = names.person(withWord: key) { return entities[e] }
        return entity(named: name.joined(separator: " "))
    }
}
