import Testing
@testable import Report

@Suite struct ReportTerminalChartTests {
    /// Bar length of a line in eighths of a character cell.
    func eighths(_ line: String) -> Int {
        let partial: [Character: Int] = ["▏": 1, "▎": 2, "▍": 3, "▌": 4, "▋": 5, "▊": 6, "▉": 7]
        return line.reduce(0) { $0 + ($1 == "█" ? 8 : partial[$1] ?? 0) }
    }

    @Test(arguments: [40, 80])
    func barsFitAndAreProportional(width: Int) throws {
        let items = try ReportSampleData.topWords(8)
        let lines = TerminalChart.bars(items, width: width).split(separator: "\n").map(String.init)
        #expect(lines.count == items.count)
        for line in lines { #expect(DisplayWidth.of(line) <= width) }
        // In the order given, labels first, each with its value.
        for (line, item) in zip(lines, items) {
            #expect(line.hasPrefix(item.label))
            #expect(line.contains(" \(Int(item.value))  "))
        }
        // The largest value fills the bar area; the others are in proportion, to the nearest eighth.
        let longest = eighths(lines[0])
        #expect(longest >= 8 * 10)
        let largest = items[0].value
        for (line, item) in zip(lines, items) {
            let expected = item.value / largest * Double(longest)
            #expect(abs(Double(eighths(line)) - expected) <= 1)
        }
    }

    @Test func barsHandleOddValues() {
        let out = TerminalChart.bars([("big", 1000), ("tiny", 0.001), ("zero", 0), ("negative", -5), ("unknown", .nan)], width: 40)
        let lines = out.split(separator: "\n").map(String.init)
        #expect(eighths(lines[0]) > 0)
        #expect(lines[1].hasSuffix("▏"))  // any positive value stays visible
        #expect(eighths(lines[2]) == 0 && lines[2].hasSuffix("0"))
        #expect(eighths(lines[3]) == 0 && lines[3].hasSuffix("-5"))
        #expect(eighths(lines[4]) == 0 && lines[4].hasSuffix("NaN"))
        #expect(TerminalChart.bars([], width: 40) == "(no data)")
        #expect(TerminalChart.bars([("x", 1)], width: 0) == "")
        for width in 1...20 {
            for line in TerminalChart.bars([("a label that is long", 12345.678)], width: width).split(separator: "\n") {
                #expect(DisplayWidth.of(String(line)) <= width)
            }
        }
    }

    @Test func sparklines() {
        #expect(TerminalChart.sparkline([1, 2, 3, 4, 5, 6, 7, 8]) == "▁▂▃▄▅▆▇█")
        #expect(TerminalChart.sparkline([8, 1]) == "█▁")
        #expect(TerminalChart.sparkline([0, .nan, 10]) == "▁ █")
        #expect(TerminalChart.sparkline([3, 3, 3]) == "▄▄▄")
        #expect(TerminalChart.sparkline([]) == "")
        #expect(TerminalChart.sparkline([.infinity]) == " ")
    }
}
