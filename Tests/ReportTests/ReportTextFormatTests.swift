import Foundation
import Testing
@testable import Report

@Suite struct ReportTextFormatTests {
    /// Quotes as they appear in the seeds, plus every character CSV must protect.
    static let tricky = ReportTable(
        columns: ["speaker", "quote, in full", "count", "share", "verified", "note"],
        rows: [
            ["Andrew Small", "\"both sides want to show the rest of the world that they are serious\"", 3, 0.25, true, nil],
            ["Qin Gang", "stop interfering in China’s internal affairs,\r\nhe said", 1, 0.1, false, "phone call\nTuesday or Wednesday?"],
            ["  Blinken  ", "", 12, .number(1e-7), nil, "trailing, comma,"],
            ["秦刚", "“The world expects the US and China to cooperate”", -4, .number(.infinity), true, "say \"\"hi\"\""],
        ])

    /// A strict RFC 4180 reader: records end in CRLF, quoted fields may hold anything.
    static func parseCSV(_ text: String) throws -> [[String]] {
        struct Malformed: Error { var at: Int }
        let s = Array(text.unicodeScalars)
        var records: [[String]] = [], record: [String] = [], field = ""
        var i = 0
        var quoted = false
        while i < s.count {
            let c = s[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < s.count && s[i + 1] == "\"" { field.unicodeScalars.append("\""); i += 2; continue }
                    quoted = false
                    i += 1
                    guard i == s.count || s[i] == "," || s[i] == "\r" else { throw Malformed(at: i) }
                    continue
                }
                field.unicodeScalars.append(c)
                i += 1
                continue
            }
            switch c {
            case "\"":
                guard field.isEmpty else { throw Malformed(at: i) }
                quoted = true
            case ",":
                record.append(field); field = ""
            case "\r":
                guard i + 1 < s.count, s[i + 1] == "\n" else { throw Malformed(at: i) }
                record.append(field); field = ""
                records.append(record); record = []
                i += 1
            case "\n":
                throw Malformed(at: i)  // a bare LF outside quotes is not a record end in RFC 4180
            default:
                field.unicodeScalars.append(c)
            }
            i += 1
        }
        guard !quoted else { throw Malformed(at: i) }
        if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
        return records
    }

    var expectedFields: [[String]] {
        [Self.tricky.columns] + Self.tricky.rows.map { $0.map(\.exactText) }
    }

    @Test func csvRoundTripsThroughAStrictReader() throws {
        let csv = TableFormat.csv(Self.tricky)
        #expect(csv.hasSuffix("\r\n"))
        #expect(try Self.parseCSV(csv) == expectedFields)
        // Spot checks against the RFC, written by hand.
        #expect(csv.hasPrefix("speaker,\"quote, in full\",count,share,verified,note\r\n"))
        #expect(csv.contains("Andrew Small,\"\"\"both sides want to show the rest of the world that they are serious\"\"\",3,0.25,true,\r\n"))
        #expect(csv.contains("  Blinken  ,,12,1e-07,,\"trailing, comma,\"\r\n"))
        #expect(csv.contains("秦刚,“The world expects the US and China to cooperate”,-4,inf,true,\"say \"\"\"\"hi\"\"\"\"\"\r\n"))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")))
    func csvRoundTripsThroughPythonsCSVModule() throws {
        let script = "import csv, io, json, sys; r = csv.reader(io.TextIOWrapper(sys.stdin.buffer, encoding='utf-8', newline=''), strict=True); print(json.dumps(list(r)))"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", script]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(TableFormat.csv(Self.tricky).utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let parsed = try #require(try JSONSerialization.jsonObject(with: data) as? [[String]])
        #expect(parsed == expectedFields)
    }

    @Test func csvInPiecesJoinsToTheWholeText() {
        // Many rows, rows shorter and longer than the columns, pieces of a few records each.
        var rows = Self.tricky.rows
        for i in 0..<200 { rows.append(i % 3 == 0 ? [.text("short \(i)")] : [.integer(i), "a,b", .number(0.5), true, nil, "x", "beyond"]) }
        let table = ReportTable(columns: Self.tricky.columns, rows: rows)
        var pieces: [String] = []
        TableFormat.csv(table, chunkBytes: 100) { pieces.append($0) }
        #expect(pieces.count > 10)
        #expect(pieces.joined() == TableFormat.csv(table))
        #expect(pieces.allSatisfy { $0.hasSuffix("\r\n") })  // whole records
        var none: [String] = []
        TableFormat.csv(ReportTable(columns: [], rows: [["x"]])) { none.append($0) }
        #expect(none.isEmpty)
    }

    @Test func csvEdgeCases() {
        #expect(TableFormat.csv(ReportTable(columns: [], rows: [])) == "")
        // A record with a single empty field is quoted so it is not a blank line.
        #expect(TableFormat.csv(ReportTable(columns: ["note"], rows: [[nil]])) == "note\r\n\"\"\r\n")
        #expect(TableFormat.csv(ReportTable(columns: ["n"], rows: [[.number(.nan)], [.number(-.infinity)], [2.0], [7]])) == "n\r\nNaN\r\n-inf\r\n2.0\r\n7\r\n")
    }

    @Test func jsonParsesWithTheRightValues() throws {
        let json = TableFormat.json(Self.tricky)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(parsed.count == 4)
        #expect(parsed[0]["speaker"] as? String == "Andrew Small")
        #expect(parsed[0]["quote, in full"] as? String == "\"both sides want to show the rest of the world that they are serious\"")
        #expect((parsed[0]["count"] as? NSNumber)?.intValue == 3)
        #expect((parsed[0]["share"] as? NSNumber)?.doubleValue == 0.25)
        #expect((parsed[0]["verified"] as? Bool) == true)
        #expect(parsed[0]["note"] is NSNull)
        #expect(parsed[1]["quote, in full"] as? String == "stop interfering in China’s internal affairs,\r\nhe said")
        #expect((parsed[2]["share"] as? NSNumber)?.doubleValue == 1e-7)
        #expect(parsed[2]["verified"] is NSNull)
        #expect(parsed[3]["speaker"] as? String == "秦刚")
        #expect((parsed[3]["count"] as? NSNumber)?.intValue == -4)
        #expect(parsed[3]["share"] is NSNull)  // infinity has no JSON spelling
        #expect(parsed[3]["note"] as? String == "say \"\"hi\"\"")
        // Keys come in column order.
        let firstLine = json.split(separator: "\n")[1]
        let positions = Self.tricky.columns.compactMap { firstLine.range(of: "\"\($0)\":")?.lowerBound }
        #expect(positions.count == 6 && positions == positions.sorted())
    }

    @Test func jsonEscapesControlCharactersAndRepeatedKeys() throws {
        let table = ReportTable(columns: ["name", "name", ""], rows: [["a\u{1}b\u{7F}\u{2028}", 1, "\\"]])
        let json = TableFormat.json(table)
        #expect(json == "[\n  {\"name\": \"a\\u0001b\\u007f\\u2028\", \"name_2\": 1, \"\": \"\\\\\"}\n]\n")
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(parsed[0]["name"] as? String == "a\u{1}b\u{7F}\u{2028}")
        #expect(TableFormat.json(ReportTable(columns: ["a"], rows: [])) == "[]\n")
    }

    @Test func markdownEscapesPipesBackslashesAndLineBreaks() {
        let table = ReportTable(columns: ["a|b", "n"], rows: [["x\ny", 1], ["C:\\path", 2.5], ["line\r\nbreak", nil]])
        #expect(TableFormat.markdown(table) == """
            | a\\|b | n |
            | --- | ---: |
            | x<br>y | 1 |
            | C:\\\\path | 2.5 |
            | line<br>break |  |

            """)
        #expect(TableFormat.markdown(ReportTable(columns: [], rows: [[1]])) == "")
    }
}
