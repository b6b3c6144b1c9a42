/// Small charts drawn with Unicode block characters, for the REPL and script output.
public enum TerminalChart {
    /// Partial blocks for one to seven eighths of a character cell.
    private static let eighths: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]
    /// Sparkline levels from lowest to highest.
    private static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// Horizontal bars, one line per item in the order given: the label (left-aligned, cut with
    /// "…" if long), the value (right-aligned), and a bar drawn in eighth blocks (▏▎▍▌▋▊▉█) scaled
    /// so the largest value fills the bar area. Negative, zero and non-finite values get no bar but
    /// keep their value; any positive value gets at least a sliver. No line is wider than `width`;
    /// no trailing line break. With no items the result is "(no data)".
    public static func bars(_ items: [(label: String, value: Double)], width: Int) -> String {
        guard width > 0 else { return "" }
        let width = Swift.min(width, TerminalWidth.range.upperBound)
        guard !items.isEmpty else { return DisplayWidth.truncate("(no data)", to: width) }
        let labels = items.map { TerminalText.sanitize($0.label) }
        let values = items.map { NumberText.display($0.value) }
        let valueWidth = values.map(DisplayWidth.of).max() ?? 1
        let naturalLabel = labels.map(DisplayWidth.of).max() ?? 0
        var labelWidth = Swift.min(naturalLabel, Swift.max(8, width / 3))
        var barWidth = width - labelWidth - valueWidth - 4
        let wantedBar = Swift.min(10, Swift.max(0, width - valueWidth - 4 - 1))
        if barWidth < wantedBar {
            labelWidth = Swift.max(1, labelWidth - (wantedBar - barWidth))
            barWidth = width - labelWidth - valueWidth - 4
        }
        barWidth = Swift.max(0, barWidth)
        let largest = items.map(\.value).filter { $0.isFinite && $0 > 0 }.max() ?? 0

        var lines: [String] = []
        for (i, item) in items.enumerated() {
            var bar = ""
            if largest > 0, item.value.isFinite, item.value > 0, barWidth > 0 {
                let units = Swift.max(1, Int((item.value / largest * Double(barWidth) * 8).rounded()))
                bar = String(repeating: "█", count: units / 8)
                if units % 8 > 0 { bar.append(eighths[units % 8 - 1]) }
            }
            let label = DisplayWidth.pad(DisplayWidth.truncate(labels[i], to: labelWidth), to: labelWidth)
            let value = DisplayWidth.pad(values[i], to: valueWidth, rightAligned: true)
            var line = label + "  " + value + "  " + bar
            while line.last == " " { line.removeLast() }
            lines.append(DisplayWidth.of(line) > width ? DisplayWidth.truncate(line, to: width) : line)
        }
        return lines.joined(separator: "\n")
    }

    /// A one-line sparkline, one character per value, from ▁ (smallest) to █ (largest).
    /// Non-finite values are drawn as a space; when all finite values are equal every one is ▄.
    /// An empty list gives "".
    public static func sparkline(_ values: [Double]) -> String {
        let finite = values.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max() else {
            return String(repeating: " ", count: values.count)
        }
        let span = high - low
        var out = ""
        for v in values {
            if !v.isFinite {
                out.append(" ")
            } else if span == 0 || !span.isFinite {
                out.append(levels[3])
            } else {
                let level = Int(((v - low) / span * 7).rounded())
                out.append(levels[Swift.min(7, Swift.max(0, level))])
            }
        }
        return out
    }
}
