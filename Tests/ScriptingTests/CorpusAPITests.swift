import Foundation
import LuaBridge
import Testing
@testable import Scripting

@Suite struct CorpusAPITests {
    @Test func corpusCountsDocuments() throws {
        let session = try makeSession()
        let files = try FileManager.default.contentsOfDirectory(atPath: seedsPath).filter { $0.hasSuffix(".txt") }
        #expect(try session.value("return #corpus").intValue == files.count)
        #expect(try session.value("return #corpus:docs()").intValue == files.count)
    }

    @Test func documentsByIdAndPrefix() throws {
        let session = try makeSession()
        let full = try session.value("return corpus:docs()[3].id").stringValue
        let id = try #require(full)
        #expect(try session.value("return corpus:doc('\(id)').id").stringValue == id)
        #expect(try session.value("return corpus:doc('\(id.prefix(3))').id").stringValue == id)
        #expect(try session.value("return corpus:doc('zzz')") .type == .nil)
        // An ambiguous prefix is an error that lists candidates.
        #expect(throws: LuaError.self) { try session.values("return corpus:doc('00')") }
    }

    @Test func documentFields() throws {
        let session = try makeSession()
        let r = try session.values("""
            local d = corpus:docs()[1]
            return d.id, d.path, d.text, d.raw, d.words, #d:paragraphs(), tostring(d)
            """)
        let path = try #require(r[1].stringValue)
        let raw = try String(contentsOfFile: path, encoding: .utf8)
        #expect(r[3].stringValue == raw)
        #expect(r[2].stringValue.map { raw.contains($0.prefix(40)) } == true)
        #expect((r[4].intValue ?? 0) > 100)
        #expect((r[5].intValue ?? 0) > 3)
        #expect(r[6].stringValue?.hasPrefix("<Document \(r[0].stringValue ?? "")") == true)
    }

    @Test func listsChainAndKeepTheirKind() throws {
        let session = try makeSession()
        let r = try session.values("""
            local docs = corpus:docs()
            local longest = docs:sort("-words"):top(2)
            local ids = docs:map(function(d) return d.id end)
            local groups = docs:group_by(function(d) return d.words > 600 end)
            return #longest, longest[1].words >= longest[2].words, ids[1] == docs[1].id,
                   dossier.List.is(longest), #groups, groups[1].count + (groups[2] and groups[2].count or 0)
            """)
        #expect(r[0].intValue == 2)
        #expect(r[1].isTruthy && r[2].isTruthy && r[3].isTruthy)
        #expect(r[5].intValue == 5)
    }

    @Test func filterWithAFunctionSharesDocuments() throws {
        let session = try makeSession()
        let r = try session.values("""
            local sub = corpus:filter(function(d) return d.words > 600 end)
            local same = sub:docs()[1] == corpus:doc(sub:docs()[1].id)
            return #sub, same, #corpus:filter{contains = "fentanyl"}
            """)
        #expect((r[0].intValue ?? 0) > 0 && (r[0].intValue ?? 99) < 5)
        #expect(r[1].isTruthy)
        let expected = try FileManager.default.contentsOfDirectory(atPath: seedsPath).filter {
            (try? String(contentsOfFile: seedsPath + "/" + $0, encoding: .utf8))?.lowercased().contains("fentanyl") == true
        }.count
        #expect(r[2].intValue == expected)
    }

    @Test func filterRejectsUnknownSpecFields() throws {
        let session = try makeSession()
        do {
            try session.values("return corpus:filter{sorce = 'x'}")
            Issue.record("expected an error")
        } catch let e as LuaError {
            #expect(e.message.contains("unknown filter field 'sorce'"))
        }
    }

    @Test func globalsExist() throws {
        let session = try makeSession()
        #expect(try session.value("return dossier.version").stringValue == ScriptSession.version)
        #expect(try session.value("return type(report.table)").stringValue == "function")
    }
}

@Suite struct DocumentMetadataAPITests {
    @Test func sourcesAndFiltersBySourceAndDate() throws {
        let session = try makeSession()
        let sources = try session.values("""
            local names = {}
            for _, s in ipairs(corpus:sources()) do names[#names + 1] = s.source .. "=" .. s.docs end
            return table.concat(names, ","), #corpus:filter{source = "the guardian"}, #corpus:filter{after = "2023-06-01"}
            """)
        let corpus = session.corpus
        let withSource = corpus.documents.compactMap(\.source)
        #expect(sources[0].stringValue?.split(separator: ",").count == Set(withSource).count)
        #expect(sources[1].intValue == corpus.documents.filter { $0.source?.lowercased() == "the guardian" }.count)
        #expect(sources[2].intValue == corpus.documents.filter { ($0.date ?? "") >= "2023-06-01" }.count)
        #expect(throws: LuaError.self) { try session.values("return corpus:filter{after = 'June'}") }
    }

    @Test func boilerplateIsKeptWithReasons() throws {
        let session = try makeSession()
        let r = try session.values("""
            local lines, reasons = 0, {}
            for _, d in ipairs(corpus:docs()) do
              for _, b in ipairs(d.boilerplate) do
                lines = lines + 1
                reasons[b.reason] = true
                assert(not d.text:find(b.line, 1, true) or #b.line < 3, "boilerplate still in text: " .. b.line)
              end
            end
            return lines, reasons["related link"] ~= nil
            """)
        #expect((r[0].intValue ?? 0) > 5)
        #expect(r[1].isTruthy)
    }
}
