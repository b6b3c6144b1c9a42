import Corpus
import LuaBridge

/// The `dossier` global: every member of the table, declared here and nowhere else. The bodies
/// of the analyses on free text live with their topic; the members written in Lua (`fail`,
/// `open`, the plugin registries) live in `Lua/dossier.lua`, which must define exactly those
/// declared with `.lua`.
enum DossierModule {
    /// What the table is built from besides the binding context.
    struct Parts {
        /// The List type (Lua/list.lua) and the printer (Lua/printer.lua).
        let list: LuaReference
        let printer: LuaReference
        /// Helpers for scripts and plugins (Lua/util.lua).
        let util: LuaReference
        /// The plugin registries (Lua/plugins.lua), which `Lua/dossier.lua` hands on.
        let plugins: LuaReference
        let entities: EntityBinding
        let quotes: QuoteBinding
        /// The session's corpus and how long it took to load (wall-clock and CPU seconds).
        let loadStats: () -> (Corpus, Double, Double)
    }

    static func make(_ ctx: BindingContext, _ parts: Parts) throws -> LuaValue {
        let statistics = try StatisticsBinding(ctx)
        let dates = try DateBinding(ctx)
        let tokenColumns = try ctx.lists.columns(TokenBinding.columns)
        let luaMembers = try ctx.lua.makeReferenceFromLua(try LuaSources.source("dossier"), chunkName: "=[dossier module]",
                                                          arguments: [.reference(parts.plugins), .function(open(ctx))])
        let module = LuaModule("dossier", summary: "dossier itself: version, other corpora, the analysis stages on any text, stopwords, plugins.", members: [
            .value("version", "string", "dossier's version (\"0.1.0\")", .text(ScriptSession.version)),
            .value("lua_version", "string", "\"Lua 5.4\"", .text("Lua 5.4")),
            .value("List", "List<any>", "the List type: `List.new(t)`, `List.is(v)`, `List.with_columns(cols)`", .reference(parts.list)),
            .value("printer", "dossier.printer", "how the REPL shows values", .reference(parts.printer)),
            .value("util", "dossier.util", "helpers scripts and plugins share: text, outlets, columns, arguments", .reference(parts.util)),
            .lua("fail", in: "dossier.lua", """
                Ends the script with `message` on standard error and exit status 1, without a position or
                a traceback (for usage errors and "nothing found" endings).
                """, parameters: ["message string"]),
            .lua("open", in: "dossier.lua", "A Corpus loaded from another folder or file of articles (.txt, .jsonl, .json, .csv…; `opts`: `format`, `fields`, `recursive`, `pattern`); plugin annotators run on it too.",
                 parameters: ["path string", "opts? OpenOptions"], returns: ["Corpus"]),
            // The analysis stages on any text
            .function("sentences", "The sentences of any text.", parameters: ["text string"], returns: ["List<string>"]) { args in
                let found = SentenceSplitter.sentences(in: try args.string(1))
                try ctx.reserve(found.count, ResultCost.strings(found), for: "dossier.sentences", items: "sentences")
                return [ctx.lists.strings(found)]
            },
            .function("tokens", "The tokens of any text, as Token records (offsets into `text`).", parameters: ["text string"],
                      returns: ["List<Token>"]) { args in
                let text = try args.string(1)
                try ctx.reserve(TokenRecords.count(text), TokenRecords.cost, for: "dossier.tokens", items: "tokens")
                return [.table(LuaTable(array: TokenRecords.records(text), metatable: tokenColumns.metatable))]
            },
            .function("dates", "The date mentions of any text; relative dates are read against `opts.anchor`.",
                      parameters: ["text string", "opts? DateOptions"], returns: ["List<DateMention>"], dates.textDates),
            .function("quotes", "The quotations of any text (paragraphs separated by blank lines); `doc` and `sentence` are nil.",
                      parameters: ["text string", "opts? QuoteOptions"], returns: ["List<Quote>"], parts.quotes.textQuotes),
            .function("entities", "The entities of any text, analysed as a one-document corpus with the session's gazetteer.",
                      parameters: ["text string"], returns: ["List<Entity>"], parts.entities.textEntities),
            // The session's stopword list
            .function("stopwords", "The session's stopword list, sorted.", returns: ["List<string>"], statistics.stopwords),
            .function("set_stopwords", "Replaces the stopword list (`\"english\"` restores the bundled one); returns its new size.",
                      parameters: ["words string|string[]"], returns: ["integer size"], statistics.setStopwords),
            .function("add_stopwords", "Adds words to the stopword list; returns its new size.",
                      parameters: ["words string|string[]"], returns: ["integer size"], statistics.addStopwords),
            .function("remove_stopwords", "Removes words from the stopword list; returns its new size.",
                      parameters: ["words string|string[]"], returns: ["integer size"], statistics.removeStopwords),
            .function("is_stopword", "True when `word` (normalised first) is on the stopword list.",
                      parameters: ["word string"], returns: ["boolean"], statistics.isStopword),
            // Timing
            .function("clock", "Seconds on a monotonic clock, for timing (`os.clock` is CPU time).", returns: ["number"]) { _ in
                [.number(ProcessClock.now())]
            },
            .function("stats", "Sizes and timings of the session's corpus and process.", returns: ["Stats"]) { _ in
                stats(ctx, parts.loadStats)
            },
            // Plugins
            .lua("plugins", in: "dossier.lua", "The plugins on the plugin path.", returns: ["List<PluginInfo>"]),
            .lua("commands", in: "dossier.lua", "The REPL commands plugins and scripts added, in the order they were added.",
                 returns: ["List<CommandInfo>"]),
            .lua("command", in: "dossier.lua", "Adds a REPL command `:name args`.",
                 parameters: ["name string a word (\"tag\", \"show_quotes\")", "spec CommandSpec|fun(args: string): any"]),
            .lua("annotators", in: "dossier.lua", "The annotators, in the order they were added.", returns: ["List<AnnotatorInfo>"]),
            .lua("annotator", in: "dossier.lua", "Adds an annotator: `fn(corpus)` runs now on `corpus` and on every corpus `dossier.open` loads later.",
                 parameters: ["name string", "fn fun(c: Corpus): any"]),
            .lua("annotate", in: "dossier.lua", "Runs every annotator on corpus `c` (a sub-corpus, say); returns `c`.",
                 parameters: ["c Corpus"], returns: ["Corpus"]),
            .lua("annotation", in: "dossier.lua", "What annotator `name` returned for corpus `c` (default: the session's corpus).",
                 parameters: ["name string", "c? Corpus"], returns: ["any"]),
            .lua("report_sections", in: "dossier.lua", "The report sections, in the order they were added.",
                 returns: ["List<ReportSectionInfo>"]),
            .lua("report_section", in: "dossier.lua", "Adds a report section: `fn(corpus)` returns `{heading = …, blocks = {…}}`.",
                 parameters: ["name string", "fn fun(c: Corpus): HtmlSection"]),
        ])
        return try module.build(in: ctx.lua, luaMembers: ["dossier.lua": luaMembers])
    }

    /// The Swift half of `dossier.open(path)`: loads the corpus, reading only what the sandbox
    /// allows (every folder and file the listing finds is checked too, its links resolved: a
    /// link inside the folder may lead outside), under the chunk's time limit and Ctrl-C. The
    /// load's warnings are printed unless the session is quiet.
    static func open(_ ctx: BindingContext) -> LuaFunction {
        ctx.lua.function("open") { args in
            var path = try args.string(1)
            var options = CorpusLoader.Options(cancellation: ctx.cancellation)
            if !args.isNil(2) {
                guard args.type(2) == .table, let spec = try args.optionalTable(2) else {
                    throw LuaArgumentError(2, "table expected, got \(args.type(2))")
                }
                try LoadOptionsBinding.apply(spec, to: &options, argument: 2)
            }
            if options.storeAnalyses, ctx.sandbox != nil {
                // Storing writes into the archive: never on behalf of a script that may be untrusted.
                throw LuaArgumentError(2, "annotate = true writes into the archive; only a trusted script (dossier run --trusted) may ask for it")
            }
            if let sandbox = ctx.sandbox {
                switch sandbox.checkRead(path, function: "dossier.open") {
                case .success(let resolved): path = resolved
                case .failure(let refusal): throw LuaRuntimeError(refusal.message)
                }
                options.acceptsPath = sandbox.readableFilter()
            }
            let corpus = try rethrowingLimits({ try CorpusLoader.load(path: path, options: options) },
                                              other: { LuaRuntimeError(String(describing: $0)) })
            if !ctx.options.quiet {
                for warning in corpus.warnings { ctx.options.diagnostics("warning: \(warning)") }
                if corpus.summary.skippedCount > 0 { ctx.options.diagnostics("loaded \(path): \(corpus.summary)") }
            }
            return [.object(corpus)]
        }
    }

    /// `dossier.stats()`: sizes of the session's corpus, its load time, the process's memory.
    static func stats(_ ctx: BindingContext, _ loadStats: () -> (Corpus, Double, Double)) -> [LuaValue] {
        let (corpus, seconds, cpu) = loadStats()
        let memory = ProcessClock.memory()
        return [.record([
            "documents": .integer(corpus.count),
            "bytes": .integer(corpus.documents.reduce(0) { $0 + $1.textByteCount }),
            "tokens": .integer(corpus.index.tokenCount),
            "terms": .integer(corpus.index.lexicon.count),
            "postings_bytes": .integer(corpus.index.postingsBytes),
            "memory": .table(LuaTable(fields: corpus.memoryBreakdown.map { (.text($0.part), .integer($0.bytes)) })),
            "load_seconds": .number(seconds),
            "load_cpu_seconds": .number(cpu),
            "rss": .integer(memory.rss),
            "peak_rss": .integer(memory.peak),
            "lua_memory": .integer(ctx.lua.memoryUsed),
        ])]
    }
}
