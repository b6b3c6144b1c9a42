import Foundation
import LuaBridge
import Testing
@testable import Report
@testable import Scripting

@Suite struct PrinterTests {
    @Test func listOfDocumentsPrintsAsAlignedTable() throws {
        let session = try makeSession()
        let text = try #require(try session.value("return tostring(corpus:docs())").stringValue)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("id") == true)
        #expect(lines.count == 2 + 5)
        #expect(lines.allSatisfy { $0.count <= 100 })
        // Columns line up: every row has the words column ending at the same place.
        let ends = Set(lines.dropFirst(2).map { $0.count })
        #expect(ends.count == 1)
    }

    @Test func tableFitsNarrowWidthsWithEllipsis() {
        let rows: [[ReportCell]] = [[.text(String(repeating: "word ", count: 40)), .integer(12)]]
        let out = TableFormat.terminal(ReportTable(columns: ["text", "n"], rows: rows), width: 40)
        for line in out.split(separator: "\n") { #expect(line.count <= 40) }
        #expect(out.contains("…"))
    }

    @Test func reportTablePrintsRows() throws {
        let session = try makeSession()
        let text = try session.value("""
            local t = report.table({{term = "china", count = 12}, {term = "taiwan", count = 3}}, {columns = {"term", "count"}})
            return tostring(t)
            """).stringValue
        let lines = try #require(text).split(separator: "\n")
        #expect(lines.first?.hasPrefix("term") == true)
        #expect(lines.last?.contains("taiwan") == true)
    }

    @Test func objectsPrintAsOneLineSummaries() throws {
        let session = try makeSession()
        let text = try #require(try session.value("return tostring(corpus)").stringValue)
        #expect(text.hasPrefix("<Corpus 5 documents"))
        #expect(!text.contains("\n"))
    }

    @Test func completionOffersFieldsAndMethods() throws {
        let session = try makeSession()
        #expect(session.completions(for: "corpus:do").contains("corpus:docs"))
        #expect(session.completions(for: "corpus:fil").contains("corpus:filter"))
        #expect(session.completions(for: "dossier.ver") == ["dossier.version"])
        #expect(session.completions(for: "x = corp").contains("x = corpus"))
        #expect(session.completions(for: "corpus:doc('002').ti").contains("corpus:doc('002').title") == false)
    }
}

/// The REPL prints Lists with the report's table formatter, so wide characters line up there as
/// they do in `report.table` (the REPL once counted characters, not terminal columns).
@Suite struct PrinterWidthTests {
    @Test func cjkTextLinesUpInPrintedLists() throws {
        let session = try makeSession()
        let text = try #require(try session.value("""
            local rows = dossier.List.new({ {name = "布林肯", count = 3}, {name = "秦刚", count = 12}, {name = "Blinken", count = 7} })
            return dossier.printer.list(setmetatable(rows, dossier.List.with_columns({"name", "count"})), 80)
            """).stringValue)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines == [
            "name     count",
            "───────  ─────",
            "布林肯       3",
            "秦刚        12",
            "Blinken      7",
        ])
        // The same rows through report.table give the same text.
        let table = try session.value("""
            return report.table({ {name = "布林肯", count = 3}, {name = "秦刚", count = 12}, {name = "Blinken", count = 7} },
                                {columns = {"name", "count"}}):text(80)
            """).stringValue
        #expect(table == text)
    }

    @Test func narrowListsCutWideTextOnCharacterBoundaries() throws {
        let session = try makeSession()
        let text = try #require(try session.value("""
            local rows = { {name = "布林肯访问北京", n = 1}, {name = "Blinken", n = 22} }
            return dossier.printer.list(setmetatable(rows, dossier.List.with_columns({"name", "n"})), 10)
            """).stringValue)
        for line in text.split(separator: "\n") { #expect(DisplayWidth.of(String(line)) <= 10, "\(line)") }
        #expect(text.contains("布林…"))
    }
}
