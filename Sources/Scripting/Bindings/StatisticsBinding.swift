import Corpus
import LuaBridge

/// Statistics methods: `Corpus:frequencies`, `:ngrams`, `:collocations`, `:keyness`, and
/// `Document:keywords`.
enum StatisticsBinding {
    static func install(on cls: LuaClass<Corpus>, _ ctx: BindingContext) throws {
    }

    static func install(on cls: LuaClass<Document>, _ ctx: BindingContext) throws {
    }
}
