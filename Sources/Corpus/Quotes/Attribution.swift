/// A speaker phrase as the attribution writes it.
struct SpeakerPhrase: Hashable, Sendable {
    /// What sort of phrase it is, which decides how it is resolved.
    enum Kind: Hashable, Sendable {
        /// "he", "she" (resolved from the context), "they", "we", "I".
        case pronoun
        /// Holds a capitalised word: a name, a title and a name ("UN spokesman Stephane Dujarric").
        case name
        /// "the official", "China’s foreign minister": someone mentioned before.
        case definite
        /// "a senior State Department official": someone new, with no name.
        case indefinite
        /// An institution or a plural ("US officials", "the ministry"): never one person.
        case group
    }

    /// Token indices of the phrase.
    var tokens: Range<Int>
    /// The phrase as written.
    var text: String
    var kind: Kind
    /// The last word, lowercased ("official", "ward").
    var head: String
}

/// How a quote came to be attributed.
struct Attribution: Hashable, Sendable {
    enum Pattern: Hashable, Sendable {
        /// `X said, "…"`, `X added: "…"`, `Sun said "Xi…`.
        case leadIn
        /// `According to X, "…"`.
        case according
        /// `The message was clear: "…"` (a colon with no verb: a full quote, no speaker).
        case colon
        /// `"…," said X` / `"…," wrote X`.
        case tailVerbFirst
        /// `"…," X said` / `"…," he told reporters` / `"…", X was quoted as saying`.
        case tailSubjectFirst
        /// `"…," according to X`.
        case tailAccording
        /// Reported speech around a quote in the same sentence: `X said the visit should "…"`.
        case reported
    }

    var pattern: Pattern
    var verb: String? = nil
    var speaker: SpeakerPhrase? = nil

    /// Whether the attribution is joined to the quote (which makes the quote a full one).
    var isLeadIn: Bool { pattern == .leadIn || pattern == .according || pattern == .colon }
    var isTail: Bool { pattern == .tailVerbFirst || pattern == .tailSubjectFirst || pattern == .tailAccording }
}

/// Stage 3: attribution patterns over the tokens around a quote.
struct AttributionFinder {
    let source: QuoteSource
    let verbs: AttributionVerbs

    typealias Words = AttributionWords

    // MARK: - Patterns

    /// An attribution that leads into the quote: `X said, "`, `X added: "`, `According to X, "`.
    /// `window` is the clause before the opening mark (from the sentence start or the end of
    /// the previous quote in the sentence).
    func lead(open: Int, window: Range<Int>, quoteStartsUppercase: Bool) -> Attribution? {
        guard window.lowerBound < open else { return nil }
        var end = open
        var punct: UInt8?
        if source.isPunct(end - 1, 0x2C) || source.isPunct(end - 1, 0x3A) {
            punct = source.text.base[source.tokens[end - 1].start]
            end -= 1
        }
        let start = window.lowerBound
        guard start < end else { return punct == 0x3A ? Attribution(pattern: .colon) : nil }
        // According to X, "…"
        if punct == 0x2C, let a = accordingTo(in: start..<end),
           a == start || source.isPunct(a - 1, 0x2C) {
            let phrase = forwardPhrase(from: a + 2, limit: end)
            return Attribution(pattern: .according, verb: "according to", speaker: phrase)
        }
        // X said, "…" — the last attribution verb of the clause, with at most a short complement
        // after it ("told reporters on Wednesday", "said in a statement").
        var v = end - 1
        var found: (index: Int, verb: String)?
        while v >= start && end - v <= 16 {
            if let verb = verb(at: v, limit: end) { found = (v, verb); break }
            if source.tokens[v].kind == .punct && !source.isPossessive(v) && !source.isPunct(v, 0x2C) { break }
            v -= 1
        }
        guard let (verbIndex, verb) = found else { return punct == 0x3A ? Attribution(pattern: .colon) : nil }
        let complement = complementLength(after: verbIndex, verb: verb, end: end)
        if punct == nil {
            // `told Reuters "We have …"`: "told" may name its listener before the quote.
            let listener = (verb == "told" || verb == "tells") && complement <= 2
            guard complement == 0 || listener, quoteStartsUppercase else { return nil }
        } else {
            // A colon introduces a quotation even after a long complement ("said on Tuesday in
            // an interview with the Financial Times:"); a comma only after a short one.
            guard complement <= (punct == 0x3A ? 14 : 6) else { return punct == 0x3A ? Attribution(pattern: .colon) : nil }
        }
        for k in (verbIndex + 1)..<max(verbIndex + 1, end) where source.lower(k) == "that" { return nil }
        let phrase = subject(ofVerb: verbIndex, verb: verb, clauseStart: start)
        if phrase == nil && punct == nil { return nil }
        return Attribution(pattern: .leadIn, verb: verb, speaker: phrase)
    }

    /// An attribution that follows the quote: `"…," X said`, `"…," said X`, `"…," according to X`.
    /// `windowEnd` is the end of the sentence (or the next quote's opening mark).
    func tail(close: Int, windowEnd: Int) -> Attribution? {
        var k = close + 1
        guard k < windowEnd else { return nil }
        // The quote must be joined to what follows: `,"` `?"` `!"` `",` or a word right after it.
        var joined = close > 0 && (source.isPunct(close - 1, 0x2C) || source.isPunct(close - 1, 0x3F)
            || source.isPunct(close - 1, 0x21))
        if source.isPunct(k, 0x2C) || isDash(k) {
            joined = true
            k += 1
        }
        guard k < windowEnd else { return nil }
        if !joined {
            // `"…" he said` / `"…" said X`: only a word straight after, and not after a full stop.
            guard source.tokens[k].kind == .word, close == 0 || !source.isPunct(close - 1, 0x2E) else { return nil }
        }
        if accordingTo(in: k..<min(windowEnd, k + 2)) == k {
            return Attribution(pattern: .tailAccording, verb: "according to", speaker: forwardPhrase(from: k + 2, limit: windowEnd))
        }
        // "…," said X; « … », a déclaré à l'AFP X
        var verbAt = k
        if AttributionVerbs.frenchAuxiliaries.contains(source.lower(k)), k + 1 < windowEnd,
           let french = verb(at: k + 1, limit: windowEnd), AttributionVerbs.french.contains(french) {
            verbAt = k + 1
        }
        if let verb = verb(at: verbAt, limit: windowEnd), !AttributionVerbs.isParticiple(verb), verb != "told", verb != "tells" {
            // "said said Thomas McKiernan": a doubled verb (a typing slip) is one verb.
            var from = verbAt + 1
            if from < windowEnd, self.verb(at: from, limit: windowEnd) == verb { from += 1 }
            if AttributionVerbs.french.contains(verb) { from = afterFrenchComplement(from, limit: windowEnd) }
            if let phrase = forwardPhrase(from: from, limit: windowEnd) {
                return Attribution(pattern: .tailVerbFirst, verb: verb,
                                   speaker: appositiveName(after: phrase, limit: windowEnd) ?? phrase)
            }
        }
        // "…," X said
        var j = k
        while j < windowEnd && j < k + 24 {
            if let verb = verb(at: j, limit: windowEnd) {
                guard !AttributionVerbs.isParticiple(verb) || verb == "quoted as saying" else { return nil }
                // The subject opens the clause, or is the name a description before it introduces
                // (`"…," Equinor's head of projects, Kjetil Haugland, told`).
                guard let phrase = subject(ofVerb: j, verb: verb, clauseStart: k),
                      phrase.tokens.lowerBound == k
                        || phrase.kind == .name && phrase.tokens.lowerBound > k && source.isPunct(phrase.tokens.lowerBound - 1, 0x2C)
                else { return nil }
                return Attribution(pattern: .tailSubjectFirst, verb: verb, speaker: phrase)
            }
            let t = source.tokens[j]
            if t.kind == .punct && !source.isPunct(j, 0x2C) && !source.isPossessive(j) { return nil }
            j += 1
        }
        return nil
    }

    /// Reported speech in the quote's sentence: the nearest attribution verb before the quote
    /// with a subject (`Wang Wenbin said the United States should "…"`, `officials …, stating
    /// that "…"`), or `according to X` at a clause start. `skip` holds token ranges of other
    /// quotes, whose words are not the writer's.
    /// With `anyVerb`, every verb of the table counts, not only those that report speech
    /// whatever follows them (used to spot the writer's narration).
    func reported(before open: Int, sentenceStart: Int, skip: [Range<Int>], anyVerb: Bool = false) -> Attribution? {
        var v = open - 1
        var steps = 0
        while v >= sentenceStart && steps < 120 {
            steps += 1
            if let range = skip.first(where: { $0.contains(v) }) {
                v = range.lowerBound - 1
                continue
            }
            if source.lower(v) == "according", v + 1 < open, source.lower(v + 1) == "to",
               v == sentenceStart || source.isPunct(v - 1, 0x2C) {
                if let phrase = forwardPhrase(from: v + 2, limit: open) {
                    return Attribution(pattern: .reported, verb: "according to", speaker: phrase)
                }
            }
            if let verb = verb(at: v, limit: open),
               anyVerb || AttributionVerbs.speechForms.contains(verb) || names(verb: verb, at: v, quoteAt: open)
                || (v + 1 < open && source.lower(v + 1) == "that") {
                if let phrase = subject(ofVerb: v, verb: verb, clauseStart: sentenceStart) {
                    return Attribution(pattern: .reported, verb: verb, speaker: phrase)
                }
                // ", said Mr. Russell, vice president of …"
                if v > sentenceStart, source.isPunct(v - 1, 0x2C), !AttributionVerbs.isParticiple(verb),
                   let phrase = forwardPhrase(from: v + 1, limit: open) {
                    return Attribution(pattern: .reported, verb: verb, speaker: phrase)
                }
            }
            v -= 1
        }
        return nil
    }

    // MARK: - Verbs

    /// Whether the verb at `v` names what the quote at `open` says: a naming verb
    /// (`AttributionVerbs.namingForms`) with its object and the quote close after it (at most 8
    /// words: `called the measure "…"`, `described conditions in Australia as "…"`), and not a
    /// phrasal use (`called for a "…"`, `called on`, `called off`).
    func names(verb: String, at v: Int, quoteAt open: Int) -> Bool {
        guard AttributionVerbs.namingForms.contains(verb), v + 1 < open else { return false }
        if ["for", "on", "off", "up", "in", "back", "out"].contains(source.lower(v + 1)) { return false }
        var words = 0
        for k in (v + 1)..<open where source.tokens[k].kind == .word { words += 1 }
        return words <= 8
    }

    /// The attribution verb at token `i` (lowercased), or nil. "quoted" counts when "as saying"
    /// follows (`was quoted by Al-Jazeera as saying`); a verb after "to" (`to say`) does not.
    func verb(at i: Int, limit: Int) -> String? {
        guard i >= 0, i < source.tokens.count, source.isLowercaseWord(i) else { return nil }
        let word = source.lower(i)
        if word == "quoted" {
            var k = i + 1
            while k + 1 < limit && k <= i + 6 {
                if source.lower(k) == "as" && source.lower(k + 1) == "saying" { return "quoted as saying" }
                k += 1
            }
            return nil
        }
        guard verbs.contains(word) else { return nil }
        if i > 0 && source.lower(i - 1) == "to" { return nil }
        if word == "saying" && i > 0 && source.lower(i - 1) == "as" { return nil }  // part of "quoted … as saying"
        return word
    }

    /// How many tokens follow a lead-in verb before the quote's punctuation, or a large number
    /// when they cannot be a short complement ("told reporters on Wednesday" is 3).
    private func complementLength(after verbIndex: Int, verb: String, end: Int) -> Int {
        var k = verbIndex + 1
        var count = 0
        while k < end {
            let t = source.tokens[k]
            if t.kind == .punct && !source.isPunct(k, 0x2C) { return 99 }
            if self.verb(at: k, limit: end) != nil { return 99 }
            count += 1
            k += 1
        }
        if verb == "quoted as saying" { return 0 }
        return count
    }

    /// The index of "according" in "according to" inside `range`, or nil.
    private func accordingTo(in range: Range<Int>) -> Int? {
        var i = range.lowerBound
        while i + 1 < range.upperBound + 1 && i + 1 < source.tokens.count {
            if source.lower(i) == "according" && source.lower(i + 1) == "to" { return i }
            i += 1
            if i >= range.upperBound { break }
        }
        return nil
    }

    private func isDash(_ i: Int) -> Bool {
        let t = source.tokens[i]
        guard t.kind == .punct else { return false }
        let b = source.text.base
        if t.length == 3 && b[t.start] == 0xE2 && b[t.start + 1] == 0x80 && (b[t.start + 2] == 0x93 || b[t.start + 2] == 0x94) {
            return true
        }
        return false
    }

    // MARK: - Speaker phrases

    /// Past the complement that French copy writes between the verb and the speaker (`à l'AFP`,
    /// `au Monde`, `à la presse`): from `à`/`au`/`aux` to the first word written like a name
    /// (a capital, then a lowercase letter), at most five tokens on; `start` when there is none.
    func afterFrenchComplement(_ start: Int, limit: Int) -> Int {
        guard start < limit, ["à", "au", "aux"].contains(source.lower(start)) else { return start }
        var k = start + 1
        while k < limit && k <= start + 5 {
            let t = source.tokens[k]
            if t.kind == .word, source.isCapitalised(k), t.length > 1, source.text.isLowercase(at: t.start + 1) { return k }
            k += 1
        }
        return start
    }

    /// The subject of the verb at `verbIndex`: the phrase before it (`UN spokesman Stephane
    /// Dujarric told`), the name before an appositive (`Jonathan Ward, author of …, said`), or
    /// for a participle the subject of the sentence (`US officials downplayed …, stating`).
    func subject(ofVerb verbIndex: Int, verb: String, clauseStart: Int) -> SpeakerPhrase? {
        if AttributionVerbs.isParticiple(verb) && verb != "quoted as saying" {
            return sentenceSubject(from: clauseStart, limit: verbIndex)
        }
        var i = verbIndex - 1
        var nearest = true
        // "Patrice Vergnaud a jugé": the French auxiliary of a French participle.
        if i >= clauseStart, AttributionVerbs.french.contains(verb), AttributionVerbs.frenchAuxiliaries.contains(source.lower(i)) {
            i -= 1
            nearest = false
        }
        while i >= clauseStart, source.tokens[i].kind == .word, Words.auxiliaries.contains(source.lower(i)) {
            if nearest && Words.passive.contains(source.lower(i)) && verb != "quoted as saying" { return nil }
            nearest = false
            i -= 1
        }
        guard i >= clauseStart else { return nil }
        if source.isPunct(i, 0x2C) { return appositiveSubject(clauseStart..<i) }
        // "Britain's Queen Elizabeth II, who said …"
        if source.lower(i) == "who" && i - 1 > clauseStart && source.isPunct(i - 1, 0x2C) {
            return backwardPhrase(end: i - 2, floor: clauseStart)
        }
        return backwardPhrase(end: i, floor: clauseStart)
    }

    /// `Jonathan Ward, author of The Decisive Decade, a book about …, said`: the first comma-separated
    /// piece of the clause that reads as a speaker phrase, after any opening adverbial (`On
    /// Wednesday Qin Gang, China’s foreign minister, told`).
    func appositiveSubject(_ clause: Range<Int>) -> SpeakerPhrase? {
        var pieceStart = clause.lowerBound
        var k = clause.lowerBound
        while k <= clause.upperBound {
            if k == clause.upperBound || source.isPunct(k, 0x2C) {
                var s = pieceStart
                while s < k && source.tokens[s].kind == .word && isAdverbialWord(s) { s += 1 }
                if s < k, let phrase = forwardPhrase(from: s, limit: k), phrase.tokens.upperBound == k {
                    return appositiveName(after: phrase, limit: clause.upperBound) ?? phrase
                }
                pieceStart = k + 1
            }
            k += 1
        }
        return nil
    }

    /// The subject at the start of a sentence, after an opening adverbial (`However, US officials`).
    func sentenceSubject(from start: Int, limit: Int) -> SpeakerPhrase? {
        var s = start
        for _ in 0..<2 {
            guard s < limit, source.tokens[s].kind == .word, Words.adverbialStarters.contains(source.lower(s)) else { break }
            var k = s
            while k < limit && !source.isPunct(k, 0x2C) { k += 1 }
            guard k < limit else { break }
            s = k + 1
        }
        while s < limit && source.tokens[s].kind == .word && Words.openingConjunctions.contains(source.lower(s)) { s += 1 }
        return forwardPhrase(from: s, limit: limit)
    }

    /// A speaker phrase read backwards from token `end` (inclusive), not before `floor`.
    func backwardPhrase(end: Int, floor: Int) -> SpeakerPhrase? {
        guard end >= floor, end < source.tokens.count else { return nil }
        if source.tokens[end].kind == .word && Words.pronouns.contains(source.lower(end)) {
            return phrase(end..<(end + 1))
        }
        if let described = describedSomeone(end: end, floor: floor) { return described }
        var j = end
        var start = end + 1
        while j >= floor {
            let t = source.tokens[j]
            let w = source.lower(j)
            if source.isPossessive(j) || (t.kind == .word && (source.isCapitalised(j) || isPhraseWord(w)))
                || (t.kind == .number && w.hasSuffix("-old")) {
                if t.kind == .word && Words.pronouns.contains(w) { break }
                start = j
                j -= 1
                continue
            }
            if t.kind == .word && Words.determiners.contains(w) && start <= end {
                start = j
                // "one commentator for the state broadcaster CCTV": the phrase goes on before a preposition.
                if j - 2 >= floor, Words.phrasePrepositions.contains(source.lower(j - 1)),
                   source.isCapitalised(j - 2) || Words.personNouns.contains(source.lower(j - 2)) {
                    j -= 1
                    start = j
                    j -= 1
                    continue
                }
                break
            }
            if t.kind == .word && Words.phrasePrepositions.contains(w) && start <= end && j - 1 >= floor,
               source.isCapitalised(j - 1) || Words.personNouns.contains(source.lower(j - 1))
                || Words.groupNouns.contains(source.lower(j - 1)) {
                start = j
                j -= 1
                continue
            }
            break
        }
        guard start <= end else { return nil }
        // Drop a sentence-opening conjunction or adverb the capitalised run swept up ("But Smith").
        while start <= end && source.tokens[start].kind == .word && source.isCapitalised(start)
                && (Words.openingConjunctions.contains(source.lower(start)) || Words.adverbialStarters.contains(source.lower(start))) {
            start += 1
        }
        while start <= end && Words.phrasePrepositions.contains(source.lower(start)) { start += 1 }
        guard start <= end else { return nil }
        return phrase(start..<(end + 1))
    }

    /// `an arbitrageur said`, `one floor trader said`, `a Salomon syndicate official said`: a
    /// noun right before the verb (the word lists need not know it), after an indefinite
    /// determiner at most three words back: someone new, described.
    func describedSomeone(end: Int, floor: Int) -> SpeakerPhrase? {
        guard source.isLowercaseWord(end), source.tokens[end].length >= 4,
              !Words.auxiliaries.contains(source.lower(end)) else { return nil }
        var j = end - 1
        while j >= floor && end - j <= 3 {
            guard source.tokens[j].kind == .word else { return nil }
            let w = source.lower(j)
            if ["a", "an", "one", "another"].contains(w) {
                if j > floor && source.tokens[j - 1].kind == .word && !Words.openingConjunctions.contains(source.lower(j - 1))
                    && !Words.adverbialStarters.contains(source.lower(j - 1)) {
                    return nil  // "… gave a speech said": not the subject
                }
                return phrase(j..<(end + 1))
            }
            if Words.determiners.contains(w) || Words.pronouns.contains(w) || Words.auxiliaries.contains(w) { return nil }
            j -= 1
        }
        return nil
    }

    /// `our chief economist, Lionel Brathwaite,`: a description followed by the name of the one
    /// it describes; the name, or nil.
    func appositiveName(after phrase: SpeakerPhrase, limit: Int) -> SpeakerPhrase? {
        guard phrase.kind == .definite || phrase.kind == .indefinite else { return nil }
        let comma = phrase.tokens.upperBound
        guard comma + 1 < limit, source.isPunct(comma, 0x2C), source.isCapitalised(comma + 1),
              let name = forwardPhrase(from: comma + 1, limit: limit), name.kind == .name,
              name.tokens.allSatisfy({ source.isCapitalised($0) || source.tokens[$0].length <= 3 }) else { return nil }
        let after = name.tokens.upperBound
        guard after >= limit || source.isPunct(after, 0x2C) || source.isSentenceEnd(after) else { return nil }
        return name
    }

    /// A speaker phrase read forwards from token `start`, not reaching `limit`.
    func forwardPhrase(from start: Int, limit: Int) -> SpeakerPhrase? {
        guard start < limit, start < source.tokens.count else { return nil }
        if source.tokens[start].kind == .word && Words.pronouns.contains(source.lower(start)) {
            return phrase(start..<(start + 1))
        }
        var j = start
        var end = start
        var afterPreposition = false
        var lastWasPersonNoun = false
        while j < limit {
            let t = source.tokens[j]
            if source.isPossessive(j) {
                end = j + 1
                j += 1
                continue
            }
            let w = source.lower(j)
            if t.kind == .number && w.hasSuffix("-old") {  // "the 45-year-old"
                end = j + 1
                lastWasPersonNoun = true
                j += 1
                continue
            }
            guard t.kind == .word else { break }
            if source.isCapitalised(j) {
                if j > start && (Words.pronouns.contains(w) || source.lineBreak(between: j - 1, and: j)) { break }
                end = j + 1
                lastWasPersonNoun = false
            } else if (j == start || afterPreposition) && Words.determiners.contains(w) {
                end = j + 1
            } else if isPhraseWord(w) {
                end = j + 1
                lastWasPersonNoun = Words.personNouns.contains(w)
            } else if lastWasPersonNoun && ["of", "for", "with", "at"].contains(w) && j + 1 < limit
                        && (source.isCapitalised(j + 1) || Words.determiners.contains(source.lower(j + 1))) {
                afterPreposition = true
                lastWasPersonNoun = false
                j += 1
                continue
            } else {
                break
            }
            afterPreposition = false
            j += 1
        }
        guard end > start else { return nil }
        return phrase(start..<end)
    }

    /// Lowercase words that may stand inside a speaker phrase.
    private func isPhraseWord(_ w: String) -> Bool {
        Words.personNouns.contains(w) || Words.groupNouns.contains(w) || Words.modifiers.contains(w)
            || (w.contains("-") && !w.hasPrefix("-"))
    }

    /// Whether token `i` opens an adverbial (`On`, `Wednesday`, `Prior`).
    private func isAdverbialWord(_ i: Int) -> Bool {
        Words.adverbialStarters.contains(source.lower(i))
            || ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                "october", "november", "december", "week", "month", "year"].contains(source.lower(i))
    }

    /// A phrase over `range` with its kind, or nil when it cannot be a speaker.
    func phrase(_ range: Range<Int>) -> SpeakerPhrase? {
        guard !range.isEmpty, range.upperBound <= source.tokens.count else { return nil }
        // Trim trailing possessives and prepositions.
        var r = range
        while r.count > 1 && (source.isPossessive(r.upperBound - 1) || Words.phrasePrepositions.contains(source.lower(r.upperBound - 1))
                              || Words.determiners.contains(source.lower(r.upperBound - 1))) {
            r = r.lowerBound..<(r.upperBound - 1)
        }
        let first = source.lower(r.lowerBound)
        let head = source.lower(r.upperBound - 1)
        if r.count == 1 && Words.determiners.contains(first) { return nil }  // "according to a transcript …": "a" is no one
        let text = source.string(source.tokens[r.lowerBound].start..<source.tokens[r.upperBound - 1].end)
        if r.count == 1 && Words.pronouns.contains(first) {
            return SpeakerPhrase(tokens: r, text: text, kind: .pronoun, head: head)
        }
        let firstIsDeterminer = Words.determiners.contains(first)
        let hasName = r.contains { source.isCapitalised($0) && !($0 == r.lowerBound && firstIsDeterminer) }
        let personHead = Words.personNouns.contains(head) || head.hasSuffix("-year-old")
        let plural = personHead && head.hasSuffix("s") && !head.hasSuffix("ss") || ["people", "men", "women", "police"].contains(head)
        if firstIsDeterminer && Words.indefinite.contains(first) {
            // Someone new ("a senior State Department official", "one commentator for CCTV").
            return SpeakerPhrase(tokens: r, text: text, kind: plural ? .group : .indefinite, head: head)
        }
        if (Words.groupNouns.contains(head) && !personHead) || (personHead && plural) {
            // An institution or a plural, whatever names it holds ("the Biden administration", "US officials").
            return SpeakerPhrase(tokens: r, text: text, kind: .group, head: head)
        }
        if hasName && !(personHead && firstIsDeterminer) {
            return SpeakerPhrase(tokens: r, text: text, kind: .name, head: head)
        }
        if personHead {
            return SpeakerPhrase(tokens: r, text: text, kind: plural ? .group : .definite, head: head)
        }
        if Words.groupNouns.contains(head) || hasName {
            return SpeakerPhrase(tokens: r, text: text, kind: .group, head: head)
        }
        return nil
    }
}
