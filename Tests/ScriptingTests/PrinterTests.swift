import Foundation
import LuaBridge
import Testing
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
        let rows = [[TerminalTable.Cell(text: String(repeating: "word ", count: 40), numeric: false), TerminalTable.Cell(text: "12", numeric: true)]]
        let out = TerminalTable.render(columns: ["text", "n"], rows: rows, width: 40)
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
