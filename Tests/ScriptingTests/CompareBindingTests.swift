import Corpus
import Foundation
import LuaBridge
import Testing
@testable import Scripting

/// `corpus:compare`, `corpus:conflicts` and `corpus:duplicates` from Lua.
@Suite struct CompareBindingTests {
    @Test func compareReturnsClaimRecords() throws {
        let session = try makeSession()
        let r = try session.values("""
            local claims = corpus:compare{by = "source"}
            local wide = claims:filter(function(c) return #c.sources >= 3 end)
            local c = wide[1]
            local s = c.sentences[1]
            return #claims, #wide, dossier.List.is(claims), type(c.text), #c.docs, #c.sentences,
                   c.docs[1].id == s.doc.id, s.text == s.doc:sentences()[s.index].text, c.score > 0 and c.score <= 1,
                   c.size == #c.sentences, dossier.List.is(c.sources)
            """)
        #expect((r[0].intValue ?? 0) >= 10)
        #expect((r[1].intValue ?? 0) >= 5)
        #expect(r[2].isTruthy)
        #expect(r[3].stringValue == "string")
        #expect(r[4].intValue == r[5].intValue)
        for i in 6...10 { #expect(r[i].isTruthy, "value \(i)") }
    }

    @Test func compareFindsTheBalloonPostponementAcrossThreeOutlets() throws {
        let session = try makeSession()
        let n = try session.value("""
            return #corpus:compare():filter(function(c)
              return #c.sources >= 3 and (c.text:find("postponed") or c.text:find("delayed")) and c.text:find("balloon")
            end)
            """)
        #expect(n.intValue == 1)
    }

    @Test func groupingByFunctionTableAndDocument() throws {
        let session = try makeSession()
        let r = try session.values("""
            local everything = corpus:compare{by = function(doc) return "one" end}
            local byDoc = corpus:compare{by = "document"}
            local keys = {}
            for _, d in ipairs(corpus:docs()) do keys[d.id] = d.id:sub(1, 3) end
            local byTable = corpus:compare{by = keys}
            return #everything, #byDoc, byTable[1].sources[1]:len(), #corpus:compare{min_sources = 4}
            """)
        #expect(r[0].intValue == 0)
        #expect((r[1].intValue ?? 0) >= 10)
        #expect(r[2].intValue == 3)
        #expect((r[3].intValue ?? 0) >= 1)
    }

    @Test func conflictsNameThePhoneCallWeekdays() throws {
        let session = try makeSession()
        let r = try session.values("""
            local conflicts = corpus:conflicts()
            local c = conflicts:filter(function(c) return c.key == "weekday" end)[1]
            local values = c.values:map(function(v) return v:lower() end):sort()
            return #conflicts, c.kind, values[1], values[2], c.certain, #c.docs, c.docs[1].id:sub(1, 3),
                   c.docs[2].id:sub(1, 3), #c.claim.sentences >= 2, c.sentences[1].text:find("phone call") ~= nil,
                   type(c.reason)
            """)
        #expect(r[0].intValue == 1)
        #expect(r[1].stringValue == "date")
        #expect(r[2].stringValue == "on tuesday")
        #expect(r[3].stringValue == "on wednesday")
        #expect(r[4].isTruthy)
        #expect(r[5].intValue == 2)
        #expect(r[6].stringValue == "000" && r[7].stringValue == "004")
        #expect(r[8].isTruthy && r[9].isTruthy)
        #expect(r[10].stringValue == "string")
    }

    @Test func conflictsWithHedgesAndKinds() throws {
        let session = try makeSession()
        let r = try session.values("""
            local all = corpus:conflicts{hedges = true}
            local hedged = all:filter(function(c) return not c.certain end)
            local numbers = corpus:conflicts{hedges = true, kinds = "number"}
            return #all > #corpus:conflicts(), #hedged > 0, #numbers > 0,
                   #numbers:filter(function(c) return c.kind ~= "number" end)
            """)
        #expect(r[0].isTruthy && r[1].isTruthy && r[2].isTruthy)
        #expect(r[3].intValue == 0)
    }

    @Test func conflictsRepeatedAreKeptPerOptions() throws {
        let session = try makeSession()
        let r = try session.values("""
            local function reasons(list)
              local out = {}
              for i, c in ipairs(list) do out[i] = c.reason end
              return table.concat(out, "|")
            end
            local first = reasons(corpus:conflicts())
            local again = reasons(corpus:conflicts())
            local dates = corpus:conflicts{kinds = "date"}
            local back = reasons(corpus:conflicts())
            return #first > 0, first == again, first == back,
                   #dates:filter(function(c) return c.kind ~= "date" end), #dates > 0
            """)
        #expect(r[0].isTruthy && r[1].isTruthy && r[2].isTruthy)
        #expect(r[3].intValue == 0)
        #expect(r[4].isTruthy)
    }

    @Test func duplicatesFindsAPlantedCopy() throws {
        let folder = try TemporaryFolder()
        let body = "The harbour authority closed the northern pier on Friday after engineers found deep cracks in three of the concrete pillars. Ferry services will move to the southern terminal for at least six weeks."
        try folder.write("a.txt", "Pier closed\n\n" + body + " Fishermen said the closure would cost them dearly.\n")
        try folder.write("b.txt", "Harbour pier shut\n\n" + body + " Shop owners worried about the summer.\n")
        try folder.write("c.txt", "Concert\n\nA small orchestra from the mountain villages performed folk songs in the cathedral until late at night.\n")
        let session = try makeSession(corpus: folder.url.path)
        let r = try session.values("""
            local d = corpus:duplicates{threshold = 0.5}
            local p = d[1]
            return #d, p.a.id, p.b.id, p.similarity > 0.5 and p.similarity < 1, #p.passages,
                   p.passages[1]:sub(1, 21), #corpus:duplicates{threshold = 0.99}, #corpus:duplicates{passages = 0}[1].passages
            """)
        // Every field of the record, measures rounded to three decimals, passages a List.
        let fields = try session.value("""
            local p = corpus:duplicates{threshold = 0.5}[1]
            local keys = {}
            for k, v in pairs(p) do
              if type(v) == "number" and v * 1000 ~= math.floor(v * 1000 + 0.5) then k = k .. "(not rounded)" end
              keys[#keys + 1] = k
            end
            table.sort(keys)
            return table.concat(keys, ",") .. (dossier.List.is(p.passages) and "; list" or "; no list")
                .. (p.containment >= p.jaccard and rawequal(p.contained, p.b) and "; ordered" or "; not ordered")
            """)
        #expect(fields.stringValue == "a,b,contained,containment,estimate,jaccard,passages,similarity; list; ordered")
        #expect(r[0].intValue == 1)
        #expect(r[1].stringValue == "a" && r[2].stringValue == "b")
        #expect(r[3].isTruthy)
        #expect(r[4].intValue == 1)
        #expect(r[5].stringValue == "The harbour authority")
        #expect(r[6].intValue == 0)
        #expect(r[7].intValue == 0)
        #expect(try makeSession().value("return #corpus:duplicates()").intValue == 0)
    }

    @Test func duplicatesByContainmentFindTheShortVersionInsideTheLongOne() throws {
        let folder = try TemporaryFolder()
        let short = "Brandvik Shipping said on Monday it would sell four of its oldest bulk carriers to a Greek buyer for 96 million dollars, to cut its debt before the market for dry cargo weakens further this winter."
        let more = " The company did not name the buyer. Its shares rose four percent in Oslo after the announcement, their best day since March. Analysts said the price was close to what the ships would fetch for scrap, and that more sales were likely as owners prepare for new rules on emissions. Brandvik has twenty-two ships left, most of them built after 2015, and said its remaining fleet would be enough to serve its contracts with mining companies in Australia and Brazil."
        try folder.write("long.txt", "Brandvik sells ships\n\n" + short + more + "\n")
        try folder.write("short.txt", "Brandvik to sell four carriers\n\n" + short + "\n")
        let session = try makeSession(corpus: folder.url.path)
        let r = try session.values("""
            local j = corpus:duplicates{threshold = 0.5}
            local c = corpus:duplicates{threshold = 0.5, measure = "containment"}
            local p = c[1]
            return #j, #c, p.similarity == p.containment, p.containment > 0.9, p.jaccard < 0.5, p.contained.id
            """)
        #expect(r[0].intValue == 0)
        #expect(r[1].intValue == 1)
        #expect(r[2].isTruthy && r[3].isTruthy && r[4].isTruthy)
        #expect(r[5].stringValue == "short")
    }

    @Test func badOptionsAreArgumentErrors() throws {
        let session = try makeSession()
        let cases: [(String, String)] = [
            ("corpus:compare{treshold = 0.5}", "unknown option 'treshold'"),
            ("corpus:compare{threshold = 2}", "(threshold must be above 0 and at most 1)"),
            ("corpus:compare{by = 3}", "'by' must be"),
            ("corpus:compare{by = \"outlet\"}", "'by' must be"),
            ("corpus:compare{min_sources = 1}", "(min_sources must be between 2 and 1000000)"),
            ("corpus:compare{similarity = \"jaccard\"}", "'similarity' must be"),
            ("corpus:compare{1, 2}", "named fields"),
            ("corpus:compare(42)", "table expected"),
            ("corpus:conflicts{kinds = {\"dates\"}}", "unknown kind 'dates'"),
            ("corpus:duplicates{threshold = 0}", "(threshold must be above 0 and at most 1)"),
            ("corpus:duplicates{passages = -1}", "(passages must be between 0 and 1000)"),
            ("corpus:duplicates{by = \"source\"}", "unknown option 'by'"),
            ("corpus:duplicates{measure = \"cosine\"}", "'measure' must be \"jaccard\" or \"containment\""),
        ]
        for (code, message) in cases {
            do {
                try session.values("return " + code)
                Issue.record("no error for \(code)")
            } catch let error as LuaError {
                #expect(error.message.contains(message), "\(code): \(error.message)")
                #expect(error.message.contains("bad argument #1 to '"), "\(code): \(error.message)")
            }
        }
    }

    @Test func repeatedCompareGivesTheSameClaims() throws {
        let session = try makeSession()
        let r = try session.values("""
            local a = corpus:compare()
            local b = corpus:compare()
            local conflicts = corpus:conflicts()
            return #a == #b, a[1].text == b[1].text, #conflicts
            """)
        #expect(r[0].isTruthy && r[1].isTruthy)
        #expect(r[2].intValue == 1)
    }
}

/// Big lists of records (the claims of a large corpus) reach Lua a chunk at a time; the List is
/// the one a single push makes: same records in the same order, same metatable, printable.
@Suite struct ChunkedRecordsTests {
    /// What a claim record holds, as one line per claim: its keys, text, sources, score, size, and
    /// its documents' and sentences' ids (checked to be the same Lua values as `doc:sentences()`
    /// gives, and Lists).
    static let describeClaims = """
        local claims = ...
        local out = {}
        for i, c in ipairs(claims) do
          local keys = {}
          for k in pairs(c) do keys[#keys + 1] = k end
          table.sort(keys)
          local parts = { table.concat(keys, ","), c.text, table.concat(c.sources, "|"), string.format("%.3f", c.score), c.size,
            tostring(dossier.List.is(c.sources) and dossier.List.is(c.docs) and dossier.List.is(c.sentences)) }
          for j, s in ipairs(c.sentences) do
            parts[#parts + 1] = c.docs[j].id .. "#" .. s.index
            parts[#parts + 1] = tostring(rawequal(s, s.doc:sentences()[s.index]) and rawequal(c.docs[j], s.doc))
          end
          out[i] = table.concat(parts, ";")
        end
        return table.concat(out, "\\n"), #claims, dossier.List.is(claims)
        """

    @Test func claimsWrittenStraightIntoLuaEqualTheRecordsOfConflictsAndEachOtherInChunks() throws {
        let session = try makeSession()
        let claims = ClaimFinder.claims(in: session.corpus)
        #expect(claims.count > 5)
        let lists = session.context.lists
        let list = try lists.columns(["sources", "score", "text"])
        let append = try CompareBinding.appender(session.lua)
        // The LuaValue records (a conflict's `claim`) are the reference.
        let reference = CompareBinding.records(list, claims.map { CompareBinding.claimRecord($0, session.context) })
        let expected = try session.lua.run(Self.describeClaims, arguments: [reference])
        #expect(expected.count == 3 && expected[1].intValue == claims.count && expected[2].isTruthy)
        #expect(expected.first?.stringValue?.contains(";false") == false)
        #expect(expected.first?.stringValue?.hasPrefix("docs,score,sentences,size,sources,text;") == true)
        for chunk in [2048, 1, 3, claims.count] {
            let written = try CompareBinding.claimRecords(list, claims, session.context, append: append, chunkSize: chunk)
            let got = try session.lua.run(Self.describeClaims, arguments: [written])
            #expect(got.first?.stringValue == expected.first?.stringValue, "chunks of \(chunk)")
            #expect(got.count == 3 && got[1].intValue == claims.count && got[2].isTruthy)
        }
        // A slice (indices not from 0) is handed over from its start.
        let slice = claims[2...]
        let written = try CompareBinding.claimRecords(list, slice, session.context, append: append, chunkSize: 2)
        let part = CompareBinding.records(list, slice.map { CompareBinding.claimRecord($0, session.context) })
        #expect(try session.lua.run(Self.describeClaims, arguments: [written]).first?.stringValue
                == (try session.lua.run(Self.describeClaims, arguments: [part])).first?.stringValue)
    }

    @Test func aListHandedOverInChunksEqualsOneHandedOverWhole() throws {
        let session = try makeSession()
        let lists = try Lists(lua: session.lua, list: try session.lua.makeReferenceFromLua("return dossier.List"))
        let list = try lists.columns(["n", "text"])
        let append = try CompareBinding.appender(session.lua)
        for (count, chunk) in [(0, 3), (2, 3), (3, 3), (10, 3), (11, 4), (1000, 7)] {
            let items = Array(0..<count)
            let make = { (n: Int) -> LuaValue in list.record([.integer(n), .text("item \(n)")]) }
            let chunked = try CompareBinding.chunked(list, count: count, lua: session.lua, append: append, chunkSize: chunk) {
                .table(LuaTable(array: items[$0].map(make), metatable: $1))
            }
            let whole = CompareBinding.records(list, items.map(make))
            let r = try session.lua.run("""
                local a, b = ...
                local same = #a == #b and getmetatable(a) == getmetatable(b)
                for i = 1, #b do same = same and a[i].n == b[i].n and a[i].text == b[i].text and a[i].n == i - 1 end
                return same, #a, dossier.List.is(a)
                """, arguments: [chunked, whole])
            #expect(r.first?.isTruthy == true, "\(count) items in chunks of \(chunk)")
            #expect(r.count > 1 && r[1].intValue == count)
            #expect(r.count > 2 && r[2].isTruthy == true)
        }
        // A collection whose indices do not start at 0 (a slice) is handed over from its start.
        let slice = Array(0..<20)[5...]
        let make = { (n: Int) -> LuaValue in list.record([.integer(n), .text("item \(n)")]) }
        let chunked = try CompareBinding.chunked(list, count: slice.count, lua: session.lua, append: append, chunkSize: 4) {
            .table(LuaTable(array: slice[slice.startIndex + $0.lowerBound..<slice.startIndex + $0.upperBound].map(make), metatable: $1))
        }
        let r = try session.lua.run("""
            local a = ...
            local same = #a == 15
            for i = 1, #a do same = same and a[i].n == i + 4 end
            return same
            """, arguments: [chunked])
        #expect(r.first?.isTruthy == true)
    }
}
