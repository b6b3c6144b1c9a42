import Corpus
import Foundation
import LuaBridge
import Testing
@testable import Report
@testable import Scripting

@Suite struct ReportModuleTests {
    func session(out: URL) throws -> ScriptSession {
        try makeSession { $0.outputDirectory = out.path }
    }

    @Test func csvRoundTripsThroughPythonsParser() throws {
        let folder = try TemporaryFolder()
        let s = try session(out: folder.url)
        let path = try #require(try s.value("""
            local rows = {
              {name = 'comma, inside', note = 'she said "hi"', n = 3},
              {name = 'line\\nbreak', note = '', n = 2.5},
              {name = 'plain', n = -1},
            }
            return report.write("t.csv", report.table(rows, {columns = {"name", "note", "n"}}):csv())
            """).stringValue)
        let script = "import csv,json,sys; print(json.dumps(list(csv.reader(open(sys.argv[1], newline='')))))"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let rows = try #require(try JSONSerialization.jsonObject(with: data) as? [[String]])
        #expect(rows == [["name", "note", "n"], ["comma, inside", "she said \"hi\"", "3"], ["line\nbreak", "", "2.5"], ["plain", "", "-1"]])
    }

    @Test func aTableIsWrittenAsItsCSVAndAnExcerptKeepsThePage() throws {
        let folder = try TemporaryFolder()
        let s = try session(out: folder.url)
        let values = try s.values("""
            local t = report.table(corpus:docs(), {columns = {'id', 'words'}, top = 2, noun = 'documents', link = 'docs.csv'})
            local path = report.write('docs.csv', t)
            local e = t:excerpt()
            local function page(x) return report.html{title = 'T', sections = {{heading = 'S', x}}} end
            return path, t:csv(), #t, #e, page(t) == page(e), e:excerpt() == e,
                   report.table({{a = 1}}):excerpt() ~= nil
            """)
        let path = try #require(values[0].stringValue)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == values[1].stringValue)
        #expect(values[2].intValue == s.corpus.count)
        #expect(values[3].intValue == min(2, s.corpus.count))
        for i in 4...6 {
            guard case .boolean(true) = values[i] else { Issue.record("value \(i): \(values[i])"); continue }
        }
    }

    @Test func forgettingTheAnalysesGivesTheSameResultsAgain() throws {
        let s = try makeSession()
        let script = """
            local out = {}
            for _, e in ipairs(corpus:entities()) do out[#out + 1] = e.name .. '/' .. e.count end
            for _, q in ipairs(corpus:quotes()) do out[#out + 1] = q.text .. '/' .. tostring(q.speaker_name) end
            for _, m in ipairs(corpus:timeline()) do out[#out + 1] = m.date .. '/' .. m.text end
            return table.concat(out, '\\n')
            """
        let before = try s.value(script).stringValue
        _ = try s.values("corpus:forget()")
        #expect(s.corpus.annotations.peek("entities.index", as: EntityIndex.self) == nil)
        #expect(try s.value(script).stringValue == before)
        #expect(before?.isEmpty == false)
    }

    @Test func jsonParses() throws {
        let folder = try TemporaryFolder()
        let s = try session(out: folder.url)
        let json = try #require(try s.value("return report.table(corpus:docs(), {columns = {'id', 'words'}}):json()").stringValue)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(parsed.count == s.corpus.count)
        #expect(parsed.first?["id"] as? String == s.corpus.documents.first?.id)
        #expect(parsed.first?["words"] as? Int == s.corpus.documents.first?.wordCount)
    }

    @Test func writeRefusesPathsThatEscape() throws {
        let folder = try TemporaryFolder()
        let s = try session(out: folder.url)
        for bad in ["../x.txt", "/etc/x.txt", "a/../../x.txt"] {
            #expect(throws: LuaError.self) { try s.values("return report.write('\(bad)', 'x')") }
        }
        let ok = try s.value("return report.write('sub/ok.txt', 'fine')").stringValue
        #expect(ok.map { try? String(contentsOfFile: $0, encoding: .utf8) } == "fine")
    }

    @Test func failingScriptLeavesNoPartialFile() throws {
        let folder = try TemporaryFolder()
        let s = try session(out: folder.url)
        #expect(throws: LuaError.self) {
            try s.values("report.write('done.txt', 'one') local t = report.table(corpus:docs()) error('half-way')")
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.url.path)
        #expect(files == ["done.txt"])
    }

    @Test func htmlHasChartsAndTables() throws {
        let folder = try TemporaryFolder()
        let s = try session(out: folder.url)
        let html = try #require(try s.value("""
            return report.html{title = "Seeds", sections = {
              {heading = "Words", "Per document.", report.table(corpus:docs()), report.chart.bar(corpus:docs(), {label = "id", value = "words", title = "Words"})},
              {heading = "Time", report.chart.timeline({{label = "visit", start = "2023-06-18", ["end"] = "2023-06-19"}, {label = "Bali", start = "2022-11"}}, {title = "When"})},
              {heading = "Who", report.chart.network{title = "Links", nodes = {{id = "a", label = "A"}, {id = "b", label = "B"}}, edges = {{source = "a", target = "b"}}}},
            }}
            """).stringValue)
        #expect(html.components(separatedBy: "<svg").count - 1 == 3)
        #expect(html.contains("<table"))
        #expect(!html.contains("http"))
    }

    @Test func terminalChartsFit() throws {
        let s = try makeSession()
        let bars = try #require(try s.value("return report.bars(corpus:docs(), {label = 'id', value = 'words', width = 50})").stringValue)
        #expect(bars.split(separator: "\n").count == s.corpus.count)
        #expect(bars.split(separator: "\n").allSatisfy { DisplayWidth.of(String($0)) <= 50 })
        let spark = try #require(try s.value("return report.sparkline({1, 5, 2, 8})").stringValue)
        #expect(spark.count == 4)
    }
}
