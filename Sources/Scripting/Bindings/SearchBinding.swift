import Corpus
import LuaBridge

/// Search and concordance methods of `Corpus`:
///
/// - `corpus:search(query, {limit = 10, snippets = true})` → List of `{doc, score, snippet}`,
///   best first (BM25); `snippets = false` ranks only. `limit` is at least 1.
/// - `corpus:kwic(query, {width = 40, limit = nil})` → List of `{left, match, right, doc,
///   sentence}` in document and text order (`width` 0 to 1000 characters, `limit` at least 1); `sentence` is the 1-based number of the sentence
///   holding the match. The REPL prints it as a concordance (the left column right-aligned).
///
/// The query language is described in docs/query-language.md; a syntax error raises a Lua error
/// such as `query: unbalanced '(' at 12`.
struct SearchBinding {
    static let searchColumns = ["doc", "score", "snippet"]
    static let kwicColumns = ["left", "match", "right", "doc"]

    private let ctx: BindingContext
    private let hits: RecordList
    private let lines: RecordList

    init(_ ctx: BindingContext) throws {
        self.ctx = ctx
        hits = try ctx.lists.columns(Self.searchColumns)
        lines = try ctx.lists.columns(Self.kwicColumns, align: ["left": .right])
    }

    /// `corpus:search(query, opts)`.
    func search(_ corpus: Corpus, _ args: LuaArguments) throws -> [LuaValue] {
        let query = try args.string(1)
        let options = try Options(args, name: "search", known: ["limit", "snippets"])
        let limit = try options.integer("limit", in: 1...Int.max) ?? 10
        let snippets = options.flag("snippets") ?? true
        let results = try rethrowingLimits({
            try Search.search(corpus, query, limit: limit, fields: Self.fields, snippets: snippets, cancellation: ctx.cancellation)
        }, other: { LuaRuntimeError(String(describing: $0)) })
        try ctx.reserve(results.count, ResultCost.record(fields: 3) + 300, for: "search", items: "hits")
        return [hits.make(results.map { [.object($0.document), .number($0.score), .text($0.snippet)] })]
    }

    /// `corpus:kwic(query, opts)`.
    func kwic(_ corpus: Corpus, _ args: LuaArguments) throws -> [LuaValue] {
        let ctx = self.ctx
        let query = try args.string(1)
        let options = try Options(args, name: "kwic", known: ["width", "limit"])
        let width = try options.integer("width", in: 0...1000) ?? 40
        let limit = try options.integer("limit", in: 1...Int.max)
        let results = try rethrowingLimits({
            try Search.kwic(corpus, query, width: width, limit: limit, fields: Self.fields, cancellation: ctx.cancellation)
        }, other: { LuaRuntimeError(String(describing: $0)) })
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

    /// The options table of a method (its argument 2), checked against the names it knows.
    struct Options {
        let table: LuaTable?
        let name: String

        /// Stack position of the options argument (self is 1; Lua reports it as #2).
        static let position = 3

        init(_ args: LuaArguments, name: String, known: [String]) throws {
            self.name = name
            table = try args.optionalTable(2)
            guard let table else { return }
            if !table.array.isEmpty {
                throw LuaArgumentError(Self.position, "options must be named (\(known.joined(separator: ", ")))")
            }
            for (key, _) in table.fields {
                guard let text = key.stringValue, case .string = key, known.contains(text) else {
                    throw LuaArgumentError(Self.position, "unknown option '\(key.stringValue ?? "?")' (\(name) takes \(known.joined(separator: ", ")))")
                }
            }
        }

        /// A true/false option, or nil when absent.
        func flag(_ key: String) -> Bool? {
            guard let value = table?[key] else { return nil }
            if case .nil = value { return nil }
            return value.isTruthy
        }

        /// A whole-number option within `range`, or nil when absent.
        func integer(_ key: String, in range: ClosedRange<Int>) throws -> Int? {
            guard let value = table?[key] else { return nil }
            if case .nil = value { return nil }
            do {
                return try value.checkedInteger(key, in: range)
            } catch {
                throw error.argument(Self.position)
            }
        }
    }
}
