import Foundation

/// A value axis over a data range with round tick values (1, 2 or 5 times a power of ten).
/// The axis spans exactly the data range (so one small negative value does not add a whole empty
/// step to the left); ticks are the round values that fall inside it.
struct NiceScale: Equatable {
    /// Lowest value on the axis.
    var lower: Double
    /// Highest value on the axis.
    var upper: Double
    /// Distance between ticks.
    var step: Double

    /// A scale covering `low...high` with at most about `maxTicks` ticks. Equal or non-finite
    /// bounds give a small sensible range instead of a division by zero.
    init(low: Double, high: Double, maxTicks: Int = 6) {
        var lo = low.isFinite ? low : 0
        var hi = high.isFinite ? high : 1
        if lo > hi { swap(&lo, &hi) }
        if lo == hi {
            if lo == 0 { hi = 1 } else if lo > 0 { lo = 0 } else { hi = 0 }
        }
        lower = lo
        upper = hi
        step = NiceScale.niceNumber((hi - lo) / Double(Swift.max(1, maxTicks - 1)))
    }

    /// The multiples of `step` inside `lower...upper`, computed by multiplication so errors do
    /// not accumulate.
    var ticks: [Double] {
        let tolerance = step * 1e-9
        let first = (lower / step).rounded(.up)
        let last = (upper / step).rounded(.down)
        guard first.isFinite, last.isFinite, last - first < 1000 else { return [lower, upper] }
        return stride(from: first, through: last, by: 1).map { $0 * step }.filter { $0 >= lower - tolerance && $0 <= upper + tolerance }
    }

    /// Where `value` falls between `from` (at `lower`) and `to` (at `upper`).
    func position(_ value: Double, from: Double, to: Double) -> Double {
        from + (value - lower) / (upper - lower) * (to - from)
    }

    /// The smallest of 1, 2, 5 or 10 times a power of ten that is at least `x`.
    static func niceNumber(_ x: Double) -> Double {
        guard x.isFinite, x > 0 else { return 1 }
        let exponent = log10(x).rounded(.down)
        let base = pow(10, exponent)
        let fraction = x / base
        let nice: Double = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        return nice * base
    }
}

extension NumberText {
    /// Very short form for labels inside charts: integers up to 999 as digits, larger magnitudes
    /// as `5k`, `12k`, `3.4M`, `1.2B`, fractions to three significant digits.
    static func compact(_ d: Double) -> String {
        guard d.isFinite else { return display(d) }
        let magnitude = Swift.abs(d)
        if magnitude >= 1e3 {
            let (scaled, suffix): (Double, String) =
                magnitude >= 1e12 ? (d / 1e12, "T") : magnitude >= 1e9 ? (d / 1e9, "B") : magnitude >= 1e6 ? (d / 1e6, "M") : (d / 1e3, "k")
            let decimals = Swift.abs(scaled) >= 100 ? 0 : 1
            return display((scaled * pow(10, Double(decimals))).rounded() / pow(10, Double(decimals))) + suffix
        }
        if d == d.rounded() { return display(d) }
        let integerDigits = magnitude < 1 ? 0 : Int(log10(magnitude).rounded(.down)) + 1
        let decimals = Swift.max(0, 3 - integerDigits)
        let factor = pow(10, Double(decimals))
        return display((d * factor).rounded() / factor)
    }
}
