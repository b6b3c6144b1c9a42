import Testing
@testable import LuaBridge

/// Objects stay usable as long as Lua holds them: a script cannot release one early through
/// its `__gc`, and an object can keep its owner (a document its corpus) alive.
@Suite(.serialized) struct ObjectLifetimeTests {
    final class Owner {
        nonisolated(unsafe) static var live = 0
        let name: String
        init(_ name: String) { self.name = name; Owner.live += 1 }
        deinit { Owner.live -= 1 }
    }

    /// Holds its owner weakly, as a Document holds its corpus.
    final class Part: LuaOwnedObject {
        weak var owner: Owner?
        let label: String
        init(owner: Owner, label: String) { self.owner = owner; self.label = label }
        var luaOwner: AnyObject? { owner }
    }

    func makeState(shared: Owner) throws -> LuaState {
        let lua = try LuaState()
        try lua.openLibraries()
        let owners = LuaClass<Owner>("Owner")
        owners.field("name") { .text($0.name) }
        try lua.register(owners)
        let parts = LuaClass<Part>("Part")
        parts.field("label") { .text($0.label) }
        parts.field("owner") { .text($0.owner?.name) }
        parts.metafields = [("__columns", .array(["label"]))]
        try lua.register(parts)
        try lua.setGlobal("shared") { _ in [.object(shared)] }
        try lua.setGlobal("part_of_new_owner") { args in
            // The owner goes to Lua too (as a second result the script drops), so that it is
            // alive when the part is pushed: as a corpus is when its documents are.
            let owner = Owner(try args.string(1))
            return [.object(Part(owner: owner, label: "part")), .object(owner)]
        }
        return lua
    }

    @Test func gcIsNotReachableFromScripts() throws {
        let owner = Owner("kept")
        let lua = try makeState(shared: owner)
        let r = try lua.run("""
            local o = shared()
            local mt = getmetatable(o)
            return type(mt), mt.__gc == nil, mt.__name, tostring(o) ~= nil, o.name
            """)
        #expect(r[0].stringValue == "table")
        #expect(r[1].isTruthy)
        #expect(r[2].stringValue == "Owner")
        #expect(r[4].stringValue == "kept")
    }

    @Test func metatableFieldsThatLuaCodeReadsStayVisible() throws {
        let owner = Owner("kept")
        let lua = try makeState(shared: owner)
        let r = try lua.run("""
            local p = part_of_new_owner('x')
            local mt = getmetatable(p)
            mt.__index = nil   -- changing the copy a script sees changes nothing
            return mt.__columns[1], p.label, mt.__name
            """)
        #expect(r[0].stringValue == "label")
        #expect(r[1].stringValue == "part")
        #expect(r[2].stringValue == "Part")
    }

    @Test func aBoxReleasedByHandIsNotHandedOutAgain() throws {
        // Whatever happens to a userdata (here: its __gc called directly through the C side's
        // builtin, as a trusted script with the debug library could), the next push of the same
        // Swift object gives a live box.
        let owner = Owner("kept")
        let lua = try makeState(shared: owner)
        let r = try lua.run("""
            local o = shared()
            debug.getmetatable(o).__gc(o)
            local again = shared()
            return again.name, rawequal(o, again)
            """)
        #expect(r[0].stringValue == "kept")
        #expect(r[1].isTruthy == false)
    }

    @Test func anObjectKeepsItsOwnerAliveWhileLuaHoldsIt() throws {
        let before = Owner.live
        let owner = Owner("kept")
        let lua = try makeState(shared: owner)
        try lua.run("p = part_of_new_owner('temporary')")
        lua.collectGarbage()
        lua.collectGarbage()
        #expect(Owner.live == before + 2)
        #expect(try lua.run("return p.owner").first?.stringValue == "temporary")
        try lua.run("p = nil")
        lua.collectGarbage()
        lua.collectGarbage()
        #expect(Owner.live == before + 1)
    }
}
