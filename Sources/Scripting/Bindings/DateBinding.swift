import Corpus
import LuaBridge

/// Dates in Lua: `corpus:timeline()`, `doc:dates()`, `dossier.dates(text, {anchor=})`.
/// A DateMention is a record `{text, date, doc, sentence, anchor, relative}`: `date` is ISO
/// (`2022-11`, `2023-06-18`, or a range `2023-06-18/2023-06-19`), nil when a relative date had
/// nothing to be read against.
enum DateBinding {
    static let columns = ["date", "text", "doc", "anchor"]

    static func record(_ m: DateMention, document: Document?, ctx: BindingContext) -> [LuaValue] {
        var sentence: LuaValue = .nil
        if let document, let s = document.sentence(containingByte: m.range.lowerBound) {
            sentence = .object(ctx.sentence(document, s))
        }
        return [.text(m.value?.iso), .text(m.text), document.map { .object($0) } ?? .nil, .text(m.anchor),
                sentence, .boolean(m.isRelative), .integer(m.range.lowerBound + 1)]
    }

    static let allColumns = columns + ["sentence", "relative", "offset"]

    static func install(corpus cls: LuaClass<Corpus>, _ ctx: BindingContext) throws {
        let list = try ctx.lists.columns(allColumns)
        let shown = try ctx.lists.columns(columns)
        cls.method("timeline") { [unowned ctx] corpus, _ in
            let items = try corpus.dates(cancellation: ctx.cancellation).timeline(corpus)
            return [.table(LuaTable(array: items.map { list.record(record($0.mention, document: $0.document, ctx: ctx)) },
                                    metatable: shown.metatable))]
        }
        cls.method("dates") { [unowned ctx] corpus, _ in
            // Every mention of every document, in document and text order (unresolved ones too).
            var rows: [LuaValue] = []
            let dates = try corpus.dates(cancellation: ctx.cancellation)
            for doc in corpus.documents {
                for m in dates.mentions(of: doc) { rows.append(list.record(record(m, document: doc, ctx: ctx))) }
            }
            return [.table(LuaTable(array: rows, metatable: shown.metatable))]
        }
    }

    static func install(document cls: LuaClass<Document>, _ ctx: BindingContext) throws {
        let list = try ctx.lists.columns(allColumns)
        let shown = try ctx.lists.columns(columns)
        cls.method("dates") { [unowned ctx] doc, _ in
            guard let corpus = doc.corpus else { return [shown.make([])] }
            let rows = try corpus.dates(cancellation: ctx.cancellation).mentions(of: doc)
                .map { list.record(record($0, document: doc, ctx: ctx)) }
            return [.table(LuaTable(array: rows, metatable: shown.metatable))]
        }
    }

    /// `dossier.dates(text, {anchor = "2023-06-18"})`.
    static func function(_ ctx: BindingContext) throws -> LuaFunction {
        let list = try ctx.lists.columns(allColumns)
        let shown = try ctx.lists.columns(columns)
        return ctx.lua.function("dates") { [unowned ctx] args in
            let text = try args.string(1)
            var anchor: DateAnchor?
            let options = try args.optionalTable(2)
            for key in options?.stringKeys ?? [] where key != "anchor" {
                throw LuaArgumentError(2, "unknown option '\(key)' (dates takes anchor)")
            }
            if let options, let iso = options["anchor"]?.stringValue {
                guard let value = DateValue(iso: iso) else {
                    throw LuaArgumentError(2, "anchor '\(iso)' is not an ISO date like 2023-06-18")
                }
                anchor = DateAnchor(value: value, description: "given anchor \(value.iso)")
            }
            let rows = try DateExtractor.mentions(in: text, anchor: anchor, cancellation: ctx.cancellation)
                .map { list.record(record($0, document: nil, ctx: ctx)) }
            return [.table(LuaTable(array: rows, metatable: shown.metatable))]
        }
    }
}
