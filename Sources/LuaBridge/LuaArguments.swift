import CLua
import CLuaShim

/// The arguments of a Swift function called from Lua.
///
/// Every read here uses API calls that never raise a Lua error (no allocation, no
/// metamethods): strings are read only when they are strings, numbers are formatted in Swift,
/// tables are walked with raw `lua_next`. Problems are reported by throwing
/// `LuaArgumentError`, which the C trampoline turns into Lua's own message.
public struct LuaArguments {
    let L: OpaquePointer
    /// Stack index of the first argument this view exposes, minus one.
    let base: Int32
    /// Arguments visible through this view.
    public let count: Int
    init(L: OpaquePointer, base: Int32, count: Int) {
        self.L = L
        self.base = base
        self.count = count
    }

    /// The arguments after the first (a method's arguments after `self`). Positions in errors
    /// stay right: Lua itself does not count `self` when a method was called with `:`.
    public func droppingFirst() -> LuaArguments {
        LuaArguments(L: L, base: base + 1, count: max(0, count - 1))
    }

    /// The stack position of argument `i`, which Lua's messages use.
    func luaPosition(_ i: Int) -> Int { i + Int(base) }

    private func index(_ i: Int) -> Int32 { base + Int32(i) }

    /// The type of argument `i` (`.none` past the end).
    public func type(_ i: Int) -> LuaType {
        guard i >= 1, i <= count else { return .none }
        return LuaType(rawValue: lua_type(L, index(i))) ?? .none
    }

    /// True when argument `i` is missing or nil.
    public func isNil(_ i: Int) -> Bool { type(i).rawValue <= 0 }

    func typeError(_ i: Int, _ expected: String) -> LuaArgumentError {
        LuaArgumentError.type(luaPosition(i), expected: expected)
    }

    /// A string argument (numbers are accepted and formatted, as luaL_checkstring does).
    public func string(_ i: Int) throws -> String {
        guard let s = try optionalString(i) else { throw typeError(i, "string") }
        return s
    }

    /// A string argument or nil when missing.
    public func optionalString(_ i: Int) throws -> String? {
        // A string is decoded straight from Lua's bytes (invalid UTF-8 replaced, as
        // `LuaString.description` does), without an intermediate byte array.
        guard type(i) == .string else { return try optionalBytes(i)?.description }
        var length = 0
        guard let p = lua_tolstring(L, index(i), &length) else { return "" }
        return p.withMemoryRebound(to: UInt8.self, capacity: length) {
            String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
        }
    }

    /// A string argument, byte-exact.
    public func bytes(_ i: Int) throws -> LuaString {
        guard let s = try optionalBytes(i) else { throw typeError(i, "string") }
        return s
    }

    /// A byte-exact string argument or nil when missing.
    public func optionalBytes(_ i: Int) throws -> LuaString? {
        switch type(i) {
        case .none, .nil: return nil
        case .string: return LuaString(bytes: rawBytes(index(i)))
        case .number: return LuaString(numberText(index(i)))
        default: throw typeError(i, "string")
        }
    }

    /// An integer argument (floats with an exact integer value are accepted), any `Int`.
    /// A binding that uses the value as a count, a size or a position should use
    /// `integer(_:in:name:)` (LuaNumbers.swift), which also checks its range.
    public func integer(_ i: Int) throws -> Int {
        guard let v = try optionalInteger(i) else { throw typeError(i, "number") }
        return v
    }

    /// An integer argument or nil when missing.
    public func optionalInteger(_ i: Int) throws -> Int? {
        switch type(i) {
        case .none, .nil: return nil
        case .number, .string:
            if let v = value(i).intValue { return v }
            if type(i) == .number { throw LuaArgumentError(luaPosition(i), "number has no integer representation") }
            throw typeError(i, "number")
        default: throw typeError(i, "number")
        }
    }

    /// A number argument.
    public func number(_ i: Int) throws -> Double {
        guard let v = try optionalNumber(i) else { throw typeError(i, "number") }
        return v
    }

    /// A number argument or nil when missing.
    public func optionalNumber(_ i: Int) throws -> Double? {
        switch type(i) {
        case .none, .nil: return nil
        default:
            guard let d = value(i).doubleValue else { throw typeError(i, "number") }
            return d
        }
    }

    /// Argument `i` as a condition (nil and false are false).
    public func boolean(_ i: Int) -> Bool {
        guard type(i).rawValue > 0 else { return false }
        return lua_toboolean(L, index(i)) != 0
    }

    /// A Swift object argument of the given class; `name` is the class's Lua name.
    public func object<T: AnyObject>(_ i: Int, as: T.Type, name: String) throws -> T {
        guard let o = optionalObject(i, as: T.self) else { throw typeError(i, name) }
        return o
    }

    /// A Swift object argument of the given class, or nil when missing or of another kind.
    public func optionalObject<T: AnyObject>(_ i: Int, as: T.Type) -> T? {
        guard type(i) == .userdata, let raw = dlua_toobject(L, index(i), nil) else { return nil }
        return Unmanaged<AnyObject>.fromOpaque(raw).takeUnretainedValue() as? T
    }

    /// A table argument, copied.
    public func table(_ i: Int) throws -> LuaTable {
        guard let t = try optionalTable(i) else { throw typeError(i, "table") }
        return t
    }

    /// A table argument, copied, or nil when missing.
    public func optionalTable(_ i: Int) throws -> LuaTable? {
        switch type(i) {
        case .none, .nil: return nil
        case .table:
            if case .table(let t) = value(i) { return t }
            return nil
        default: throw typeError(i, "table")
        }
    }

    /// Argument `i` copied into Swift (functions and coroutines arrive as `.opaque`).
    public func value(_ i: Int) -> LuaValue {
        guard i >= 1, i <= count else { return .nil }
        var reader = StackReader(L: L, makeReferences: nil)
        return reader.read(index(i))
    }

    /// All arguments from `i` on, copied.
    public func values(from i: Int = 1) -> [LuaValue] {
        guard i <= count else { return [] }
        return (i...count).map { value($0) }
    }

    private func rawBytes(_ idx: Int32) -> [UInt8] {
        var length = 0
        guard let p = lua_tolstring(L, idx, &length) else { return [] }
        return p.withMemoryRebound(to: UInt8.self, capacity: length) {
            Array(UnsafeBufferPointer(start: $0, count: length))
        }
    }

    private func numberText(_ idx: Int32) -> String {
        if lua_isinteger(L, idx) != 0 { return String(lua_tointegerx(L, idx, nil)) }
        return LuaValue.formatNumber(lua_tonumberx(L, idx, nil))
    }
}

/// Copies stack values into `LuaValue`s without raising Lua errors. Cycles and very deep
/// tables end in `.opaque(.table)`.
struct StackReader {
    let L: OpaquePointer
    /// When set (outside callbacks only), functions, coroutines and foreign userdata are kept
    /// as references made by this closure; otherwise they arrive as `.opaque`.
    let makeReferences: ((Int32) -> LuaReference?)?
    /// The tables being read (cycles end in `.opaque`): the outermost one apart, so that
    /// reading a flat table (an options table, on every call) builds no set.
    private var outermost: UnsafeRawPointer?
    private var visiting: Set<UnsafeRawPointer> = []

    init(L: OpaquePointer, makeReferences: ((Int32) -> LuaReference?)?) {
        self.L = L
        self.makeReferences = makeReferences
    }

    mutating func read(_ idx: Int32, depth: Int = 0) -> LuaValue {
        let absolute = lua_absindex(L, idx)
        let t = LuaType(rawValue: lua_type(L, absolute)) ?? .none
        switch t {
        case .none, .nil: return .nil
        case .boolean: return .boolean(lua_toboolean(L, absolute) != 0)
        case .number:
            if lua_isinteger(L, absolute) != 0 { return .integer(Int(lua_tointegerx(L, absolute, nil))) }
            return .number(lua_tonumberx(L, absolute, nil))
        case .string:
            var length = 0
            guard let p = lua_tolstring(L, absolute, &length) else { return .nil }
            return p.withMemoryRebound(to: UInt8.self, capacity: length) {
                let bytes = UnsafeBufferPointer(start: $0, count: length)
                // Valid UTF-8 becomes text without an intermediate byte array.
                if let s = String(validating: bytes, as: UTF8.self) { return .string(LuaString(s)) }
                return .string(LuaString(bytes: Array(bytes)))
            }
        case .userdata:
            if let raw = dlua_toobject(L, absolute, nil) {
                return .object(Unmanaged<AnyObject>.fromOpaque(raw).takeUnretainedValue())
            }
            return makeReferences?(absolute).map { .reference($0) } ?? .opaque(t)
        case .table:
            return readTable(absolute, depth: depth)
        default:
            return makeReferences?(absolute).map { .reference($0) } ?? .opaque(t)
        }
    }

    private mutating func readTable(_ idx: Int32, depth: Int) -> LuaValue {
        guard depth < 100, lua_checkstack(L, 4) != 0, let identity = lua_topointer(L, idx) else {
            return .opaque(.table)
        }
        guard identity != outermost, !visiting.contains(identity) else { return .opaque(.table) }
        if outermost == nil {
            outermost = identity
        } else {
            visiting.insert(identity)
        }
        defer {
            if outermost == identity { outermost = nil } else { visiting.remove(identity) }
        }
        var table = LuaTable()
        let n = Int(lua_rawlen(L, idx))
        if n > 0 {
            table.array.reserveCapacity(n)
            for i in 1...n {
                lua_rawgeti(L, idx, lua_Integer(i))
                table.array.append(read(-1, depth: depth + 1))
                dlua_pop(L, 1)
            }
        }
        lua_pushnil(L)
        while lua_next(L, idx) != 0 {
            if lua_isinteger(L, -2) != 0 {
                let k = Int(lua_tointegerx(L, -2, nil))
                if k >= 1 && k <= n {
                    dlua_pop(L, 1)
                    continue
                }
            }
            let key = read(-2, depth: depth + 1)
            let value = read(-1, depth: depth + 1)
            table.fields.append((key, value))
            dlua_pop(L, 1)
        }
        return .table(table)
    }
}
