import Corpus
import Foundation
import LuaBridge

/// `Corpus` in Lua: `#corpus`, `:docs()`, `:doc(id)`, `:sources()`, `:filter(fn_or_spec)`.
enum CorpusBinding {
    static func make(_ ctx: BindingContext, luaMethods: LuaReference, luaMethodsTable: LuaReference) throws -> LuaClass<Corpus> {
        let cls = LuaClass<Corpus>("Corpus")
        let lists = ctx.lists
        let sources = try lists.columns(["source", "docs"])
        cls.methodsMetatable = luaMethods
        cls.metafields = [("__lua_methods", .reference(luaMethodsTable))]
        cls.length = { $0.count }
        cls.describe = describe
        cls.field("location") { .text($0.location) }
        cls.field("words") { .integer($0.wordCount) }
        cls.method("docs") { corpus, _ in [lists.make(corpus.documents.map { .object($0) })] }
        cls.method("doc") { corpus, args in
            let id = try args.string(1)
            do {
                return [.object(try corpus.document(id))]
            } catch CorpusError.noSuchDocument {
                return [.nil]
            }
        }
        cls.method("sources") { corpus, _ in
            [sources.make(sourceCounts(corpus).map { [.text($0.source), .integer($0.docs)] })]
        }
        cls.method("_subset") { corpus, args in
            let ids = Set(try args.table(1).array.compactMap(\.stringValue))
            return [.object(corpus.filter { ids.contains($0.id) })]
        }
        cls.method("_filter_spec") { corpus, args in
            let spec = try args.table(1)
            return [.object(try filter(corpus, spec: spec, cancellation: ctx.cancellation))]
        }
        installTokenAccess(on: cls, ctx)
        try DateBinding.install(corpus: cls, ctx)
        try SearchBinding.install(on: cls, ctx)
        try StatisticsBinding.install(on: cls, ctx)
        try CompareBinding.install(on: cls, ctx)
        return cls
    }

    /// The fast path for whole-corpus passes: term ids per document as integer arrays and
    /// the vocabulary to read them with.
    ///
    ///     local vocab = corpus:vocabulary()
    ///     for doc, ids in corpus:token_ids() do
    ///       for i = 1, #ids do local term = vocab[ids[i]] ... end
    ///     end
    static func installTokenAccess(on cls: LuaClass<Corpus>, _ ctx: BindingContext) {
        let next = ctx.lua.function("token_ids iterator") { args in
            let corpus = try args.object(1, as: Corpus.self, name: "Corpus")
            var position = 0
            if let previous = args.optionalObject(2, as: Document.self) {
                position = corpus.position(of: previous).map { $0 + 1 } ?? corpus.count
            }
            guard position < corpus.count else { return [.nil] }
            let doc = corpus.documents[position]
            return [.object(doc), .unsignedIntegers(doc.terms.array, offset: 1, metatable: nil)]
        }
        cls.method("token_ids") { corpus, _ in [.function(next), .object(corpus), .nil] }
        cls.method("vocabulary") { corpus, _ in
            let lexicon = corpus.index.lexicon
            return [ctx.lists.strings((0..<lexicon.count).map(lexicon.term))]
        }
        cls.method("term_id") { corpus, args in
            let word = try args.string(1)
            guard let id = corpus.index.lexicon.id(of: Tokenizer.norm(word)) else { return [.nil] }
            return [.integer(id + 1)]
        }
        cls.field("token_count") { .integer($0.documents.reduce(0) { $0 + $1.tokenCount }) }
    }

    struct SourceCount {
        let source: String
        let docs: Int
    }

    /// Documents per source, most documents first (documents without a source are left out).
    static func sourceCounts(_ corpus: Corpus) -> [SourceCount] {
        var counts: [String: Int] = [:]
        var order: [String] = []
        for doc in corpus.documents {
            guard let source = doc.source else { continue }
            if counts[source] == nil { order.append(source) }
            counts[source, default: 0] += 1
        }
        return order.map { SourceCount(source: $0, docs: counts[$0] ?? 0) }
            .sorted { $0.docs != $1.docs ? $0.docs > $1.docs : $0.source < $1.source }
    }

    /// Applies a filter spec: `source` (a name or list of names, case-insensitive), `after` and
    /// `before` (ISO dates, inclusive, on the document date; undated documents are left out
    /// when either is given), `contains` (a search query the document must match).
    static func filter(_ corpus: Corpus, spec: LuaTable, cancellation: Cancellation = .none) throws -> Corpus {
        let known: Set<String> = ["source", "after", "before", "contains"]
        for key in spec.stringKeys where !known.contains(key) {
            throw specError("unknown filter field '\(key)' (use source, after, before or contains)")
        }
        var sources: Set<String>?
        if let value = spec["source"] {
            if let name = value.stringValue {
                sources = [name.lowercased()]
            } else if let list = value.tableValue {
                sources = Set(list.array.compactMap { $0.stringValue?.lowercased() })
            } else {
                throw specError("'source' must be a name or a list of names")
            }
        }
        let after = try isoDate(spec["after"], field: "after")
        let before = try isoDate(spec["before"], field: "before")
        if after != nil || before != nil { _ = try corpus.dates(cancellation: cancellation) }  // where it can be stopped
        let matching = try containsFilter(corpus, spec["contains"], cancellation: cancellation)
        return corpus.filter { doc in
            if let sources, !sources.contains(doc.source?.lowercased() ?? "\u{0}") { return false }
            if after != nil || before != nil {
                guard let date = doc.date else { return false }
                if let after, date.prefix(after.count) < after { return false }
                if let before, date.prefix(before.count) > before { return false }
            }
            if let matching, !matching.contains(doc.index) { return false }
            return true
        }
    }

    /// An ISO date prefix (`2023`, `2023-06`, `2023-06-18`) from a spec field.
    static func isoDate(_ value: LuaValue?, field: String) throws -> String? {
        guard let value else { return nil }
        guard let text = value.stringValue,
              text.range(of: #"^\d{4}(-\d{2}(-\d{2})?)?$"#, options: .regularExpression) != nil
        else { throw specError("'\(field)' must be an ISO date like 2023-06-18") }
        return text
    }

    /// Documents matching `contains`, a search query (words, "phrases", AND/OR/NOT, …).
    static func containsFilter(_ corpus: Corpus, _ value: LuaValue?, cancellation: Cancellation = .none) throws -> Set<Int>? {
        guard let value else { return nil }
        guard let text = value.stringValue else { throw specError("'contains' must be a query string") }
        let query: Query
        do {
            query = try Query.parse(text)
        } catch {
            throw specError("'contains': \(error)")
        }
        return Set(try rethrowingLimits({ try Search.documents(corpus, query, cancellation: cancellation) },
                                        other: { specError("'contains': \($0)") }).map(\.index))
    }

    /// A bad `corpus:filter{…}` spec, reported as Lua reports a bad argument to 'filter'.
    static func specError(_ message: String) -> LuaRuntimeError {
        LuaRuntimeError("bad argument #1 to 'filter' (\(message))")
    }

    /// `<Corpus 5 documents · 3,912 words · sources: …>`
    static func describe(_ corpus: Corpus) -> String {
        var parts = ["\(BindingContext.grouped(corpus.count)) documents", "\(BindingContext.grouped(corpus.wordCount)) words"]
        let sources = sourceCounts(corpus).map(\.source)
        if !sources.isEmpty {
            parts.append("sources: " + sources.prefix(4).joined(separator: ", ") + (sources.count > 4 ? ", …" : ""))
        }
        if corpus.parent != nil { parts.append("sub-corpus") }
        return "<Corpus " + parts.joined(separator: " · ") + ">"
    }
}
