import Foundation
import LuaBridge
import Testing
@testable import Corpus
@testable import Scripting

@Suite struct TokenAccessTests {
    @Test func tokenIdsVisitEveryTokenOfEveryDocument() throws {
        let session = try makeSession()
        let r = try session.values("""
            local vocab = corpus:vocabulary()
            local n, docs, taiwan = 0, 0, 0
            for doc, ids in corpus:token_ids() do
              docs = docs + 1
              n = n + #ids
              for i = 1, #ids do if vocab[ids[i]] == "taiwan" then taiwan = taiwan + 1 end end
            end
            return n, docs, taiwan, corpus:term_id("Taiwan") ~= nil
            """)
        let corpus = session.corpus
        #expect(r[0].intValue == corpus.documents.reduce(0) { $0 + $1.tokenCount })
        #expect(r[1].intValue == corpus.count)
        // Count "Taiwan" independently, from the token texts.
        var expected = 0
        for doc in corpus.documents {
            for span in doc.tokenSpans() where doc.substring(span.range).lowercased() == "taiwan" { expected += 1 }
        }
        #expect(expected > 0)
        #expect(r[2].intValue == expected)
        #expect(r[3].isTruthy)
    }

    @Test func subCorpusTokenIdsOnlyVisitMembers() throws {
        let session = try makeSession()
        let r = try session.values("""
            local sub = corpus:filter(function(d) return d.id:sub(1, 3) == "003" or d.id:sub(1, 3) == "001" end)
            local seen = {}
            for doc in sub:token_ids() do seen[#seen + 1] = doc.id:sub(1, 3) end
            return table.concat(seen, ",")
            """)
        #expect(r.first?.stringValue == "001,003")
    }

    @Test func tokensAreLazyRecordsWithOffsets() throws {
        let session = try makeSession()
        let r = try session.values("""
            local d = corpus:docs()[1]
            local toks = d:tokens()
            local t = toks[5]
            return #toks == #d:token_ids(), d.text:sub(t.offset, t.offset + #t.text - 1) == t.text, t.norm == t.text:lower() or t.kind ~= "word",
                   toks[#toks + 1] == nil, #toks:filter(function(x) return x.kind == "punct" end) > 0
            """)
        #expect(r.allSatisfy { $0.isTruthy })
    }

    @Test func sentencesAreObjectsWithIdentity() throws {
        let session = try makeSession()
        let r = try session.values("""
            local d = corpus:docs()[2]
            local s = d:sentences()
            local first = s[1]
            return #s, first == d:sentences()[1], first.doc == d, first.index, d.text:sub(first.offset, first.offset + #first.text - 1) == first.text,
                   #first:tokens() > 0
            """)
        #expect((r[0].intValue ?? 0) > 5)
        #expect(r[1].isTruthy && r[2].isTruthy)
        #expect(r[3].intValue == 1)
        #expect(r[4].isTruthy && r[5].isTruthy)
    }

    @Test func freeTextStagesWork() throws {
        let session = try makeSession()
        let r = try session.values("""
            local s = dossier.sentences("Mr. Blinken arrived in Beijing. He met Qin Gang.")
            local t = dossier.tokens("US-China talks")
            return #s, s[1], #t, t[1].text, t[1].kind
            """)
        #expect(r[0].intValue == 2)
        #expect(r[1].stringValue == "Mr. Blinken arrived in Beijing.")
        #expect(r[2].intValue == 2)
        #expect(r[3].stringValue == "US-China")
        #expect(r[4].stringValue == "word")
        #expect(throws: LuaError.self) { try session.values("return dossier.tokens(nil)") }
    }
}
