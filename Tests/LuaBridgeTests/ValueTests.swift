import Testing
@testable import LuaBridge

@Suite struct ValueTests {
    let lua: LuaState
    init() throws {
        lua = try LuaState()
        try lua.openLibraries()
    }

    @Test func scalarsRoundTrip() throws {
        let echo = lua.function("echo") { args in args.values() }
        try lua.setGlobal("echo", .function(echo))
        let results = try lua.run("return echo(nil, true, false, 42, 2.5, 'text')")
        #expect(results.count == 6)
        guard case .nil = results[0] else { Issue.record("expected nil"); return }
        #expect(results[1].isTruthy && !results[2].isTruthy)
        #expect(results[3].intValue == 42)
        #expect(results[4].doubleValue == 2.5)
        #expect(results[5].stringValue == "text")
    }

    @Test func stringsAreByteExact() throws {
        let bytes: [UInt8] = [0x61, 0x00, 0x62, 0xff, 0xfe, 0x63]
        try lua.setGlobal("s", .string(LuaString(bytes: bytes)))
        let length = try lua.run("return #s, s:byte(2), s:byte(4)")
        #expect(length.map { $0.intValue } == [6, 0, 255])
        let back = try lua.run("return s")
        guard case .string(let s) = back.first else { Issue.record("not a string"); return }
        #expect(s.bytes == bytes)
        #expect(s.text == nil)
        let swiftSide = lua.function("length") { args in [.integer(try args.bytes(1).bytes.count)] }
        try lua.setGlobal("length", .function(swiftSide))
        #expect(try lua.run("return length('\\0\\255x')").first?.intValue == 3)
    }

    @Test func tablesRoundTrip() throws {
        let value = LuaValue.table(LuaTable(array: [1, "two", 3.5], fields: [(.text("name"), "x"), (.text("nested"), .array([true]))]))
        try lua.setGlobal("t", value)
        let r = try lua.run("return #t, t[2], t.name, t.nested[1], t")
        #expect(r[0].intValue == 3)
        #expect(r[1].stringValue == "two")
        #expect(r[2].stringValue == "x")
        #expect(r[3].isTruthy)
        let t = try #require(r[4].tableValue)
        #expect(t.array.count == 3)
        #expect(t["name"]?.stringValue == "x")
    }

    @Test func cyclicTablesDoNotHang() throws {
        let r = try lua.run("local t = {} t.self = t t[1] = t return t")
        let t = try #require(r.first?.tableValue)
        #expect(t.array.count == 1)
    }

    @Test func functionsComeBackAsReferences() throws {
        let r = try lua.run("return function(a, b) return a + b end")
        guard case .reference(let f) = r.first else { Issue.record("not a reference"); return }
        #expect(f.type == .function)
        #expect(try lua.call(.reference(f), [2, 3]).first?.intValue == 5)
    }

    @Test func integersArrayPushesAsSequence() throws {
        let f = lua.function("ids") { _ in [.integers([5, 6, 7], metatable: nil)] }
        try lua.setGlobal("ids", .function(f))
        #expect(try lua.run("local t = ids() return #t, t[3]").map { $0.intValue } == [3, 7])
    }

    @Test func numbersFormatLikeLua() {
        #expect(LuaValue.formatNumber(1) == "1.0")
        #expect(LuaValue.formatNumber(0.1) == "0.1")
        #expect(LuaValue.formatNumber(1e100) == "1e+100")
    }

    @Test func stringsEqualTextAsTheirTextDoes() {
        // Bytes (as read from Lua) and text, ASCII or not, valid or not: `equals` is `text ==`.
        let bytes: [[UInt8]] = [Array("limit".utf8), Array("limits".utf8), [], Array("K".utf8), Array("\u{212A}".utf8),
                                Array("caf\u{E9}".utf8), Array("cafe\u{301}".utf8), [0x6c, 0xff], Array("snippets".utf8)]
        let texts = ["limit", "limits", "", "K", "\u{212A}", "caf\u{E9}", "cafe\u{301}", "l\u{FFFD}", "snippets", "Limit"]
        for b in bytes {
            for t in texts {
                let s = LuaString(bytes: b)
                #expect(s.equals(t) == (s.text == t), "\(b) \(t)")
                #expect(LuaString(String(decoding: b, as: UTF8.self)).equals(t) == (String(decoding: b, as: UTF8.self) == t))
            }
        }
    }
}
