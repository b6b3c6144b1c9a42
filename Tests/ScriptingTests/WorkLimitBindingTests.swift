import Foundation
import LuaBridge
import Testing
@testable import Scripting

/// The session's limits reach long Swift work: a stop is the Lua limit error itself (its
/// message and kind, out of pcall's reach), and big results are measured against the memory
/// Lua may still take.
@Suite struct WorkLimitBindingTests {
    /// A corpus of one long article whose every 3-gram is new (about 50,000 of them).
    static func distinctWords() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        let words = (0..<50_000).map { "w\($0)" }.joined(separator: " ")
        try folder.write("long.txt", "Headline\n\n" + words + ".\n")
        return folder
    }

    @Test func bigNGramListsAreRefusedUnderTheMemoryCap() throws {
        let folder = try Self.distinctWords()
        let capped = try makeSession(corpus: folder.url.path) { $0.memoryLimit = 16 << 20 }
        let code = "return #corpus:ngrams(3, {top = false, min = 1, stopwords = false})"
        do {
            _ = try capped.value(code)
            Issue.record("expected a memory refusal")
        } catch let error as LuaError {
            #expect(error.message.contains("memory limit of 1"), "\(error.message)")
            #expect(error.message.contains("exceeded: the n-gram table would need more than"), "\(error.message)")
        }
        // A catchable error: the session goes on, and a smaller request fits.
        #expect(try capped.value("return #corpus:ngrams(3, {top = 10, min = 1, stopwords = false})").intValue == 10)
        let uncapped = try makeSession(corpus: folder.url.path)
        #expect(try uncapped.value(code).intValue == 49_998)
    }

    @Test func anExpiredDeadlineEndsSwiftWorkAsALuaTimeLimit() throws {
        let session = try makeSession()
        session.lua.limits = LuaLimits(timeout: 0.000_001)
        do {
            // The chunk's deadline passes before the first Lua instruction check: only the
            // Swift work's own check can see it.
            _ = try session.lua.run("local ok, e = pcall(function() return corpus:entities() end) return ok, e", chunkName: "=t")
            Issue.record("expected the time limit")
        } catch let error as LuaError {
            #expect(error.kind == .time)
            #expect(error.message == "t:1: time limit of 1e-06 s exceeded")
        }
        // Nothing half-built is left: with time, the entities come.
        session.lua.limits = LuaLimits(timeout: 60)
        #expect(try session.value("return #corpus:entities()").intValue ?? 0 > 10)
    }

    @Test func aDocumentsDateIsDecidedWhereTheTimeLimitCanStopIt() throws {
        let session = try makeSession()
        session.lua.limits = LuaLimits(timeout: 0.000_001)
        // `doc.date` decides every document's date at once (the corpus's dated documents lend
        // their year to a dateline without one): that scan checks the chunk's deadline.
        for field in ["date", "date_from", "date_guess"] {
            do {
                _ = try session.lua.run("local ok, e = pcall(function() return corpus:docs()[1].\(field) end) return ok, e", chunkName: "=t")
                Issue.record("expected the time limit for doc.\(field)")
            } catch let error as LuaError {
                #expect(error.kind == .time, "doc.\(field): \(error.message)")
            }
        }
        // Nothing half-built is kept: with time, the dates come.
        session.lua.limits = LuaLimits(timeout: 60)
        #expect(try session.value("local n = 0 for _, d in ipairs(corpus:docs()) do if d.date then n = n + 1 end end return n")
            .intValue ?? 0 > 0)
    }
}
