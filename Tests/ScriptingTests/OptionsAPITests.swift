import Foundation
import LuaBridge
import Testing
@testable import Scripting

/// Strict options everywhere (issue 16): every function that takes an options table refuses a
/// name it does not know, listing the ones it takes with the closest first (exact messages);
/// `top`, `limit` and `min` mean the same in every list-returning analysis; `List:filter`
/// takes a filter spec on documents; `print(list)` shows `dossier.printer.rows` rows.
@Suite struct OptionsAPITests {
    /// The message of the error `code` raises (a chunk named `test`).
    func message(_ session: ScriptSession, _ code: String) throws -> String {
        let r = try session.values("local ok, e = pcall(function() \(code) end) return ok, tostring(e)")
        #expect(r.first?.isTruthy == false, "\(code) should fail")
        return r.count > 1 ? r[1].stringValue ?? "" : ""
    }

    @Test func unknownOptionsAreErrorsListingTheKnownOnes() throws {
        let session = try makeSession()
        let cases: [(code: String, message: String)] = [
            ("return corpus:dates{foo = 1}", "bad argument #1 to 'dates' (unknown option 'foo' (dates takes no options))"),
            ("return corpus:timeline{foo = 1}", "bad argument #1 to 'timeline' (unknown option 'foo' (use after, before, limit or top))"),
            ("return corpus:timeline{afer = '2023'}", "bad argument #1 to 'timeline' (unknown option 'afer' (did you mean 'after'? use after, before, limit or top))"),
            ("return corpus:kwic('China', {context = 20})", "bad argument #2 to 'kwic' (unknown option 'context' (use width, limit or top))"),
            ("return corpus:kwic('China', {widht = 20})", "bad argument #2 to 'kwic' (unknown option 'widht' (did you mean 'width'? use width, limit or top))"),
            ("return corpus:search('China', {limt = 2})", "bad argument #2 to 'search' (unknown option 'limt' (did you mean 'limit'? use limit, top or snippets))"),
            ("return corpus:entities{knd = 'person'}", "bad argument #1 to 'entities' (unknown option 'knd' (did you mean 'kind'? use kind, top, limit or min))"),
            ("return corpus:frequencies{foo = 1}", "bad argument #1 to 'frequencies' (unknown option 'foo' (use top, limit, min, stopwords or kinds))"),
            ("return corpus:ngrams(2, {stopword = false})", "bad argument #2 to 'ngrams' (unknown option 'stopword' (did you mean 'stopwords'? use top, limit, min or stopwords))"),
            ("return corpus:collocations('visit', {windows = 3})", "bad argument #2 to 'collocations' (unknown option 'windows' (did you mean 'window'? use top, limit, min, stopwords, window or measure))"),
            ("return corpus:keyness(corpus, {tops = 3})", "bad argument #2 to 'keyness' (unknown option 'tops' (did you mean 'top'? use top, limit, min or stopwords))"),
            ("return corpus:docs()[1]:keywords{foo = 1}", "bad argument #1 to 'keywords' (unknown option 'foo' (use top, limit, min or stopwords))"),
            ("return corpus:cooccurrence{inside = 'sentence'}", "bad argument #1 to 'cooccurrence' (unknown option 'inside' (use of, kind, among, within, top, limit, min, measure or stopwords))"),
            ("return corpus:cooccurrence{withn = 'sentence'}", "bad argument #1 to 'cooccurrence' (unknown option 'withn' (did you mean 'within'? use of, kind, among, within, top, limit, min, measure or stopwords))"),
            ("return dossier.dates('last Monday', {anchr = '2023-06-21'})", "bad argument #2 to 'dates' (unknown option 'anchr' (did you mean 'anchor'? use anchor))"),
            ("return corpus:filter{sorce = 'The Guardian'}", "bad argument #1 to 'filter' (unknown filter field 'sorce' (did you mean 'source'? use source, after, before or contains))"),
            ("return report.table({{a = 1}}, {colums = {'a'}})", "bad argument #2 to 'table' (unknown option 'colums' (did you mean 'columns'? use columns, top, noun or link))"),
            ("return report.bars({{label = 'a', value = 1}}, {widht = 10})", "bad argument #2 to 'bars' (unknown option 'widht' (did you mean 'width'? use label, value or width))"),
            ("return report.chart.bar({}, {titel = 'x'})", "bad argument #2 to 'bar' (unknown option 'titel' (did you mean 'title'? use title, label or value))"),
            ("return report.html{title = 'x', section = {}}", "bad argument #1 to 'html' (unknown option 'section' (did you mean 'sections'? use title, subtitle or sections))"),
            ("return report.chart.network{nodes = {}, edge = {}}", "bad argument #1 to 'network' (unknown option 'edge' (did you mean 'edges'? use title, nodes or edges))"),
            ("return report.chart.matrix{rows = {}, labels = {}}", "bad argument #1 to 'matrix' (unknown option 'labels' (use title, rows, columns or cells))"),
            ("return report.chart.timeline({}, {lable = 'x'})", "bad argument #2 to 'timeline' (unknown option 'lable' (did you mean 'label'? use title or label))"),
        ]
        for (code, expected) in cases {
            let got = try message(session, code)
            #expect(got.hasSuffix(expected), "\(code): \(got)")
        }
    }

    @Test func topLimitAndMinMeanTheSameEverywhere() throws {
        let session = try makeSession()
        let r = try session.values("""
            local same = {}
            same[#same + 1] = #corpus:frequencies{top = 4} == 4 and #corpus:frequencies{limit = 4} == 4
            same[#same + 1] = #corpus:ngrams(2, {limit = 3}) == 3
            same[#same + 1] = #corpus:collocations('Blinken', {limit = 2, min = 1}) == 2
            same[#same + 1] = #corpus:entities{top = 5} == 5 and #corpus:entities{limit = 5} == 5
            same[#same + 1] = #corpus:kwic('China', {top = 2}) == 2
            same[#same + 1] = #corpus:search('China', {top = 1}) == 1
            same[#same + 1] = #corpus:timeline{top = 3} == 3
            same[#same + 1] = #corpus:docs()[1]:keywords{limit = 2} == 2
            same[#same + 1] = #corpus:cooccurrence{limit = 2, min = 1} == 2
            -- min: the fewest occurrences a row needs
            local ok = true
            for _, e in ipairs(corpus:entities{min = 10}) do ok = ok and e.count >= 10 end
            for _, f in ipairs(corpus:frequencies{min = 20, top = false}) do ok = ok and f.count >= 20 end
            same[#same + 1] = ok and #corpus:entities{min = 10} < #corpus:entities()
            same[#same + 1] = #corpus:frequencies{min = 20, top = false} < #corpus:frequencies{top = false}
            return table.unpack(same)
            """)
        #expect(r.count == 11)
        #expect(r.allSatisfy { $0.isTruthy }, "\(r.map { $0.isTruthy })")
        try #expect(message(session, "return corpus:entities{top = 2, limit = 3}").hasSuffix(
            "bad argument #1 to 'entities' (give one of 'top' and 'limit': they mean the same)"))
        try #expect(message(session, "return corpus:kwic('China', {top = 0})").hasSuffix("bad argument #2 to 'kwic' (top must be at least 1)"))
        let all = try session.values("return #corpus:kwic('China', {limit = false}) == #corpus:kwic('China')")
        #expect(all.first?.isTruthy == true)
    }

    @Test func timelineTakesBoundsAndALimit() throws {
        let session = try makeSession()
        let r = try session.values("""
            local all = corpus:timeline()
            local june = corpus:timeline{after = '2023-06', before = '2023-06-30'}
            local ok = #june > 0 and #june < #all
            for _, m in ipairs(june) do
              local first, last = m.date:match('^([^/]+)'), m.date:match('([^/]+)$')
              ok = ok and last:sub(1, 7) >= '2023-06' and first:sub(1, 10) <= '2023-06-30'
            end
            local three = corpus:timeline{limit = 3}
            return ok, three[1].date == all[1].date and three[3].date == all[3].date
            """)
        #expect(r.map(\.isTruthy) == [true, true])
        try #expect(message(session, "return corpus:timeline{after = 'June'}").hasSuffix(
            "bad argument #1 to 'timeline' ('after' must be an ISO date like 2023-06-18)"))
    }

    @Test func listFilterTakesASpecOnDocuments() throws {
        let session = try makeSession()
        let r = try session.values("""
            local docs = corpus:docs()
            local a = docs:filter{source = 'The Guardian'}
            local b = corpus:filter{source = 'The Guardian'}:docs()
            local same = #a == #b and #a > 0
            for i = 1, #a do same = same and a[i] == b[i] end
            local dated = docs:filter{after = '2023-06-01', contains = 'Blinken'}
            local c = corpus:filter{after = '2023-06-01', contains = 'Blinken'}
            -- list order is kept (reversed in, reversed out)
            local reversed = docs:sort(function(x, y) return x.id > y.id end):filter{contains = 'China'}
            local ordered = true
            for i = 2, #reversed do ordered = ordered and reversed[i - 1].id > reversed[i].id end
            return same, #dated == #c, ordered and #reversed > 1
            """)
        #expect(r.map(\.isTruthy) == [true, true, true])
        try #expect(message(session, "return corpus:entities():filter{after = '2023'}").contains(
            "bad argument #1 to 'filter' (a filter spec works on a List of documents, but item 1 is an Entity: pass a function instead)"))
        try #expect(message(session, "return corpus:docs():filter{aftr = '2023'}").contains(
            "bad argument #1 to 'filter' (unknown filter field 'aftr' (did you mean 'after'? use source, after, before or contains))"))
    }

    @Test func printedListsShowPrinterRowsAndSayHowToSeeMore() throws {
        let session = try makeSession()
        let r = try session.values("""
            dossier.printer.rows = 3
            local text = tostring(corpus:frequencies{top = 10})
            local lines = select(2, text:gsub('\\n', '')) + 1
            local rows_alias = dossier.printer.max_rows
            dossier.printer.rows = 40
            return text, lines, rows_alias
            """)
        let text = r[0].stringValue ?? ""
        #expect(text.hasSuffix("… 7 more (10 in all; dossier.printer.rows = 10 prints them all, list:top(n) the first n)"), "\(text)")
        #expect(r[1].intValue == 2 + 3 + 1)  // header, rule, 3 rows, the "more" line
        #expect(r[2].intValue == 3)
        // A script whose output is not a terminal prints every row (the CLI sets this).
        let all = try makeSession { $0.printerRows = Int.max }
        let full = try all.values("return tostring(corpus:frequencies{top = 60})").first?.stringValue ?? ""
        #expect(!full.contains("more ("))
    }

    @Test func documentsInPrintedListsShowSourceAndTitle() throws {
        let session = try makeSession()
        let r = try session.values("""
            local doc = corpus:filter{source = 'The Guardian'}:docs()[1]
            return dossier.printer.show(doc), dossier.printer.cell(doc), doc.id, tostring(corpus:kwic('Blinken', {limit = 1}))
            """)
        #expect(r[0].stringValue?.hasPrefix("The Guardian · Blinken visit") == true, "\(r[0])")
        #expect(r[1].stringValue == r[2].stringValue)  // report tables and CSV keep the id
        #expect(r[3].stringValue?.contains(" · Blinken") == true, "\(r[3])")
    }

    /// The options tables of docs/api.md are what the declarations give.
    @Test func theReferenceOptionTablesAreUpToDate() throws {
        let text = try String(contentsOf: APIAnnotations.repositoryRoot.appendingPathComponent("docs/api.md"), encoding: .utf8)
        let session = try makeSession()
        let updated = LuaOptionReference.update(text, with: session.declaredOptions)
        #expect(updated.problems.isEmpty)
        #expect(updated.text == text, "docs/api.md's options tables are out of date: run `swift run dossier api --reference docs/api.md --write`")
        #expect(text.contains("| `top` or `limit` | `TopOption` | 100 | most rows returned (false: all) |"))
    }
}

/// docs/api.md: a KwicLine's `sentence` is the Sentence holding the match (issue 16 found the
/// docs calling it a number).
@Suite struct KwicSentenceTests {
    @Test func aKwicLinesSentenceIsTheSentenceHoldingTheMatch() throws {
        let session = try makeSession()
        let r = try session.values("""
            local ok, n = true, 0
            for _, line in ipairs(corpus:kwic('Taiwan')) do
              local s = line.sentence
              ok = ok and line.doc:sentences()[s.index] == s and s.text:find(line.match, 1, true) ~= nil
              n = n + 1
            end
            return ok, n
            """)
        #expect(r[0].isTruthy)
        #expect((r[1].intValue ?? 0) > 3)
    }
}
