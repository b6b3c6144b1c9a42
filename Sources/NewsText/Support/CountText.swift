/// Counts written for people (`12,034 documents`, `Top 50 of 95,031 claims`), in the REPL's
/// summaries, limit messages and the HTML reports, whatever the machine's locale.
package enum CountText {
    /// `n` with thousands separated by commas: `5,000,000`, `-1,024`, `7`.
    package static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        out.reserveCapacity(digits.count + digits.count / 3 + 1)
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return n < 0 ? "-" + out : out
    }
}
