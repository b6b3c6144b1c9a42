/// A snapshot of a Lua table, or a table Swift builds to hand to Lua.
///
/// `array` holds the sequence part (keys 1...n); `fields` the other pairs in a stable order,
/// so records print with their fields in the order Swift gave them.
public struct LuaTable {
    public var array: [LuaValue]
    public var fields: [(key: LuaValue, value: LuaValue)]
    /// A metatable to give the table when it is pushed (ignored on reads).
    public var metatable: LuaReference?

    public init(array: [LuaValue] = [], fields: [(key: LuaValue, value: LuaValue)] = [],
                metatable: LuaReference? = nil) {
        self.array = array
        self.fields = fields
        self.metatable = metatable
    }

    /// The value at a string key, or nil when absent.
    public subscript(key: String) -> LuaValue? {
        for (k, v) in fields {
            if case .string(let s) = k, s.equals(key) { return v }
        }
        return nil
    }

    /// The value at integer key `i`, whether it sits in the sequence part or (after a hole)
    /// among the other fields.
    public subscript(index i: Int) -> LuaValue? {
        if i >= 1 && i <= array.count { return array[i - 1] }
        for (k, v) in fields {
            if case .integer(let n) = k, n == i { return v }
        }
        return nil
    }

    /// Number of entries (sequence plus other fields).
    public var count: Int { array.count + fields.count }

    /// The string keys of the non-sequence part, in order.
    public var stringKeys: [String] {
        fields.compactMap { if case .string(let s) = $0.key { return s.text } else { return nil } }
    }

    /// Sets a string key (replacing an existing one).
    public mutating func set(_ key: String, _ value: LuaValue) {
        if let i = fields.firstIndex(where: { if case .string(let s) = $0.key { return s.equals(key) }; return false }) {
            fields[i].value = value
        } else {
            fields.append((.text(key), value))
        }
    }
}
