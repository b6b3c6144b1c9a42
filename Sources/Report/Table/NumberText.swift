import Foundation

/// Number-to-text conversions shared by the table formats and charts. All are locale-free, so
/// the same value always gives the same bytes whatever the machine's settings.
enum NumberText {
    /// Short human-readable form: at most six significant digits, no trailing zeros,
    /// scientific notation only for very small or very large magnitudes; `NaN`, `∞`, `-∞`.
    static func display(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-∞" : "∞" }
        if d == 0 { return "0" }
        let magnitude = Swift.abs(d)
        if magnitude >= 1e-4 && magnitude < 1e15 {
            let integerDigits = magnitude < 1 ? 0 : Int(log10(magnitude).rounded(.down)) + 1
            let decimals = Swift.max(0, 6 - integerDigits)
            return trimZeros(String(format: "%.\(decimals)f", d))
        }
        return String(format: "%.3g", d)
    }

    /// Exact round-tripping form for data files: Swift's shortest representation, with
    /// `NaN`, `inf`, `-inf` for the values that have no digits (spellings Python and pandas read).
    static func exact(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-inf" : "inf" }
        return d.description
    }

    /// A JSON number, or `null` for NaN and infinities (JSON has no spelling for them).
    static func json(_ d: Double) -> String {
        d.isFinite ? d.description : "null"
    }

    /// A coordinate for SVG: rounded to two decimals, no trailing zeros, never `-0`, `0` for non-finite input.
    static func coordinate(_ d: Double) -> String {
        guard d.isFinite, Swift.abs(d) < 1e12 else { return "0" }
        let hundredths = Int((d * 100).rounded())
        if hundredths == 0 { return "0" }
        let sign = hundredths < 0 ? "-" : ""
        let a = Swift.abs(hundredths)
        let whole = a / 100, frac = a % 100
        if frac == 0 { return "\(sign)\(whole)" }
        if frac % 10 == 0 { return "\(sign)\(whole).\(frac / 10)" }
        return "\(sign)\(whole).\(frac < 10 ? "0" : "")\(frac)"
    }

    /// Removes trailing zeros after a decimal point, and the point itself if nothing follows.
    private static func trimZeros(_ s: String) -> String {
        guard s.contains(".") else { return s }
        var t = Substring(s)
        while t.last == "0" { t = t.dropLast() }
        if t.last == "." { t = t.dropLast() }
        if t == "-0" { return "0" }
        return String(t)
    }
}
