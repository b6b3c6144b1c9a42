import Corpus
import LuaBridge

// What each object handed to Lua keeps alive while Lua holds it (see `LuaOwnedObject`). A
// document refers to its corpus weakly — the corpus owns its documents — but its dates,
// entities and quotes live in the corpus's caches; so do those of its sentences, token lists
// and quotes. With these, `local d = dossier.open(path):docs()[1]` keeps working after the
// corpus it came from is no longer referenced by the script.

extension Document: LuaOwnedObject {
    public var luaOwner: AnyObject? { corpus }
}

extension SentenceRef: LuaOwnedObject {
    var luaOwner: AnyObject? { document.corpus }
}

extension TokenList: LuaOwnedObject {
    var luaOwner: AnyObject? { document.corpus }
}

extension QuoteRef: LuaOwnedObject {
    var luaOwner: AnyObject? { document?.corpus }
}
