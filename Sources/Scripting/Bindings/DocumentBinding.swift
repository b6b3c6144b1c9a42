import Corpus
import LuaBridge

/// `Document` in Lua: fields `id`, `path`, `title`, `source`, `dateline`, `date`, `text`,
/// `raw`, `boilerplate`, `words`; methods `:paragraphs()`.
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
            return .record(["place": .text(d.place), "date": .text(d.date), "text": .text(d.text)])
        }
        cls.field("date") { .text($0.date) }
        cls.field("text") { .text($0.text) }
        cls.field("raw") { .text($0.raw) }
        cls.field("boilerplate") { doc in
            boilerplate.make(doc.boilerplate.map { [.text($0.line), .text($0.reason)] })
        }
        cls.field("words") { .integer($0.wordCount) }
        cls.method("paragraphs") { doc, _ in
            let texts = doc.paragraphTexts
            try ctx.reserve(texts.count, ResultCost.strings(texts), for: "paragraphs", items: "paragraphs")
            return [lists.strings(texts)]
        }
        cls.method("sentences") { doc, _ in
            let count = doc.sentenceCount
            try ctx.reserve(count, ResultCost.object, for: "sentences", items: "sentences")
            return [lists.make((0..<count).map { .object(ctx.sentence(doc, $0)) })]
        }
        let spans = ctx.tokenSpans
        cls.method("tokens") { doc, _ in [.object(TokenList(document: doc, range: 0..<doc.tokenCount, spans: spans))] }
        cls.method("token_ids") { doc, _ in
            try ctx.reserve(doc.terms.count, ResultCost.integer, for: "token_ids", items: "tokens")
            return [.unsignedIntegers(doc.terms.array, offset: 1, metatable: nil)]
        }
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
