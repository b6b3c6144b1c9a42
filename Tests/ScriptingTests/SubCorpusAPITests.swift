import Foundation
import LuaBridge
import Testing
@testable import Scripting

/// `corpus:filter{source = …}` restricts every analysis to the outlet's documents.
@Suite struct SubCorpusAPITests {
    @Test func aSourceFilterRestrictsEveryFunction() throws {
        let session = try makeSession()
        let r = try session.values("""
            local sub = corpus:filter{source = "The Guardian"}
            local member = {}
            for _, d in ipairs(sub:docs()) do member[d] = true end
            local function only_members(list, get)
              for _, item in ipairs(list) do
                local doc = get(item)
                if doc ~= nil and not member[doc] then return false end
              end
              return true
            end
            local checks = {
              #sub > 0 and #sub < #corpus,
              only_members(sub:search("China"), function(h) return h.doc end),
              only_members(sub:kwic("Taiwan"), function(l) return l.doc end),
              only_members(sub:quotes(), function(q) return q.doc end),
              only_members(sub:timeline(), function(m) return m.doc end),
              #sub:search("China") < #corpus:search("China", {limit = 100}),
              #sub:kwic("Taiwan") < #corpus:kwic("Taiwan"),
              sub:frequencies{top = 1}[1].count < corpus:frequencies{top = 1, stopwords = false}[1].count + 1,
              sub:frequencies{top = 5}[1].docs <= #sub,
              #sub:ngrams(2, {min = 1}) > 0,
              #sub:quotes() < #corpus:quotes(),
              #sub:entities() > 0 and #sub:entities() <= #corpus:entities(),
              sub:entity("Blinken").count < corpus:entity("Blinken").count,
              #sub:timeline() < #corpus:timeline(),
            }
            for i, ok in ipairs(checks) do if not ok then return i end end
            return 0
            """)
        #expect(r.first?.intValue == 0, "check number \(r.first?.intValue ?? -1) failed")
    }
}
