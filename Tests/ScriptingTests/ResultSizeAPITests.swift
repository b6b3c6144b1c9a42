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

    /// A corpus of one document with `sentences` short sentences; with `quoteEvery`, every
    /// that many sentences is an attributed quotation instead.
    func longDocument(sentences: Int, quoteEvery: Int? = nil) throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        var text = "A long record\n\n"
        for i in 0..<sentences {
            if let quoteEvery, i % quoteEvery == 0 {
                text += "\"We counted \(i) ballots today,\" said Maria Lopez, the district clerk. "
            } else {
                text += "Officials counted \(i) ballots in the northern district today. "
            }
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
        // The session goes on, and a reasonable text still works.
        #expect(try session.value("return #dossier.tokens(string.rep('a ', 1000))").intValue == 1000)
        let small = try makeSession { $0.memoryLimit = 16 << 20 }
        let sentences = error(small, "local t = dossier.sentences(string.rep('One. Two. ', 2e5))")
        #expect(sentences.hasPrefix("test:1: dossier.sentences: the result would take about "), "\(sentences)")
        #expect(sentences.contains("(400,000 sentences)"), "\(sentences)")
    }

    @Test func otherLargeResultsAreRefusedTheSameWay() throws {
        let folder = try longDocument(sentences: 20_000)
        let session = try makeSession(corpus: folder.url.path) { $0.memoryLimit = 1 << 20 }
        for (code, name) in [("corpus:docs()[1]:sentences()", "sentences"),
                             ("corpus:docs()[1]:paragraphs()", "paragraphs"),
                             ("corpus:docs()[1]:token_ids()", "token_ids"),
                             ("corpus:frequencies{top = false, kinds = {'word', 'number'}}", "frequencies")] {
            let message = error(session, "local x = " + code)
            #expect(message.contains("\(name): the result would take about "), "\(code): \(message)")
        }
        // The concordance measures its lines as it makes them, so it stops even before its
        // Swift result is complete, with the meter's wording.
        let kwic = error(session, "local x = corpus:kwic('ballots')")
        #expect(kwic.hasPrefix("test:1: memory limit of "), "\(kwic)")
        #expect(kwic.contains(" exceeded: the concordance lines would need more than "), "\(kwic)")
        // The session goes on.
        #expect(try session.value("return #corpus:kwic('ballots', {limit = 5})").intValue == 5)
    }

    @Test func sentencesOfALongDocumentCostLinearTime() throws {
        // 60,000 sentences took 43 s (over 5 minutes in a debug build) when every Sentence
        // copied the cached array. The list is made in one Swift call, which checks the chunk's
        // limits as it goes: under a time limit far above what a linear pass needs, the list
        // is complete; a quadratic one ends with the time-limit error.
        let folder = try longDocument(sentences: 60_000)
        let session = try makeSession(corpus: folder.url.path)
        session.lua.limits = LuaLimits(timeout: 30)
        let r = try session.values("""
            local d = corpus:docs()[1]
            local s = d:sentences()
            local again = d:sentences()
            return #s, rawequal(s[100], again[100]), s[60000].index
            """)
        #expect(r[0].intValue == 60_000)
        #expect(r[1].isTruthy)
        #expect(r[2].intValue == 60_000)
        // The check is the list's own: a deadline already passed when the chunk starts (before
        // Lua's count hook runs once) stops it with the time-limit error, out of pcall's reach.
        session.lua.limits = LuaLimits(timeout: 0.000_001)
        do {
            _ = try session.lua.run("local ok = pcall(function() return corpus:docs()[1]:sentences() end) return ok",
                                    chunkName: "=t")
            Issue.record("expected the time limit")
        } catch let error as LuaError {
            #expect(error.kind == .time, "\(error.message)")
            #expect(error.message == "t:1: time limit of 1e-06 s exceeded", "\(error.message)")
        }
    }

    @Test func quotesOfEverySentenceOfALongDocumentCostLinearTime() throws {
        // sentence:quotes() filtered all of the document's quotes for each sentence: 20,000
        // sentences with 2,000 quotes took over 30 s. Finding the quotes comes first, untimed.
        let folder = try longDocument(sentences: 20_000, quoteEvery: 10)
        let session = try makeSession(corpus: folder.url.path)
        #expect(try session.value("return #corpus:docs()[1]:quotes()").intValue == 2_000)
        session.lua.limits = LuaLimits(timeout: 15)
        let r = try session.values("""
            local d = corpus:docs()[1]
            local n, first = 0, nil
            for _, s in ipairs(d:sentences()) do
              local q = s:quotes()
              n = n + #q
              first = first or (q[1] and q[1].sentence.index)
            end
            return n, #d:quotes(), first
            """)
        #expect(r[0].intValue == 2_000)
        #expect(r[1].intValue == 2_000)
        #expect(r[2].intValue == 1)
    }

    @Test func sentenceQuotesMatchEveryQuoteThatStartsInOrRunsThroughTheSentence() throws {
        // The index gives what filtering all of a document's quotes gives, sentence by sentence.
        let session = try makeSession()
        var compared = 0
        for doc in session.corpus.documents {
            let quotes = session.corpus.quoteIndex.quotes(in: doc)
            let index = SentenceQuotes()
            for s in 0..<doc.sentenceCount {
                let bytes = doc.sentenceBytes(s)
                let expected = quotes.filter { $0.sentence == s || (!bytes.isEmpty && $0.range.overlaps(bytes)) }
                #expect(index.quotes(of: doc, sentence: s, among: quotes) == expected, "\(doc.id) sentence \(s)")
                compared += expected.count
            }
        }
        #expect(compared > 20)
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
