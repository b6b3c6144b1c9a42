import Corpus
import LuaBridge

/// The `dossier` global: `version`, `List`, `open(path)`.
enum DossierModule {
    static func make(_ ctx: BindingContext, list: LuaReference, printer: LuaReference) -> LuaValue {
        let open = ctx.lua.function("open") { args in
            let path = try args.string(1)
            do {
                return [.object(try CorpusLoader.load(path: path))]
            } catch {
                throw LuaRuntimeError(String(describing: error))
            }
        }
        let module: LuaValue = .record([
            "version": .text(ScriptSession.version),
            "lua_version": .text("Lua 5.4"),
            "List": .reference(list),
            "printer": .reference(printer),
            "open": .function(open),
        ])
        return StatisticsBinding.addDossierFunctions(to: module, ctx)
    }
}
