import Corpus
import LuaBridge

/// Search and concordance methods of `Corpus`:
///
/// Options are declared in `LuaOptionSet.search` / `.kwic` (`top` is `limit`).
///
/// - `corpus:search(query, {limit = 10, snippets = true})` → List of `{doc, score, snippet}`,
///   best first (BM25); `snippets = false` ranks only. `limit` is at least 1.
/// - `corpus:kwic(query, {width = 40, limit = nil})` → List of `{left, match, right, doc,
///   sentence, offset}` in document and text order (`width` 0 to 1000 characters, `limit` at
///   least 1); `sentence` is the Sentence holding the match. The REPL prints it as a concordance (the left column right-aligned).
///
/// The query language is described in docs/query-language.md; a syntax error raises a Lua error
/// such as `query: unbalanced '(' at 12`.
struct SearchBinding {
    static let searchColumns = ["doc", "score", "snippet"]
    static let kwicColumns = ["left", "match", "right", "doc"]

    private let ctx: BindingContext
    private let hits: RecordList
    private let lines: RecordList
    /// The keys of a hit's record (`searchColumns`), made once.
    private let hitKeys = searchColumns.map { LuaString($0) }

    init(_ ctx: BindingContext) throws {
        self.ctx = ctx
        hits = try ctx.lists.columns(Self.searchColumns)
        lines = try ctx.lists.columns(Self.kwicColumns, align: ["left": .right])
    }

    /// `corpus:search(query, opts)`.
    func search(_ corpus: Corpus, _ args: LuaArguments) throws -> [LuaValue] {
        var query = SearchQuery(try args.string(1))
        let options = try LuaOptionReader(args, 2, .search)
        query.limit = try options.integer("limit", in: 1...Int.max) ?? 10
        query.snippets = try options.flag("snippets") ?? true
        query.fields = Self.fields
        let results = try rethrowingLimits({ try corpus.search(query, cancellation: ctx.cancellation) },
                                           other: { LuaRuntimeError(String(describing: $0)) })
        try ctx.reserve(results.count, ResultCost.record(fields: 3) + 300, for: "search", items: "hits")
        // The records written straight into what Lua is handed (no `LuaValue` per hit or
        // field), the same tables `hits.make` would make: a search hands hits over on every call.
        return [.records(LuaRecordList(keys: hitKeys, rows: HitRows(hits: results), metatable: hits.metatable))]
    }

    /// Search hits as records `{doc, score, snippet}` (`searchColumns`).
    private struct HitRows: LuaRecordRows {
        let hits: [Hit]
        var count: Int { hits.count }

        func write(_ row: Int, to record: inout LuaRecordWriter) throws {
            let hit = hits[row]
            try record.object(hit.document)
            try record.number(hit.score)
            try record.text(hit.snippet)
        }
    }

    /// `corpus:kwic(query, opts)`.
    func kwic(_ corpus: Corpus, _ args: LuaArguments) throws -> [LuaValue] {
        let ctx = self.ctx
        var query = KwicQuery(try args.string(1))
        let options = try LuaOptionReader(args, 2, .kwic)
        query.width = try options.integer("width", in: 0...1000) ?? 40
        if case .boolean(false)? = options.value("limit")?.value {
            query.limit = nil
        } else {
            query.limit = try options.integer("limit", in: 1...Int.max)
        }
        query.fields = Self.fields
        let width = query.width
        let results = try rethrowingLimits({ try corpus.kwic(query, cancellation: ctx.cancellation) },
                                           other: { LuaRuntimeError(String(describing: $0)) })
        try ctx.reserve(results.count, ResultCost.record(fields: 6) + ResultCost.object + 3 * width, for: "kwic", items: "lines")
        // `sentence` is the Sentence object, as in quotes and dates; `offset` the 1-based byte
        // position of the match in the document text.
        let rows: [LuaValue] = results.map { line in
            .record(["left": .text(line.left), "match": .text(line.match), "right": .text(line.right),
                     "doc": .object(line.document), "sentence": .object(ctx.sentence(line.document, line.sentence)),
                     "offset": .integer(line.offset + 1)], metatable: nil)
        }
        return [.table(LuaTable(array: rows, metatable: lines.metatable))]
    }

    /// Where `title:` and `source:` look.
    static let fields = SearchFields.standard
}
