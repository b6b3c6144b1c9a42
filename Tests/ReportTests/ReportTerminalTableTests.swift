import Foundation
import Testing
@testable import Report

@Suite struct ReportTerminalTableTests {
    func lines(_ s: String) -> [String] { s.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }

    @Test(arguments: [40, 80, 200])
    func seedTableFitsTheWidth(width: Int) throws {
        let table = try ReportSampleData.articleTable()
        let out = lines(TableFormat.terminal(table, width: width))
        #expect(out.count == table.rows.count + 2)
        for line in out { #expect(DisplayWidth.of(line) <= width, "\(DisplayWidth.of(line)) > \(width): \(line)") }
        // The last column is numeric and right-aligned, so every line ends in the same column.
        #expect(Set(out.map(DisplayWidth.of)).count == 1)
        // Numbers are never cut: each row ends with its Taiwan count, preceded by its China count.
        for (line, row) in zip(out.dropFirst(2), table.rows) {
            let fields = line.split(separator: " ").suffix(3).map(String.init)
            #expect(fields == [row[2].displayText, row[3].displayText, row[4].displayText])
            #expect(line.hasPrefix(row[0].displayText + "  "))
        }
        #expect(out[1].allSatisfy { $0 == "─" || $0 == " " })
    }

    @Test func longTitlesAreCutWithEllipsisOnlyWhenTheyDoNotFit() throws {
        let table = try ReportSampleData.articleTable()
        let wide = TableFormat.terminal(table, width: 200)
        // Short titles fit whole at 200 columns; the 300-character first paragraph of 002 does not.
        #expect(wide.contains("Blinken visit seeks to ease fraught US relationship with China"))
        #expect(wide.contains("18-6-2023 (BEIJING) US Secretary of State"))
        #expect(!wide.contains("two largest economies."))
        #expect(lines(wide)[4].contains("…"))
        let narrow = TableFormat.terminal(table, width: 40)
        #expect(!narrow.contains("Blinken visit seeks to ease fraught US relationship with China"))
        #expect(lines(narrow).dropFirst(2).allSatisfy { $0.contains("…") })
    }

    @Test func cjkTextLinesUp() {
        let table = ReportTable(columns: ["名字", "count"], rows: [["布林肯", 3], ["秦刚", 12], ["Blinken", 7]])
        let out = lines(TableFormat.terminal(table, width: 80))
        // Name column is 7 wide ("Blinken"; 布林肯 is 6), count column 5 wide, two spaces between.
        #expect(out == [
            "名字     count",
            "───────  ─────",
            "布林肯       3",
            "秦刚        12",
            "Blinken      7",
        ])
        #expect(out.allSatisfy { DisplayWidth.of($0) == 14 })
    }

    @Test func cjkTextIsCutOnCharacterBoundaries() {
        let table = ReportTable(columns: ["名字", "count"], rows: [["布林肯", 3], ["秦刚", 12], ["Blinken", 7]])
        let out = lines(TableFormat.terminal(table, width: 10))
        for line in out { #expect(DisplayWidth.of(line) <= 10) }
        // Four columns each: a wide character that would straddle the edge is dropped whole.
        #expect(out[0] == "名字  cou…")
        #expect(out[2] == "布…" + String(repeating: " ", count: 6) + "3")  // 3 + 1 pad + 2 gap + 3 pad + 1
        #expect(out[4] == "Bli…" + String(repeating: " ", count: 5) + "7")  // 4 + 2 gap + 3 pad + 1
    }

    @Test func tooManyColumnsAreLeftOutAndMarked() {
        let columns = (1...15).map { "column \($0)" }
        let rows: [[ReportCell]] = (0..<3).map { r in (1...15).map { ReportCell.integer($0 * 1000 + r) } }
        let out = lines(TableFormat.terminal(ReportTable(columns: columns, rows: rows), width: 40))
        for line in out { #expect(DisplayWidth.of(line) <= 40) }
        #expect(out[0].hasSuffix("…"))
        #expect(out[0].hasPrefix("col"))
    }

    @Test func oddCellsStayOnOneLineWithoutEscapes() {
        let table = ReportTable(columns: ["text"], rows: [["\u{1B}[31mred\u{1B}[0m"], ["two\nlines\r\nhere"], ["tab\there"], ["\u{202E}reversed"], ["“quoted” – dash\u{2028}next\u{85}last\u{2067}"]])
        let out = TableFormat.terminal(table, width: 40)
        #expect(!out.contains("\u{1B}"))
        #expect(!out.contains("\u{202E}"))
        #expect(lines(out) == ["text", "─────────────────────────", "red", "two lines here", "tab here", "reversed", "“quoted” – dash next last"])
    }

    @Test func degenerateTablesAndWidths() {
        #expect(TableFormat.terminal(ReportTable(columns: [], rows: []), width: 80) == "(empty table)")
        #expect(lines(TableFormat.terminal(ReportTable(columns: ["a"], rows: []), width: 80)).last == "(no rows)")
        #expect(TableFormat.terminal(ReportTable(columns: ["a"], rows: [["x"]]), width: 0) == "")
        let ragged = ReportTable(columns: ["a", "b"], rows: [["only a"], ["x", "y", "extra"]])
        #expect(lines(TableFormat.terminal(ragged, width: 80)) == ["a       b", "──────  ─", "only a", "x       y"])
        for width in 1...12 {
            for line in lines(TableFormat.terminal(ReportTable(columns: ["alpha", "beta", "gamma"], rows: [["布林肯", 1, 2.5]]), width: width)) {
                #expect(DisplayWidth.of(line) <= width)
            }
        }
    }

    @Test func numbersAreRightAlignedAndFloatsRounded() {
        let table = ReportTable(columns: ["term", "llr"], rows: [["Taiwan", 12.345678], ["balloon", 3], ["trade", .number(.nan)]])
        #expect(lines(TableFormat.terminal(table, width: 80)) == [
            "term         llr",
            "───────  ───────",
            "Taiwan   12.3457",
            "balloon        3",
            "trade        NaN",
        ])
    }
}

@Suite struct ReportDisplayWidthTests {
    @Test func widthsOfKindsOfText() {
        #expect(DisplayWidth.of("Blinken") == 7)
        #expect(DisplayWidth.of("北京") == 4)
        #expect(DisplayWidth.of("ｂｅｉｊｉｎｇ") == 14)  // fullwidth Latin
        #expect(DisplayWidth.of("한국") == 4)
        #expect(DisplayWidth.of("e\u{301}") == 1)  // combining accent
        #expect(DisplayWidth.of("Qin\u{200B}Gang") == 7)  // zero-width space
        #expect(DisplayWidth.of("👍") == 2)
        #expect(DisplayWidth.of("👨‍👩‍👧") == 2)  // one ZWJ sequence
        #expect(DisplayWidth.of("🇨🇳🇺🇸") == 4)  // two flags
        #expect(DisplayWidth.of("❤\u{FE0F}") == 2)  // text-default emoji shown as emoji
        #expect(DisplayWidth.of("a\u{7}b") == 2)  // control character
        #expect(DisplayWidth.of("") == 0)
        #expect(DisplayWidth.of("Blinken\u{A0}said") == 12)  // no-break space from the seeds
    }

    @Test func truncationRespectsTheWidth() {
        #expect(DisplayWidth.truncate("Blinken in Beijing", to: 10) == "Blinken i…")
        #expect(DisplayWidth.truncate("Blinken", to: 7) == "Blinken")
        #expect(DisplayWidth.truncate("布林肯访问北京", to: 6) == "布林…")
        #expect(DisplayWidth.truncate("布林肯访问北京", to: 5) == "布林…")
        #expect(DisplayWidth.truncate("👨‍👩‍👧👨‍👩‍👧", to: 3) == "👨‍👩‍👧…")
        #expect(DisplayWidth.truncate("abc", to: 1) == "…")
        #expect(DisplayWidth.truncate("abc", to: 0) == "")
        #expect(DisplayWidth.truncate("abc", to: -3) == "")
        for width in 0...16 {
            #expect(DisplayWidth.of(DisplayWidth.truncate("Qin Gang 秦刚 👍 e\u{301}", to: width)) <= max(0, width))
        }
    }
}
