import Foundation
import LuaBridge
import Testing
@testable import Scripting

/// The entity API as scripts see it, on the seeds.
@Suite struct EntityAPITests {
    @Test func acceptanceExamples() throws {
        let session = try makeSession()
        #expect(try session.value("return corpus:entity('Sun').name").stringValue == "Yun Sun")
        #expect(try session.value("return corpus:entity('Anthony Blinken') == corpus:entity('Mr. Blinken')").isTruthy)
        #expect(try session.value("return corpus:entity('Blinken').name").stringValue == "Antony Blinken")
        let roles = try session.value("return table.concat(corpus:entity('Qin').roles:totable(), '|')").stringValue ?? ""
        #expect(roles.split(separator: "|").contains("Foreign Minister"))
        #expect(try session.value("return #corpus:entity('Blinken'):docs() == #corpus").isTruthy)
        let same = try session.value("""
            local us = corpus:entity('US')
            return us == corpus:entity('U.S.') and us == corpus:entity('United States') and us == corpus:entity('America')
            """)
        #expect(same.isTruthy)
        #expect(try session.value("return corpus:entity('nobody at all')").type == .nil)
    }

    @Test func entityFieldsAndPrinting() throws {
        let session = try makeSession()
        let r = try session.values("""
            local e = corpus:entity('Blinken')
            return e.name, e.kind, e.count, #e.aliases, dossier.List.is(e.aliases), dossier.List.is(e.roles), tostring(e)
            """)
        #expect(r[0].stringValue == "Antony Blinken")
        #expect(r[1].stringValue == "person")
        let count = try #require(r[2].intValue)
        #expect(count > 20)
        #expect((r[3].intValue ?? 0) >= 3)
        #expect(r[4].isTruthy && r[5].isTruthy)
        #expect(r[6].stringValue == "<Entity person \"Antony Blinken\" \(count) mentions>")
        // A List of entities prints with its columns.
        let printed = try session.value("return tostring(corpus:entities({kind = 'person'}):top(3))").stringValue ?? ""
        let header = printed.split(separator: "\n").first.map(String.init) ?? ""
        #expect(header.contains("name") && header.contains("kind") && header.contains("count") && header.contains("aliases"))
        #expect(printed.contains("Antony Blinken"))
    }

    @Test func mentionsAreRecordsWithSentencesAndOneBasedOffsets() throws {
        let session = try makeSession()
        let ok = try session.value("""
            local e = corpus:entity('Qin')
            local ms = e:mentions()
            if #ms ~= e.count then return false end
            for _, m in ipairs(ms) do
              local text = m.doc.text:sub(m.offset, m.offset + #m.text - 1)
              if text ~= m.text then return false, m.text, text end
              if m.sentence.doc ~= m.doc then return false end
              if not m.sentence.text:find(m.text, 1, true) then return false, m.sentence.text end
            end
            return true
            """)
        #expect(ok.isTruthy)
    }

    @Test func kindFilterAndBadKind() throws {
        let session = try makeSession()
        #expect(try session.value("""
            for _, e in ipairs(corpus:entities({kind = 'place'})) do if e.kind ~= 'place' then return false end end
            return #corpus:entities('event') > 0 and #corpus:entities() > #corpus:entities{kind = 'person'}
            """).isTruthy)
        #expect(throws: LuaError.self) { try session.values("return corpus:entities({kind = 'martian'})") }
        do {
            try session.values("return corpus:entities({kind = 'martian'})")
        } catch let error as LuaError {
            #expect(error.message.contains("bad argument #1 to 'entities'"))
            #expect(error.message.contains("person, organization, place, event or other"))
        }
        #expect(throws: LuaError.self) { try session.values("return corpus:entities({sort = 'x'})") }
        #expect(throws: LuaError.self) { try session.values("return corpus:entities(42)") }
        #expect(throws: LuaError.self) { try session.values("return corpus:entity()") }
    }

    @Test func documentAndSentenceEntities() throws {
        let session = try makeSession()
        let r = try session.values("""
            local doc = corpus:doc('004')
            local names = doc:entities():map(function(e) return e.name end)
            local s
            for _, sentence in ipairs(doc:sentences()) do
              if sentence.text:find('Jessica Chen Weiss', 1, true) then s = sentence end
            end
            return table.concat(names:totable(), '|'), table.concat(s:entities():map(function(e) return e.name end):totable(), '|')
            """)
        let docNames = (r[0].stringValue ?? "").split(separator: "|").map(String.init)
        #expect(docNames.contains("Jessica Chen Weiss"))
        #expect(docNames.contains("Antony Blinken"))
        #expect(!docNames.contains("Yun Sun"))
        #expect(r[1].stringValue == "Jessica Chen Weiss|China|Asia-Pacific|Cornell University")
    }

    @Test func subCorpusCountsItsOwnMentions() throws {
        let session = try makeSession()
        let r = try session.values("""
            local sub = corpus:filter{contains = 'Kritenbrink'}
            local e = sub:entity('Blinken')
            return e.count < corpus:entity('Blinken').count, #e:docs(), sub:entity('Yun Sun') == nil, e == sub:entity('Mr. Blinken')
            """)
        #expect(r[0].isTruthy)
        #expect(r[1].intValue == 1)
        #expect(r[2].isTruthy)
        #expect(r[3].isTruthy)
    }

    @Test func entitiesOfFreeText() throws {
        let session = try makeSession()
        let r = try session.values("""
            local list = dossier.entities('Foreign Minister Qin Gang met Antony Blinken in Beijing. Qin said the talks were candid.')
            local qin = list:filter(function(e) return e.name == 'Qin Gang' end)[1]
            return #list, qin.count, qin.roles[1], qin:mentions()[2].text, qin:docs()[1].text:sub(1, 7)
            """)
        #expect(r[0].intValue == 3)
        #expect(r[1].intValue == 2)
        #expect(r[2].stringValue == "Foreign Minister")
        #expect(r[3].stringValue == "Qin")
        #expect(r[4].stringValue == "Foreign")
        #expect(try session.value("return #dossier.entities('')").intValue == 0)
        #expect(throws: LuaError.self) { try session.values("return dossier.entities()") }
    }

    @Test func aPluginExtendsTheGazetteer() throws {
        let session = try makeSession()
        #expect(try session.value("return corpus:entity('Diaoyutai').kind").stringValue == "other")
        let r = try session.values("""
            corpus:gazetteer_add{kind = 'place', name = 'Diaoyutai', aliases = {'Diaoyutai State Guesthouse'}}
            corpus:gazetteer_add{kind = 'role', name = 'Chief Diplomat', capitalized = true}
            return corpus:entity('Diaoyutai').kind, corpus:entity('Diaoyutai State Guesthouse').name
            """)
        #expect(r[0].stringValue == "place")  // "the Diaoyutai gardens" in doc 001
        #expect(r[1].stringValue == "Diaoyutai")
        #expect(throws: LuaError.self) { try session.values("corpus:gazetteer_add{kind = 'planet', name = 'Mars'}") }
        #expect(throws: LuaError.self) { try session.values("corpus:gazetteer_add{name = 'Mars'}") }
        #expect(throws: LuaError.self) { try session.values("corpus:gazetteer_add{kind = 'place'}") }
        #expect(throws: LuaError.self) { try session.values("corpus:gazetteer_add{kind = 'place', name = 'X', colour = 'red'}") }
    }
}
