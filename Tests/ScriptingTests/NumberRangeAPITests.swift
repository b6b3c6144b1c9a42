import Foundation
import LuaBridge
import Testing
@testable import Scripting

/// Numbers a script passes to dossier's functions are range-checked with Lua-style errors:
/// no value traps, allocates without bound or runs for minutes.
@Suite struct NumberRangeAPITests {
    func error(_ session: ScriptSession, _ code: String) -> String {
        errorMessage { try session.values(code) } ?? "(no error)"
    }

    static let rows = "{{label = 'china', value = 3}, {label = 'taiwan', value = 1}}"

    @Test func pairsOnATokenListStopsAtTheLargestKeys() throws {
        let session = try makeSession()
        let r = try session.values("""
            local f, s = pairs(corpus:docs()[1]:tokens())
            return f(s, math.maxinteger), select(2, f(s, 0)).text
            """)
        #expect(r[0].type == .nil)
        #expect(r[1].stringValue != nil)
        #expect(error(session, "local f, s = pairs(corpus:docs()[1]:tokens()) return f(s, '9223372036854775807')")
            .contains("invalid key to 'next'"))
    }

    @Test func barWidthsOutsideTheirRangeAreRefused() throws {
        let session = try makeSession()
        // `local s =`: in a tail call (`return report.bars(…)`) Lua keeps no line to name.
        for width in ["2^40", "math.maxinteger", "1e7", "0", "-1", "math.mininteger", "1/0"] {
            #expect(error(session, "local s = report.bars(\(Self.rows), {width = \(width)})")
                == "test:1: bad argument #2 to 'bars' (width must be between 1 and 1000)", "width \(width)")
        }
        #expect(error(session, "return report.bars(\(Self.rows), {width = 0/0})").contains("width must be a whole number between 1 and 1000"))
        #expect(error(session, "local s = report.bars(\(Self.rows), {width = 'wide'})")
            == "test:1: bad argument #2 to 'bars' (width must be a number, not a string)")
        let wide = try #require(try session.value("return report.bars(\(Self.rows), {width = 1000})").stringValue)
        #expect(wide.split(separator: "\n").allSatisfy { $0.count <= 1000 })
        let narrow = try #require(try session.value("return report.bars(\(Self.rows), {width = 1})").stringValue)
        #expect(narrow.split(separator: "\n").allSatisfy { $0.count <= 1 })
    }

    @Test func tableWidthsAreRangeChecked() throws {
        let session = try makeSession()
        for width in ["math.mininteger", "math.maxinteger", "0", "2^40"] {
            #expect(error(session, "return report.table(\(Self.rows)):text(\(width))")
                == "test:1: bad argument #1 to 'text' (width must be between 1 and 1000)", "width \(width)")
        }
        #expect(try session.value("return report.table(\(Self.rows)):text(40)").stringValue?.contains("china") == true)
    }

    @Test func printerWidthsAreRangeChecked() throws {
        let session = try makeSession()
        #expect(error(session, "dossier.printer.width = math.mininteger")
            == "test:1: dossier.printer.width must be between 1 and 1000")
        #expect(error(session, "dossier.printer.max_rows = -1") == "test:1: dossier.printer.max_rows must be 0 or more")
        #expect(error(session, "dossier.printer.max_items = 1.5").contains("max_items must be a whole number"))
        // Still usable afterwards, and a good value is kept.
        #expect(try session.value("return tostring(corpus:docs())").stringValue?.hasPrefix("id") == true)
        try session.values("dossier.printer.width = 60")
        #expect(try session.value("return dossier.printer.width").intValue == 60)
        #expect(try session.value("return tostring(corpus:docs())").stringValue?.split(separator: "\n").allSatisfy { $0.count <= 60 } == true)
        for width in ["math.mininteger", "math.maxinteger", "0", "0/0"] {
            #expect(error(session, "return dossier.printer.list(corpus:docs(), \(width))").contains("bad argument #2 to 'list' (width must be"),
                    "width \(width)")
        }
        #expect(error(session, "return dossier.printer.list(corpus:docs(), 80, -5)").contains("bad argument #3 to 'list' (max_rows must be 0 or more)"))
        #expect(error(session, "return dossier.printer.repr(corpus:docs(), math.maxinteger)").contains("bad argument #2 to 'repr' (width must be between 1 and 1000)"))
    }

    @Test func aSessionWidthOutOfRangeIsKeptInRange() throws {
        let session = try makeSession { $0.width = Int.max }
        #expect(session.options.width == 1000)
        _ = try session.evaluate("return corpus:docs()")
        let tiny = try makeSession { $0.width = Int.min }
        #expect(tiny.options.width == 1)
    }

    @Test func searchStatisticsAndCompareOptionsAreRangeChecked() throws {
        let session = try makeSession()
        let cases: [(String, String)] = [
            ("corpus:kwic('the', {width = 2^40})", "bad argument #2 to 'kwic' (width must be between 0 and 1000)"),
            ("corpus:kwic('the', {width = 2.5})", "bad argument #2 to 'kwic' (width must be a whole number between 0 and 1000)"),
            ("corpus:kwic('the', {limit = 0})", "bad argument #2 to 'kwic' (limit must be at least 1)"),
            ("corpus:search('the', {limit = math.mininteger})", "bad argument #2 to 'search' (limit must be at least 1)"),
            ("corpus:search('the', {limit = 0/0})", "bad argument #2 to 'search' (limit must be a whole number, at least 1)"),
            ("corpus:collocations('china', {window = math.maxinteger})", "bad argument #2 to 'collocations' (window must be between 1 and 1000)"),
            ("corpus:collocations('china', {window = 0})", "bad argument #2 to 'collocations' (window must be between 1 and 1000)"),
            ("corpus:ngrams(2^63)", "bad argument #1 to 'ngrams' (n must be between 1 and 8)"),
            ("corpus:ngrams(0)", "bad argument #1 to 'ngrams' (n must be between 1 and 8)"),
            ("corpus:ngrams(2, {min = math.mininteger})", "bad argument #2 to 'ngrams' (min must be at least 1)"),
            ("corpus:frequencies{top = -1}", "bad argument #1 to 'frequencies' (top must be 0 or more)"),
            ("corpus:frequencies{top = -1/0}", "bad argument #1 to 'frequencies' (top must be 0 or more)"),
            ("corpus:frequencies{top = 0/0}", "bad argument #1 to 'frequencies' (top must be a whole number, 0 or more)"),
            ("corpus:docs()[1]:keywords{top = math.mininteger}", "bad argument #1 to 'keywords' (top must be 0 or more)"),
            ("corpus:duplicates{passages = math.maxinteger}", "bad argument #1 to 'duplicates' (passages must be between 0 and 1000)"),
            ("corpus:duplicates{shingle = 2^53}", "bad argument #1 to 'duplicates' (shingle must be between 1 and 100)"),
            ("corpus:duplicates{threshold = 0/0}", "bad argument #1 to 'duplicates' (threshold must be above 0 and at most 1)"),
            ("corpus:compare{min_sources = math.maxinteger}", "bad argument #1 to 'compare' (min_sources must be between 2 and 1000000)"),
            ("corpus:compare{threshold = 1/0}", "bad argument #1 to 'compare' (threshold must be above 0 and at most 1)"),
        ]
        for (code, expected) in cases {
            let message = error(session, "return " + code)
            #expect(message.contains(expected), "\(code): \(message)")
        }
        // Large but meaningful values still work: every row, every hit.
        #expect((try session.value("return #corpus:search('the', {limit = math.maxinteger})").intValue ?? 0) == 5)
        #expect((try session.value("return #corpus:frequencies{top = math.maxinteger}").intValue ?? 0) > 500)
        #expect((try session.value("return #corpus:frequencies{top = math.huge}").intValue ?? 0) > 500)
    }

    @Test func extremeNumbersInReportsNeverTrap() throws {
        let session = try makeSession()
        let values = ["0/0", "1/0", "-1/0", "1e308", "-1e308", "math.maxinteger", "math.mininteger", "2^63", "5e-324"]
        for v in values {
            try session.values("""
                local v = \(v)
                local rows = {{label = 'a', value = v}, {label = 'b', value = 1}, {label = 'c', value = -v}}
                report.bars(rows)
                report.sparkline({v, 1, -v})
                local t = report.table({{n = v, m = -v}})
                t:text() t:csv() t:json() t:markdown() tostring(t)
                report.html{title = 'x', sections = {{heading = 'h', report.chart.bar(rows), t,
                  report.chart.matrix{rows = {'r1', 'r2'}, columns = {'c'}, cells = {{v}, {-v}}},
                  report.chart.network{nodes = {{id = 'a', weight = v}, {id = 'b', weight = -v}},
                                       edges = {{source = 'a', target = 'b', weight = v}}},
                  report.chart.timeline{{label = 'e', start = '2020-01-01'}}}}}
                tostring(dossier.List.new{v, -v})
                """)
        }
    }
}
