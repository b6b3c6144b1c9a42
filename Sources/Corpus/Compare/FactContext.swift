/// What a sentence's facts are about: the names the sentence uses, the one it is about (its
/// actor: the first name of the sentence, after any dateline), and the content words around each
/// fact (its attribute: "offer" for "offered 42 dlrs a share", "meet" for "meets in Vienna on
/// April 9", "kill" for "killed seven workers").
///
/// `ConflictFinder` compares two facts only when their sentences are about the same subject —
/// each sentence's actor is among the other's names — and the facts share an attribute word (or
/// one of them has none, which makes the conflict uncertain). Two companies' posted prices, or a
/// deadline and a meeting date in one story, are then not compared.
struct FactContext {
    /// The words of every name in the sentence (lower case, without a possessive 's).
    let nameWords: Set<String>
    /// Every name of the sentence, its words joined by a space ("new south wales").
    let names: Set<String>
    /// The words of the actor, the first name after the dateline; empty when the sentence names none.
    let actor: Set<String>
    let tokens: SentenceTokens

    /// `known`: words seen capitalised inside sentences (not first) of the compared sentences, so a
    /// one-word name opening a sentence ("Tessaly said …") is told from a capitalised first word.
    init(_ tokens: SentenceTokens, known: Set<String>) {
        self.tokens = tokens
        let runs = FactContext.names(tokens, known: known)
        nameWords = Set(runs.flatMap { $0.words })
        names = Set(runs.map { $0.words.joined(separator: " ") })
        // "In 1903, he received the Nobel Prize …": a pronoun before the first name is the
        // subject, and the name an object; the sentence names no subject.
        // The actor is the first name that is not a place after a preposition ("in the West Bank",
        // "on New South Wales roads").
        let actorRun = runs.firstIndex { run in
            var k = run.start - 1
            while k >= 0, ["the", "a", "an"].contains(tokens.norms[k]) { k -= 1 }
            return k < 0 || !FactContext.locatives.contains(tokens.norms[k])
        }
        let first = actorRun.map { runs[$0].start } ?? tokens.count
        let pronounFirst = (FactContext.bodyStart(tokens)..<first).contains { FactContext.pronouns.contains(tokens.norms[$0]) }
        var actor = pronounFirst ? [] : Set(actorRun.map { runs[$0].words } ?? [])
        // "Sheikh Khalid said OPEC's pricing committee …": the reported clause's subject too.
        if !pronounFirst, let a = actorRun, a + 1 < runs.count, let verb = runs[a].reportedBy, runs[a + 1].start <= verb + 2 {
            actor.formUnion(runs[a + 1].words)
        }
        self.actor = actor
    }

    /// Whether the sentence names what it is about.
    var namesSubject: Bool { !actor.isEmpty }

    /// Whether two sentences are about the same subject: each one's actor is among the other's
    /// names ("Harlan offered 42 dlrs for Tessaly" / "Tessaly received an offer of 44 dlrs from
    /// Harlan"), or their actors share a word. Unknown (nil) when either names none.
    ///
    /// Actors that each have a word the other sentence does not use are two subjects even when
    /// they share one ("Pope Alexander VI" / "Pope Boniface VIII"; "the Pinwheel Galaxy" / "the
    /// Triangulum Galaxy").
    func sameSubject(as other: FactContext) -> Bool? {
        FactContext.sameSubject(actor, nameWords, other.actor, other.nameWords)
    }

    /// `sameSubject(as:)` on two sentences' actors and name words.
    static func sameSubject(_ actor: Set<String>, _ nameWords: Set<String>,
                            _ otherActor: Set<String>, _ otherNameWords: Set<String>) -> Bool? {
        guard !actor.isEmpty, !otherActor.isEmpty else { return nil }
        let other = (actor: otherActor, nameWords: otherNameWords)
        if !actor.isSubset(of: other.nameWords) && !other.actor.isSubset(of: nameWords) { return false }
        if !actor.isDisjoint(with: other.actor) {
            // Actors sharing a word where neither is part of the other are two names ("South
            // Africa" / "New South Wales"; "Pope Alexander VI" / "Pope Boniface VIII").
            return actor.isSubset(of: other.actor) || other.actor.isSubset(of: actor)
        }
        return !actor.isDisjoint(with: other.nameWords) && !other.actor.isDisjoint(with: nameWords)
    }

    /// What a fact is the value of: the stemmed content words next to it — the three nearest before
    /// it (within 8 tokens; the nearest first) and the three nearest after (within 12) — and the
    /// names in that stretch ("in San Francisco in November", "in India in September" are dates
    /// of two events).
    func attribute(of fact: Fact) -> Attribute {
        // A fact plugged in from elsewhere (`ConflictOptions.extraFacts`) says its attribute in its key.
        guard let span = fact.span else { return Attribute(inKey: true) }
        var out = Attribute()
        var before = 0
        var i = span.lowerBound - 1
        while i >= 0, span.lowerBound - i <= 8, before < 3 {
            if let word = contentWord(i) {
                if isName(i) { out.names.insert(word); if let place = place(at: i) { out.places.insert(place) } } else { out.words.append(word); before += 1 }
            }
            i -= 1
        }
        var after = 0
        i = span.upperBound + 1
        while i < tokens.count, i - span.upperBound <= 12, after < 3 {
            if let word = contentWord(i) {
                if isName(i) { out.names.insert(word); if let place = place(at: i) { out.places.insert(place) } } else { out.words.append(word); after += 1 }
            }
            i += 1
        }
        if before > 0 { out.nearest = out.words.first }
        return out
    }

    /// Whether a count is a running total, which grows as the story goes on: "a total of" or
    /// "now" just before it, or "now", "so far", "to date" in the words after it ("14 yachts have
    /// now retired", "the toll has now risen to 30").
    func isRunningTotal(_ fact: Fact) -> Bool {
        guard fact.kind == .number, let span = fact.span else { return false }
        let before = tokens.norms[max(0, span.lowerBound - 4)..<span.lowerBound]
        if before.contains("now") || before.contains("total") { return true }
        let after = Array(tokens.norms[min(tokens.count, span.upperBound + 1)..<min(tokens.count, span.upperBound + 5)])
        if after.contains("now") { return true }
        for k in after.indices.dropLast() where (after[k] == "so" && after[k + 1] == "far") || (after[k] == "to" && after[k + 1] == "date") {
            return true
        }
        return false
    }

    /// The words around a fact (`attribute(of:)`).
    struct Attribute {
        var words: [String] = []
        var names: Set<String> = []
        /// The whole names among `names` that say where (after "in", "on", "from" …: "on Queensland roads").
        var places: Set<String> = []
        /// The nearest word before the fact (usually its verb or noun: "offered", "meets").
        var nearest: String?
        /// The fact's key says it all (a fact from `ConflictOptions.extraFacts`).
        var inKey = false

        /// Whether a content word (or the key) says what the value is of.
        var isNamed: Bool { inKey || !words.isEmpty }

        /// Whether both facts name where they are and the places share no word ("20 people have
        /// died on New South Wales roads" / "Seven people have died on Queensland roads").
        func isPlacedApart(from other: Attribute) -> Bool {
            guard !places.isEmpty, !other.places.isEmpty else { return false }
            let mine = Set(places.flatMap { $0.split(separator: " ") })
            return !other.places.contains { $0.split(separator: " ").contains(where: mine.contains) }
        }

        /// The content words (not names) two facts share around them, the nearest one counting twice.
        func sharedWords(_ other: Attribute) -> Int {
            Set(words).intersection(other.words).count + (nearest != nil && nearest == other.nearest ? 1 : 0)
        }

        /// How strongly two facts are about one attribute: 0 when named and unrelated.
        func score(_ other: Attribute) -> Int {
            if inKey && other.inKey { return 1 }
            let common = Set(words).intersection(other.words).count + names.intersection(other.names).count
            return common * 2 + (nearest != nil && nearest == other.nearest ? 3 : 0)
        }
    }

    /// The name holding name token i when it says where: a run of names after a preposition of
    /// place ("on New South Wales roads" → "new south wales", "in the West Bank"), its words as in
    /// `names`; nil for other names.
    func place(at i: Int) -> String? {
        var k = i - 1
        while k >= 0, isName(k) { k -= 1 }
        let start = k + 1
        var end = i + 1
        while end < tokens.count, isName(end) { end += 1 }
        while k >= 0, ["the", "a", "an"].contains(tokens.norms[k]) { k -= 1 }
        guard k >= 0, FactContext.locatives.contains(tokens.norms[k]) else { return nil }
        let words = (start..<end).map { j -> String in
            var w = tokens.norms[j]
            if w.hasSuffix("'s") { w.removeLast(2) }
            return w
        }.filter { !FactContext.generic.contains($0) }
        return words.isEmpty ? nil : words.joined(separator: " ")
    }

    /// Whether token i is capitalised inside the sentence (a name, not a first word).
    func isName(_ i: Int) -> Bool { i != tokens.firstWord && tokens.isCapitalised(i) }

    /// Token i as an attribute word: a word that is not a stopword, a number, a date word or a
    /// reporting verb ("said"); stemmed and folded by the paraphrase table.
    func contentWord(_ i: Int) -> String? {
        guard tokens.kinds[i] == .word else { return nil }
        var norm = tokens.norms[i]
        if norm.hasSuffix("'s") { norm.removeLast(2) }
        guard norm.count >= 3, !ContentNormalizer.defaultStopwords.contains(norm), NumberWords.value(of: norm) == nil,
              FactExtractor.weekdays[norm] == nil, FactExtractor.months[norm] == nil,
              !FactContext.reporting.contains(norm) else { return nil }
        if isName(i) { return norm }
        let stem = WordStemmer.stem(norm)
        return FactContext.events[stem] ?? ParaphraseTable.news.canonical(stem)
    }

    /// Prepositions of place and time: a name after one is where, not who.
    /// ("at" is left out: "a fire at the Hallstrom plant" is about Hallstrom's plant.)
    static let locatives: Set<String> = ["in", "on", "near", "from", "to", "into", "across", "outside", "inside",
                                         "around", "throughout", "over", "off", "across", "toward", "towards"]

    /// Pronouns that stand for a subject named elsewhere.
    /// ("It" is left out: "It is unlikely that Blinken …" names Blinken.)
    static let pronouns: Set<String> = ["he", "she", "they", "we", "i", "his", "her", "their", "our"]

    /// Words of reporting and of no content for an attribute.
    static let reporting: Set<String> = [
        "said", "says", "say", "told", "tell", "reported", "according", "added", "stated", "announced",
        "would", "will", "could", "also", "its", "his", "her", "their", "about", "last", "next", "this",
    ]

    /// Event words that outlets vary, as one stem ("dead", "died", "killed" → "kill").
    static let events: [String: String] = [
        "dead": "kill", "die": "kill", "died": "kill", "death": "kill", "kill": "kill", "toll": "kill",
        "injur": "injure", "injure": "injure", "wound": "injure", "hurt": "injure",
        "quit": "resign", "resign": "resign", "resignation": "resign",
        "meeting": "meet", "meet": "meet", "talk": "meet",
    ]

    /// The words capitalised inside the sentences (not as their first word).
    static func innerNames(_ sentences: [SentenceTokens]) -> Set<String> {
        var out = Set<String>()
        for t in sentences {
            for i in t.indices where i != t.firstWord && t.kinds[i] == .word && t.isCapitalised(i) { out.insert(t.norms[i]) }
        }
        return out
    }

    /// A run of capitalised words.
    struct Run {
        var words: [String]
        /// Its first token.
        var start: Int
        /// The position of a reporting verb right after it ("Sheikh Khalid said …").
        var reportedBy: Int?
    }

    /// The runs of capitalised words of a sentence, after any dateline (`NEW YORK, Feb 26 -`),
    /// without stopwords, number words, months and weekdays; the words lower case, without 's.
    static func names(_ t: SentenceTokens, known: Set<String>) -> [Run] {
        var runs: [Run] = []
        var current: [String] = []
        var start = 0
        func close(at i: Int) {
            let words = current.filter { !generic.contains($0) }
            if !words.isEmpty {
                let reported = i < t.count && ["said", "says", "told", "tells"].contains(t.norms[i])
                runs.append(Run(words: words, start: start, reportedBy: reported ? i : nil))
            }
            current = []
        }
        for i in bodyStart(t)..<t.count {
            let norm = t.norms[i]
            let isName = t.kinds[i] == .word && t.isCapitalised(i) && !ContentNormalizer.defaultStopwords.contains(norm)
                && NumberWords.value(of: norm) == nil && FactExtractor.weekdays[norm] == nil && FactExtractor.months[norm] == nil
                && !(i == t.firstWord && !known.contains(norm) && !t.isCapitalised(i + 1) && !norm.hasSuffix("'s"))
            // "Polish port", "Baltic city", "Italian police": an adjective of a place, not a name.
            let modifier = isName && current.isEmpty && i + 1 < t.count && t.kinds[i + 1] == .word && !t.isCapitalised(i + 1)
                && demonymEndings.contains { norm.hasSuffix($0) }
            if isName && !modifier {
                var word = norm
                if word.hasSuffix("'s") { word.removeLast(2) }
                if word.count > 2, word.hasSuffix(".") { word.removeLast() }   // "Corp." is "corp"
                if current.isEmpty { start = i }
                current.append(word)
            } else if !(norm == "of" && !current.isEmpty && i + 1 < t.count && t.isCapitalised(i + 1)) {
                close(at: i)
            }
        }
        close(at: t.count)
        return runs
    }

    /// Whether `names` could read the sentence's first word differently as a known word: it is a
    /// capitalised word after any dateline, and none of what keeps a word out of a name whatever
    /// is known (a stopword, number word, weekday or month) nor a possessive (a name either way).
    /// When false, `FactContext(t, known:)` is the same for every `known`.
    static func firstWordMayBeKnownName(_ t: SentenceTokens) -> Bool {
        let i = t.firstWord
        guard i >= 0, i >= bodyStart(t), t.kinds[i] == .word, t.isCapitalised(i) else { return false }
        let norm = t.norms[i]
        return !ContentNormalizer.defaultStopwords.contains(norm) && NumberWords.value(of: norm) == nil
            && FactExtractor.weekdays[norm] == nil && FactExtractor.months[norm] == nil && !norm.hasSuffix("'s")
    }

    /// The first token after a dateline: a capitalised place at the start, then a dash among the
    /// first 16 tokens (`NEW YORK, Feb 26 -`, `ROME, June 11 (Reuters) -`, `WASHINGTON (AP) —`).
    static func bodyStart(_ t: SentenceTokens) -> Int {
        guard t.firstWord == 0, let first = t.surfaces.first, first.count >= 2,
              first == first.uppercased() else { return 0 }
        for i in 1..<min(t.count, 16) where ["-", "--", "—", "–"].contains(t.norms[i]) { return i + 1 }
        return 0
    }

    /// Endings of nationality and regional adjectives ("Polish", "Italian", "Chinese", "Baltic", "Iraqi").
    static let demonymEndings = ["ish", "ian", "ese", "tic", "can", "ean", "ani", "aqi", "eli", "udi", "ch"]

    /// Words of names that say nothing about which one it is (company suffixes, titles).
    static let generic: Set<String> = [
        "inc", "corp", "co", "ltd", "plc", "llc", "group", "the", "mr", "mrs", "ms", "dr", "minister",
        "president", "secretary", "chairman", "chief", "executive", "officer", "spokesman", "spokeswoman",
        "reuters", "reuter", "ap", "afp", "new", "national", "international", "company", "corporation",
    ]
}
