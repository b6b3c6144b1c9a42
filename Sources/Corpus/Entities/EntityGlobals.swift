/// The corpus-wide evidence entity recognition weighs, summed over the parts of a corpus split
/// across machines (issue 14, `dossier map --globals`).
///
/// Every part tallies its own (`EntityIndex.evidence`, `corpus:entity_evidence()` in Lua); the
/// tallies add up (`dossier reduce`), and the sum, given back to every part, makes the part:
/// - tell names from ordinary words by the whole corpus's capitalisation ("Despite" at a
///   sentence start is a word because the corpus writes "despite"), and
/// - name, classify and order its entities by the whole corpus's mentions ("China" is a place
///   because of the votes of every part; "Antony Blinken" is spelled as most parts spell him).
///
/// What a part still decides alone is which mention stands for which entity: a surname whose
/// full name only other parts write, an acronym defined elsewhere (docs/guide.md, "Beyond one
/// machine").
public struct EntityGlobals: Sendable {
    /// How often a word (normal form) is written lowercase, and capitalised mid-sentence.
    public struct CaseCount: Sendable, Equatable {
        public var lower: Int
        public var capitalized: Int

        public init(lower: Int, capitalized: Int) {
            self.lower = lower
            self.capitalized = capitalized
        }
    }

    /// What the mentions of one entity say about it.
    public struct Tally: Sendable, Equatable {
        public var mentions = 0
        /// Mentions after a preposition of place ("in Bonn").
        public var locatives = 0
        /// What the names' own words said the entity is, per kind.
        public var votes: [EntityKind: Int] = [:]
        /// The mentions as written (with courtesy titles), and the names without them.
        public var texts: [String: Int] = [:]
        public var surfaces: [String: Int] = [:]

        public init() {}

        /// Adds another part's tally of the same entity.
        public mutating func add(_ other: Tally) {
            mentions += other.mentions
            locatives += other.locatives
            votes.merge(other.votes, uniquingKeysWith: +)
            texts.merge(other.texts, uniquingKeysWith: +)
            surfaces.merge(other.surfaces, uniquingKeysWith: +)
        }
    }

    /// Case counts by word.
    public var caseCounts: [String: CaseCount]
    /// Mentions of each full-name spelling of a person ("antony blinken"), folded.
    public var personKeys: [String: Int]
    /// The spellings some mention confirms as a person's (not only written like a name).
    public var confirmedKeys: Set<String>
    /// What each acronym stands for where the corpus first defines it ("Transport Security
    /// Administration (TSA)"), by entity reference.
    public var acronyms: [String: String]
    /// Organisation names (folded keys, two words or more), and their words before a commercial
    /// ending ("merrill lynch" of "Merrill Lynch Capital Markets").
    public var organizations: Set<String> = []
    public var organizationPrefixes: Set<String> = []
    /// One-word names: mentions mid-sentence, and mentions with a title or courtesy title.
    public var singles: [String: (mentions: Int, cued: Int)] = [:]
    /// The names (keys of `n:` references) that the whole corpus knows before it reads sentence
    /// starts and headings: those its full names and one-word mentions resolve to, and those a
    /// strong organisation cue names at a sentence start. Empty in globals of an older first
    /// pass (the `n:` tallies stand in for it).
    public var knownNames: Set<String> = []
    /// Tallies by entity reference: `p:` a person (the spellings of the part's cluster, joined
    /// by `|`), `g:` a gazetteer entry, `n:` a name by its key, `s:` a one-word person.
    public var tallies: [String: Tally]

    public init(caseCounts: [String: CaseCount] = [:], personKeys: [String: Int] = [:], confirmedKeys: Set<String> = [],
                acronyms: [String: String] = [:], tallies: [String: Tally] = [:]) {
        self.caseCounts = caseCounts
        self.personKeys = personKeys
        self.confirmedKeys = confirmedKeys
        self.acronyms = acronyms
        self.tallies = tallies
    }

    /// Nothing tallied.
    public var isEmpty: Bool {
        caseCounts.isEmpty && personKeys.isEmpty && tallies.isEmpty && acronyms.isEmpty && organizations.isEmpty && singles.isEmpty
            && knownNames.isEmpty
    }

    /// The tallies with the persons of every part joined by `identity`: parts that saw different
    /// spellings of one person count as one.
    public func joined() -> EntityGlobals {
        var result = self
        result.tallies = [:]
        for (ref, tally) in tallies {
            result.tallies[identity(of: ref), default: Tally()].add(tally)
        }
        return result
    }

    /// The reference a part's entity is known by in the whole corpus: a person by the spelling
    /// of the part's cluster the whole corpus writes most (ties: the first in order); anything
    /// else by its own reference.
    public func identity(of ref: String) -> String {
        guard ref.hasPrefix("p:") else { return ref }
        let keys = ref.dropFirst(2).split(separator: "|").map(String.init)
        let best = keys.max { a, b in
            let (x, y) = (personKeys[a] ?? 0, personKeys[b] ?? 0)
            return x != y ? x < y : a > b
        }
        return "p:" + (best ?? "")
    }
}
