import Corpus
import LuaBridge

/// One quotation as Lua sees it: the quote and the document it came from (nil for free text).
final class QuoteRef {
    let quote: Quote
    let document: Document?

    init(quote: Quote, document: Document?) {
        self.quote = quote
        self.document = document
    }

    /// The speaker's resolved name, else the phrase as written (never an unresolved pronoun).
    var who: String? { quote.who }
}

/// `Quote` in Lua: fields `text`, `speaker` (the Entity, or nil), `speaker_name` (the resolved
/// name as a string), `speaker_text` (the phrase as written), `speaker_kind` ("person",
/// "organization", "description", "pronoun"), `who` (the name, else the phrase), `verb`,
/// `doc`, `sentence` (a Sentence; nil for free text), `sentence_index`, `partial`, `kind`
/// ("full", "partial", "scare"), `paragraphs`, `offset`. Bodies of members of other classes
/// (declared with those):
/// `corpus:quotes(opts)`, `doc:quotes(opts)`, `sentence:quotes()`, `dossier.quotes(text, opts)`.
///
/// Options (turned into a `QuoteQuery`, which does all the filtering): `speaker` (matches the
/// resolved name or the phrase, case-insensitive, a surname is enough), `partial = false` (drop
/// partial and scare quotes), `verb` ("said", "according to"), `kind`, `speaker_kind`, and
/// `verbs` (more attribution verbs, e.g. `{"quipped"}`: found through the same quotation index
/// and entity resolver; the last verb list's quotes are kept).
///
/// Quotes are computed once per document and kept in the corpus's `QuoteIndex` (shared with
/// sub-corpora); a document whose corpus the session does not know is cached here.
final class QuoteBinding {
    static let columns = ["who", "verb", "text", "doc"]

    private let ctx: BindingContext
    private let corpus: Corpus
    /// Quotes of documents from no known corpus.
    private var loose: [ObjectIdentifier: (document: Document, quotes: [Quote])] = [:]
    /// The quotes of the last documents asked for, by sentence (`sentence:quotes()`).
    private let bySentence = SentenceQuotes()

    init(_ ctx: BindingContext, corpus: Corpus) {
        self.ctx = ctx
        self.corpus = corpus
    }

    /// The `Quote` class: every member, declared here and nowhere else.
    func make() throws -> LuaClass<QuoteRef> {
        let ctx = self.ctx
        let cls = LuaClass<QuoteRef>("Quote", summary: "A quotation and who said it (docs/quotes.md).", members: [
            .field("text", "string", "the words inside the quotation marks") { .text($0.quote.text) },
            .field("speaker", "Entity?", "the person or organisation it is attributed to (nil when unresolved)") { q in
                // The Entity (the same object corpus:entity(name) gives) when the quote comes from
                // a corpus (free text is read as a one-document corpus of its own).
                guard let speaker = q.quote.speaker, let corpus = q.document?.corpus,
                      let entity = corpus.entityIndex.entity(id: speaker.id) else { return .nil }
                return .object(entity)
            },
            .field("speaker_name", "string?", "the resolved speaker's name") { .text($0.quote.speaker?.name) },
            .field("speaker_text", "string?", "the speaker as the attribution writes it (\"he\", \"Sun\", \"a senior official\")") {
                .text($0.quote.speakerText)
            },
            .field("speaker_kind", "SpeakerKind?", "what the speaker is: a person, an organization, a description of someone unnamed, or an unresolved pronoun") {
                .text($0.quote.speakerKind?.rawValue)
            },
            // For lists and reports: the resolved name, else the phrase as written ("the official").
            .field("who", "string?", "the resolved name, else the phrase as written (what lists show)") { .text($0.who) },
            .field("verb", "string?", "the attribution verb, lowercased (\"said\", \"according to\")") { .text($0.quote.verb) },
            .field("doc", "Document?", "nil for free text") { q in q.document.map { .object($0) } ?? .nil },
            .field("sentence", "Sentence?", "the sentence where it starts (nil for free text)") { q in
                guard let doc = q.document, q.quote.sentence < doc.sentenceCount else { return .nil }
                return .object(ctx.sentence(doc, q.quote.sentence))
            },
            .field("sentence_index", "integer", "that sentence's 1-based index") { .integer($0.quote.sentence + 1) },
            .field("partial", "boolean", "true for fragments and scare quotes") { .boolean($0.quote.partial) },
            .field("kind", "QuoteKind", "") { .text($0.quote.kind.rawValue) },
            .field("paragraphs", "integer", "paragraphs the quote spans") { .integer($0.quote.paragraphs) },
            .field("offset", "integer", "1-based byte position of the first quoted word in the text") {
                .integer($0.quote.range.lowerBound + 1)
            },
        ])
        cls.describe = Self.describe
        cls.metafields = [
            ("__columns", .array(Self.columns.map { .text($0) })),
            ("__cell", .function(ctx.lua.function("__cell") { args in
                [.text(args.optionalObject(1, as: QuoteRef.self).map { BindingContext.preview($0.quote.text, 60) } ?? "?")]
            })),
        ]
        return cls
    }

    /// `<Quote Jonathan Ward said "I don't think any particular…">`
    static func describe(_ q: QuoteRef) -> String {
        let text = "\"" + BindingContext.preview(q.quote.text, 30) + "\""
        var parts: [String] = []
        if let who = q.who {
            if q.quote.verb == "according to" {
                parts = ["according to", who]
            } else {
                parts = [who, q.quote.verb ?? "said"]
            }
        } else if q.quote.kind != .full {
            parts = ["(\(q.quote.kind.rawValue))"]
        }
        return "<Quote " + (parts + [text]).joined(separator: " ") + ">"
    }

    // MARK: - Members of other classes and of `dossier`

    /// `corpus:quotes(opts)`.
    func corpusQuotes(_ corpus: Corpus, _ args: LuaArguments) throws -> [LuaValue] {
        let query = try QuoteOptions.query(args.optionalTable(1))
        let found = try corpus.quotes(matching: query, cancellation: ctx.cancellation)
        try ctx.reserve(found.count, ResultCost.object + 100, for: "quotes", items: "quotes")
        return [list(found.map { ($0.quote, $0.document) })]
    }

    /// `doc:quotes(opts)`.
    func documentQuotes(_ doc: Document, _ args: LuaArguments) throws -> [LuaValue] {
        let query = try QuoteOptions.query(args.optionalTable(1))
        if let root = doc.corpus {
            return [list(try root.quotes(in: doc, matching: query, cancellation: ctx.cancellation).map { ($0, doc) })]
        }
        let quotes = query.extraVerbs.isEmpty ? try quotes(of: doc)
            : try QuoteExtractor.quotes(in: doc, verbs: query.verbs, cancellation: ctx.cancellation)
        return [list(quotes.filter(query.accepts).map { ($0, doc) })]
    }

    /// `sentence:quotes()`: the quotes that start in or run through the sentence.
    func sentenceQuotes(_ s: SentenceRef, _ args: LuaArguments) throws -> [LuaValue] {
        let quotes = bySentence.quotes(of: s.document, sentence: s.index, among: try quotes(of: s.document))
        return [list(quotes.map { ($0, s.document) })]
    }

    /// `dossier.quotes(text, opts)`: the quotes of free text, read as a one-document corpus so
    /// speakers are found by the same entity stage as a corpus's.
    func textQuotes(_ args: LuaArguments) throws -> [LuaValue] {
        let text = try args.string(1)
        let query = try QuoteOptions.query(args.optionalTable(2))
        let found = try Corpus.freeText(text).quotes(matching: query, cancellation: ctx.cancellation)
        return [ctx.lists.make(found.map { .object(QuoteRef(quote: $0.quote, document: nil)) })]
    }

    // MARK: - Cache

    /// A document's quotes from its corpus's index (through its back-reference), or — when that
    /// corpus is gone — from the loose cache.
    private func quotes(of document: Document) throws(WorkLimit) -> [Quote] {
        if let root = document.corpus {
            return try root.quoteIndex(cancellation: ctx.cancellation).quotes(in: document, cancellation: ctx.cancellation)
        }
        if let cached = loose[ObjectIdentifier(document)], cached.document === document { return cached.quotes }
        let quotes = try QuoteExtractor.quotes(in: document, cancellation: ctx.cancellation)
        loose[ObjectIdentifier(document)] = (document, quotes)
        return quotes
    }

    private func list(_ quotes: [(Quote, Document)]) -> LuaValue {
        ctx.lists.make(quotes.map { .object(QuoteRef(quote: $0.0, document: $0.1)) })
    }
}

/// The options of the `quotes` methods, read into a `QuoteQuery` (which does the filtering).
enum QuoteOptions {
    static let known: Set<String> = ["speaker", "partial", "verb", "kind", "speaker_kind", "verbs"]
    /// Stack position of the options table: after `self` in methods, after the text in
    /// `dossier.quotes(text, opts)`; Lua's messages call it #1 and #2 respectively.
    static let position = 2

    static func query(_ table: LuaTable?) throws -> QuoteQuery {
        var query = QuoteQuery()
        guard let table else { return query }
        for key in table.stringKeys where !Self.known.contains(key) {
            throw LuaArgumentError(Self.position, "unknown quotes option '\(key)' (use speaker, partial, verb, kind, speaker_kind or verbs)")
        }
        if let value = table["speaker"] {
            guard let name = value.stringValue else { throw LuaArgumentError(Self.position, "'speaker' must be a name") }
            query.speaker = name
        }
        if let value = table["partial"] {
            guard case .boolean(let flag) = value else { throw LuaArgumentError(Self.position, "'partial' must be true or false") }
            query.partial = flag
        }
        if let value = table["verb"] {
            guard let verb = value.stringValue else { throw LuaArgumentError(Self.position, "'verb' must be a string like \"said\"") }
            query.verb = verb.lowercased()
        }
        if let value = table["kind"] {
            guard let name = value.stringValue, let kind = QuoteKind(rawValue: name.lowercased()) else {
                throw LuaArgumentError(Self.position, "'kind' must be \"full\", \"partial\" or \"scare\"")
            }
            query.kind = kind
        }
        if let value = table["speaker_kind"] {
            guard let name = value.stringValue, let kind = SpeakerKind(rawValue: name.lowercased()) else {
                throw LuaArgumentError(Self.position, "'speaker_kind' must be \"person\", \"organization\", \"description\" or \"pronoun\"")
            }
            query.speakerKind = kind
        }
        if let value = table["verbs"] {
            guard let list = value.tableValue?.array.compactMap(\.stringValue), !list.isEmpty else {
                throw LuaArgumentError(Self.position, "'verbs' must be a list of verb forms like {\"quipped\", \"posted\"}")
            }
            query.extraVerbs = list
        }
        return query
    }
}
