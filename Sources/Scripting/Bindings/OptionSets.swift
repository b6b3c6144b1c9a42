import LuaBridge

/// The options tables of the Lua API, each declared once: what the bindings read a script's
/// table against (`LuaOptionReader`), and what the `---@class …Options` annotations of
/// docs/api/dossier.lua and the option tables of docs/api.md are written from.
///
/// The row-count options mean the same everywhere (issue 16): `top` and `limit` are one option,
/// the most rows returned (`false` or `math.huge`: all); `min` is the fewest occurrences a row
/// needs, in analyses whose rows have a count.
extension LuaOptionSet {
    static func rows(default value: String, canonical: String = "top") -> LuaOptionInfo {
        LuaOptionInfo(canonical, "TopOption", "most rows returned (false: all)", default: value,
                      aliases: [canonical == "top" ? "limit" : "top"])
    }

    static func minimum(_ what: String, default value: String) -> LuaOptionInfo {
        LuaOptionInfo("min", "integer", "fewest \(what) a row needs", default: value)
    }

    static let stopwords = LuaOptionInfo("stopwords", "StopwordsOption",
                                         "true: the session list; false: none; or a list of words for this call", default: "true")

    static let search = LuaOptionSet("SearchOptions", for: "search", summary: "Options of `corpus:search`.", [
        LuaOptionInfo("limit", "integer", "most hits returned (at least 1)", default: "10", aliases: ["top"]),
        LuaOptionInfo("snippets", "boolean", "false ranks only, without snippets", default: "true"),
    ])
    static let kwic = LuaOptionSet("KwicOptions", for: "kwic", summary: "Options of `corpus:kwic`.", [
        LuaOptionInfo("width", "integer", "characters of context on each side (0 to 1000)", default: "40"),
        LuaOptionInfo("limit", "integer|false", "most lines returned (at least 1; false: all)", default: "all", aliases: ["top"]),
    ])
    static let frequencies = LuaOptionSet("FrequencyOptions", for: "frequencies", summary: "Options of `corpus:frequencies`.", [
        rows(default: "100"), minimum("occurrences", default: "1"), stopwords,
        LuaOptionInfo("kinds", "TokenKind|TokenKind[]", "token kinds counted", default: "\"word\""),
    ])
    static let ngrams = LuaOptionSet("NGramOptions", for: "ngrams", summary: "Options of `corpus:ngrams`.", [
        rows(default: "100"), minimum("occurrences", default: "2"),
        LuaOptionInfo("stopwords", "StopwordsOption", "n-grams that start or end with a stopword are dropped unless false", default: "true"),
    ])
    static let collocations = LuaOptionSet("CollocationOptions", for: "collocations", summary: "Options of `corpus:collocations`.", [
        rows(default: "100"), minimum("co-occurrences", default: "2"), stopwords,
        LuaOptionInfo("window", "integer", "tokens on each side (1 to 1000)", default: "5"),
        LuaOptionInfo("measure", "AssociationMeasure", "how attachment is scored", default: "\"llr\""),
    ])
    static let keyness = LuaOptionSet("KeynessOptions", for: "keyness", summary: "Options of `corpus:keyness`.", [
        rows(default: "100"), minimum("occurrences in both corpora together", default: "3"), stopwords,
    ])
    static let keywords = LuaOptionSet("KeywordOptions", for: "keywords", summary: "Options of `doc:keywords`.", [
        rows(default: "10"), minimum("occurrences in the document", default: "1"), stopwords,
    ])
    static let entities = LuaOptionSet("EntityOptions", for: "entities", summary: "Options of `corpus:entities`.", [
        LuaOptionInfo("kind", "EntityKind", "only entities of this kind", default: "all kinds"),
        rows(default: "all"), minimum("mentions", default: "1"),
    ])
    static let timeline = LuaOptionSet("CorpusTimelineOptions", for: "timeline", summary: "Options of `corpus:timeline`.", [
        LuaOptionInfo("after", "string", "ISO date (or year, year-month): only dates from then on, inclusive"),
        LuaOptionInfo("before", "string", "ISO date: only dates up to then, inclusive"),
        rows(default: "all", canonical: "limit"),
    ])
    static let filter = LuaOptionSet("FilterSpec", for: "filter", summary: "`corpus:filter{…}` (and `List:filter{…}` on documents): every field given must hold.", [
        LuaOptionInfo("source", "string|string[]", "outlet name(s), case-insensitive"),
        LuaOptionInfo("after", "string", "ISO date (or year, year-month); inclusive; undated documents are left out"),
        LuaOptionInfo("before", "string", "ISO date; inclusive; undated documents are left out"),
        LuaOptionInfo("contains", "string", "a search query the document must match"),
    ])
    static let corpusDates = LuaOptionSet("CorpusDateOptions", for: "dates", summary: "`corpus:dates` takes no options.", [])
    static let textDates = LuaOptionSet("DateOptions", for: "dates", summary: "Options of `dossier.dates`.", [
        LuaOptionInfo("anchor", "string", "ISO date relative dates are read against (\"2023-06-18\")"),
    ])
    static let cooccurrence = LuaOptionSet("CooccurrenceOptions", for: "cooccurrence", summary: "Options of `corpus:cooccurrence`.", [
        LuaOptionInfo("of", "\"entities\"|\"terms\"", "what is paired", default: "\"entities\""),
        LuaOptionInfo("kind", "EntityKind|EntityKind[]", "only entities of this kind or kinds", default: "all kinds"),
        LuaOptionInfo("among", "(Entity|string)[]", "only pairs of these entities (Entities or names)", default: "all"),
        LuaOptionInfo("within", "\"sentence\"|\"paragraph\"|\"document\"", "the span both must share", default: "\"sentence\""),
        rows(default: "100"), minimum("spans shared", default: "2"),
        LuaOptionInfo("measure", "\"llr\"|\"pmi\"|\"count\"", "how rows are ranked", default: "\"llr\""),
        LuaOptionInfo("stopwords", "StopwordsOption", "terms only: stopwords are left out unless false", default: "true"),
    ])

    // The report functions (Lua/report.lua checks its options through `native.options`).
    static let table = LuaOptionSet("TableOptions", for: "table", summary: "Options of `report.table`.", [
        LuaOptionInfo("columns", "string[]", "which fields, in order", default: "the List's columns, else the keys seen"),
        LuaOptionInfo("top", "integer|false", "rows an HTML report shows (0 to 2^31-1); the rest are counted as \"N more\"", default: "false (all)"),
        LuaOptionInfo("noun", "string", "what a row is, for that note (\"quotations\")", default: "\"rows\""),
        LuaOptionInfo("link", "string", "a file holding the whole table, linked under it (a path relative to the page)"),
    ])
    static let barChart = LuaOptionSet("BarChartOptions", for: "bar", summary: "Options of `report.chart.bar`.", [
        LuaOptionInfo("title", "string", "the chart's title"),
        LuaOptionInfo("label", "string", "field holding the label", default: "label, term, name, key, ngram or source"),
        LuaOptionInfo("value", "string", "field holding the value", default: "value, count, score or docs"),
    ])
    static let bars = LuaOptionSet("BarsOptions", for: "bars", summary: "Options of `report.bars`.", [
        LuaOptionInfo("label", "string", "field holding the label"),
        LuaOptionInfo("value", "string", "field holding the value"),
        LuaOptionInfo("width", "integer", "characters, 1 to 1000", default: "the terminal's"),
    ])
    static let timelineChart = LuaOptionSet("TimelineOptions", for: "timeline", summary: "Options of `report.chart.timeline`.", [
        LuaOptionInfo("title", "string", "the chart's title"),
        LuaOptionInfo("label", "string", "field holding an event's label", default: "\"label\", else `text`"),
    ])

    // The spec tables of report.html and the network and matrix charts (their annotations,
    // NetworkSpec, MatrixSpec and HtmlSpec, are written by hand with their record types).
    static let html = LuaOptionSet("HtmlSpec", for: "html", summary: "`report.html{…}`.", [
        LuaOptionInfo("title", "string", "the page title", default: "\"dossier report\""),
        LuaOptionInfo("subtitle", "string", "a line under the title"),
        LuaOptionInfo("sections", "HtmlSection[]", "the sections, in order"),
    ])
    static let network = LuaOptionSet("NetworkSpec", for: "network", summary: "`report.chart.network{…}`.", [
        LuaOptionInfo("title", "string", "the chart's title"),
        LuaOptionInfo("nodes", "NetworkNode[]", "the nodes"),
        LuaOptionInfo("edges", "NetworkEdge[]", "the edges"),
    ])
    static let matrix = LuaOptionSet("MatrixSpec", for: "matrix", summary: "`report.chart.matrix{…}`.", [
        LuaOptionInfo("title", "string", "the chart's title"),
        LuaOptionInfo("rows", "string[]", "row labels"),
        LuaOptionInfo("columns", "string[]", "column labels"),
        LuaOptionInfo("cells", "number[][]", "one row of numbers per row label"),
    ])

    /// Every declared options table, in the order docs list them.
    static let all: [LuaOptionSet] = [
        search, kwic, filter, frequencies, ngrams, collocations, keyness, keywords, entities, timeline, textDates,
        cooccurrence, table, barChart, bars, timelineChart,
    ]
    /// The report functions' tables by the name `native.options` is called with.
    static let report: [String: LuaOptionSet] = [
        "table": table, "bar": barChart, "bars": bars, "timeline": timelineChart,
        "html": html, "network": network, "matrix": matrix,
    ]
}

extension LuaOptionReader {
    /// The options of a method: argument `i` after `self` (reported as `#i`).
    init(_ args: LuaArguments, _ i: Int, _ set: LuaOptionSet) throws {
        try self.init(args.optionalTable(i), set, argument: i + 1)
    }

    /// `top` / `limit` with its default (nil: every row).
    func rows(default fallback: Int?) throws -> Int? {
        let name = set.options.first { $0.name == "top" || $0.name == "limit" }?.name ?? "top"
        guard let given = try count(name) else { return fallback }
        return given
    }

    /// `min` with its default, at least 1.
    func minimum(default fallback: Int) throws -> Int {
        try integer("min", in: 1...Int.max) ?? fallback
    }
}
