/// One quotation found in a text: the quoted words, who said them, and how the writer used them.
///
/// Offsets are UTF-8 byte offsets of the text the quote was found in (`Document.text`, or the
/// string given to `QuoteExtractor.quotes(in:)`).
public struct Quote: Sendable, Hashable {
    /// Position of the document in its corpus (0 for free text).
    public var document: Int
    /// The sentence holding the first quoted word (0-based).
    public var sentence: Int
    /// Bytes of the quoted words, from the first to the last (marks excluded; a quote that runs
    /// over several paragraphs includes the breaks and reopening marks between them).
    public var range: Range<Int>
    /// The words inside the quotation marks; the pieces of a quote that runs over several
    /// paragraphs, or that has a stray mark inside, are joined with one space.
    public var text: String
    /// The speaker as the attribution writes it ("he", "Sun", "UN spokesman Stephane Dujarric"),
    /// or nil when nothing attributes the quote. A quote that continues an attributed one (the
    /// next sentence or paragraph of the same speech) carries that attribution's phrase.
    public var speakerText: String?
    /// The person (or organisation) the quote is attributed to, when the resolver could tell.
    public var speaker: ResolvedSpeaker?
    /// What the speaker is: a person, an organisation, a description of someone unnamed ("an
    /// arbitrageur"), or a pronoun nobody could be found for; nil when nothing attributes it.
    public var speakerKind: SpeakerKind?
    /// The attribution verb as written, lowercased ("said", "added", "told", "wrote", "stated",
    /// "according to", "quoted as saying"), or nil.
    public var verb: String?
    /// True for a fragment quoted inside the writer's own sentence, and for scare quotes.
    public var partial: Bool
    /// How many paragraphs the quote spans (1 for most).
    public var paragraphs: Int
    /// Full quotation, partial quotation or scare quote.
    public var kind: QuoteKind

    /// Makes a quote; `QuoteExtractor` is the usual source of these.
    public init(document: Int, sentence: Int, range: Range<Int>, text: String, speakerText: String?,
                speaker: ResolvedSpeaker?, verb: String?, kind: QuoteKind, paragraphs: Int,
                speakerKind: SpeakerKind? = nil) {
        self.document = document
        self.sentence = sentence
        self.range = range
        self.text = text
        self.speakerText = speakerText
        self.speaker = speaker
        self.verb = verb
        self.kind = kind
        self.partial = kind != .full
        self.paragraphs = paragraphs
        self.speakerKind = speakerKind ?? (speaker != nil ? .person : nil)
    }

    /// Who said it, as a list of speakers shows it: the resolved name, else the phrase as
    /// written ("an arbitrageur") — never a pronoun nobody was found for.
    public var who: String? {
        if let speaker { return speaker.name }
        return speakerKind == .pronoun ? nil : speakerText
    }

    /// Whether the quote's speaker matches a name as a user types it: the resolved name or the
    /// speaker phrase, case-insensitive, whole words ("Ward", "jonathan ward", "Dujarric",
    /// "the official").
    public func matchesSpeaker(_ query: String) -> Bool {
        let wanted = QuoteText.words(of: query)
        guard !wanted.isEmpty else { return false }
        for candidate in [speaker?.name, speakerKind == .pronoun ? nil : speakerText] {
            guard let candidate else { continue }
            if QuoteText.containsWords(QuoteText.words(of: candidate), wanted) { return true }
        }
        return false
    }
}

/// What a quotation's speaker is (`Quote.speakerKind`, `quote.speaker_kind` in Lua).
public enum SpeakerKind: String, Sendable, Hashable, CaseIterable {
    /// A named person ("Sun", "UN spokesman Stephane Dujarric"), or a pronoun resolved to one.
    case person
    /// An organisation or institution speaking as a body ("Qantas said", "the ministry said").
    case organization
    /// Someone the text does not name, kept as written: "an arbitrageur", "a company spokesman",
    /// "Israeli officials", "the official" when no one named before fits.
    case description
    /// A pronoun ("he", "they") that refers to no one the text names or describes before it:
    /// `speakerText` keeps it, but it is no speaker (`who` is nil; speaker filters skip it).
    case pronoun
}

/// What a pair of quotation marks holds.
public enum QuoteKind: String, Sendable, Hashable, CaseIterable {
    /// Someone's words given as a sentence of their own: `"…," X said`, `X said: "…"`.
    case full
    /// A fragment quoted inside the writer's own sentence: `said the visit should "open lines"`.
    case partial
    /// A word or two in quotation marks with no attribution (`a "spy" plane`): the writer
    /// distancing themselves from a term rather than reporting speech.
    case scare
}

/// A person a speaker phrase was resolved to.
public struct ResolvedSpeaker: Hashable, Sendable {
    /// A stable identifier (the entity id when an entity stage resolved it).
    public var id: Int
    /// The canonical name ("Jonathan Ward").
    public var name: String

    /// Makes a resolved speaker.
    public init(id: Int, name: String) {
        self.id = id
        self.name = name
    }
}

/// Tells who a speaker phrase refers to. The quote extractor asks it about names it finds in
/// attributions and in the text around a quote; pronouns and descriptions ("he", "the official")
/// are resolved by the extractor from the context, with `lastPerson` as the last resort.
///
/// `EntitySpeakerResolver` is the built-in implementation: the entity stage's person-name finder
/// (`Entities/CandidateFinder`) is the one that finds names for quotations too.
public protocol SpeakerResolving {
    /// The canonical name of the person a phrase refers to (a full name, a surname, "Mr. X"), or nil.
    func resolve(_ phrase: String, in document: Int, near offset: Int) -> ResolvedSpeaker?
    /// The person most recently mentioned before `offset` (for pronouns and descriptions).
    func lastPerson(before offset: Int, in document: Int) -> ResolvedSpeaker?
    /// The organisation a phrase names ("Qantas", "the Bank of Japan"), or nil.
    func organization(_ phrase: String, in document: Int, near offset: Int) -> ResolvedSpeaker?
    /// The persons named in bytes `range` of a document, in text order: where each mention is
    /// written and who it is. The context walk for "he said" and "the spokesman said" reads them.
    func persons(in document: Int, bytes range: Range<Int>) -> [NamedPerson]
}

/// A mention of a person in the text: its bytes and who it is.
public struct NamedPerson: Hashable, Sendable {
    /// The mention's bytes in the document's text ("Joe Biden", "Mr. Blinken").
    public var range: Range<Int>
    /// Who it names.
    public var person: ResolvedSpeaker

    /// Makes a named person.
    public init(range: Range<Int>, person: ResolvedSpeaker) {
        self.range = range
        self.person = person
    }
}

extension SpeakerResolving {
    /// Resolvers that know no organisations.
    public func organization(_ phrase: String, in document: Int, near offset: Int) -> ResolvedSpeaker? { nil }
    /// Resolvers that list no mentions: the context walk then reads earlier quotes only.
    public func persons(in document: Int, bytes range: Range<Int>) -> [NamedPerson] { [] }
}
