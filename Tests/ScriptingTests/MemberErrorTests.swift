import Foundation
import LuaBridge
import Testing
@testable import Scripting

/// A member an object does not have is an error that names the class and the closest members
/// (exact messages), on every class the session declares; a known member that holds nothing is
/// nil; `dossier.util.has` and `get` ask without failing.
@Suite struct MemberErrorTests {
    /// The message of the error `code` raises (a chunk named `test`).
    func message(_ session: ScriptSession, _ code: String) throws -> String {
        let r = try session.values("local ok, e = pcall(function() \(code) end) return ok, tostring(e)")
        #expect(r.first?.isTruthy == false, "\(code) should fail")
        return r.count > 1 ? r[1].stringValue ?? "" : ""
    }

    @Test func mistypedMembersNameTheClassAndTheClosestNames() throws {
        let session = try makeSession()
        let cases: [(code: String, message: String)] = [
            ("return corpus:collocates('Blinken')", "Corpus has no method 'collocates' (did you mean 'collocations'?)"),
            ("return corpus:frequency()", "Corpus has no method 'frequency' (did you mean 'frequencies'?)"),
            ("return corpus:fliter{}", "Corpus has no method 'fliter' (did you mean 'filter'?)"),
            ("return corpus:ent()", "Corpus has no method 'ent' (did you mean 'entities', 'entity' or 'entity_evidence'?)"),
            ("return corpus.size", "Corpus has no field or method 'size'"),
            ("return corpus:docs()[1].titel", "Document has no field 'titel' (did you mean 'title'?)"),
            ("return corpus:docs()[1]:sentence()", "Document has no method 'sentence' (did you mean 'sentences'?)"),
            ("return corpus:docs()[1]:sentences()[1].idx", "Sentence has no field or method 'idx'"),
            ("return corpus:docs()[1]:tokens():mapp(print)", "TokenList has no method 'mapp' (did you mean 'map'?)"),
            ("return corpus:entities()[1].alias", "Entity has no field 'alias' (did you mean 'aliases'?)"),
            ("return corpus:quotes()[1].speker", "Quote has no field 'speker' (did you mean 'speaker'?)"),
            ("return report.table({{a = 1}}):markdwon()", "Table has no method 'markdwon' (did you mean 'markdown'?)"),
            ("return report.chart.bar({}).titel", "Chart has no field 'titel' (did you mean 'title'?)"),
        ]
        for (code, expected) in cases {
            #expect(try message(session, code) == "test:1: " + expected, "\(code)")
        }
    }

    @Test func knownMembersThatHoldNothingAreNil() throws {
        let session = try makeSession()
        // 002 has no title line and no source; a free-text quote has no document.
        let r = try session.values("""
            local doc = corpus:doc('002')
            local q = dossier.quotes('“We will not back down,” the minister said.')[1]
            return doc.source == nil, q.doc == nil, q.speaker == nil
            """)
        #expect(r.allSatisfy { $0.isTruthy })
    }

    @Test func hasAndGetAskWithoutFailing() throws {
        let session = try makeSession()
        let r = try session.values("""
            local util, doc = dossier.util, corpus:doc('002')
            return util.has(doc, "title"), util.has(doc, "sentences"), util.has(doc, "label"),
                   util.get(doc, "label") == nil, util.get(doc, "id"), util.has({a = 1}, "a"), util.has({}, "a"),
                   util.has(42, "a"), util.has(doc:tokens(), "map"), util.get(nil, "x") == nil
            """)
        #expect(r.map(\.isTruthy) == [true, true, false, true, true, true, false, false, true, true])
        #expect(r[4].stringValue == "002_b0ccbc8c9a36bb37")
    }

    /// Charts and terminal bars read the label and value fields they look for only where rows
    /// have them: a List of objects (entities) works as it did when unknown fields were nil.
    @Test func reportFunctionsReadOnlyTheMembersObjectsHave() throws {
        let session = try makeSession()
        let bars = try session.value("return report.bars(corpus:entities():top(3), {width = 60})").stringValue ?? ""
        #expect(bars.split(separator: "\n").count == 3)
        #expect(bars.contains("Antony Blinken") || bars.contains("Blinken"))
        #expect(try session.value("return report.chart.bar(corpus:entities():top(3)).title").stringValue == "")
        let timeline = try session.value("return report.chart.timeline(corpus:timeline()):svg()").stringValue ?? ""
        #expect(timeline.hasPrefix("<svg"))
    }
}
