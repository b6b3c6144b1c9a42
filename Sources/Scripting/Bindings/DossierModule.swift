import Corpus
import LuaBridge

/// The `dossier` global: `version`, `List`, `open(path)`.
enum DossierModule {
    static func make(_ ctx: BindingContext, list: LuaReference, printer: LuaReference) throws -> LuaValue {
        let tokenColumns = try ctx.lists.columns(TokenBinding.columns)
        let open = ctx.lua.function("open") { args in
            let path = try args.string(1)
            do {
                return [.object(try CorpusLoader.load(path: path))]
            } catch {
                throw LuaRuntimeError(String(describing: error))
            }
        }
        let sentences = ctx.lua.function("sentences") { args in
            [ctx.lists.strings(SentenceSplitter.sentences(in: try args.string(1)))]
        }
        let tokens = ctx.lua.function("tokens") { args in
            [.table(LuaTable(array: TokenRecords.records(try args.string(1)), metatable: tokenColumns.metatable))]
        }
        return .record([
            "sentences": .function(sentences),
            "tokens": .function(tokens),
            "version": .text(ScriptSession.version),
            "lua_version": .text("Lua 5.4"),
            "List": .reference(list),
            "printer": .reference(printer),
            "open": .function(open),
        ])
    }
}
