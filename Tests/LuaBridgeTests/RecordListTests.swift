import Testing
@testable import LuaBridge

/// `LuaValue.records`: rows written straight into what is pushed give the same Lua tables as
/// the `LuaValue` tree they stand for.
@Suite struct RecordListTests {
    /// A fresh state with the standard libraries, as `ValueTests` makes it.
    let lua: LuaState
    init() throws { lua = try ValueTests().lua }

    /// Rows of (integer, text or nil, number); the fourth key is never written.
    struct Rows: LuaRecordRows {
        var count: Int { 4 }
        func write(_ row: Int, to record: inout LuaRecordWriter) throws {
            try record.integer(row + 1)
            if row == 1 { try record.text(nil) } else { try record.text(String(repeating: "r", count: 30 * row)) }
            try record.number(Double(row) / 2)
        }
    }

    static let keys: [LuaString] = ["n", "name", "half", "never"]

    /// The same list as a `LuaValue` tree.
    static func tree(metatable: LuaReference?) -> LuaValue {
        let records: [LuaValue] = (0..<4).map { row in
            .table(LuaTable(fields: [(.text("n"), .integer(row + 1)),
                                     (.text("name"), row == 1 ? .nil : .text(String(repeating: "r", count: 30 * row))),
                                     (.text("half"), .number(Double(row) / 2)), (.text("never"), .nil)]))
        }
        return .table(LuaTable(array: records, metatable: metatable))
    }

    @Test func recordsPushAsTheTreeTheyStandFor() throws {
        let metatable = try lua.makeReference(.record(["kind": "rows"]))
        let list = lua.function("list") { _ in [.records(LuaRecordList(keys: Self.keys, rows: Rows(), metatable: metatable))] }
        let tree = lua.function("tree") { _ in [Self.tree(metatable: metatable)] }
        try lua.setGlobal("list", .function(list))
        try lua.setGlobal("tree", .function(tree))
        // Every record's pairs in the same order, the same values, the list's metatable.
        let r = try lua.run("""
            local function show(t)
              local out = { #t, getmetatable(t).kind }
              for i, record in ipairs(t) do
                out[#out + 1] = tostring(getmetatable(record))
                for k, v in pairs(record) do out[#out + 1] = i .. k .. "=" .. tostring(v) end
              end
              return table.concat(out, " ")
            end
            local a, b = show(list()), show(tree())
            return a == b, a, list()[2].name == nil, list()[4].half, math.type(list()[3].n)
            """)
        #expect(r.first?.isTruthy == true, "\(r.map { $0.stringValue ?? "" })")
        // (The order of pairs follows Lua's seeded string hashes: the same within one state.)
        #expect(r[1].stringValue?.hasPrefix("4 rows nil ") == true)
        #expect(r[1].stringValue?.contains("1n=1") == true && r[1].stringValue?.contains("2name") == false)
        #expect(r[2].isTruthy)
        #expect(r[3].doubleValue == 1.5)
        #expect(r[4].stringValue == "integer")
    }

    @Test func anEmptyListIsAnEmptyTable() throws {
        struct None: LuaRecordRows {
            var count: Int { 0 }
            func write(_ row: Int, to record: inout LuaRecordWriter) throws {}
        }
        let f = lua.function("none") { _ in [.records(LuaRecordList(keys: Self.keys, rows: None()))] }
        try lua.setGlobal("none", .function(f))
        #expect(try lua.run("local t = none() return #t, next(t) == nil, getmetatable(t) == nil").map(\.isTruthy) == [true, true, true])
    }

    @Test func moreValuesThanKeysIsAnError() throws {
        struct TooMany: LuaRecordRows {
            var count: Int { 1 }
            func write(_ row: Int, to record: inout LuaRecordWriter) throws {
                try record.integer(1)
                try record.integer(2)
            }
        }
        let f = lua.function("many") { _ in [.records(LuaRecordList(keys: ["one"], rows: TooMany()))] }
        try lua.setGlobal("many", .function(f))
        let r = try lua.run("return pcall(many)")
        #expect(r.first?.isTruthy == false)
        #expect(r[1].stringValue?.contains("a record of 1 fields was given more values") == true)
    }

    @Test func aResultTooLargeForTheMemoryCapIsRefused() throws {
        struct Many: LuaRecordRows {
            var count: Int { 200_000 }
            func write(_ row: Int, to record: inout LuaRecordWriter) throws { try record.integer(row) }
        }
        lua.memoryCap = 8 << 20
        let f = lua.function("many") { _ in [.records(LuaRecordList(keys: ["n"], rows: Many()))] }
        try lua.setGlobal("many", .function(f))
        let r = try lua.run("return pcall(many)")
        #expect(r.first?.isTruthy == false)
        #expect(r[1].stringValue?.contains("the result would take") == true)
    }

    final class Item {
        let name: String
        init(_ name: String) { self.name = name }
    }

    struct ItemRows: LuaRecordRows {
        let items: [Item]
        var count: Int { items.count * 2 }
        func write(_ row: Int, to record: inout LuaRecordWriter) throws {
            try record.object(items[row % items.count])
        }
    }

    @Test func objectsAreTheUserdataOfTheirClass() throws {
        let cls = LuaClass<Item>("Item")
        cls.field("name") { .text($0.name) }
        try lua.register(cls)
        let items = [Item("a"), Item("b")]
        try lua.setGlobal("rows", .function(lua.function("rows") { _ in
            [.records(LuaRecordList(keys: ["item"], rows: ItemRows(items: items)))]
        }))
        try lua.setGlobal("first", .function(lua.function("first") { _ in [.object(items[0])] }))
        let r = try lua.run("""
            local t = rows()
            return t[1].item.name .. t[2].item.name .. t[3].item.name, rawequal(t[1].item, t[3].item), rawequal(t[1].item, first())
            """)
        #expect(r[0].stringValue == "aba")
        #expect(r[1].isTruthy && r[2].isTruthy)
    }
}
