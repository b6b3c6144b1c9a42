import Foundation
import LuaBridge
import Testing
@testable import Scripting

/// Lua runs under a memory cap by default, and functions that build large results measure
/// them against what Lua may still allocate before building them. Lists of a long document's
/// parts cost time in proportion to their length.
@Suite(.serialized) struct ResultSizeAPITests {
    func error(_ session: ScriptSession, _ code: String) -> String {
        errorMessage { try session.values(code) } ?? "(no error)"
    }

    /// A corpus of one document with `sentences` short sentences.
    func longDocument(sentences: Int) throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        var text = "A long record\n\n"
        for i in 0..<sentences {
            text += "Officials counted \(i) ballots in the northern district today. "
            if i % 20 == 19 { text += "\n\n" }
        }
        try folder.write("long.txt", text)
        return folder
    }

    @Test func sessionsHaveADefaultMemoryCap() throws {
        let session = try makeSession()
        #expect(session.lua.memoryCap == LuaLimits.defaultMemoryCap)
        let capped = try makeSession { $0.memoryLimit = 64 << 20 }
        #expect(capped.lua.memoryCap == 64 << 20)
    }

    @Test func tokensOfAHugeTextAreRefusedBeforeTheyAreBuilt() throws {
        let session = try makeSession { $0.memoryLimit = 256 << 20 }
        let message = error(session, "local t = dossier.tokens(string.rep('a ', 5e6))")
        #expect(message.hasPrefix("test:1: dossier.tokens: the result would take about "), "\(message)")
        #expect(message.contains("(5,000,000 tokens)"), "\(message)")
        #expect(message.contains("memory limit of 256 MB"), "\(message)")
        let sentences = error(session, "local t = dossier.sentences(string.rep('One. Two. ', 2e6))")
        #expect(sentences.hasPrefix("test:1: dossier.sentences: the result would take about "), "\(sentences)")
        // The session goes on, and a reasonable text still works.
        #expect(try session.value("return #dossier.tokens(string.rep('a ', 1000))").intValue == 1000)
    }

    @Test func otherLargeResultsAreRefusedTheSameWay() throws {
        let folder = try longDocument(sentences: 20_000)
        let session = try makeSession(corpus: folder.url.path) { $0.memoryLimit = 1 << 20 }
        for (code, name) in [("corpus:docs()[1]:sentences()", "sentences"),
                             ("corpus:docs()[1]:paragraphs()", "paragraphs"),
                             ("corpus:docs()[1]:token_ids()", "token_ids"),
                             ("corpus:kwic('ballots')", "kwic"),
                             ("corpus:frequencies{top = false, kinds = {'word', 'number'}}", "frequencies")] {
            let message = error(session, "local x = " + code)
            #expect(message.contains("\(name): the result would take about "), "\(code): \(message)")
        }
    }

    @Test func sentencesOfALongDocumentCostLinearTime() throws {
        // 60,000 sentences took 43 s when every Sentence copied the cached array; the time limit
        // is far above what a linear pass needs even on a loaded machine.
        let folder = try longDocument(sentences: 60_000)
        let session = try makeSession(corpus: folder.url.path) { $0.timeout = 30 }
        let r = try session.values("""
            local d = corpus:docs()[1]
            local s = d:sentences()
            local again = d:sentences()
            return #s, rawequal(s[100], again[100]), s[60000].index
            """)
        #expect(r[0].intValue == 60_000)
        #expect(r[1].isTruthy)
        #expect(r[2].intValue == 60_000)
    }

    @Test func tokensOfEverySentenceOfALongDocumentCostLinearTime() throws {
        let folder = try longDocument(sentences: 20_000)
        let session = try makeSession(corpus: folder.url.path) { $0.timeout = 30 }
        let r = try session.values("""
            local n = 0
            for _, s in ipairs(corpus:docs()[1]:sentences()) do
              local t = s:tokens()
              if t[1] and t[1].text == "Officials" then n = n + 1 end
            end
            return n
            """)
        #expect(r[0].intValue == 20_000)
    }
}
