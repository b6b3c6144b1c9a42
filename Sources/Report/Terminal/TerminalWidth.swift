/// The widths text for the terminal may be drawn at: tables, bar charts, the REPL's Lists.
/// Every width from a script (`report.bars(rows, {width = …})`, `table:text(w)`,
/// `dossier.printer.width`) or from the environment (`COLUMNS`) is checked against this range,
/// so a width can neither overflow nor ask for gigabytes of padding.
public enum TerminalWidth {
    /// The widths accepted: 1 to 1000 columns.
    public static let range: ClosedRange<Int> = 1...1000
    /// The width when nothing says otherwise.
    public static let standard = 100

    /// `width` brought into `range`.
    public static func clamped(_ width: Int) -> Int {
        Swift.min(Swift.max(width, range.lowerBound), range.upperBound)
    }
}
