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
            if let sandbox = ctx.sandbox {
                switch sandbox.checkRead(path, function: "dossier.open") {
                case .success(let resolved): path = resolved
                case .failure(let refusal): throw LuaRuntimeError(refusal.message)
                }
            }
            let options = CorpusLoader.Options(cancellation: ctx.cancellation)
            return [.object(try rethrowingLimits({ try CorpusLoader.load(path: path, options: options) },
                                                 other: { LuaRuntimeError(String(describing: $0)) }))]
        }
        let sentences = ctx.lua.function("sentences") { args in
            [ctx.lists.strings(SentenceSplitter.sentences(in: try args.string(1)))]
        }
        let tokens = ctx.lua.function("tokens") { args in
            [.table(LuaTable(array: TokenRecords.records(try args.string(1)), metatable: tokenColumns.metatable))]
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
