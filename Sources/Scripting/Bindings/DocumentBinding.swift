import Corpus
import LuaBridge

/// `Document` in Lua: every member of the class, declared here and nowhere else (the bodies of
/// the analyses live with their topic).
enum DocumentBinding {
    static let columns = ["id", "title", "source", "date", "words"]

    static func make(_ ctx: BindingContext, entities: EntityBinding, quotes: QuoteBinding) throws -> LuaClass<Document> {
        let lists = ctx.lists
        let boilerplate = try lists.columns(["line", "reason"])
        let statistics = try StatisticsBinding(ctx)
        let dates = try DateBinding(ctx)
        let spans = ctx.tokenSpans
        let cls = LuaClass<Document>("Document", summary: "One article. Documents of a sub-corpus are the same objects as in the corpus (`==` works).", members: [
            .field("id", "string", "the input's `id` field, else the file name without extension (with its sub-folder path when two files share a name), plus `:LINE` for a JSONL line or CSV row and `#N` for a JSON array item") { .text($0.id) },
            .field("path", "string", "the file it was read from") { .text($0.path) },
            .field("format", "string?", "the input format: \"txt\", \"jsonl\", \"json\", \"csv\", \"tsv\", \"html\" or \"warc\"; nil for a text given as a string") { .text($0.format) },
            .field("title", "string?", "the headline: the input's title field, else the line the text opens with when it reads as one; or nil") { .text($0.title) },
            .field("title_from", "string?", "where `title` came from: \"field\" (the input's metadata: a field, a header block, a page's metadata), \"text\" (the opening line) or \"breadcrumb\"; nil without a title") { .text($0.titleFrom) },
            .field("source", "string?", "the outlet: the input's source field, else a credit line's, a share prompt's or the dateline's agency; or nil") { .text($0.source) },
            .field("source_from", "string?", "where `source` came from: \"field\" (the input's metadata), \"credit\" (a credit or rights line), \"share\" (a share prompt) or \"dateline\" (its agency); nil without a source") { .text($0.sourceFrom) },
            .field("url", "string?", "the article's address, when the input gives one") { .text($0.url) },
            .field("authors", "List<string>", "the authors the input names (a field or a header block), in its order") {
                lists.strings($0.authors)
            },
            .field("language", "string?", "the language as a BCP 47 tag (\"en\", \"pt-BR\", \"zh\"): the input's, else the one detected in the text's first few KB (script, then function words), or nil when unsure (short, mixed, or a language it does not know)") { .text($0.language) },
            .field("language_from", "string?", "where `language` came from: \"field\" (the input's metadata) or \"detected\"; nil without a language") { .text($0.languageFrom) },
            .field("meta", "table<string, any>", "the input's other fields (a JSONL export's `section`, a CSV column): strings, numbers, booleans and lists") { doc in
                .table(LuaTable(fields: doc.meta.map { (.text($0.name), luaValue($0.value, lists)) }))
            },
            .field("dateline", "Dateline?", "the dateline, when the article has one") { doc in
                guard let d = doc.dateline else { return .nil }
                return .record(["place": .text(d.place), "date": .text(d.date), "text": .text(d.text),
                                "agency": .text(d.agency)])
            },
            .field("date", "string?",
                   "ISO `YYYY-MM-DD` when it can be known (given, a dateline's day with the corpus's year, or inferred), or nil") {
                .text(try documentDate($0, ctx).date)
            },
            .field("date_from", "string?",
                   "where `date` came from: \"field\", \"dateline\", \"dateline+corpus\", \"dateline+field\", \"text\" or \"inferred\"") {
                .text(try documentDate($0, ctx).from)
            },
            .field("date_guess", "DateGuess?", "when the date cannot be known: a guess and its basis, or nil") { doc in
                guard let guess = try documentDate(doc, ctx).guess else { return .nil }
                return .record(["date": .text(guess.date), "basis": .text(guess.basis)])
            },
            .field("credits", "List<string>", "bylines, sign-offs, reporting, editing and contributor lines taken out of the text") {
                lists.strings($0.credits)
            },
            .field("text", "string", "the clean body (boilerplate and credits removed, hard-wrapped text reflowed)") { .text($0.text) },
            .field("raw", "string", "the record as read: a text file's text, a JSONL line, a JSON item or a CSV row as written") { .text($0.raw) },
            .field("boilerplate", "List<BoilerplateLine>", "lines removed from the body, with the reason") { doc in
                boilerplate.make(doc.boilerplate.map { [.text($0.line), .text($0.reason)] })
            },
            .field("words", "integer", "word count") { .integer($0.wordCount) },
            .method("paragraphs", "The paragraphs of the body as strings.", returns: ["List<string>"]) { doc, _ in
                let texts = doc.paragraphTexts
                try ctx.reserve(texts.count, ResultCost.strings(texts), for: "paragraphs", items: "paragraphs")
                return [lists.strings(texts)]
            },
            .method("sentences", "The sentences, in text order.", returns: ["List<Sentence>"]) { doc, _ in
                let count = doc.sentenceCount
                try ctx.reserve(count, ResultCost.object, for: "sentences", items: "sentences")
                // One Swift call for the whole list, however long the document: it checks the
                // chunk's time limit and Ctrl-C as it goes.
                var sentences: [LuaValue] = []
                sentences.reserveCapacity(count)
                for i in 0..<count {
                    if i & 4095 == 0 { try ctx.cancellation.check() }
                    sentences.append(.object(ctx.sentence(doc, i)))
                }
                return [lists.make(sentences)]
            },
            .method("tokens", "All tokens, as a lazy list of Token records.", returns: ["TokenList"]) { doc, _ in
                [.object(TokenList(document: doc, range: 0..<doc.tokenCount, spans: spans))]
            },
            .method("token_ids", "The document's term ids (1-based, index `corpus:vocabulary()` with them) as a plain table.",
                    returns: ["integer[]"]) { doc, _ in
                try ctx.reserve(doc.terms.count, ResultCost.integer, for: "token_ids", items: "tokens")
                return [.unsignedIntegers(doc.terms.array, offset: 1, metatable: nil)]
            },
            .method("keywords", "The words that characterise the document within its corpus (tf-idf).",
                    parameters: ["opts? KeywordOptions"], returns: ["List<KeywordRow>"], statistics.keywords),
            .method("dates", "The document's date mentions in text order; relative ones are read against the document's date, else its guessed date, else the corpus's anchor.",
                    returns: ["List<DateMention>"], dates.documentDates),
            .method("entities", "The entities the document mentions, in order of first mention.",
                    returns: ["List<Entity>"], entities.documentEntities),
            .method("quotes", "The document's quotations.", parameters: ["opts? QuoteOptions"], returns: ["List<Quote>"],
                    quotes.documentQuotes),
        ])
        cls.describe = describe
        cls.metafields = [
            ("__columns", .array(columns.map { .text($0) })),
            ("__cell", .function(ctx.lua.function("__cell") { args in
                [.text(args.optionalObject(1, as: Document.self)?.id ?? "?")]
            })),
            // What a printed List shows for a person to read (`printer.show`); report tables
            // and CSV keep the id (`__cell`).
            ("__show", .function(ctx.lua.function("__show") { args in
                [.text(args.optionalObject(1, as: Document.self).map(shown) ?? "?")]
            })),
        ]
        return cls
    }

    /// The document's date, its source or a guess; the corpus's dates are built (on first use) where the script's
    /// time limit and Ctrl-C can stop them.
    static func documentDate(_ doc: Document, _ ctx: BindingContext) throws -> DocumentDate {
        guard let corpus = doc.corpus else { return doc.documentDate }
        return try corpus.dates(cancellation: ctx.cancellation).documentDate(of: doc)
    }

    /// A kept input field as a Lua value (a list as a List).
    static func luaValue(_ value: FieldValue, _ lists: Lists) -> LuaValue {
        switch value {
        case .text(let s): return .text(s)
        case .number(let n): return n == n.rounded() && abs(n) < 9e15 ? .integer(Int(n)) : .number(n)
        case .bool(let b): return .boolean(b)
        case .list(let items): return lists.make(items.map { luaValue($0, lists) })
        }
    }

    /// `<Document 002 "18-6-2023 (BEIJING) US Secretary…" 612 words>`
    /// `Reuters · Blinken meets Qin Gang in Beijing…`: the source and a short title, else the id.
    static func shown(_ doc: Document) -> String {
        let title = doc.title.map { BindingContext.preview($0, 36) } ?? doc.id
        guard let source = doc.source, !source.isEmpty else { return title }
        return BindingContext.preview(source, 20) + " · " + title
    }

    static func describe(_ doc: Document) -> String {
        let headline = doc.title ?? doc.text
        return "<Document \(doc.id) \"\(BindingContext.preview(headline, 40))\" \(BindingContext.grouped(doc.wordCount)) words>"
    }
}
