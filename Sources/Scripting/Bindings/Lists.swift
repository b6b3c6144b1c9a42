import LuaBridge
import Report

/// Makes Lua Lists from Swift arrays. A List is a Lua table whose metatable carries the List
/// methods (Lua/list.lua); lists of records get a metatable that also names their columns, so
/// the REPL prints them with their fields in a sensible order.
final class Lists {
    private let lua: LuaState
    private let list: LuaReference
    private let withColumns: LuaReference
    private var derived: [[String]: LuaReference] = [:]

    init(lua: LuaState, list: LuaReference) throws {
        self.lua = lua
        self.list = list
        withColumns = try lua.makeReferenceFromLua("local List = ... return List.with_columns", arguments: [.reference(list)])
    }

    /// The List metatable (also the table of List methods).
    var metatable: LuaReference { list }

    /// A List of `items`.
    func make(_ items: [LuaValue]) -> LuaValue {
        .table(LuaTable(array: items, metatable: list))
    }

    /// A List of strings.
    func strings(_ items: [String]) -> LuaValue {
        make(items.map { .text($0) })
    }

    /// The metatable for lists of records with these columns. Call at setup time (it runs Lua).
    /// `align` overrides how the printer aligns a column: `["left": .right]` right-aligns the
    /// column named "left" (cutting it on the left when it is too wide), as a concordance wants.
    func columns(_ names: [String], align: [String: TableFormat.Alignment] = [:]) throws -> RecordList {
        let key = names + align.keys.sorted().map { "\u{1}\($0)=\(align[$0]?.rawValue ?? "")" }
        if let ref = derived[key] { return RecordList(columns: names, metatable: ref) }
        let alignment: LuaValue = align.isEmpty ? .nil
            : .table(LuaTable(fields: align.keys.sorted().map { (.text($0), .text(align[$0]?.rawValue ?? "")) }))
        let ref = try lua.makeReferenceFromLua("local with_columns, names, align = ... return with_columns(names, align)",
                                               arguments: [.reference(withColumns), .array(names.map { .text($0) }), alignment])
        derived[key] = ref
        return RecordList(columns: names, metatable: ref)
    }
}

/// A kind of List whose items are records with known columns.
struct RecordList {
    let columns: [String]
    let metatable: LuaReference

    /// A List of records, each given as values in column order (nil values are left out).
    func make(_ rows: [[LuaValue]]) -> LuaValue {
        .table(LuaTable(array: rows.map(record), metatable: metatable))
    }

    /// One record in column order.
    func record(_ values: [LuaValue]) -> LuaValue {
        var fields: [(key: LuaValue, value: LuaValue)] = []
        fields.reserveCapacity(columns.count)
        for (name, value) in zip(columns, values) {
            if case .nil = value { continue }
            fields.append((.text(name), value))
        }
        return .table(LuaTable(fields: fields))
    }
}
