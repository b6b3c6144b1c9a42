import Foundation
import LuaBridge
import Testing
@testable import Scripting

/// `corpus:cooccurrence` on the seeds: pairs of entities (or terms) sharing a sentence,
/// paragraph or document, counted against an independent count made from `sentence:entities()`
/// and `doc:entities()`, with the association scores recomputed from the counts.
@Suite struct CooccurrenceAPITests {
    @Test func blinkenAndQinGangShareSentences() throws {
        let session = try makeSession()
        let r = try session.values("""
            local function find(rows, x, y)
              for _, p in ipairs(rows) do
                if (p.a.name == x and p.b.name == y) or (p.a.name == y and p.b.name == x) then return p end
              end
            end
            local pair = find(corpus:cooccurrence{kind = 'person', within = 'sentence', min = 1, top = false},
                              'Antony Blinken', 'Qin Gang')
            -- independently: sentences whose entities include both
            local both, docs = 0, {}
            for _, doc in ipairs(corpus:docs()) do
              for _, s in ipairs(doc:sentences()) do
                local names = {}
                for _, e in ipairs(s:entities()) do names[e.name] = true end
                if names['Antony Blinken'] and names['Qin Gang'] then both = both + 1; docs[doc.id] = true end
              end
            end
            local ndocs = 0
            for _ in pairs(docs) do ndocs = ndocs + 1 end
            local example = pair.example.text
            return pair.count, both, #pair.docs, ndocs, example:find('Qin') ~= nil and example:find('Blinken') ~= nil
            """)
        #expect((r[0].intValue ?? 0) >= 1)
        #expect(r[0].intValue == r[1].intValue)
        #expect(r[2].intValue == r[3].intValue)
        #expect(r[4].isTruthy)
    }

    @Test func scoresFollowFromTheCounts() throws {
        let session = try makeSession()
        let r = try session.values("""
            local spans = 0
            for _, doc in ipairs(corpus:docs()) do spans = spans + #doc:sentences() end
            local ok, n = true, 0
            for _, p in ipairs(corpus:cooccurrence{min = 1, top = 30}) do
              local pmi = math.log(p.count * spans / (p.count_a * p.count_b), 2)
              ok = ok and math.abs(pmi - p.pmi) < 1e-3 and p.count <= p.count_a and p.count <= p.count_b
              n = n + 1
            end
            -- ranked by llr, best first
            local rows = corpus:cooccurrence{min = 1, top = 30}
            for i = 2, #rows do ok = ok and rows[i - 1].llr >= rows[i].llr end
            local by_count = corpus:cooccurrence{min = 1, top = 30, measure = 'count'}
            for i = 2, #by_count do ok = ok and by_count[i - 1].count >= by_count[i].count end
            return ok, n
            """)
        #expect(r[0].isTruthy)
        #expect(r[1].intValue == 30)
    }

    @Test func documentsKindsAmongAndTerms() throws {
        let session = try makeSession()
        let r = try session.values("""
            local ok = true
            -- within = "document": the documents naming both
            for _, p in ipairs(corpus:cooccurrence{within = 'document', min = 1, top = 20}) do
              local n = 0
              for _, doc in ipairs(corpus:docs()) do
                local a, b = false, false
                for _, e in ipairs(doc:entities()) do a = a or e == p.a; b = b or e == p.b end
                if a and b then n = n + 1 end
              end
              ok = ok and n == p.count and #p.docs == n and p.example == nil
            end
            -- kind: both members of every pair
            for _, p in ipairs(corpus:cooccurrence{kind = 'place', min = 1, top = false}) do
              ok = ok and p.a.kind == 'place' and p.b.kind == 'place'
            end
            for _, p in ipairs(corpus:cooccurrence{kind = {'person', 'organization'}, min = 1, top = false}) do
              ok = ok and p.a.kind ~= 'place' and p.b.kind ~= 'place'
            end
            -- among: only pairs of these
            local among = corpus:cooccurrence{among = {'Blinken', 'Qin Gang', 'Xi Jinping'}, min = 1, top = false}
            for _, p in ipairs(among) do
              local names = {['Antony Blinken'] = true, ['Qin Gang'] = true, ['Xi Jinping'] = true}
              ok = ok and names[p.a.name] and names[p.b.name]
            end
            -- terms: strings, no stopwords
            local terms = corpus:cooccurrence{of = 'terms', top = 5}
            for _, p in ipairs(terms) do ok = ok and type(p.a) == 'string' and not dossier.is_stopword(p.a) end
            -- paragraphs hold at least as many pairs as sentences
            local s = #corpus:cooccurrence{min = 1, top = false}
            local para = #corpus:cooccurrence{within = 'paragraph', min = 1, top = false}
            return ok, #among > 0, #terms, para >= s
            """)
        #expect(r[0].isTruthy)
        #expect(r[1].isTruthy)
        #expect(r[2].intValue == 5)
        #expect(r[3].isTruthy)
    }

    @Test func aSubCorpusCountsItsOwnSentences() throws {
        let session = try makeSession()
        let r = try session.values("""
            local sub = corpus:filter{source = 'The Guardian'}
            local ok = true
            for _, p in ipairs(sub:cooccurrence{min = 1, top = false}) do
              for _, doc in ipairs(p.docs) do ok = ok and doc.source == 'The Guardian' end
              ok = ok and p.count_a <= p.a.count
            end
            return ok, #sub:cooccurrence{min = 1, top = false} < #corpus:cooccurrence{min = 1, top = false}
            """)
        #expect(r.map(\.isTruthy) == [true, true])
    }

    @Test func badOptionsAreNamed() throws {
        let session = try makeSession()
        func message(_ code: String) throws -> String {
            let r = try session.values("local ok, e = pcall(function() \(code) end) return ok, tostring(e)")
            return r.count > 1 ? r[1].stringValue ?? "" : ""
        }
        try #expect(message("return corpus:cooccurrence{within = 'line'}").hasSuffix(
            "bad argument #1 to 'cooccurrence' (unknown within 'line' (use sentence, paragraph or document))"))
        try #expect(message("return corpus:cooccurrence{kind = 'persons'}").hasSuffix(
            "bad argument #1 to 'cooccurrence' (unknown kind 'persons' (did you mean 'person'? use person, organization, place, event or other))"))
        try #expect(message("return corpus:cooccurrence{of = 'terms', kind = 'person'}").hasSuffix(
            "bad argument #1 to 'cooccurrence' ('kind' applies to entities, not terms)"))
        try #expect(message("return corpus:cooccurrence{among = {'Nobody Atall'}}").hasSuffix(
            "bad argument #1 to 'cooccurrence' ('among': no entity named 'Nobody Atall')"))
    }
}
