import Corpus
import LuaBridge

/// Search and concordance methods of `Corpus`:
///
/// - `corpus:search(query, {limit = 10, snippets = true})` → List of `{doc, score, snippet}`,
///   best first (BM25); `snippets = false` ranks only.
/// - `corpus:kwic(query, {width = 40, limit = nil})` → List of `{left, match, right, doc,
///   sentence}` in document and text order; `sentence` is the 1-based number of the sentence
///   holding the match. The REPL prints it as a concordance (the left column right-aligned).
///
/// The query language is described in docs/query-language.md; a syntax error raises a Lua error
/// such as `query: unbalanced '(' at 12`.
enum SearchBinding {
    static let searchColumns = ["doc", "score", "snippet"]
    static let kwicColumns = ["left", "match", "right", "doc"]

    static func install(on cls: LuaClass<Corpus>, _ ctx: BindingContext) throws {
        let hits = try ctx.lists.columns(searchColumns)
        let lines = try ctx.lists.columns(kwicColumns, align: ["left": .right])
        cls.method("search") { corpus, args in
            let query = try args.string(1)
            let options = try Options(args, name: "search", known: ["limit", "snippets"])
            let limit = try options.count("limit", allowZero: false) ?? 10
            let snippets = options.flag("snippets") ?? true
            let results = try rethrowingLimits({
                try Search.search(corpus, query, limit: limit, fields: fields, snippets: snippets, cancellation: ctx.cancellation)
            }, other: { LuaRuntimeError(String(describing: $0)) })
            return [hits.make(results.map { [.object($0.document), .number($0.score), .text($0.snippet)] })]
        }
        cls.method("kwic") { corpus, args in
            let query = try args.string(1)
            let options = try Options(args, name: "kwic", known: ["width", "limit"])
            let width = try options.count("width", allowZero: true) ?? 40
            let limit = try options.count("limit", allowZero: false)
            let results = try rethrowingLimits({
                try Search.kwic(corpus, query, width: width, limit: limit, fields: fields, cancellation: ctx.cancellation)
            }, other: { LuaRuntimeError(String(describing: $0)) })
            // `sentence` is the Sentence object, as in quotes and dates; `offset` the 1-based byte
            // position of the match in the document text.
            let rows: [LuaValue] = results.map { line in
                .record(["left": .text(line.left), "match": .text(line.match), "right": .text(line.right),
                         "doc": .object(line.document), "sentence": .object(ctx.sentence(line.document, line.sentence)),
                         "offset": .integer(line.offset + 1)], metatable: nil)
            }
            return [.table(LuaTable(array: rows, metatable: lines.metatable))]
        }
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

        /// A whole-number option, or nil when absent.
        func count(_ key: String, allowZero: Bool) throws -> Int? {
            guard let value = table?[key] else { return nil }
            if case .nil = value { return nil }
            let smallest = allowZero ? 0 : 1
            guard let n = value.intValue, value.type == .number, n >= smallest else {
                throw LuaArgumentError(Self.position, "'\(key)' must be \(allowZero ? "a whole number ≥ 0" : "a positive whole number")")
            }
            return n
        }
    }
}
