import Foundation
import LuaBridge
import Testing
@testable import Scripting

@Suite struct DateAPITests {
    @Test func timelineIsSortedAndHasTheBaliMeeting() throws {
        let session = try makeSession()
        let r = try session.values("""
            local t = corpus:timeline()
            local sorted, bali = true, 0
            for i = 2, #t do
              if t[i - 1].date:sub(1, 7) > t[i].date:sub(1, 7) then sorted = false end
            end
            for _, m in ipairs(t) do
              if m.date == "2022-11" and (m.text:find("November") ) then bali = bali + 1 end
            end
            return #t, sorted, bali, t[1].doc ~= nil, t[1].sentence ~= nil
            """)
        #expect((r[0].intValue ?? 0) > 10)
        #expect(r[1].isTruthy)
        #expect((r[2].intValue ?? 0) >= 2)
        #expect(r[3].isTruthy && r[4].isTruthy)
    }

    @Test func rangesStayRanges() throws {
        let session = try makeSession()
        let r = try session.value("""
            for _, m in ipairs(corpus:timeline()) do if m.date:find("/") then return m.date end end
            """)
        let range = try #require(r.stringValue)
        let parts = range.split(separator: "/")
        #expect(parts.count == 2)
        #expect(parts[0] < parts[1])
    }

    @Test func documentDatesAndFreeText() throws {
        let session = try makeSession()
        let r = try session.values("""
            local d = dossier.dates("On Wednesday, officials said the visit last November went well.", {anchor = "2023-06-18"})
            local doc = corpus:docs()[1]
            return #d, d[1].date, d[2].date, d[2].anchor, #doc:dates() > 0
            """)
        #expect(r[0].intValue == 2)
        #expect(r[1].stringValue == "2023-06-14")
        #expect(r[2].stringValue == "2022-11")
        #expect(r[3].stringValue?.contains("2023-06-18") == true)
        #expect(r[4].isTruthy)
        #expect(throws: LuaError.self) { try session.values("return dossier.dates('x', {anchor = 'soon'})") }
    }

    @Test func subCorpusTimelineOnlyHasItsDocuments() throws {
        let session = try makeSession()
        let r = try session.value("""
            local first = corpus:docs()[1]
            local sub = corpus:filter(function(d) return d == first end)
            for _, m in ipairs(sub:timeline()) do if m.doc ~= first then return false end end
            return #sub:timeline() > 0
            """)
        #expect(r.isTruthy)
    }
}

/// `doc.credits`, `doc.date_from`, `doc.date_guess` and `dateline.agency` on a folder of wire stories written for
/// the test: one with a dated dateline, one whose dateline has month and day only, one AP story without a date.
@Suite struct WireDocumentAPITests {
    @Test func creditsDatesAndDatelinesInLua() throws {
        let folder = try TemporaryFolder()
        try folder.write("a.txt", "QUARRY CORP NET RISES\n\n    TOLEDO, Ohio, April 9, 1987 - Quarry Corp said its\nfirst quarter net rose 12 pct.\n Reuter\n")
        try folder.write("b.txt", "QUARRY CORP SETS DIVIDEND\n\n    TOLEDO, Ohio, April 10 - Quarry Corp said it will pay\na dividend of 10 cts a share on May 1.\n Reuter\n")
        try folder.write("c.txt", "Quarry Workers Strike\nBy ANN HOLT\nAssociated Press Writer\n\nTOLEDO, Ohio (AP) - Workers at a quarry walked out on Friday.\n")
        let session = try makeSession(corpus: folder.url.path)
        let r = try session.values("""
            local a, b, c = corpus:doc("a"), corpus:doc("b"), corpus:doc("c")
            return a.date, a.date_from, b.date, b.date_from, b.dateline.date, table.concat(b.credits, "|"),
                   c.date, c.date_guess and c.date_guess.date, c.date_guess and c.date_guess.basis,
                   table.concat(c.credits, "|"), c.dateline.agency, c.dateline.place, b.text
            """)
        #expect(r[0].stringValue == "1987-04-09")
        #expect(r[1].stringValue == "dateline")
        #expect(r[2].stringValue == "1987-04-10")
        #expect(r[3].stringValue == "dateline+corpus")
        #expect(r[4].stringValue == "--04-10")
        #expect(r[5].stringValue == "Reuter")
        #expect(r[6].stringValue == nil)
        #expect(r[7].stringValue == "1987-04-10")  // "on Friday" read as the Friday of the dated stories
        #expect(r[8].stringValue?.contains("Friday") == true)
        #expect(r[9].stringValue == "By ANN HOLT|Associated Press Writer")
        #expect(r[10].stringValue == "Associated Press")
        #expect(r[11].stringValue == "Toledo, Ohio")
        #expect(r[12].stringValue == "Quarry Corp said it will pay a dividend of 10 cts a share on May 1.")
    }
}
