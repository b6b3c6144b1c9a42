import Corpus
import Foundation
import LuaBridge

/// Statistics methods: `Corpus:frequencies`, `:ngrams`, `:collocations`, `:keyness`, and
/// `Document:keywords`; and the session stopword list in the `dossier` table
/// (`dossier.stopwords()`, `set_stopwords`, `add_stopwords`, `remove_stopwords`, `is_stopword`).
///
/// Every method takes an options table; unknown option names are errors. Results are Lists of
/// records; scores are rounded to 4 decimals (ranking uses the exact values).
enum StatisticsBinding {
    /// Rows returned when a call gives no `top` (keywords: `defaultKeywords`); `top = false`
    /// returns every row.
    static let defaultTop = 100
    static let defaultKeywords = 10

    static func install(on cls: LuaClass<Corpus>, _ ctx: BindingContext) throws {
        let settings = ctx.statistics
        let frequencyRows = try ctx.lists.columns(["term", "count", "docs"])
        let ngramRows = try ctx.lists.columns(["ngram", "count", "docs"])
        let collocateRows = try ctx.lists.columns(["term", "score", "count"])
        let keynessRows = try ctx.lists.columns(["term", "score", "count", "ref_count"])

        cls.method("frequencies") { corpus, args in
            let options = try StatisticsOptions(args, 1, allowed: ["top", "stopwords", "kinds"])
            let rows = corpus.frequencies(top: try options.top(default: defaultTop),
                                          stopwords: try options.stopwords(settings), kinds: try options.kinds())
            return [frequencyRows.make(rows.map { [.text($0.term), .integer($0.count), .integer($0.docs)] })]
        }
        cls.method("ngrams") { corpus, args in
            let n = try args.integer(1)
            guard n >= 1, n <= NGramCounter.maximumLength else {
                throw StatisticsOptions.error(1, "n must be from 1 to \(NGramCounter.maximumLength), not \(n)")
            }
            let options = try StatisticsOptions(args, 2, allowed: ["top", "min", "stopwords"])
            let rows = try statistics {
                try corpus.ngrams(n, min: try options.min(default: 2), stopwords: try options.stopwords(settings),
                                  top: try options.top(default: defaultTop), cancellation: ctx.cancellation)
            }
            return [ngramRows.make(rows.map { [.text($0.text), .integer($0.count), .integer($0.docs)] })]
        }
        cls.method("collocations") { corpus, args in
            let node = try args.string(1)
            let options = try StatisticsOptions(args, 2, allowed: ["top", "min", "stopwords", "window", "measure"])
            let window = try options.integer("window") ?? 5
            guard window >= 1 else { throw options.error("window must be at least 1, not \(window)") }
            let measure = try options.measure()
            let rows: [Collocate]
            do {
                rows = try corpus.collocations(of: node, window: window, measure: measure, min: try options.min(default: 2),
                                               stopwords: try options.stopwords(settings), top: try options.top(default: defaultTop),
                                               cancellation: ctx.cancellation)
            } catch let error as StatisticsError {
                // A stop is not the argument's fault: a limit ends the chunk, a memory refusal is a plain error.
                if case .stopped = error { throw error.luaLimit == nil ? LuaRuntimeError(error.description) : error }
                throw StatisticsOptions.error(1, error.description)
            }
            return [collocateRows.make(rows.map { [.text($0.term), .number(rounded($0.score)), .integer($0.count)] })]
        }
        cls.method("keyness") { corpus, args in
            let reference = try args.object(1, as: Corpus.self, name: "Corpus")
            let options = try StatisticsOptions(args, 2, allowed: ["top", "min", "stopwords"])
            let rows = try statistics {
                try corpus.keyness(against: reference, min: try options.min(default: 3),
                                   stopwords: try options.stopwords(settings), top: try options.top(default: defaultTop))
            }
            return [keynessRows.make(rows.map {
                [.text($0.term), .number(rounded($0.score)), .integer($0.count), .integer($0.referenceCount)]
            })]
        }
    }

    static func install(on cls: LuaClass<Document>, _ ctx: BindingContext) throws {
        let settings = ctx.statistics
        let keywordRows = try ctx.lists.columns(["term", "score", "count"])
        cls.method("keywords") { doc, args in
            let options = try StatisticsOptions(args, 1, allowed: ["top", "stopwords"])
            let rows = doc.keywords(top: try options.top(default: defaultKeywords), stopwords: try options.stopwords(settings))
            return [keywordRows.make(rows.map { [.text($0.term), .number(rounded($0.score)), .integer($0.count)] })]
        }
    }

    /// Adds the stopword functions to the `dossier` table.
    static func addDossierFunctions(to module: LuaValue, _ ctx: BindingContext) -> LuaValue {
        guard case .table(var table) = module else { return module }
        let settings = ctx.statistics
        let lists = ctx.lists
        let lua = ctx.lua
        table.set("stopwords", .function(lua.function("stopwords") { _ in
            [lists.strings(settings.stopwords.words.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })]
        }))
        table.set("set_stopwords", .function(lua.function("set_stopwords") { args in
            if args.type(1) == .string, try args.string(1) == "english" {
                settings.stopwords = .english
            } else {
                settings.stopwords = Stopwords(try words(args, 1))
            }
            return [.integer(settings.stopwords.words.count)]
        }))
        table.set("add_stopwords", .function(lua.function("add_stopwords") { args in
            settings.stopwords = settings.stopwords.adding(try words(args, 1))
            return [.integer(settings.stopwords.words.count)]
        }))
        table.set("remove_stopwords", .function(lua.function("remove_stopwords") { args in
            settings.stopwords = settings.stopwords.removing(try words(args, 1))
            return [.integer(settings.stopwords.words.count)]
        }))
        table.set("is_stopword", .function(lua.function("is_stopword") { args in
            [.boolean(settings.stopwords.contains(Tokenizer.norm(try args.string(1))))]
        }))
        return .table(table)
    }

    /// Words given as one string or a list of strings (argument `i` of a plain function).
    static func words(_ args: LuaArguments, _ i: Int) throws -> [String] {
        switch args.type(i) {
        case .string, .number:
            return [try args.string(i)]
        case .table:
            let table = try args.table(i)
            return try table.array.map { value in
                guard case .string = value, let word = value.stringValue else {
                    throw LuaArgumentError(i, "list of words expected, found a \(value.type)")
                }
                return word
            }
        default:
            throw LuaArgumentError.type(i, expected: "string or list of words")
        }
    }

    /// Runs a statistics call, turning its error into a Lua error.
    static func statistics<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as StatisticsError where error.luaLimit == nil {
            throw LuaRuntimeError(error.description)
        }
    }

    /// A score as shown to scripts: 4 decimals.
    static func rounded(_ score: Double) -> Double {
        guard score.isFinite else { return score }
        return (score * 10_000).rounded() / 10_000
    }
}

/// The options table of a statistics method (`{top = 20, stopwords = false, …}`), checked
/// against the names the method knows.
struct StatisticsOptions {
    /// Position of the table among the method's arguments (not counting `self`).
    let position: Int
    let table: LuaTable

    init(_ args: LuaArguments, _ position: Int, allowed: [String]) throws {
        self.position = position
        table = try args.optionalTable(position) ?? LuaTable()
        if !table.array.isEmpty {
            throw Self.error(position, "options must be named fields ({top = 10}), not a list")
        }
        for key in table.stringKeys where !allowed.contains(key) {
            throw Self.error(position, "unknown option '\(key)' (use \(Self.names(allowed)))")
        }
        if table.stringKeys.count != table.fields.count {
            throw Self.error(position, "option names must be strings")
        }
    }

    /// A bad-argument error at method argument `position`. Lua does not count `self` in a
    /// method's messages, and the trampoline reports stack positions, so `self` is added here.
    static func error(_ position: Int, _ message: String) -> LuaArgumentError {
        LuaArgumentError(position + 1, message)
    }

    func error(_ message: String) -> LuaArgumentError {
        Self.error(position, message)
    }

    /// "a, b or c".
    static func names(_ names: [String]) -> String {
        guard names.count > 1, let last = names.last else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " or " + last
    }

    /// An integer option, or nil when absent.
    func integer(_ name: String) throws -> Int? {
        guard let value = table[name] else { return nil }
        switch value {
        case .integer(let i): return i
        case .number(let d) where d == d.rounded() && abs(d) < 1e15: return Int(d)
        default: throw error("option '\(name)' must be an integer, not \(describe(value))")
        }
    }

    /// `top`: a count, or `false` / `math.huge` for every row.
    func top(default fallback: Int) throws -> Int? {
        guard let value = table["top"] else { return fallback }
        switch value {
        case .boolean(false): return nil
        case .number(let d) where d == .infinity: return nil
        default:
            guard let n = try integer("top") else { return fallback }
            guard n >= 0 else { throw error("top must be 0 or more, not \(n)") }
            return n
        }
    }

    /// `min`: fewest occurrences, at least 1.
    func min(default fallback: Int) throws -> Int {
        guard let n = try integer("min") else { return fallback }
        guard n >= 1 else { throw error("min must be at least 1, not \(n)") }
        return n
    }

    /// `stopwords`: `true` (the default) for the session list, `false` for none, or a list of
    /// words that replaces the session list for this call.
    func stopwords(_ settings: StatisticsSettings) throws -> Stopwords? {
        guard let value = table["stopwords"] else { return settings.stopwords }
        switch value {
        case .boolean(true): return settings.stopwords
        case .boolean(false): return nil
        case .table(let list):
            let words = list.array.compactMap { value -> String? in
                if case .string = value { return value.stringValue }
                return nil
            }
            guard words.count == list.array.count, list.fields.isEmpty else {
                throw error("option 'stopwords' must be true, false or a list of words")
            }
            return Stopwords(words)
        default:
            throw error("option 'stopwords' must be true, false or a list of words, not \(describe(value))")
        }
    }

    /// `kinds`: "word", "number", "punct" or a list of them; words only by default.
    func kinds() throws -> Set<TokenKind> {
        guard let value = table["kinds"] else { return [.word] }
        let names: [LuaValue]
        switch value {
        case .string: names = [value]
        case .table(let list): names = list.array
        default: throw error("option 'kinds' must be a kind or a list of kinds (word, number, punct)")
        }
        var kinds = Set<TokenKind>()
        for name in names {
            guard let text = name.stringValue, let kind = TokenKind.allCases.first(where: { $0.description == text }) else {
                throw error("unknown kind '\(name.stringValue ?? describe(name))': use word, number or punct")
            }
            kinds.insert(kind)
        }
        return kinds
    }

    /// `measure`: "llr" (default), "pmi" or "t".
    func measure() throws -> AssociationMeasure {
        guard let value = table["measure"] else { return .llr }
        guard case .string = value, let text = value.stringValue else {
            throw error("option 'measure' must be a string (llr, pmi or t), not \(describe(value))")
        }
        guard let measure = AssociationMeasure(rawValue: text.lowercased()) else {
            throw error("unknown measure '\(text)': use llr, pmi or t")
        }
        return measure
    }

    private func describe(_ value: LuaValue) -> String {
        switch value {
        case .string(let s): return "'\(s.text ?? "?")'"
        case .integer, .number: return value.stringValue ?? "a number"
        default: return "a \(value.type)"
        }
    }
}

/// The session's statistics settings that scripts can change: the stopword list every
/// statistics function uses unless a call says otherwise (`stopwords = false` or a list).
final class StatisticsSettings {
    /// The current session list; starts as the bundled English list.
    var stopwords: Stopwords = .english
}
