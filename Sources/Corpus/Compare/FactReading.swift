/// What one sentence text states, read once: its facts (`FactExtractor`), each fact's attribute
/// and whether it is a running total (`FactContext`), and its subject (actor and name words).
///
/// All of it depends on the text alone, except the subject: `FactContext` counts a one-word name
/// opening the sentence as a name only when the word is known from the other sentences read
/// with it (`FactContext.names`, the "known name" rule). So the subject is kept for both
/// readings of the first word, the second only when it differs. The claims' statements, the
/// conflict search and the conflicts of each claim share one reading per distinct sentence text
/// (`FactSentences`), and `FactComparison` compares readings instead of contexts holding tokens.
struct FactReading: Sendable {
    /// A sentence's subject: the words of its actor and of all its names (`FactContext`).
    struct Subject: Sendable, Equatable {
        let actor: Set<String>
        let nameWords: Set<String>
    }

    /// The facts, of every kind, in `FactExtractor`'s order.
    let facts: [Fact]
    /// Per fact: the words around it (`FactContext.attribute(of:)`).
    let attributes: [FactContext.Attribute]
    /// Per fact: whether it is a running total (`FactContext.isRunningTotal`).
    let runningTotals: [Bool]
    /// The subject when the first word is not a known name.
    let plain: Subject
    /// The subject when the first word is a known name; nil when that changes nothing.
    let known: Subject?

    /// Reads a tokenised sentence.
    init(_ tokens: SentenceTokens) {
        self.init(tokens, facts: FactExtractor.facts(tokens))
    }

    /// Reads a tokenised sentence whose facts were found before.
    init(_ tokens: SentenceTokens, facts: [Fact]) {
        self.facts = facts
        let context = FactContext(tokens, known: [])
        attributes = facts.map { context.attribute(of: $0) }
        runningTotals = facts.map { context.isRunningTotal($0) }
        plain = Subject(actor: context.actor, nameWords: context.nameWords)
        // Only a capitalised first word followed by a word that is not is read by the rule, and
        // only one the rule could make a name (`FactContext.firstWordMayBeKnownName`).
        let first = tokens.firstWord
        if first >= 0, tokens.isCapitalised(first), !tokens.isCapitalised(first + 1),
           FactContext.firstWordMayBeKnownName(tokens) {
            let other = FactContext(tokens, known: [tokens.norms[first]])
            let subject = Subject(actor: other.actor, nameWords: other.nameWords)
            known = subject == plain ? nil : subject
        } else {
            known = nil
        }
    }

    /// The subject for a reading of the first word.
    func subject(firstKnown: Bool) -> Subject { firstKnown ? known ?? plain : plain }

    /// Whether the reading of the first word changes the subject.
    var firstWordMatters: Bool { known != nil }

    /// The sentence as `FactComparison` compares it, with the facts `include` keeps.
    func side(firstKnown: Bool, include: (Fact) -> Bool = { _ in true }) -> FactSide {
        let subject = subject(firstKnown: firstKnown)
        var side = FactSide(facts: [], attributes: [], runningTotals: [], actor: subject.actor, nameWords: subject.nameWords)
        for k in facts.indices where include(facts[k]) {
            side.facts.append(facts[k])
            side.attributes.append(attributes[k])
            side.runningTotals.append(runningTotals[k])
        }
        return side
    }
}

/// One sentence's facts as `FactComparison` compares them: the facts, each with its attribute and
/// whether it is a running total, and the sentence's subject.
struct FactSide: Sendable {
    var facts: [Fact]
    var attributes: [FactContext.Attribute]
    var runningTotals: [Bool]
    var actor: Set<String>
    var nameWords: Set<String>

    /// Whether the sentence names what it is about.
    var namesSubject: Bool { !actor.isEmpty }

    /// The facts `facts` of a sentence read by `context` (a fact plugged in from elsewhere, without
    /// a span, has its attribute in its key and is no running total).
    init(facts: [Fact], context: FactContext) {
        self.facts = facts
        attributes = facts.map { context.attribute(of: $0) }
        runningTotals = facts.map { context.isRunningTotal($0) }
        actor = context.actor
        nameWords = context.nameWords
    }

    init(facts: [Fact], attributes: [FactContext.Attribute], runningTotals: [Bool], actor: Set<String>,
         nameWords: Set<String>) {
        self.facts = facts
        self.attributes = attributes
        self.runningTotals = runningTotals
        self.actor = actor
        self.nameWords = nameWords
    }

    /// The same sentence with only the facts of `key`.
    func only(key: String) -> FactSide {
        var out = FactSide(facts: [], attributes: [], runningTotals: [], actor: actor, nameWords: nameWords)
        for k in facts.indices where facts[k].key == key {
            out.facts.append(facts[k])
            out.attributes.append(attributes[k])
            out.runningTotals.append(runningTotals[k])
        }
        return out
    }
}
