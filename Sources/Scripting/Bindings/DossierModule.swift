import Corpus
import LuaBridge

/// The `dossier` global: `version`, `List`, `open(path)`.
enum DossierModule {
    static func make(_ ctx: BindingContext, list: LuaReference, printer: LuaReference,
                     loadStats: @escaping () -> (Corpus, Double, Double)) throws -> LuaValue {
        let clock = ctx.lua.function("clock") { _ in [.number(ProcessClock.now())] }
        let stats = ctx.lua.function("stats") { _ in
            let (corpus, seconds, cpu) = loadStats()
            let memory = ProcessClock.memory()
            return [.record([
                "documents": .integer(corpus.count),
                "bytes": .integer(corpus.documents.reduce(0) { $0 + $1.text.utf8.count }),
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
        let tokenColumns = try ctx.lists.columns(TokenBinding.columns)
        let open = ctx.lua.function("open") { args in
            var path = try args.string(1)
            var admission: FileAdmission?
            if let sandbox = ctx.sandbox {
                switch sandbox.checkRead(path, function: "dossier.open") {
                case .success(let resolved): path = resolved
                case .failure(let refusal): throw LuaRuntimeError(refusal.message)
                }
                // Each file found is checked too: a link inside the folder may lead outside.
                admission = FileAdmission(sandbox.loadCheck(function: "dossier.open"))
            }
            let corpus: Corpus
            do {
                corpus = try CorpusLoader.load(path: path, admission: admission)
            } catch {
                throw LuaRuntimeError(String(describing: error))
            }
            if !ctx.options.quiet {
                for warning in corpus.warnings { ctx.options.diagnostics("warning: \(warning)") }
            }
            return [.object(corpus)]
        }
        let sentences = ctx.lua.function("sentences") { args in
            let found = SentenceSplitter.sentences(in: try args.string(1))
            try ctx.reserve(found.count, ResultCost.strings(found), for: "dossier.sentences", items: "sentences")
            return [ctx.lists.strings(found)]
        }
        let tokens = ctx.lua.function("tokens") { args in
            let text = try args.string(1)
            try ctx.reserve(TokenRecords.count(text), TokenRecords.cost, for: "dossier.tokens", items: "tokens")
            return [.table(LuaTable(array: TokenRecords.records(text), metatable: tokenColumns.metatable))]
        }
        let module: LuaValue = .record([
            "clock": .function(clock),
            "stats": .function(stats),
            "sentences": .function(sentences),
            "dates": .function(try DateBinding.function(ctx)),
            "tokens": .function(tokens),
            "quotes": .function(QuoteBinding.function(ctx)),
            "version": .text(ScriptSession.version),
            "lua_version": .text("Lua 5.4"),
            "List": .reference(list),
            "printer": .reference(printer),
            "open": .function(open),
        ])
        return StatisticsBinding.addDossierFunctions(to: module, ctx)
    }
}
