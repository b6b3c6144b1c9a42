import Corpus
import Foundation
import LuaBridge

/// The bodies of the date members: `corpus:timeline()`, `corpus:dates()`, `doc:dates()`,
/// `dossier.dates(text, {anchor=})`.
/// A DateMention is a record `{text, date, doc, sentence, anchor, relative}`: `date` is ISO
/// (`2022-11`, `2023-06-18`, or a range `2023-06-18/2023-06-19`), nil when a relative date had
/// nothing to be read against.
struct DateBinding {
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

    private let ctx: BindingContext
    /// Lists of mentions with every field, and the metatable that prints the usual columns.
    private let list: RecordList
    private let shown: RecordList

    init(_ ctx: BindingContext) throws {
        self.ctx = ctx
        list = try ctx.lists.columns(Self.allColumns)
        shown = try ctx.lists.columns(Self.columns)
    }

    private func mentions(_ rows: [LuaValue]) -> LuaValue {
        .table(LuaTable(array: rows, metatable: shown.metatable))
    }

    /// `corpus:timeline(opts)`: `{after =, before =, limit = (or top)}` (`LuaOptionSet.timeline`).
    func timeline(_ corpus: Corpus, _ args: LuaArguments) throws -> [LuaValue] {
        let options = try LuaOptionReader(args, 1, .timeline)
        var query = TimelineQuery()
        query.after = try Self.isoPrefix(options, "after")
        query.before = try Self.isoPrefix(options, "before")
        query.limit = try options.rows(default: nil)
        let items = try corpus.timeline(query, cancellation: ctx.cancellation)
        try ctx.reserve(items.count, ResultCost.record(fields: 7) + ResultCost.object, for: "timeline", items: "dates")
        return [mentions(items.map { list.record(Self.record($0.mention, document: $0.document, ctx: ctx)) })]
    }

    /// An ISO date prefix option (`2023`, `2023-06`, `2023-06-18`).
    static func isoPrefix(_ options: LuaOptionReader, _ name: String) throws -> String? {
        guard let text = try options.string(name) else { return nil }
        guard text.range(of: #"^\d{4}(-\d{2}(-\d{2})?)?$"#, options: .regularExpression) != nil else {
            throw options.error("'\(name)' must be an ISO date like 2023-06-18")
        }
        return text
    }

    /// `corpus:dates()`: every mention of every document, in document and text order
    /// (unresolved ones too).
    func corpusDates(_ corpus: Corpus, _ args: LuaArguments) throws -> [LuaValue] {
        _ = try LuaOptionReader(args, 1, .corpusDates)
        let dates = try corpus.dates(cancellation: ctx.cancellation)
        let count = corpus.documents.reduce(0) { $0 + dates.mentions(of: $1).count }
        try ctx.reserve(count, ResultCost.record(fields: 7) + ResultCost.object, for: "dates", items: "dates")
        var rows: [LuaValue] = []
        for doc in corpus.documents {
            for m in dates.mentions(of: doc) { rows.append(list.record(Self.record(m, document: doc, ctx: ctx))) }
        }
        return [mentions(rows)]
    }

    /// `doc:dates()`.
    func documentDates(_ doc: Document, _ args: LuaArguments) throws -> [LuaValue] {
        guard let corpus = doc.corpus else { return [shown.make([])] }
        let dates = try corpus.dates(cancellation: ctx.cancellation)
        return [mentions(dates.mentions(of: doc).map { list.record(Self.record($0, document: doc, ctx: ctx)) })]
    }

    /// `dossier.dates(text, {anchor = "2023-06-18"})`.
    func textDates(_ args: LuaArguments) throws -> [LuaValue] {
        let text = try args.string(1)
        var anchor: DateAnchor?
        let options = try LuaOptionReader(args.optionalTable(2), .textDates, argument: 2)
        if let iso = try options.string("anchor") {
            guard let value = DateValue(iso: iso) else {
                throw LuaArgumentError(2, "anchor '\(iso)' is not an ISO date like 2023-06-18")
            }
            anchor = DateAnchor(value: value, description: "given anchor \(value.iso)")
        }
        let found = try DateExtractor.mentions(in: text, anchor: anchor, cancellation: ctx.cancellation)
        return [mentions(found.map { list.record(Self.record($0, document: nil, ctx: ctx)) })]
    }
}
