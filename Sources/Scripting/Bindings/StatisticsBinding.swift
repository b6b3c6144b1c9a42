import Corpus
import Foundation
import LuaBridge

/// The bodies of the statistics members: `Corpus:frequencies`, `:ngrams`, `:collocations`,
/// `:keyness`, `Document:keywords`, and the session stopword list of the `dossier` table
/// (`dossier.stopwords()`, `set_stopwords`, `add_stopwords`, `remove_stopwords`, `is_stopword`).
/// The classes and the table that declare them: `CorpusBinding`, `DocumentBinding`, `DossierModule`.
///
/// Every method takes an options table; unknown option names are errors. Results are Lists of
/// records; scores are rounded to 4 decimals (ranking uses the exact values).
struct StatisticsBinding {
    /// Rows returned when a call gives no `top` (keywords: `defaultKeywords`); `top = false`
    /// returns every row.
    static let defaultTop = 100
    static let defaultKeywords = 10

    private let ctx: BindingContext
    private let settings: StatisticsSettings
    private let frequencyRows: RecordList
    private let ngramRows: RecordList
    private let collocateRows: RecordList
    private let keynessRows: RecordList
    private let keywordRows: RecordList

    init(_ ctx: BindingContext) throws {
        self.ctx = ctx
        settings = ctx.statistics
        frequencyRows = try ctx.lists.columns(["term", "count", "docs"])
        ngramRows = try ctx.lists.columns(["ngram", "count", "docs"])
        collocateRows = try ctx.lists.columns(["term", "score", "count"])
        keynessRows = try ctx.lists.columns(["term", "score", "count", "ref_count"])
        keywordRows = try ctx.lists.columns(["term", "score", "count"])
    }

    /// `corpus:frequencies(opts)`.
    func frequencies(_ corpus: Corpus, _ args: LuaArguments) throws -> [LuaValue] {
        let options = try StatisticsOptions(args, 1, .frequencies)
        var query = FrequencyQuery()
        query.limit = try options.top(default: Self.defaultTop)
        query.minimumCount = try options.min(default: 1)
        query.stopwords = try options.stopwords(settings)
        query.kinds = try options.kinds()
        let rows = corpus.frequencies(query)
        try ctx.reserve(rows.count, ResultCost.record(fields: 3), for: "frequencies", items: "rows")
        return [frequencyRows.make(rows.map { [.text($0.term), .integer($0.count), .integer($0.docs)] })]
    }

    /// `corpus:ngrams(n, opts)`.
    func ngrams(_ corpus: Corpus, _ args: LuaArguments) throws -> [LuaValue] {
        var query = NGramQuery(n: try args.integer(1, in: 1...NGramCounter.maximumLength, name: "n"))
        let options = try StatisticsOptions(args, 2, .ngrams)
        query.minimumCount = try options.min(default: 2)
        query.stopwords = try options.stopwords(settings)
        query.limit = try options.top(default: Self.defaultTop)
        let asked = query
        let rows = try Self.statistics {
            try ctx.cancellation.working(on: "n-grams") { () throws(StatisticsError) in try corpus.ngrams(asked, cancellation: ctx.cancellation) }
        }
        try ctx.reserve(rows.count, ResultCost.record(fields: 3) + 50 * query.n, for: "ngrams", items: "rows")
        return [ngramRows.make(rows.map { [.text($0.text), .integer($0.count), .integer($0.docs)] })]
    }

    /// `corpus:collocations(word, opts)`.
    func collocations(_ corpus: Corpus, _ args: LuaArguments) throws -> [LuaValue] {
        var query = CollocationQuery(node: try args.string(1))
        let options = try StatisticsOptions(args, 2, .collocations)
        query.window = try options.integer("window", in: StatisticsOptions.windowRange) ?? 5
        query.measure = try options.measure()
        query.minimumCount = try options.min(default: 2)
        query.stopwords = try options.stopwords(settings)
        query.limit = try options.top(default: Self.defaultTop)
        let asked = query
        let rows: [Collocate]
        do {
            rows = try corpus.collocations(asked, cancellation: ctx.cancellation)
        } catch {
            // A stop is not the argument's fault: a limit ends the chunk, a memory refusal is a plain error.
            if case .stopped = error { throw error.luaLimit == nil ? LuaRuntimeError(error.description) : error }
            throw StatisticsOptions.error(1, error.description)
        }
        try ctx.reserve(rows.count, ResultCost.record(fields: 3), for: "collocations", items: "rows")
        return [collocateRows.make(rows.map { [.text($0.term), .number(Self.rounded($0.score)), .integer($0.count)] })]
    }

    /// `corpus:keyness(other, opts)`.
    func keyness(_ corpus: Corpus, _ args: LuaArguments) throws -> [LuaValue] {
        var query = KeynessQuery(reference: try args.object(1, as: Corpus.self, name: "Corpus"))
        let options = try StatisticsOptions(args, 2, .keyness)
        query.minimumCount = try options.min(default: 3)
        query.stopwords = try options.stopwords(settings)
        query.limit = try options.top(default: Self.defaultTop)
        let asked = query
        let rows = try Self.statistics { try corpus.keyness(asked) }
        try ctx.reserve(rows.count, ResultCost.record(fields: 4), for: "keyness", items: "rows")
        return [keynessRows.make(rows.map {
            [.text($0.term), .number(Self.rounded($0.score)), .integer($0.count), .integer($0.referenceCount)]
        })]
    }

    /// `doc:keywords(opts)`.
    func keywords(_ doc: Document, _ args: LuaArguments) throws -> [LuaValue] {
        let options = try StatisticsOptions(args, 1, .keywords)
        var query = KeywordQuery()
        query.limit = try options.top(default: Self.defaultKeywords)
        query.minimumCount = try options.min(default: 1)
        query.stopwords = try options.stopwords(settings)
        query.globals = doc.lexicon === ctx.rootLexicon ? ctx.options.globals : nil
        let rows = doc.keywords(query)
        try ctx.reserve(rows.count, ResultCost.record(fields: 3), for: "keywords", items: "rows")
        return [keywordRows.make(rows.map { [.text($0.term), .number(Self.rounded($0.score)), .integer($0.count)] })]
    }

    // MARK: - The session's stopword list (members of `dossier`)

    /// `dossier.stopwords()`.
    func stopwords(_ args: LuaArguments) throws -> [LuaValue] {
        [ctx.lists.strings(settings.stopwords.words.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })]
    }

    /// `dossier.set_stopwords(words)`: `"english"` restores the bundled list.
    func setStopwords(_ args: LuaArguments) throws -> [LuaValue] {
        if args.type(1) == .string, try args.string(1) == "english" {
            settings.stopwords = .english
        } else {
            settings.stopwords = Stopwords(try Self.words(args, 1))
        }
        return [.integer(settings.stopwords.words.count)]
    }

    /// `dossier.add_stopwords(words)`.
    func addStopwords(_ args: LuaArguments) throws -> [LuaValue] {
        settings.stopwords = settings.stopwords.adding(try Self.words(args, 1))
        return [.integer(settings.stopwords.words.count)]
    }

    /// `dossier.remove_stopwords(words)`.
    func removeStopwords(_ args: LuaArguments) throws -> [LuaValue] {
        settings.stopwords = settings.stopwords.removing(try Self.words(args, 1))
        return [.integer(settings.stopwords.words.count)]
    }

    /// `dossier.is_stopword(word)`.
    func isStopword(_ args: LuaArguments) throws -> [LuaValue] {
        [.boolean(settings.stopwords.contains(Tokenizer.norm(try args.string(1))))]
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

/// The options table of a statistics method (`{top = 20, stopwords = false, …}`), read against
/// its declaration (`LuaOptionSet.frequencies`, …), with the readers of the statistics options.
struct StatisticsOptions {
    let reader: LuaOptionReader

    /// The options at method argument `position` (not counting `self`).
    init(_ args: LuaArguments, _ position: Int, _ set: LuaOptionSet) throws {
        reader = try LuaOptionReader(args, position, set)
    }

    /// A bad-argument error at method argument `position`. Lua does not count `self` in a
    /// method's messages, and the trampoline reports stack positions, so `self` is added here.
    static func error(_ position: Int, _ message: String) -> LuaArgumentError {
        LuaArgumentError(position + 1, message)
    }

    func error(_ message: String) -> LuaArgumentError { reader.error(message) }

    /// Collocation windows: up to 1000 tokens on each side (a sentence is rarely longer).
    static let windowRange = 1...1000

    /// A whole-number option within `range`, or nil when absent.
    func integer(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
        try reader.integer(name, in: range)
    }

    /// `top` (or `limit`): a count (0 or more), or `false` / `math.huge` for every row.
    func top(default fallback: Int) throws -> Int? {
        try reader.rows(default: fallback)
    }

    /// `min`: fewest occurrences, at least 1.
    func min(default fallback: Int) throws -> Int {
        try reader.minimum(default: fallback)
    }

    /// `stopwords`: `true` (the default) for the session list, `false` for none, or a list of
    /// words that replaces the session list for this call.
    func stopwords(_ settings: StatisticsSettings) throws -> Stopwords? {
        guard let value = reader.value("stopwords")?.value else { return settings.stopwords }
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
        guard let value = reader.value("kinds")?.value else { return [.word] }
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
        guard let value = reader.value("measure")?.value else { return .llr }
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
