/// Checked conversions of numbers that come from Lua.
///
/// Lua numbers are 64-bit integers or doubles, so a script can hand Swift `math.maxinteger`,
/// `math.mininteger`, `2^63`, `0/0` or `1/0`. Swift traps on arithmetic overflow and on
/// converting a double that does not fit an `Int`, so every number a binding uses goes through
/// one of these conversions, which check the value against the range the binding accepts and
/// say what was wrong the way Lua's own library does:
///
///     bad argument #2 to 'bars' (width must be between 1 and 1000)
///
/// For positional arguments use `LuaArguments.integer(_:in:name:)` and friends; for options
/// read from a table use `LuaValue.checkedInteger(_:in:)` and turn the `LuaRangeError` into a
/// `LuaArgumentError` at the options table's position (`LuaRangeError.argument(_:)`).
public struct LuaRangeError: Error, Sendable, CustomStringConvertible {
    /// What was wrong, naming the value: "width must be between 1 and 1000".
    public let message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }

    /// The same message as a bad-argument error at stack position `position`.
    public func argument(_ position: Int) -> LuaArgumentError {
        LuaArgumentError(position, message)
    }

    /// "between 1 and 1000", "at least 1", "0 or more", "at most 8".
    public static func phrase(_ range: ClosedRange<Int>) -> String {
        switch (range.lowerBound, range.upperBound) {
        case (0, Int.max): return "0 or more"
        case (let low, Int.max): return "at least \(low)"
        case (Int.min, let high): return "at most \(high)"
        case (let low, let high): return "between \(low) and \(high)"
        }
    }

    /// "between 0 and 1", "above 0 and at most 1".
    public static func phrase(_ range: ClosedRange<Double>, lowerExclusive: Bool) -> String {
        let low = number(range.lowerBound), high = number(range.upperBound)
        if lowerExclusive { return "above \(low) and at most \(high)" }
        return "between \(low) and \(high)"
    }

    /// A bound as people write it: `1000`, `0.5`, `1e-06`.
    static func number(_ d: Double) -> String {
        if let i = Int(exactly: d), abs(i) < 1 << 53 { return String(i) }
        return LuaValue.formatNumber(d)
    }
}

extension LuaValue {
    /// This value as a whole number within `range`: an integer, or a float with an integer
    /// value (`2.0`, `2^40`). Strings are not numbers here (options are read as given).
    /// - Throws: `LuaRangeError` naming `name` for anything else, out-of-range values, NaN and
    ///   infinities included. Never traps.
    public func checkedInteger(_ name: String, in range: ClosedRange<Int>) throws(LuaRangeError) -> Int {
        // The messages are made only when thrown: options are checked on every call (a search's `limit`).
        func outside() -> LuaRangeError { LuaRangeError("\(name) must be \(LuaRangeError.phrase(range))") }
        switch self {
        case .integer(let i):
            guard range.contains(i) else { throw outside() }
            return i
        case .number(let d):
            // Infinities and values past ±2^63 are out of range; NaN and fractions are not whole.
            if d.isNaN || (d.isFinite && d != d.rounded()) {
                let phrase = LuaRangeError.phrase(range)
                throw LuaRangeError(range.upperBound == Int.max || range.lowerBound == Int.min
                    ? "\(name) must be a whole number, \(phrase)" : "\(name) must be a whole number \(phrase)")
            }
            guard let i = Int(exactly: d), range.contains(i) else { throw outside() }
            return i
        default:
            throw LuaRangeError("\(name) must be a number, not \(LuaRangeError.article(type))")
        }
    }

    /// This value as a number within `range` (NaN is never in range).
    /// - Parameter lowerExclusive: true when the lower bound itself is not allowed (a
    ///   threshold above 0).
    /// - Throws: `LuaRangeError` naming `name`. Never traps.
    public func checkedNumber(_ name: String, in range: ClosedRange<Double>,
                              lowerExclusive: Bool = false) throws(LuaRangeError) -> Double {
        let d: Double
        switch self {
        case .integer(let i): d = Double(i)
        case .number(let n): d = n
        default: throw LuaRangeError("\(name) must be a number, not \(LuaRangeError.article(type))")
        }
        guard range.contains(d), !(lowerExclusive && d == range.lowerBound) else {
            throw LuaRangeError("\(name) must be \(LuaRangeError.phrase(range, lowerExclusive: lowerExclusive))")
        }
        return d
    }
}

extension LuaRangeError {
    /// "a string", "an opaque value": the type with its article, for messages.
    static func article(_ type: LuaType) -> String {
        "a \(type)"
    }
}

extension LuaArguments {
    /// A whole-number argument within `range` (Lua's `luaL_checkinteger` plus a range):
    /// numbers and numeric strings are accepted; `name` names the value in the message
    /// (`bad argument #1 to 'f' (width must be between 1 and 1000)`).
    public func integer(_ i: Int, in range: ClosedRange<Int>, name: String) throws -> Int {
        guard let v = try optionalInteger(i, in: range, name: name) else { throw typeError(i, "number") }
        return v
    }

    /// `integer(_:in:name:)`, or nil when the argument is missing or nil.
    public func optionalInteger(_ i: Int, in range: ClosedRange<Int>, name: String) throws -> Int? {
        guard let value = try numericValue(i) else { return nil }
        do {
            return try value.checkedInteger(name, in: range)
        } catch {
            throw error.argument(luaPosition(i))
        }
    }

    /// A number argument within `range` (NaN never is).
    public func number(_ i: Int, in range: ClosedRange<Double>, name: String, lowerExclusive: Bool = false) throws -> Double {
        guard let v = try optionalNumber(i, in: range, name: name, lowerExclusive: lowerExclusive) else {
            throw typeError(i, "number")
        }
        return v
    }

    /// `number(_:in:name:)`, or nil when the argument is missing or nil.
    public func optionalNumber(_ i: Int, in range: ClosedRange<Double>, name: String,
                               lowerExclusive: Bool = false) throws -> Double? {
        guard let value = try numericValue(i) else { return nil }
        do {
            return try value.checkedNumber(name, in: range, lowerExclusive: lowerExclusive)
        } catch {
            throw error.argument(luaPosition(i))
        }
    }

    /// Argument `i` as `.integer` or `.number` (numeric strings converted as Lua does), nil when
    /// missing; a type error for anything else.
    private func numericValue(_ i: Int) throws -> LuaValue? {
        switch type(i) {
        case .none, .nil:
            return nil
        case .number:
            return value(i)
        case .string:
            let v = value(i)
            if let n = v.intValue { return .integer(n) }
            // "nan" and "inf" are not numbers to Lua: a numeric string has digits.
            guard let text = v.stringValue?.trimmingCharacters(in: .whitespaces), let d = Double(text),
                  text.contains(where: \.isNumber)
            else { throw typeError(i, "number") }
            return .number(d)
        default:
            throw typeError(i, "number")
        }
    }
}

import Foundation
