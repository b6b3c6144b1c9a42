/// Stage 4: who a speaker phrase is.
///
/// - A name ("Ward", "UN spokesman Stephane Dujarric", "Mr. Russell") goes to the resolver, run
///   by run and from the fullest form down ("US President Joe Biden", "President Joe Biden", …);
///   a full name the resolver does not know is trusted as written.
/// - "he"/"she" walk back through the same and the previous paragraph: the speaker of the last
///   attributed quote, unless a person named as the subject of a later sentence comes between;
///   else the last person named; else the resolver's `lastPerson`.
/// - A definite description ("the official", "China’s foreign minister") is the speaker of the
///   last quote attributed with the same noun, or the last person named with that role nearby
///   (`Qin Gang, China’s foreign minister`); else nobody.
/// - Indefinite descriptions ("a senior State Department official") and plurals name nobody:
///   the quote keeps the description. A later "he said" or "the spokesman said" with no one
///   named in between is that same unnamed speaker (`"…," a Kestrel spokesman said. … "…," he
///   said`, or reported speech: `One dealer said … "…," he said`).
/// - Institutions ("the ministry", "Qantas") are organisations: resolved through the resolver's
///   `organization`, never the referent of "he" or "she".
struct SpeakerContext {
    /// Who a speaker phrase is, as far as the text tells.
    enum Answer: Equatable {
        /// A person or an organisation the resolver knows (or a full name taken as written).
        case named(ResolvedSpeaker, SpeakerKind)
        /// An unnamed speaker described before ("a Kestrel spokesman"): the description as written.
        case described(String)
    }

    let source: QuoteSource
    let resolver: SpeakerResolving
    /// Reads attribution verbs after a name (`Claire Richards says …`).
    let finder: AttributionFinder
    /// Byte ranges of every quote's words, in order: names inside them are not context.
    let quoted: [Range<Int>]

    /// How far back the walk looks, at most (bytes), whatever the paragraphs.
    static let reach = 4000

    /// Who a phrase at byte `offset` refers to, given the quotes already resolved.
    func resolve(_ phrase: SpeakerPhrase, at offset: Int, earlier: ArraySlice<QuoteExtractor.Draft>) -> Answer? {
        switch phrase.kind {
        case .pronoun:
            guard AttributionWords.personalPronouns.contains(phrase.head) else { return nil }
            return fromContext(at: offset, role: nil, earlier: earlier)
        case .name:
            let institution = AttributionWords.groupNouns.contains(phrase.head) && !AttributionWords.personNouns.contains(phrase.head)
            if !institution, let named = resolveName(phrase, at: offset) { return .named(named, .person) }
            // An organisation whose name holds the phrase's last word speaks ("Brandt Steel Co
            // said"); one named inside a longer phrase ("UN spokesman Stephane Dujarric") does not.
            let body = resolver.organization(phrase.text, in: source.document, near: offset)
            var head = phrase.head
            if head.hasSuffix(".") { head.removeLast() }
            if let body, institution || QuoteText.words(of: body.name).contains(head) { return .named(body, .organization) }
            if !institution, let named = resolveName(phrase, at: offset, trustWritten: true) { return .named(named, .person) }
            if let body { return .named(body, .organization) }
            if AttributionWords.personNouns.contains(phrase.head) && !phrase.head.hasSuffix("s") {
                return fromContext(at: offset, role: phrase.head, earlier: earlier)
            }
            return nil
        case .definite:
            return fromContext(at: offset, role: phrase.head, earlier: earlier)
        case .group:
            if let body = resolver.organization(phrase.text, in: source.document, near: offset) { return .named(body, .organization) }
            return nil
        case .indefinite:
            return nil
        }
    }

    /// What an unresolved phrase is: a pronoun nobody was found for, an institution, a
    /// description of someone unnamed (singular or plural), or a name.
    static func kind(of phrase: SpeakerPhrase) -> SpeakerKind {
        // "a spokesperson of the North's committee": the noun before the complement is the head.
        let words = QuoteText.words(of: phrase.text)
        let complement = words.firstIndex { ["of", "for", "at", "with", "from"].contains($0) } ?? words.count
        let personHead = AttributionWords.personNouns.contains(phrase.head) || phrase.head.hasSuffix("-year-old")
            || words[..<complement].contains { AttributionWords.personNouns.contains($0) }
        let institution = AttributionWords.groupNouns.contains(phrase.head) && !personHead
        switch phrase.kind {
        case .pronoun: return .pronoun
        case .name: return institution ? .organization : .person
        case .definite, .indefinite: return institution ? .organization : .description
        case .group: return institution ? .organization : .description
        }
    }

    /// A name phrase through the resolver: the last person the entity stage found inside the
    /// phrase, else the phrase's name part as the resolver reads it. With `trustWritten`, a phrase
    /// that is nothing but two to four capitalised words the resolver does not know is taken as
    /// written (it is asked only after organisations: "Brandt Steel Co" is one).
    func resolveName(_ phrase: SpeakerPhrase, at offset: Int, trustWritten: Bool = false) -> ResolvedSpeaker? {
        guard !phrase.tokens.isEmpty else { return nil }
        let bytes = source.tokens[phrase.tokens.lowerBound].start..<source.tokens[phrase.tokens.upperBound - 1].end
        if let named = resolver.persons(in: source.document, bytes: bytes).last(where: { bytes.contains($0.range.upperBound - 1) }) {
            return named.person
        }
        if let found = resolver.resolve(phrase.text, in: source.document, near: offset) { return found }
        guard trustWritten, (2...4).contains(phrase.tokens.count),
              phrase.tokens.allSatisfy({ source.tokens[$0].kind == .word && source.isCapitalised($0)
                                         && !AttributionWords.personNouns.contains(source.lower($0))
                                         && !AttributionWords.groupNouns.contains(source.lower($0)) }) else { return nil }
        return ResolvedSpeaker(id: QuoteText.identifier(of: phrase.text), name: phrase.text)
    }

    /// Something in the context before `offset`: an attributed quote or a person named.
    private enum Event {
        /// `kind`: what the quote's speaker is; `singular`: one person ("a spokesman", not "officials").
        case quote(speaker: ResolvedSpeaker?, text: String, kind: SpeakerKind?, singular: Bool)
        /// Reported speech of an unnamed person (`One dealer said the market …`).
        case described(text: String)
        /// `subject`: the name opens its clause; `speaks`: an attribution verb follows it.
        case person(ResolvedSpeaker, run: ContextName, subject: Bool, speaks: Bool)
    }

    /// Walks back from `offset` for a pronoun (`role` nil) or a description with head noun `role`.
    func fromContext(at offset: Int, role: String?, earlier: ArraySlice<QuoteExtractor.Draft>) -> Answer? {
        guard !source.paragraphs.isEmpty else { return nil }
        let p = source.paragraph(ofByte: offset)
        let windowStart = max(p > 0 ? source.paragraphs[p - 1].lowerBound : source.paragraphs[p].lowerBound, offset - Self.reach)
        var events: [(offset: Int, event: Event)] = []
        for draft in earlier.reversed() {
            if draft.span.content.upperBound < windowStart { break }
            guard draft.anchor >= windowStart && draft.anchor < offset,
                  let text = draft.speakerText, let kind = draft.speakerKind else { continue }
            if kind == .group && draft.kindOfSpeaker != .description { continue }
            if kind == .pronoun && !AttributionWords.personalPronouns.contains(text.lowercased()) && draft.kindOfSpeaker != .description {
                continue
            }
            events.append((draft.anchor, .quote(speaker: draft.speaker, text: text, kind: draft.kindOfSpeaker,
                                                singular: kind != .group)))
        }

        let end = source.token(atOrAfter: offset)
        let first = min(source.token(atOrAfter: windowStart), end)
        for run in names(first..<end) {
            let start = source.tokens[run.name.lowerBound].start
            if isQuoted(start) { continue }
            events.append((start, .person(run.person, run: run, subject: isSubject(run), speaks: speaks(run))))
        }
        // Reported speech of someone unnamed, after the last quote or name found (an earlier
        // one would lose to them anyway).
        let latest = events.map(\.offset).max() ?? windowStart
        for (start, text) in describedSpeakers(from: max(windowStart, latest), to: offset) where !isQuoted(start) {
            events.append((start, .described(text: text)))
        }
        events.sort { $0.offset > $1.offset }

        var fallback: ResolvedSpeaker?
        for (_, event) in events {
            switch event {
            case .quote(let speaker, let text, let kind, let singular):
                // "he" and "the spokesman" are people: an organisation's quote is skipped.
                if kind == .organization { continue }
                let answer: Answer? = speaker.map { .named($0, .person) }
                    ?? (kind == .description && singular ? .described(text) : nil)
                guard let role else { return answer }
                if QuoteText.words(of: text).contains(role) { return answer }
                if let speaker, hasRole(speaker, role, before: offset, from: windowStart) { return .named(speaker, .person) }
            case .described(let text):
                guard let role else { return .described(text) }
                if QuoteText.words(of: text).contains(role) { return .described(text) }
            case .person(let person, let run, let subject, let speaks):
                if let role {
                    if hasRole(run, role) { return .named(person, .person) }
                } else if subject || speaks {
                    return .named(person, .person)
                } else if fallback == nil {
                    fallback = person
                }
            }
        }
        if role != nil { return nil }
        if let fallback { return .named(fallback, .person) }
        if events.isEmpty { return resolver.lastPerson(before: offset, in: source.document).map { .named($0, .person) } }
        return nil
    }

    /// Sentences between `start` and `offset` whose reported speech has an unnamed singular
    /// speaker (`One dealer said the market had expected …`): where each description starts,
    /// and its text.
    private func describedSpeakers(from start: Int, to offset: Int) -> [(Int, String)] {
        guard !source.sentences.isEmpty, start < offset else { return [] }
        var found: [(Int, String)] = []
        var k = source.sentence(ofByte: start)
        while k < source.sentences.count {
            let sentence = source.sentences[k]
            if sentence.bytes.lowerBound >= offset { break }
            k += 1
            guard sentence.bytes.lowerBound >= start, sentence.bytes.upperBound <= offset,
                  let phrase = finder.reported(before: sentence.tokens.upperBound, sentenceStart: sentence.tokens.lowerBound,
                                               skip: [])?.speaker,
                  phrase.kind == .indefinite || phrase.kind == .definite,
                  Self.kind(of: phrase) == .description else { continue }
            found.append((source.tokens[phrase.tokens.lowerBound].start, phrase.text))
        }
        return found
    }

    /// Whether byte `offset` lies inside a quote's words.
    private func isQuoted(_ offset: Int) -> Bool {
        var lo = 0
        var hi = quoted.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if quoted[mid].lowerBound <= offset { lo = mid + 1 } else { hi = mid }
        }
        return lo > 0 && quoted[lo - 1].contains(offset)
    }

    /// Whether a named run is the subject of its sentence: it opens the sentence (after a
    /// conjunction at most) or follows the comma of an opening adverbial (`With Mr. Blinken headed
    /// to China, US President Joe Biden has …`), and no preposition was stripped from it.
    private func isSubject(_ run: ContextName) -> Bool {
        guard !run.afterPreposition, !source.sentences.isEmpty else { return false }
        let sentence = source.sentences[source.sentence(ofToken: run.tokens.lowerBound)]
        var k = sentence.tokens.lowerBound
        while k < run.tokens.lowerBound && (source.tokens[k].kind == .punct
                                            || AttributionWords.openingConjunctions.contains(source.lower(k))) {
            k += 1
        }
        if k == run.tokens.lowerBound { return true }
        let before = run.tokens.lowerBound - 1
        guard before > sentence.tokens.lowerBound, source.isPunct(before, 0x2C),
              AttributionWords.adverbialStarters.contains(source.lower(sentence.tokens.lowerBound)) else { return false }
        for i in sentence.tokens.lowerBound..<before where source.isPunct(i, 0x2C) { return false }
        return true
    }

    /// Whether an attribution verb follows a named run (`Claire Richards says`, `Seles said`,
    /// `Mr Arafat also declared`): the person is speaking, and a later "he"/"she" is likely them.
    private func speaks(_ run: ContextName) -> Bool {
        var k = run.tokens.upperBound
        var skipped = 0
        while k < source.tokens.count && skipped < 2 && source.tokens[k].kind == .word
                && AttributionWords.auxiliaries.contains(source.lower(k)) {
            k += 1
            skipped += 1
        }
        return k < source.tokens.count && finder.verb(at: k, limit: source.tokens.count) != nil
    }

    /// Whether a role noun stands next to a named run (`Foreign Minister Qin Gang`, `Qin Gang,
    /// China’s foreign minister`, `spokesperson Wang Wenbin`).
    private func hasRole(_ run: ContextName, _ role: String) -> Bool {
        let lower = max(0, run.tokens.lowerBound - 6)
        let upper = min(source.tokens.count, run.tokens.upperBound + 8)
        for i in lower..<upper where source.tokens[i].kind == .word {
            let w = source.lower(i)
            if w == role || w == role + "s" { return true }
        }
        return false
    }

    /// Whether a person was named with a role in the window before `offset`.
    private func hasRole(_ person: ResolvedSpeaker, _ role: String, before offset: Int, from start: Int) -> Bool {
        let end = source.token(atOrAfter: offset)
        let first = min(source.token(atOrAfter: start), end)
        for run in names(first..<end) where run.person == person && hasRole(run, role) { return true }
        return false
    }

    /// A person named in the context, as the entity stage found them, with the capitalised words
    /// written just before the mention on its line ("US President" before "Joe Biden", "With"
    /// before "Mr. Blinken").
    struct ContextName {
        var person: ResolvedSpeaker
        /// The mention's tokens.
        var name: Range<Int>
        /// The capitalised run the mention ends: the words before it and the mention.
        var tokens: Range<Int>
        /// Whether a preposition or adverb opens the run ("With Mr. Blinken", "On Wednesday Qin
        /// Gang"): the name is then not the subject of its clause.
        var afterPreposition: Bool
    }

    /// The persons named among tokens `range`, in text order.
    private func names(_ range: Range<Int>) -> [ContextName] {
        guard !range.isEmpty else { return [] }
        let bytes = source.tokens[range.lowerBound].start..<source.tokens[range.upperBound - 1].end
        return resolver.persons(in: source.document, bytes: bytes).compactMap { named in
            let first = source.token(atOrAfter: named.range.lowerBound)
            let end = source.token(atOrAfter: named.range.upperBound)
            guard first < end, end <= range.upperBound else { return nil }
            var start = first
            while start > range.lowerBound, source.isCapitalised(start - 1), adjacent(start - 1, start) { start -= 1 }
            let opener = (start..<first).contains { Self.runOpeners.contains(source.lower($0)) }
            return ContextName(person: named.person, name: first..<end, tokens: start..<end, afterPreposition: opener)
        }
    }

    /// Two tokens separated only by a few spaces on one line.
    private func adjacent(_ a: Int, _ b: Int) -> Bool {
        let gap = source.tokens[b].start - source.tokens[a].end
        return gap > 0 && gap <= 3 && !source.lineBreak(between: a, and: b)
    }

    /// Prepositions and adverbs that can open a capitalised run at a sentence start.
    static let runOpeners: Set<String> = [
        "with", "in", "on", "at", "after", "before", "during", "since", "for", "from", "to", "by",
        "under", "over", "prior", "according", "despite", "following", "among", "between", "unlike",
        "like", "as", "while", "when", "speaking", "amid", "about", "against", "into", "across",
    ]
}
