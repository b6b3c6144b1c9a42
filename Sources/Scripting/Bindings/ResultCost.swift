import LuaBridge

/// About how many bytes one item of a result costs on its way to Lua: what Lua holds in the end
/// (Lua 5.4 on a 64-bit machine: a table header is 56 bytes, an array slot 16, a hash node 32,
/// a userdata box 48) plus what Swift builds on the way there (a `LuaValue` per value, 48 bytes
/// per encoded node). Bindings that return Lists whose length the script controls (a text's
/// tokens, a document's sentences, `top = false`) check `count × cost` against what Lua may
/// still allocate before building anything (`BindingContext.reserve`), so a request whose
/// result cannot fit under the memory cap is refused at once with a clear error instead of
/// growing the process by gigabytes first. The figures err on the high side.
enum ResultCost {
    /// A Swift object (a Document, Sentence, Entity, Quote): its box, its cache entry, its slot.
    static let object = 250
    /// One integer of an integer array (`token_ids`).
    static let integer = 24
    /// A record (a Lua table) with `fields` named fields of numbers, short strings or objects.
    static func record(fields: Int) -> Int { 300 + 200 * fields }
    /// A string of `bytes` bytes in a List.
    static func string(bytes: Int) -> Int { 150 + 3 * bytes }

    /// The average cost of `strings` as List items (at least 1 byte each, for empty lists).
    static func strings(_ strings: [String]) -> Int {
        guard !strings.isEmpty else { return 1 }
        let bytes = strings.reduce(0) { $0 &+ $1.utf8.count }
        return string(bytes: bytes / strings.count + 1)
    }
}

extension BindingContext {
    /// Refuses a result of `count` items costing about `bytesEach` bytes each when it would not
    /// fit in what Lua may still allocate (see `LuaState.reserveMemory`).
    func reserve(_ count: Int, _ bytesEach: Int, for what: String, items: String) throws {
        try lua.reserveMemory(count: count, bytesEach: bytesEach, for: what, items: items)
    }
}
