/// One cell of a report table: text, an integer, a floating-point number, a boolean, or nothing.
///
/// Integers and floating-point numbers are separate cases so that counts stay integral in every
/// output format (a count of 3 is written `3`, never `3.0`), while measures such as keyness keep
/// their fractions.
public enum ReportCell: Hashable, Sendable {
    /// Free text; may hold any Unicode, line breaks included (each format escapes what it must).
    case text(String)
    /// A whole number, written without a decimal point.
    case integer(Int)
    /// A floating-point measure; NaN and infinities are allowed and written as each format permits.
    case number(Double)
    /// A yes/no value, written `true` / `false`.
    case boolean(Bool)
    /// No value: an empty field in CSV, `null` in JSON, a blank cell elsewhere.
    case empty

    /// Whether the cell holds a number (integer or floating point); numbers are right-aligned.
    public var isNumeric: Bool {
        switch self {
        case .integer, .number: return true
        default: return false
        }
    }

    /// The cell as short human-readable text: numbers rounded to six significant digits,
    /// booleans as `true`/`false`, empty as "". Used by the terminal, markdown and HTML views.
    public var displayText: String {
        switch self {
        case .text(let s): return s
        case .integer(let i): return String(i)
        case .number(let d): return NumberText.display(d)
        case .boolean(let b): return b ? "true" : "false"
        case .empty: return ""
        }
    }

    /// The cell as exact text for data files: integers as digits, floating-point numbers in the
    /// shortest form that reads back to the same value, NaN/∞ as `NaN`, `inf`, `-inf`.
    public var exactText: String {
        switch self {
        case .text(let s): return s
        case .integer(let i): return String(i)
        case .number(let d): return NumberText.exact(d)
        case .boolean(let b): return b ? "true" : "false"
        case .empty: return ""
        }
    }
}

/// Lets tests and Swift callers write `"Blinken"` for `.text("Blinken")`.
extension ReportCell: ExpressibleByStringLiteral {
    /// Creates a text cell from a string literal.
    public init(stringLiteral value: String) { self = .text(value) }
}

/// Lets Swift callers write `3` for `.integer(3)`.
extension ReportCell: ExpressibleByIntegerLiteral {
    /// Creates an integer cell from an integer literal.
    public init(integerLiteral value: Int) { self = .integer(value) }
}

/// Lets Swift callers write `0.25` for `.number(0.25)`.
extension ReportCell: ExpressibleByFloatLiteral {
    /// Creates a number cell from a floating-point literal.
    public init(floatLiteral value: Double) { self = .number(value) }
}

/// Lets Swift callers write `true` for `.boolean(true)`.
extension ReportCell: ExpressibleByBooleanLiteral {
    /// Creates a boolean cell from a boolean literal.
    public init(booleanLiteral value: Bool) { self = .boolean(value) }
}

/// Lets Swift callers write `nil` for `.empty`.
extension ReportCell: ExpressibleByNilLiteral {
    /// Creates an empty cell from `nil`.
    public init(nilLiteral: ()) { self = .empty }
}
