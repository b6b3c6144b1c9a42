import Corpus
import Foundation
import LuaBridge
import Testing
@testable import Report
@testable import Scripting

/// `corpus:search` and `corpus:kwic` from Lua.
@Suite struct SearchBindingTests {
    /// Occurrences of a word in a text (case-insensitive, not inside a longer word).
    func count(_ word: String, in text: String) -> Int {
        guard let regex = try? NSRegularExpression(pattern: "(?<![\\p{L}\\p{N}])\(word)(?![\\p{L}\\p{N}])", options: [.caseInsensitive]) else { return -1 }
        return regex.numberOfMatches(in: text, range: NSRange(location: 0, length: (text as NSString).length))
    }

    func message(_ session: ScriptSession, _ code: String) -> String? {
        do {
            try session.values(code)
            return nil
        } catch let e as LuaError {
            return e.message
        } catch {
            return "\(error)"
        }
    }

    @Test func searchReturnsRankedHits() throws {
        let session = try makeSession()
        let r = try session.values("""
            local hits = corpus:search('"spy balloon"')
            local ordered = true
            for i = 2, #hits do ordered = ordered and hits[i - 1].score >= hits[i].score end
            local h = hits[1]
            return #hits, ordered, getmetatable(h.doc).__name, math.type(h.score), h.snippet,
                   #corpus:search('"spy balloon"', {limit = 2}), #corpus:search("zeppelin")
            """)
        let texts = try FileManager.default.contentsOfDirectory(atPath: seedsPath).filter { $0.hasSuffix(".txt") }
            .map { try String(contentsOfFile: seedsPath + "/" + $0, encoding: .utf8).split(separator: "\n", maxSplits: 1).last.map(String.init) ?? "" }
        let expected = texts.filter { count("spy\\s+balloon", in: $0) > 0 }.count
        #expect(r[0].intValue == expected)
        #expect(r[1].isTruthy)
        #expect(r[2].stringValue == "Document")
        #expect(r[3].stringValue == "float")
        #expect(r[4].stringValue?.lowercased().contains("«spy balloon»") == true)
        #expect(r[5].intValue == 2)
        #expect(r[6].intValue == 0)
    }

    @Test func kwicReturnsEveryOccurrence() throws {
        let session = try makeSession()
        let r = try session.values("""
            local lines = corpus:kwic("Taiwan")
            local ok = true
            for _, l in ipairs(lines) do
              ok = ok and l.match == "Taiwan" and utf8.len(l.left) <= 40 and utf8.len(l.right) <= 40
                      and l.sentence.doc == l.doc and l.sentence.text:find(l.match, 1, true) ~= nil
            end
            local first = lines[1]
            return #lines, ok, first.left, first.right, first.doc.id, #corpus:kwic("Taiwan", {limit = 3}),
                   corpus:kwic("Taiwan", {width = 5})[1].left
            """)
        var expected = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: seedsPath) where name.hasSuffix(".txt") {
            let body = try String(contentsOfFile: seedsPath + "/" + name, encoding: .utf8).split(separator: "\n", maxSplits: 1).last.map(String.init) ?? ""
            expected += count("Taiwan", in: body)
        }
        #expect(r[0].intValue == expected)
        #expect(r[1].isTruthy)
        // Read off seeds/000: "…their rivalry could escalate into conflict over Taiwan, which China claims as its own because…"
        #expect(r[2].stringValue == "ivalry could escalate into conflict over")
        #expect(r[3].stringValue == ", which China claims as its own because")
        #expect(r[4].stringValue?.hasPrefix("000") == true)
        #expect(r[5].intValue == 3)
        // Five characters back from "Taiwan" are " over"; the space at the cut is dropped.
        #expect(r[6].stringValue == "over")
    }

    @Test func kwicLinesKnowTheirSentenceAndOffset() throws {
        let folder = try TemporaryFolder()
        try folder.write("a.txt", "Title\n\nFirst sentence here. Second one names Taiwan. Third.\n")
        let session = try makeSession(corpus: folder.url.path)
        #expect(try session.value("return corpus:kwic('Taiwan')[1].sentence.index").intValue == 2)
        #expect(try session.value("return corpus:kwic('Taiwan OR Third')[2].sentence.index").intValue == 3)
        #expect(try session.value("local l = corpus:kwic('Taiwan')[1] return l.doc.text:sub(l.offset, l.offset + 5)").stringValue == "Taiwan")
    }

    @Test func subCorpusSearchStaysInside() throws {
        let session = try makeSession()
        let r = try session.values("""
            local sub = corpus:filter(function(d) return d.id < "002" end)
            local inside = true
            for _, h in ipairs(sub:search("Taiwan OR China", {limit = 50})) do inside = inside and h.doc.id < "002" end
            for _, l in ipairs(sub:kwic("Taiwan")) do inside = inside and l.doc.id < "002" end
            return inside, #sub:search("Taiwan", {limit = 50})
            """)
        #expect(r[0].isTruthy)
        #expect(r[1].intValue == 2)
    }

    @Test func argumentAndQueryErrors() throws {
        let session = try makeSession()
        #expect(message(session, "return corpus:kwic()")?.contains("bad argument #1 to 'kwic' (string expected, got no value)") == true)
        #expect(message(session, "return corpus:kwic(nil)")?.contains("bad argument #1 to 'kwic' (string expected, got nil)") == true)
        #expect(message(session, "return corpus:search({})")?.contains("bad argument #1 to 'search' (string expected, got table)") == true)
        #expect(message(session, "return corpus:kwic('x', 3)")?.contains("bad argument #2 to 'kwic' (table expected, got number)") == true)
        #expect(message(session, "return corpus:kwic('x', {widht = 3})")?.contains("bad argument #2 to 'kwic' (unknown option 'widht'") == true)
        #expect(message(session, "return corpus:search('x', {limit = 0})")?.contains("bad argument #2 to 'search' (limit must be at least 1)") == true)
        #expect(message(session, "return corpus:kwic('x', {width = 2.5})")?.contains("bad argument #2 to 'kwic' (width must be a whole number between 0 and 1000)") == true)
        #expect(message(session, "return corpus:search('spy AND (balloon')")?.hasSuffix("query: unbalanced '(' at 9") == true)
        #expect(message(session, "return corpus:kwic('spy AND')")?.hasSuffix("query: 'AND' needs a term after it at 5") == true)
        #expect(message(session, "return corpus:search('')")?.hasSuffix("query: empty query") == true)
    }

    @Test func concordancePrintsWithTheLeftContextRightAligned() throws {
        let session = try makeSession()
        for code in ["return tostring(corpus:kwic('Taiwan'))", "return tostring(corpus:kwic('Taiwan'):top(4))"] {
            let text = try #require(try session.value(code).stringValue)
            let lines = text.split(separator: "\n").map(String.init)
            #expect(lines.first?.hasSuffix("doc") == true)
            #expect(lines.first?.trimmingCharacters(in: .whitespaces).hasPrefix("left") == true)
            let rows = lines.dropFirst(2)
            #expect(!rows.isEmpty)
            // Every match starts in the same column, right after the left context.
            let starts = Set(rows.map { $0.components(separatedBy: "  Taiwan  ").first?.count ?? -1 })
            #expect(starts.count == 1, "\(text)")
            #expect(rows.allSatisfy { $0.count <= 100 })
        }
    }

    @Test func rightAlignedColumnsAreCutOnTheLeft() {
        let table = ReportTable(columns: ["left", "match"], rows: [["a long left context that ends here", "KEY"], ["short", "KEY"]])
        let out = TableFormat.terminal(table, width: 20, alignment: [.right, nil])
        let lines = out.split(separator: "\n").map(String.init)
        // 20 columns: 13 for the context, 2 between, 5 for "match".
        #expect(lines[2] == "…at ends here  KEY")
        #expect(lines[3] == "        short  KEY")
        // Without the override, text is left-aligned and cut on the right.
        let plain = TableFormat.terminal(table, width: 20).split(separator: "\n").map(String.init)
        #expect(plain[2] == "a long left …  KEY")
    }
}
