import Foundation
import LuaBridge
import Testing
@testable import Scripting

/// A document, sentence or quote a script holds keeps working however the garbage collector
/// runs: what its analyses need stays alive with it, and scripts cannot free it early.
@Suite struct ObjectLifetimeAPITests {
    @Test func aDocumentFromOpenKeepsItsAnalysesAfterItsCorpusIsCollected() throws {
        let session = try makeSession()
        let r = try session.values("""
            local c = dossier.open(\(luaQuoted(seedsPath)))
            local d = c:docs()[3]
            local s = d:sentences()[1]
            local q = d:quotes()[1]
            local before = { #d:entities(), #d:dates(), #s:entities(), d.date, q and q.speaker and q.speaker.name }
            c = nil
            collectgarbage() collectgarbage()
            local after = { #d:entities(), #d:dates(), #s:entities(), d.date, q and q.speaker and q.speaker.name }
            return before[1], before[2], before[3], before[4], before[5], after[1], after[2], after[3], after[4], after[5]
            """)
        #expect((r[0].intValue ?? 0) > 5)
        #expect((r[1].intValue ?? 0) > 0)
        #expect((r[2].intValue ?? 0) > 0)
        for i in 0..<5 {
            #expect(r[i + 5].stringValue == r[i].stringValue, "value \(i): \(r[i]) before, \(r[i + 5]) after collection")
        }
    }

    @Test func aSentenceOrTokenListAloneKeepsTheAnalysesToo() throws {
        let session = try makeSession()
        let r = try session.values("""
            local s = dossier.open(\(luaQuoted(seedsPath))):docs()[3]:sentences()[1]
            local t = dossier.open(\(luaQuoted(seedsPath))):docs()[3]:tokens()
            local before = #s:entities()
            collectgarbage() collectgarbage()
            return before, #s:entities(), s.doc.date, #t, t[1].text
            """)
        #expect((r[0].intValue ?? 0) > 0)
        #expect(r[1].intValue == r[0].intValue)
        #expect(r[2].stringValue != nil)
        #expect((r[3].intValue ?? 0) > 100)
        #expect(r[4].stringValue != nil)
    }

    @Test func scriptsCannotReachAnObjectsGC() throws {
        let session = try makeSession()
        let r = try session.values("""
            local d = corpus:docs()[1]
            local mt = getmetatable(d)
            local ok, err = pcall(function() return mt.__gc(d) end)
            collectgarbage()
            return mt.__gc == nil, ok, corpus:docs()[1].id == d.id, d.words > 0, mt.__name, mt.__columns ~= nil
            """)
        #expect(r[0].isTruthy)
        #expect(r[1].isTruthy == false)
        #expect(r[2].isTruthy)
        #expect(r[3].isTruthy)
        #expect(r[4].stringValue == "Document")
        #expect(r[5].isTruthy)
    }

    @Test func theObjectCacheSurvivesAGCCalledByATrustedScript() throws {
        // --trusted keeps the whole debug library, so the real metatable is reachable there.
        let session = try makeSession { $0.trusted = true }
        let r = try session.values("""
            local d = corpus:docs()[1]
            debug.getmetatable(d).__gc(d)
            local again = corpus:docs()[1]
            local ok, err = pcall(function() return d.id end)
            return again.id, again.words > 0, ok, tostring(err)
            """)
        #expect(r[0].stringValue?.hasPrefix("000") == true)
        #expect(r[1].isTruthy)
        #expect(r[2].isTruthy == false)
    }
}

/// `s` as a Lua string literal.
func luaQuoted(_ s: String) -> String {
    "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
}
