import Testing
import Synchronization
@testable import LuaBridge

/// Counts live instances so tests can see Lua release them.
final class Tracked {
    nonisolated(unsafe) static var live = 0
    let name: String
    init(_ name: String) { self.name = name; Tracked.live += 1 }
    deinit { Tracked.live -= 1 }
}

@Suite(.serialized) struct ObjectTests {
    func makeState() throws -> LuaState {
        let lua = try LuaState()
        try lua.openLibraries()
        let cls = LuaClass<Tracked>("Tracked")
        cls.field("name") { .text($0.name) }
        cls.method("greet") { object, args in [.text("hello \(try args.string(1)) from \(object.name)")] }
        cls.describe = { "<Tracked \($0.name)>" }
        cls.length = { $0.name.count }
        try lua.register(cls)
        try lua.setGlobal("make") { args in [.object(Tracked(try args.string(1)))] }
        return lua
    }

    @Test func objectsHaveFieldsMethodsAndMetamethods() throws {
        let lua = try makeState()
        let r = try lua.run("""
            local t = make("ann")
            local keys = {}
            for k, v in pairs(t) do keys[#keys + 1] = k .. "=" .. v end
            return t.name, t:greet("bob"), tostring(t), #t, select(2, pcall(function() return t.missing end)), table.concat(keys, ",")
            """)
        #expect(r[0].stringValue == "ann")
        #expect(r[1].stringValue == "hello bob from ann")
        #expect(r[2].stringValue == "<Tracked ann>")
        #expect(r[3].intValue == 3)
        // A member the class does not have is an error, not nil.
        #expect(r[4].stringValue == "(swift):4: Tracked has no field or method 'missing'")
        #expect(r[5].stringValue == "name=ann")
    }

    @Test func sameObjectIsSameUserdata() throws {
        let lua = try makeState()
        let shared = Tracked("shared")
        try lua.setGlobal("get") { _ in [.object(shared)] }
        let r = try lua.run("local a, b = get(), get() local t = {[a] = 1} return a == b, t[b], rawequal(a, b)")
        #expect(r.allSatisfy { $0.isTruthy })
    }

    @Test func badSelfIsReported() throws {
        let lua = try makeState()
        let r = try lua.run("local t = make('x') return select(2, pcall(t.greet, 5, 'y'))")
        #expect(r.first?.stringValue?.contains("Tracked expected, got number") == true)
    }

    @Test func objectsAreReleasedWhenLuaCollectsThem() throws {
        let before = Tracked.live
        do {
            let lua = try makeState()
            try lua.run("for i = 1, 1000 do local t = make('n' .. i) end")
            #expect(Tracked.live > before)
            lua.collectGarbage()
            lua.collectGarbage()
            #expect(Tracked.live == before)
            try lua.run("keep = make('kept')")
            lua.collectGarbage()
            #expect(Tracked.live == before + 1)
        }
        // Closing the state releases what it still held.
        #expect(Tracked.live == before)
    }

    @Test func swiftCleanupRunsWhenSwiftCodeThrows() throws {
        let lua = try makeState()
        let before = Tracked.live
        try lua.setGlobal("explode") { _ in
            let temporary = Tracked("temporary")
            _ = temporary
            throw LuaRuntimeError("exploded")
        }
        for _ in 0..<100 {
            _ = try lua.run("return pcall(explode)")
        }
        #expect(Tracked.live == before)
    }
}
