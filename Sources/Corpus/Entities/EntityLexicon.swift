/// The gazetteer and the fixed vocabulary compiled against one corpus lexicon, so that the
/// per-token work of recognition is array lookups by term id instead of string hashing.
///
/// Built once per entity-index build: flags for every term id that matters, and the gazetteer's
/// names, demonyms and titles as term-id phrases listed under their first term.
final class EntityLexicon: @unchecked Sendable {
    /// What a term can be, as bits.
    struct Flags: OptionSet, Sendable {
        let rawValue: UInt32
        static let phraseStart = Flags(rawValue: 1 << 0)
        static let connector = Flags(rawValue: 1 << 1)
        static let particle = Flags(rawValue: 1 << 2)
        static let honorific = Flags(rawValue: 1 << 3)
        static let speechAfter = Flags(rawValue: 1 << 4)
        static let speechBefore = Flags(rawValue: 1 << 5)
        static let modifier = Flags(rawValue: 1 << 6)
        static let article = Flags(rawValue: 1 << 7)
        static let stopword = Flags(rawValue: 1 << 8)
        static let nonName = Flags(rawValue: 1 << 9)
        static let nameWord = Flags(rawValue: 1 << 10)
        static let organizationHead = Flags(rawValue: 1 << 11)
        static let placeHead = Flags(rawValue: 1 << 12)
        static let eventHead = Flags(rawValue: 1 << 13)
        static let otherHead = Flags(rawValue: 1 << 14)
        static let administration = Flags(rawValue: 1 << 15)
        static let possessive = Flags(rawValue: 1 << 16)
        static let pronoun = Flags(rawValue: 1 << 17)
        static let givenName = Flags(rawValue: 1 << 18)
        static let familyName = Flags(rawValue: 1 << 19)
        static let regnal = Flags(rawValue: 1 << 20)
        static let placePrefix = Flags(rawValue: 1 << 21)
        static let placeModifier = Flags(rawValue: 1 << 22)
        /// A company's legal form ("Co", "Inc", "Ltd", "AG").
        static let companySuffix = Flags(rawValue: 1 << 23)
        /// A noun that, after a one-word name, makes it an organisation ("Qantas engineers").
        static let organizationAfter = Flags(rawValue: 1 << 24)
        /// A noun that, before a one-word name, makes it an organisation ("rival Ansett").
        static let organizationBefore = Flags(rawValue: 1 << 25)
        /// A noun that, before "of"/"in" and a name, makes it an organisation ("shares of Amtrak").
        static let organizationOf = Flags(rawValue: 1 << 26)
        /// A capitals-only abbreviation that names no organisation ("GDP", "CEO").
        static let plainAcronym = Flags(rawValue: 1 << 27)
        /// A business noun that, right before a name, makes it a business's whatever its words
        /// look like ("retailer Harris Scarfe").
        static let companyBefore = Flags(rawValue: 1 << 28)
        /// An occupation that, before "at"/"with" and a name, makes it the employer ("analysts at Peel Hunt").
        static let occupationAt = Flags(rawValue: 1 << 29)
        /// The head noun of an apposition that makes the name before it an organisation
        /// ("McAfee.com, a … software company,").
        static let organizationApposition = Flags(rawValue: 1 << 30)
        /// A month written short ("Jan", "Jun"): some are given names too ("Jan Dahl").
        static let monthAbbreviation = Flags(rawValue: 1 << 31)
    }

    /// What a gazetteer phrase stands for.
    enum Target: Equatable, Sendable {
        /// A named entry (index into `gazetteer.entries`).
        case entry(Int)
        /// A demonym of an entry.
        case demonym(Int)
        /// A title (index into `gazetteer.roles`).
        case role(Int)

        /// Ties between phrases of the same length go to entries, then demonyms, then titles.
        var rank: Int {
            switch self {
            case .entry: return 0
            case .demonym: return 1
            case .role: return 2
            }
        }
    }

    /// A gazetteer name as a sequence of term ids.
    struct Phrase: Sendable {
        let terms: [UInt32]
        /// Per token: must be written in capitals ("US", "WHO"), because the listed form is.
        let capitals: [Bool]
        /// Whether the first word must start with a capital.
        let capitalStart: Bool
        let target: Target
    }

    /// Small sets of ASCII words the first pass compares units with ("of", "the", the
    /// locatives), as term ids: a term's text equals an ASCII word exactly when its id is the
    /// word's, so a comparison of ids replaces building the term's text and hashing it.
    struct WordSet: Sendable {
        /// The words' term ids (those the lexicon has).
        let ids: [UInt32]
        /// The words as text, for units that are not one token of their own (and for all, were
        /// a word not ASCII).
        let texts: Set<String>
        /// Every word is ASCII, so `ids` decide for a unit of one token.
        let byID: Bool

        init(_ words: Set<String>, lexicon: Lexicon) {
            texts = words
            byID = words.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } }
            ids = words.compactMap { lexicon.id(of: $0).map(UInt32.init) }.sorted()
        }
    }

    /// The function words of `DocumentScan`'s patterns (see `WordSet`).
    struct Words: Sendable {
        let the, to, according, who, by, of, ampersand: WordSet
        /// "and" or "&"; "and" or "or".
        let and, andOr: WordSet
        let atWith, ofIn, ofForIn, ofForOn, co: WordSet
        let locatives, placeNouns: WordSet

        init(lexicon: Lexicon) {
            func set(_ words: Set<String>) -> WordSet { WordSet(words, lexicon: lexicon) }
            the = set(["the"]); to = set(["to"]); according = set(["according"]); who = set(["who"])
            by = set(["by"]); of = set(["of"]); andOr = set(["and", "or"]); ampersand = set(["&"])
            and = set(["and", "&"]); atWith = set(["at", "with"]); ofIn = set(["of", "in"])
            ofForIn = set(["of", "for", "in"]); ofForOn = set(["of", "for", "on"]); co = set(["co", "co."])
            locatives = set(EntityVocabulary.locatives)
            placeNouns = set(EntityVocabulary.placeNouns)
        }
    }

    let lexicon: Lexicon
    let gazetteer: Gazetteer
    /// The function words of the patterns, as term ids.
    let words: Words
    private let flags: [Flags]
    /// One bit a term id from `Self.denseTerms` on: whether it has any flag. Ids are numbered by
    /// frequency, so the rare words (most of a large lexicon) are read here, in a table an
    /// eighth of a byte a term that stays in cache, instead of in `flags` (four bytes a term, a
    /// cache miss for nearly every rare word of a large corpus).
    private let flagged: [UInt64]
    /// Ids below this are common words, read from `flags` directly.
    private static let denseTerms = 1 << 15
    private let phrases: [UInt32: [Phrase]]
    /// Single-word targets by normal form, for the parts of hyphenated words ("US-China").
    private let singleWords: [String: Target]

    init(lexicon: Lexicon, gazetteer: Gazetteer) {
        self.lexicon = lexicon
        self.gazetteer = gazetteer
        words = Words(lexicon: lexicon)
        var flags = [Flags](repeating: [], count: lexicon.count)
        func mark(_ words: some Sequence<String>, _ flag: Flags) {
            for w in words {
                if let id = lexicon.id(of: Tokenizer.norm(w)) { flags[id].insert(flag) }
            }
        }
        mark(EntityVocabulary.connectors, .connector)
        mark(EntityVocabulary.particles, .particle)
        mark(EntityVocabulary.honorifics, .honorific)
        mark(EntityVocabulary.speechVerbsAfter, .speechAfter)
        mark(EntityVocabulary.speechVerbsBefore, .speechBefore)
        mark(EntityVocabulary.modifiers, .modifier)
        mark(EntityVocabulary.articles, .article)
        mark(Stopwords.english.words, .stopword)
        mark(Abbreviations.starterWords, .stopword)
        mark(gazetteer.nonNames, .nonName)
        mark(gazetteer.givenNames, [.nameWord, .givenName])
        mark(gazetteer.familyNames, [.nameWord, .familyName])
        mark(EntityVocabulary.regnalTitles, .regnal)
        mark(EntityVocabulary.placePrefixes, .placePrefix)
        mark(EntityVocabulary.placeModifiers, .placeModifier)
        mark(EntityVocabulary.organizationHeads, .organizationHead)
        mark(EntityVocabulary.companySuffixes, .companySuffix)
        mark(EntityVocabulary.organizationContextAfter, .organizationAfter)
        mark(EntityVocabulary.organizationContextBefore, .organizationBefore)
        mark(EntityVocabulary.organizationOfNouns, .organizationOf)
        mark(EntityVocabulary.companyNounsBefore, .companyBefore)
        mark(EntityVocabulary.occupationsAt, .occupationAt)
        mark(EntityVocabulary.organizationAppositionHeads, .organizationApposition)
        mark(EntityVocabulary.nonOrganizationAcronyms, .plainAcronym)
        mark(EntityVocabulary.placeHeads, .placeHead)
        mark(EntityVocabulary.eventHeads, .eventHead)
        mark(EntityVocabulary.otherHeads, .otherHead)
        mark(EntityVocabulary.administrationWords, .administration)
        mark(["'s", "'"], .possessive)
        mark(EntityVocabulary.personPronouns, .pronoun)
        mark(DateLexicon.monthAbbreviations.keys, .monthAbbreviation)

        var phrases: [UInt32: [Phrase]] = [:]
        var singleWords: [String: Target] = [:]
        func addPhrase(_ text: String, _ target: Target, capitalStart: Bool) {
            let words = Tokenizer.words(in: text)
            guard !words.isEmpty else { return }
            if words.count == 1 {
                // Parts of hyphenated words ("Sino" in "Sino-US") are never tokens of their own.
                let n = Tokenizer.norm(words[0])
                if let old = singleWords[n], old.rank <= target.rank {} else { singleWords[n] = target }
            }
            var terms: [UInt32] = []
            var capitals: [Bool] = []
            for w in words {
                guard let id = lexicon.id(of: Tokenizer.norm(w)) else { return }
                terms.append(UInt32(id))
                capitals.append(Self.isAllCapitals(w))
            }
            let phrase = Phrase(terms: terms, capitals: capitals, capitalStart: capitalStart, target: target)
            phrases[terms[0], default: []].append(phrase)
            flags[Int(terms[0])].insert(.phraseStart)
        }
        for (i, entry) in gazetteer.entries.enumerated() {
            addPhrase(entry.name, .entry(i), capitalStart: true)
            for a in entry.aliases { addPhrase(a, .entry(i), capitalStart: true) }
            for d in entry.demonyms { addPhrase(d, .demonym(i), capitalStart: true) }
        }
        for (i, role) in gazetteer.roles.enumerated() {
            addPhrase(role.title, .role(i), capitalStart: role.capitalizedOnly)
        }
        for key in phrases.keys {
            phrases[key]?.sort { a, b in
                a.terms.count != b.terms.count ? a.terms.count > b.terms.count : a.target.rank < b.target.rank
            }
        }
        var flagged = [UInt64](repeating: 0, count: (flags.count + 63) / 64)
        for (t, f) in flags.enumerated() where !f.isEmpty { flagged[t >> 6] |= 1 << UInt64(t & 63) }
        self.flags = flags
        self.flagged = flagged
        self.phrases = phrases
        self.singleWords = singleWords
    }

    /// The flags of a term id (none for ids outside the lexicon).
    @inline(__always)
    func flags(_ term: UInt32) -> Flags {
        let t = Int(term)
        guard t < flags.count else { return [] }
        if t >= Self.denseTerms && flagged[t >> 6] & (1 << UInt64(t & 63)) == 0 { return [] }
        return flags[t]
    }

    /// The flags of a word given as text (for words that are not tokens of their own).
    func flags(norm: String) -> Flags {
        guard let id = lexicon.id(of: norm) else { return [] }
        return flags(UInt32(id))
    }

    /// The gazetteer phrases that start with `term`, longest first.
    @inline(__always)
    func phrases(startingWith term: UInt32) -> [Phrase] {
        phrases[term] ?? []
    }

    /// What a single word (a part of a hyphenated word) names in the gazetteer, if anything.
    func singleWordTarget(_ norm: String) -> Target? {
        singleWords[norm]
    }

    /// Whether a word is written all in capitals and has a letter ("US", "U.S.", "CCTV", "G20").
    static func isAllCapitals(_ word: String) -> Bool {
        var letters = 0
        for scalar in word.unicodeScalars where scalar.properties.isAlphabetic {
            if scalar.properties.isLowercase { return false }
            letters += 1
        }
        return letters > 0
    }
}

/// How often each term is written lowercase and capitalised mid-sentence across the corpus.
///
/// This is the corpus-wide evidence for sentence-initial words: "Despite" at the start of a
/// sentence is not a name because "despite" is common elsewhere; "Blinken" is a name because it
/// is capitalised wherever it appears.
struct CaseEvidence: Sendable {
    /// Occurrences starting with a lowercase letter, by term id.
    var lower: [UInt32]
    /// Capitalised occurrences not at a sentence start, outside headings, by term id.
    var capitalizedMid: [UInt32]

    init(count: Int) {
        lower = [UInt32](repeating: 0, count: count)
        capitalizedMid = [UInt32](repeating: 0, count: count)
    }

    /// Adds another tally of the same lexicon.
    mutating func add(_ other: CaseEvidence) {
        for i in 0..<min(lower.count, other.lower.count) {
            lower[i] &+= other.lower[i]
            capitalizedMid[i] &+= other.capitalizedMid[i]
        }
    }

    /// The word is mostly an ordinary lowercase word ("despite", "military", "seeking").
    func isMostlyLowercase(_ term: UInt32?) -> Bool {
        guard let term, Int(term) < lower.count else { return false }
        return lower[Int(term)] > capitalizedMid[Int(term)]
    }

    /// The word is capitalised mid-sentence somewhere, at least as often as it is lowercase.
    func isCapitalizedElsewhere(_ term: UInt32?) -> Bool {
        guard let term, Int(term) < lower.count else { return false }
        let caps = capitalizedMid[Int(term)]
        return caps > 0 && caps >= lower[Int(term)]
    }
}
