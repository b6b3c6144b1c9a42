import Corpus
import LuaBridge

/// Search and concordance methods of `Corpus`: `:search(query, opts)`, `:kwic(query, opts)`.
enum SearchBinding {
    static func install(on cls: LuaClass<Corpus>, _ ctx: BindingContext) throws {
    }
}
