import Corpus
import LuaBridge

/// `Document` in Lua: fields `id`, `path`, `title`, `source`, `dateline`, `date`, `date_from`,
/// `date_guess`, `credits`, `text`, `raw`, `boilerplate`, `words`; methods `:paragraphs()`.
enum DocumentBinding {
    static let columns = ["id", "title", "source", "date", "words"]

    static func make(_ ctx: BindingContext) throws -> LuaClass<Document> {
        let cls = LuaClass<Document>("Document")
        let lists = ctx.lists
        let boilerplate = try lists.columns(["line", "reason"])
        cls.field("id") { .text($0.id) }
        cls.field("path") { .text($0.path) }
        cls.field("title") { .text($0.title) }
        cls.field("source") { .text($0.source) }
        cls.field("dateline") { doc in
            guard let d = doc.dateline else { return .nil }
            return .record(["place": .text(d.place), "date": .text(d.date), "text": .text(d.text),
                            "agency": .text(d.agency)])
        }
        cls.field("date") { .text($0.date) }
        cls.field("date_from") { .text($0.dateFrom) }
        cls.field("date_guess") { doc in
            guard let guess = doc.dateGuess else { return .nil }
            return .record(["date": .text(guess.date), "basis": .text(guess.basis)])
        }
        cls.field("credits") { lists.strings($0.credits) }
        cls.field("text") { .text($0.text) }
        cls.field("raw") { .text($0.raw) }
        cls.field("boilerplate") { doc in
            boilerplate.make(doc.boilerplate.map { [.text($0.line), .text($0.reason)] })
        }
        cls.field("words") { .integer($0.wordCount) }
        cls.method("paragraphs") { doc, _ in [lists.strings(doc.paragraphTexts)] }
        cls.method("sentences") { doc, _ in
            [lists.make((0..<doc.sentenceCount).map { .object(ctx.sentence(doc, $0)) })]
        }
        cls.method("tokens") { doc, _ in [.object(TokenList(document: doc, range: 0..<doc.tokenCount))] }
        cls.method("token_ids") { doc, _ in [.unsignedIntegers(doc.terms.array, offset: 1, metatable: nil)] }
        try StatisticsBinding.install(on: cls, ctx)
        try DateBinding.install(document: cls, ctx)
        cls.describe = describe
        cls.metafields = [
            ("__columns", .array(columns.map { .text($0) })),
            ("__cell", .function(ctx.lua.function("__cell") { args in
                [.text(args.optionalObject(1, as: Document.self)?.id ?? "?")]
            })),
        ]
        return cls
    }

    /// `<Document 002 "18-6-2023 (BEIJING) US Secretary…" 612 words>`
    static func describe(_ doc: Document) -> String {
        let headline = doc.title ?? doc.text
        return "<Document \(doc.id) \"\(BindingContext.preview(headline, 40))\" \(BindingContext.grouped(doc.wordCount)) words>"
    }
}
