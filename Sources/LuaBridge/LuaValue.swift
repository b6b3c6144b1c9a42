/// A Lua value as Swift sees it.
///
/// Values cross the boundary by copy: strings and tables are snapshots, Swift objects and Lua
/// references keep their identity. Swift code builds results as `LuaValue`s and hands them to
/// the C side, which pushes them after the Swift frame has returned (see `dlua.h`).
public enum LuaValue {
    case `nil`
    case boolean(Bool)
    case integer(Int)
    case number(Double)
    case string(LuaString)
    case table(LuaTable)
    /// A Swift object of a class registered with `LuaState.register(_:)`.
    case object(AnyObject)
    /// A Swift function registered with `LuaState.function(_:_:)`.
    case function(LuaFunction)
    /// A Lua value held in the registry (functions, coroutines, tables kept by identity).
    case reference(LuaReference)
    /// A compact array of integers, pushed as a Lua sequence (optionally with a metatable).
    case integers([Int32], metatable: LuaReference?)
    /// A compact array of unsigned integers, each plus `offset`, pushed as a Lua sequence
    /// (for example 0-based ids shown to Lua 1-based).
    case unsignedIntegers([UInt32], offset: Int, metatable: LuaReference?)
    /// A List of records whose rows write their fields straight into what is pushed (no
    /// `LuaValue` per record or field), for lists handed to Lua on every call (search hits).
    case records(LuaRecordList)
    /// A value that could not be copied into Swift (a function or coroutine read inside a
    /// callback, foreign userdata); only its type is known.
    case opaque(LuaType)

    /// A Lua string from Swift text.
    public static func text(_ string: String) -> LuaValue { .string(LuaString(string)) }

    /// `value` as Lua text, or nil.
    public static func text(_ string: String?) -> LuaValue {
        string.map { .string(LuaString($0)) } ?? .nil
    }

    /// A Lua sequence of `items`.
    public static func array(_ items: [LuaValue], metatable: LuaReference? = nil) -> LuaValue {
        .table(LuaTable(array: items, metatable: metatable))
    }

    /// A Lua record with fields in the given order.
    public static func record(_ fields: KeyValuePairs<String, LuaValue>, metatable: LuaReference? = nil) -> LuaValue {
        .table(LuaTable(fields: fields.map { (LuaValue.text($0.key), $0.value) }, metatable: metatable))
    }

    /// The Lua type of this value.
    public var type: LuaType {
        switch self {
        case .nil: return .nil
        case .boolean: return .boolean
        case .integer, .number: return .number
        case .string: return .string
        case .table, .integers, .unsignedIntegers, .records: return .table
        case .object: return .userdata
        case .function: return .function
        case .reference(let r): return r.type
        case .opaque(let t): return t
        }
    }

    /// False only for nil and false, as in Lua.
    public var isTruthy: Bool {
        switch self {
        case .nil: return false
        case .boolean(let b): return b
        default: return true
        }
    }

    /// The value as text when it is a string or a number (Lua's own coercion), else nil.
    public var stringValue: String? {
        switch self {
        case .string(let s): return s.text
        case .integer(let i): return String(i)
        case .number(let d): return LuaValue.formatNumber(d)
        default: return nil
        }
    }

    /// The value as an integer when it is one (or a float with an exact integer value that
    /// fits an `Int`). Never traps; use `checkedInteger(_:in:)` to also check a range.
    public var intValue: Int? {
        switch self {
        case .integer(let i): return i
        case .number(let d): return Int(exactly: d)
        case .string(let s): return s.text.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        default: return nil
        }
    }

    /// The value as a float when it is a number.
    public var doubleValue: Double? {
        switch self {
        case .integer(let i): return Double(i)
        case .number(let d): return d
        case .string(let s): return s.text.flatMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        default: return nil
        }
    }

    /// The table, when this value is one.
    public var tableValue: LuaTable? {
        if case .table(let t) = self { return t }
        return nil
    }

    /// Formats a float as Lua 5.4 does (`%.14g`, and `.0` for integral values).
    public static func formatNumber(_ d: Double) -> String {
        if d.isNaN { return d.sign == .minus ? "-nan" : "nan" }
        if d.isInfinite { return d < 0 ? "-inf" : "inf" }
        var s = String(format: "%.14g", d)
        if !s.contains(where: { $0 == "." || $0 == "e" || $0 == "n" || $0 == "i" }) { s += ".0" }
        return s
    }
}

extension LuaValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByBooleanLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(LuaString(value)) }
    public init(integerLiteral value: Int) { self = .integer(value) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(booleanLiteral value: Bool) { self = .boolean(value) }
    public init(nilLiteral: ()) { self = .nil }
}

/// Lua's basic types, with the names `type()` gives them.
public enum LuaType: Int32, Sendable, CustomStringConvertible {
    case none = -1
    case `nil` = 0
    case boolean = 1
    case lightuserdata = 2
    case number = 3
    case string = 4
    case table = 5
    case function = 6
    case userdata = 7
    case thread = 8

    public var description: String {
        switch self {
        case .none: return "no value"
        case .nil: return "nil"
        case .boolean: return "boolean"
        case .lightuserdata, .userdata: return "userdata"
        case .number: return "number"
        case .string: return "string"
        case .table: return "table"
        case .function: return "function"
        case .thread: return "thread"
        }
    }
}

import Foundation
