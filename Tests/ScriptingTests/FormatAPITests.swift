import Corpus
import Foundation
import LuaBridge
import Testing
@testable import Scripting

/// The input's metadata in Lua (`doc.url`, `doc.authors`, `doc.language`, `doc.meta`,
/// `doc.format`) and `dossier.open`'s options.
@Suite struct FormatAPITests {
    static let jsonl = """
        {"id": "r1", "title": "Port reopens", "text": "The port of Gdansk reopened on Monday.", "source": "PAP", "url": "https://pap.pl/1", "authors": ["Anna Nowak"], "language": "pl", "section": "Economy", "pages": 2, "tags": ["ports", "trade"]}
        {"title": "Strike ends", "text": "Dock workers in Gdynia ended their strike.", "source": "Reuters", "date": "2024-02-03"}
        """

    func session(_ folder: TemporaryFolder) throws -> ScriptSession {
        try makeSession(corpus: folder.url.path) { $0.trusted = true }
    }

    @Test func documentFieldsFromTheInput() throws {
        let folder = try TemporaryFolder()
        try folder.write("feed.jsonl", Self.jsonl)
        let s = try session(folder)
        #expect(try s.value("return corpus:doc('r1').url").stringValue == "https://pap.pl/1")
        #expect(try s.value("return corpus:doc('r1').authors[1]").stringValue == "Anna Nowak")
        #expect(try s.value("return #corpus:doc('r1').authors").intValue == 1)
        #expect(try s.value("return corpus:doc('r1').language").stringValue == "pl")
        #expect(try s.value("return corpus:doc('r1').format").stringValue == "jsonl")
        #expect(try s.value("local m = corpus:doc('r1').meta return m.section .. m.pages .. m.tags[2]").stringValue == "Economy2trade")
        #expect(try s.value("return corpus:doc('feed:2').date_from").stringValue == "field")
        #expect(try s.value("local d = corpus:doc('feed:2') return d.title_from .. ',' .. d.source_from").stringValue == "field,field")
        #expect(try s.value("return corpus:doc('feed:2').language").type == .nil)
        #expect(try s.value("return #corpus:filter{source = 'PAP'}").intValue == 1)
        #expect(try s.value("local t = {} for _, r in ipairs(corpus:sources()) do t[#t + 1] = r.source end table.sort(t) return table.concat(t, ',')").stringValue == "PAP,Reuters")
    }

    @Test func openTakesFormatFieldsRecursiveAndPattern() throws {
        let folder = try TemporaryFolder()
        try folder.write("export.dat", "{\"article_body\": \"Floods in Porto Alegre.\", \"pub\": \"2024-05-06\"}\n")
        try folder.write("other.jsonl", Self.jsonl)
        let s = try session(folder)
        let path = folder.url.path
        let code = "local c = dossier.open('\(path)', {format = 'jsonl', pattern = '*.dat', recursive = false, fields = {text = 'article_body', date = 'pub'}}) "
            + "local d = c:docs()[1] return #c .. ' ' .. d.id .. ' ' .. d.date .. ' ' .. d.text"
        #expect(try s.value(code).stringValue == "1 export:1 2024-05-06 Floods in Porto Alegre.")
        for (opts, message) in [("{formt = 'csv'}", "unknown option 'formt' (dossier.open takes format, fields, recursive, pattern, annotate)"),
                                ("{annotate = 1}", "annotate must be true or false"),
                                ("{format = 'xml'}", "unknown format 'xml' (use txt, jsonl, json, csv, tsv, html, warc)"),
                                ("{fields = {txt = 'a'}}", "unknown field 'txt' (use id, title, text, date, source, url, authors, language)"),
                                ("{recursive = 'yes'}", "recursive must be true or false")] {
            #expect(throws: (any Error).self) { try s.values("dossier.open('\(path)', \(opts))") }
            do { try s.values("dossier.open('\(path)', \(opts))") } catch {
                #expect(String(describing: error).contains(message))
            }
        }
    }

    @Test func openWithAnnotateStoresWhatTheSessionComputesTrustedOnly() throws {
        let folder = try TemporaryFolder()
        try folder.write("feed.jsonl", Self.jsonl)
        let store = try TemporaryFolder()
        let archive = store.url.path + "/feed.dossier"
        try DossierArchive.write(try CorpusLoader.load(path: folder.url.path + "/feed.jsonl"), to: archive, sources: ["feed.jsonl"])
        let s = try session(folder)
        #expect(try s.value("return #dossier.open('\(archive)', {annotate = true}):entities()").intValue ?? 0 > 0)
        #expect(try DossierArchive.info(archive).analyses.map(\.part) == ["entities"])
        // A script that may be untrusted cannot make a reader write.
        let sandboxed = try makeSession(corpus: folder.url.path)
        do {
            try sandboxed.values("dossier.open('\(archive)', {annotate = true})")
            Issue.record("expected a refusal")
        } catch {
            #expect(String(describing: error).contains("only a trusted script"))
        }
    }

    @Test func openOutsideTheSandboxStaysRefused() throws {
        let s = try makeSession()
        do {
            try s.values("dossier.open('/etc', {format = 'txt'})")
            Issue.record("expected a refusal")
        } catch {
            #expect(String(describing: error).contains("dossier.open"))
        }
    }
}
