import Foundation
import LuaBridge
import Testing
@testable import Scripting

/// The statistics methods and the session stopword list, as scripts see them.
@Suite struct StatisticsBindingTests {
    func error(_ session: ScriptSession, _ code: String) -> String {
        do {
            try session.values(code)
            return "(no error)"
        } catch let e as LuaError {
            return e.message
        } catch {
            return "\(error)"
        }
    }

    @Test func frequenciesList() throws {
        let session = try makeSession()
        let r = try session.values("""
            local f = corpus:frequencies{top = 5}
            local all = corpus:frequencies{top = false, stopwords = false}
            local the = all:filter(function(r) return r.term == "the" end)[1]
            return #f, f[1].term, f[1].count, f[1].docs, dossier.List.is(f), #all, the and the.count,
                   f[1].count >= f[2].count
            """)
        #expect(r[0].intValue == 5)
        #expect(r[1].stringValue == "us")  // "US" folds to "us", which is not a stopword
        #expect((r[2].intValue ?? 0) > 50 && r[3].intValue == 5)
        #expect(r[4].isTruthy && r[5].intValue == session.corpus.frequencies(top: nil, stopwords: nil).count)
        #expect((r[6].intValue ?? 0) > 100 && r[7].isTruthy)
        // Default: 100 rows, no stopwords; kinds.
        let d = try session.values("""
            local f = corpus:frequencies()
            local n = corpus:frequencies{kinds = "number", top = 3}
            local both = corpus:frequencies{kinds = {"word", "number"}, top = false}
            for _, r in ipairs(f) do if r.term == "the" then return false end end
            return #f, n[1].term, #both > #corpus:frequencies{top = false}
            """)
        #expect(d[0].intValue == 100)
        #expect(d[1].stringValue.map { $0.first?.isNumber == true } == true)
        #expect(d[2].isTruthy)
    }

    @Test func ngramsCollocationsKeynessKeywords() throws {
        let session = try makeSession()
        let r = try session.values("""
            local g = corpus:ngrams(2, {min = 3, top = 3})
            local c = corpus:collocations("Blinken", {window = 5, measure = "pmi", top = 5})
            local sub = corpus:filter(function(d) return d == corpus:docs()[1] end)
            local k = sub:keyness(corpus)
            local k2 = corpus:keyness(sub)
            local w = corpus:docs()[1]:keywords()
            return #g, g[1].ngram, g[1].count, g[1].docs, #c, c[1].term, type(c[1].score), c[1].count,
                   #k, k[1].term, k[1].score > 0, k[1].ref_count, k2[1].term == k[1].term, #w, w[1].term, w[1].score
            """)
        #expect(r[0].intValue == 3 && r[1].stringValue == "foreign minister" && r[2].intValue == 8 && r[3].intValue == 4)
        #expect(r[4].intValue == 5 && r[6].stringValue == "number" && (r[7].intValue ?? 0) >= 2)
        #expect((r[8].intValue ?? 0) > 0 && r[10].isTruthy && r[11].intValue != nil && r[12].isTruthy)
        #expect(r[13].intValue == 10 && r[14].stringValue == r[9].stringValue && (r[15].doubleValue ?? 0) > 0)
        // Sub-corpora answer for their documents only.
        let s = try session.values("""
            local sub = corpus:filter(function(d) return d.id == corpus:docs()[1].id end)
            return corpus:frequencies{top = 1}[1].count, sub:frequencies{top = 1}[1].count,
                   #corpus:ngrams(3, {min = 1, top = false}) > #sub:ngrams(3, {min = 1, top = false})
            """)
        #expect((s[0].intValue ?? 0) > (s[1].intValue ?? 0) && s[2].isTruthy)
    }

    @Test func scoresMatchTheCore() throws {
        let session = try makeSession()
        let expected = try session.corpus.collocations(of: "china", measure: .t, top: 3)
        let r = try session.values("""
            local c = corpus:collocations("china", {measure = "t", top = 3})
            return c[1].term, c[1].score, c[1].count
            """)
        #expect(r[0].stringValue == expected.first?.term)
        #expect(abs((r[1].doubleValue ?? 0) - (expected.first?.score ?? 1)) < 1e-4)
        #expect(r[2].intValue == expected.first?.count)
    }

    @Test func sessionStopwordList() throws {
        let session = try makeSession()
        let r = try session.values("""
            local before = #dossier.stopwords()
            local first = corpus:frequencies{top = 1}[1].term
            local n = dossier.add_stopwords{"US", "China"}
            local after = corpus:frequencies{top = 1}[1].term
            local keep = corpus:frequencies{top = 1, stopwords = false}[1].term
            local own = corpus:frequencies{top = 1, stopwords = {"the", "us"}}[1].term
            local expected_own = corpus:frequencies{top = 3, stopwords = false}
                :filter(function(r) return r.term ~= "the" and r.term ~= "us" end)[1].term
            local removed = dossier.remove_stopwords("china")
            local back = corpus:frequencies{top = 1}[1].term
            return before, first, n, after, keep, own, removed, back, dossier.is_stopword("US"), dossier.is_stopword("Beijing"),
                   expected_own
            """)
        let before = try #require(r[0].intValue)
        #expect(before > 100)
        #expect(r[1].stringValue == "us")
        #expect(r[2].intValue == before + 2)
        #expect(r[3].stringValue == "blinken")
        #expect(r[4].stringValue == "the")
        // A per-call list replaces the session list: "to" is no stopword then.
        #expect(r[5].stringValue == r[10].stringValue && r[5].stringValue == "to")
        #expect(r[6].intValue == before + 1 && r[7].stringValue == "china")
        #expect(r[8].isTruthy && !r[9].isTruthy)
        // Replace and reset; keywords and n-grams follow the list.
        let s = try session.values("""
            dossier.set_stopwords{}
            local empty = #dossier.stopwords()
            local g = corpus:ngrams(2, {top = 1})[1].ngram
            dossier.set_stopwords("english")
            return empty, g == corpus:ngrams(2, {top = 1, stopwords = false})[1].ngram, #dossier.stopwords(),
                   corpus:ngrams(2, {top = 1})[1].ngram
            """)
        #expect(s[0].intValue == 0)
        #expect(s[1].isTruthy)
        #expect(s[2].intValue == before)
        #expect(s[3].stringValue == "foreign minister")
    }

    @Test func argumentErrors() throws {
        let session = try makeSession()
        #expect(error(session, "corpus:collocations('Blinken', {measure = 'foo'})")
            .contains("bad argument #2 to 'collocations' (unknown measure 'foo': use llr, pmi or t)"))
        #expect(error(session, "corpus:collocations('foreign minister')")
            .contains("bad argument #1 to 'collocations' ('foreign minister' is 2 tokens"))
        #expect(error(session, "corpus:collocations('china', {window = 0})").contains("bad argument #2 to 'collocations' (window must be between 1 and 1000)"))
        #expect(error(session, "corpus:ngrams(0)").contains("bad argument #1 to 'ngrams' (n must be between 1 and 8)"))
        #expect(error(session, "corpus:ngrams(2, {mni = 2})").contains("bad argument #2 to 'ngrams' (unknown option 'mni' (use top, limit, min or stopwords))"))
        #expect(error(session, "corpus:ngrams(2, {min = 0})").contains("min must be at least 1"))
        #expect(error(session, "corpus:frequencies{top = -1}").contains("bad argument #1 to 'frequencies' (top must be 0 or more"))
        #expect(error(session, "corpus:frequencies{top = 'ten'}").contains("bad argument #1 to 'frequencies' (top must be a number, not a string)"))
        #expect(error(session, "corpus:frequencies{stopwords = 'yes'}").contains("option 'stopwords' must be true, false or a list of words"))
        #expect(error(session, "corpus:frequencies{kinds = 'verb'}").contains("unknown kind 'verb'"))
        #expect(error(session, "corpus:frequencies{10}").contains("options must be named fields"))
        #expect(error(session, "corpus:keyness('x')").contains("bad argument #1 to 'keyness' (Corpus expected"))
        #expect(error(session, "corpus:keyness(corpus)").contains("the reference corpus has no words"))
        #expect(error(session, "corpus:docs()[1]:keywords{top = 'a'}").contains("bad argument #1 to 'keywords'"))
        #expect(error(session, "dossier.add_stopwords{1, 2}").contains("bad argument #1 to 'add_stopwords'"))
        #expect(error(session, "dossier.set_stopwords()").contains("bad argument #1 to 'set_stopwords'"))
        // An unknown word is not an error: nothing collocates with it.
        #expect(try session.value("return #corpus:collocations('xylophonist')").intValue == 0)
    }

    @Test func listsPrintWithTheirColumns() throws {
        let session = try makeSession()
        let text = try session.value("return tostring(corpus:keyness(corpus:filter(function(d) return d == corpus:docs()[2] end), {top = 3}))").stringValue ?? ""
        let header = text.split(separator: "\n").first.map(String.init) ?? ""
        #expect(header.contains("term") && header.contains("score") && header.contains("ref_count"))
        #expect(header.range(of: "term")?.lowerBound ?? header.endIndex < header.range(of: "ref_count")?.lowerBound ?? header.startIndex)
    }
}
