import LuaBridge
import Testing
@testable import Scripting

/// The quotes API as scripts use it, on the seeds.
@Suite struct QuoteAPITests {
    @Test func wardsQuotesBySpeaker() throws {
        let session = try makeSession()
        let r = try session.values("""
            local qs = corpus:quotes{speaker = "Ward"}
            local names = {}
            for _, q in ipairs(qs) do names[#names + 1] = q.speaker.name end
            return #qs, table.concat(names, "|"), qs[2].speaker_text, qs[2].verb, qs[2].partial, qs[1].partial
            """)
        #expect(r[0].intValue == 3)
        #expect(r[1].stringValue == "Jonathan Ward|Jonathan Ward|Jonathan Ward")
        #expect(r[2].stringValue == "Ward")
        #expect(r[3].stringValue == "said")
        #expect(r[4].isTruthy == false)
        #expect(r[5].isTruthy == true)
    }

    @Test func quoteFieldsAndSummary() throws {
        let session = try makeSession()
        let r = try session.values("""
            local q = corpus:quotes{speaker = "Ward", partial = false}[1]
            return tostring(q), q.doc.id, q.sentence.text, q.sentence.index, q.speaker_name, q.kind, q.paragraphs,
                   q.doc.text:sub(q.offset, q.offset + 4)
            """)
        #expect(r[0].stringValue == "<Quote Jonathan Ward said \"I don’t think any particular…\">")
        #expect(r[1].stringValue?.hasPrefix("004") == true)
        #expect(r[2].stringValue?.contains("I don’t think any particular meeting") == true)
        #expect((r[3].intValue ?? 0) > 0)
        #expect(r[4].stringValue == "Jonathan Ward")
        #expect(r[5].stringValue == "full")
        #expect(r[6].intValue == 1)
        #expect(r[7].stringValue == "I don")
    }

    @Test func bidenThroughLua() throws {
        let session = try makeSession()
        let r = try session.values("""
            for _, q in ipairs(corpus:doc("003"):quotes()) do
              if q.text:find("more embarrassing than intentional", 1, true) then
                assert(q.speaker == corpus:entity("Joe Biden"), "the speaker is the entity")
                return q.speaker.name, q.speaker_text, q.verb
              end
            end
            """)
        #expect(r.map(\.stringValue) == ["Joe Biden", "he", "added"])
    }

    @Test func partialFalseDropsFragmentsAndScareQuotes() throws {
        let session = try makeSession()
        let r = try session.values("""
            local all, full = corpus:quotes(), corpus:quotes{partial = false}
            local partial = 0
            for _, q in ipairs(full) do if q.partial then partial = partial + 1 end end
            local scare = corpus:quotes{kind = "scare"}
            return #all > #full, partial, #scare, scare[1] and scare[1].text, tostring(scare[1])
            """)
        #expect(r[0].isTruthy)
        #expect(r[1].intValue == 0)
        #expect(r[2].intValue == 1)
        #expect(r[3].stringValue == "spy")
        #expect(r[4].stringValue == "<Quote (scare) \"spy\">")
    }

    @Test func documentAndSentenceQuotesAgreeWithTheCorpus() throws {
        let session = try makeSession()
        let r = try session.values("""
            local d = corpus:doc("004")
            local n = 0
            for _, q in ipairs(corpus:quotes()) do if q.doc == d then n = n + 1 end end
            local q = d:quotes{speaker = "Tantian"}[1]
            local inSentence = q.sentence:quotes()
            return #d:quotes(), n, q.paragraphs, #inSentence, inSentence[1].text == q.text
            """)
        #expect(r[0].intValue == r[1].intValue)
        #expect(r[2].intValue == 2)
        #expect(r[3].intValue == 1)
        #expect(r[4].isTruthy)
    }

    @Test func quotesOfFreeText() throws {
        let session = try makeSession()
        let r = try session.values("""
            local qs = dossier.quotes([[“We will win,” said Maria Lopez. “It is hard,” she added.]])
            local more = dossier.quotes([[“Fine,” Maria Lopez chirped.]], {verbs = {"chirped"}})
            return #qs, qs[2].speaker_name, qs[2].doc, qs[2].sentence, qs[2].sentence_index, more[1].speaker_text, more[1].verb
            """)
        #expect(r[0].intValue == 2)
        #expect(r[1].stringValue == "Maria Lopez")
        #expect(r[2].type == .nil && r[3].type == .nil)
        #expect(r[4].intValue == 2)
        #expect(r[5].stringValue == "Maria Lopez")
        #expect(r[6].stringValue == "chirped")
    }

    @Test func subCorpusAndListMethods() throws {
        let session = try makeSession()
        let r = try session.values("""
            local sub = corpus:filter(function(d) return d.id:sub(1, 3) == "000" end)
            local qs = sub:quotes()
            local by = qs:group_by("speaker")
            return #qs, #corpus:doc("000"):quotes(), qs:sort("speaker")[1].speaker ~= nil
            """)
        #expect(r[0].intValue == r[1].intValue)
        #expect((r[0].intValue ?? 0) >= 5)
    }

    @Test func badOptionsAreErrors() throws {
        let session = try makeSession()
        #expect(throws: LuaError.self) { try session.values("return corpus:quotes{speeker = 'Ward'}") }
        #expect(throws: LuaError.self) { try session.values("return corpus:quotes{kind = 'loud'}") }
        #expect(throws: LuaError.self) { try session.values("return corpus:quotes{partial = 'no'}") }
        #expect(throws: LuaError.self) { try session.values("return dossier.quotes()") }
    }
}

/// `corpus:quotes{verbs = …}` goes through the corpus's quotation index and entity resolver
/// (issue 17: it used to skip both and lose every speaker Entity).
@Suite struct QuoteVerbsAPITests {
    @Test func moreVerbsKeepTheSpeakersEntities() throws {
        let session = try makeSession()
        let r = try session.values("""
            local function key(q) return q.doc.id .. ":" .. q.offset end
            local plain, entities = {}, 0
            for _, q in ipairs(corpus:quotes()) do
              plain[key(q)] = q
              if q.speaker then entities = entities + 1 end
            end
            local both, same, differ = 0, 0, {}
            for _, q in ipairs(corpus:quotes{verbs = {"chirped", "mused"}}) do
              local p = plain[key(q)]
              if p then
                both = both + 1
                if rawequal(p.speaker, q.speaker) or (p.speaker and q.speaker and p.speaker.name == q.speaker.name
                    and p.speaker.kind == q.speaker.kind) then
                  same = same + 1
                else
                  differ[#differ + 1] = q.text:sub(1, 30)
                end
              end
            end
            return entities, both, same, table.concat(differ, " | "), #corpus:quotes()
            """)
        #expect((r[0].intValue ?? 0) >= 20)
        #expect(r[1].intValue == r[4].intValue)
        #expect(r[2].intValue == r[1].intValue, "\(r[3].stringValue ?? "")")
    }

    @Test func aCustomVerbFindsItsQuoteWithAnEntitySpeaker() throws {
        let session = try makeSession()
        let r = try session.values("""
            local qs = dossier.quotes([[Maria Lopez runs the Lopez Group. “We will win,” Maria Lopez chirped. “Not likely,” chirped Lopez.]],
                                      {verbs = {"chirped"}})
            local none = dossier.quotes([[“We will win,” Maria Lopez chirped.]])
            return #qs, qs[1].speaker_name, qs[1].speaker_kind, qs[2].speaker_name, qs[1].verb, none[1].verb
            """)
        #expect(r[0].intValue == 2)
        #expect(r[1].stringValue == "Maria Lopez")
        #expect(r[2].stringValue == "person")
        #expect(r[3].stringValue == "Maria Lopez")
        #expect(r[4].stringValue == "chirped")
        #expect(r[5].stringValue != "chirped")
    }

    @Test func speakerKindOptionFilters() throws {
        let session = try makeSession()
        let r = try session.values("""
            local text = [[“Prices will rise,” an arbitrageur said. “We disagree,” the ministry said.]]
            local d = dossier.quotes(text, {speaker_kind = "description"})
            local ok, err = pcall(dossier.quotes, text, {speaker_kind = "robot"})
            return #d, d[1].speaker_text, d[1].who, ok, err
            """)
        #expect(r[0].intValue == 1)
        #expect(r[1].stringValue == "an arbitrageur")
        #expect(r[2].stringValue == "an arbitrageur")
        #expect(r[3].isTruthy == false)
        #expect(r[4].stringValue?.contains("speaker_kind") == true)
    }
}
