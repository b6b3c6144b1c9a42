import Testing
@testable import LuaBridge

/// Every number that crosses from Lua into Swift goes through a checked conversion: no value a
/// script can make (math.maxinteger, math.mininteger, 2^63, NaN, ±inf, numeric strings) traps.
@Suite(.serialized) struct NumberTests {
    final class Row {
        let values: [Int]
        init(_ values: [Int]) { self.values = values }
    }

    func makeState() throws -> LuaState {
        let lua = try LuaState()
        try lua.openLibraries()
        let rows = LuaClass<Row>("Row")
        rows.length = { $0.values.count }
        rows.element = { row, i in i >= 1 && i <= row.values.count ? .integer(row.values[i - 1]) : .nil }
        try lua.register(rows)
        try lua.setGlobal("row") { _ in [.object(Row([10, 20, 30]))] }
        try lua.setGlobal("width") { args in [.integer(try args.integer(1, in: 1...1000, name: "width"))] }
        try lua.setGlobal("maybe") { args in [try args.optionalInteger(1, in: 0...Int.max, name: "limit").map { .integer($0) } ?? "none"] }
        try lua.setGlobal("share") { args in [.number(try args.number(1, in: 0...1, name: "share"))] }
        return lua
    }

    func message(_ lua: LuaState, _ code: String) -> String {
        do {
            try lua.run(code, chunkName: "=test")
            return "(no error)"
        } catch let e as LuaError {
            return e.message
        } catch {
            return "\(error)"
        }
    }

    @Test func pairsOverAListStopsAtTheLargestKeys() throws {
        let lua = try makeState()
        let r = try lua.run("""
            local f, s = pairs(row())
            local keys = {}
            for k, v in pairs(row()) do keys[#keys + 1] = k .. "=" .. v end
            return f(s, math.maxinteger), f(s, 2^63), table.concat(keys, ","), f(s, 2), f(s, 2.0)
            """)
        #expect(r[0].type == .nil)
        #expect(r[1].type == .nil)
        #expect(r[2].stringValue == "1=10,2=20,3=30")
        #expect(r[3].intValue == 3)
        #expect(r[4].intValue == 3)
    }

    @Test func pairsOverAListRejectsKeysThatAreNotPositions() throws {
        let lua = try makeState()
        for key in ["'9223372036854775807'", "math.mininteger", "-1", "0/0", "1.5", "{}"] {
            let text = message(lua, "local f, s = pairs(row()) return f(s, \(key))")
            #expect(text.contains("invalid key to 'next'"), "key \(key): \(text)")
        }
    }

    @Test func integerArgumentsOutsideTheirRangeGiveLuaStyleErrors() throws {
        let lua = try makeState()
        #expect(try lua.run("return width(80)").first?.intValue == 80)
        #expect(try lua.run("return width(80.0)").first?.intValue == 80)
        #expect(try lua.run("return width('80')").first?.intValue == 80)
        for value in ["2^40", "math.maxinteger", "math.mininteger", "0", "-1", "1/0", "-1/0", "1e300"] {
            #expect(message(lua, "width(\(value))") == "test:1: bad argument #1 to 'width' (width must be between 1 and 1000)",
                    "value \(value)")
        }
        #expect(message(lua, "width(0/0)") == "test:1: bad argument #1 to 'width' (width must be a whole number between 1 and 1000)")
        #expect(message(lua, "width(2.5)") == "test:1: bad argument #1 to 'width' (width must be a whole number between 1 and 1000)")
        #expect(message(lua, "width('wide')") == "test:1: bad argument #1 to 'width' (number expected, got string)")
        #expect(message(lua, "width()") == "test:1: bad argument #1 to 'width' (number expected, got no value)")
    }

    @Test func optionalIntegersAndOpenRanges() throws {
        let lua = try makeState()
        #expect(try lua.run("return maybe()").first?.stringValue == "none")
        #expect(try lua.run("return maybe(math.maxinteger)").first?.intValue == Int.max)
        #expect(message(lua, "maybe(-1)") == "test:1: bad argument #1 to 'maybe' (limit must be 0 or more)")
        #expect(message(lua, "maybe(2^63)") == "test:1: bad argument #1 to 'maybe' (limit must be 0 or more)")
    }

    @Test func floatArgumentsRejectNaNAndValuesOutOfRange() throws {
        let lua = try makeState()
        #expect(try lua.run("return share(0.25)").first?.doubleValue == 0.25)
        for value in ["0/0", "1/0", "-1/0", "1.5", "-0.1", "math.maxinteger"] {
            #expect(message(lua, "share(\(value))") == "test:1: bad argument #1 to 'share' (share must be between 0 and 1)",
                    "value \(value)")
        }
    }

    @Test func checkedConversionsOfPlainValues() {
        #expect(throws: Never.self) { try LuaValue.integer(5).checkedInteger("n", in: 1...8) }
        for value: LuaValue in [.integer(Int.max), .integer(Int.min), .number(.nan), .number(.infinity),
                                .number(-.infinity), .number(9.3e18), .number(-9.3e18), .number(1e300)] {
            #expect(throws: LuaRangeError.self) { try value.checkedInteger("n", in: 1...8) }
        }
        #expect((try? LuaValue.number(8.0).checkedInteger("n", in: 1...8)) == 8)
        #expect((try? LuaValue.string("8").checkedInteger("n", in: 1...8)) == nil)
        #expect(LuaValue.number(9.3e18).intValue == nil)
        #expect(LuaValue.number(-9.223372036854775808e18).intValue == Int.min)
        #expect(LuaValue.string("99999999999999999999").intValue == nil)
    }
}
