import Foundation
import Testing
@testable import Corpus
@testable import Scripting

@Suite struct LoadingTests {
    @Test func badFilesWarnAndDoNotStopTheLoad() throws {
        let folder = try TemporaryFolder()
        try folder.write("good.txt", "Title\n\nA sentence about Beijing.\n")
        try folder.write("empty.txt", "")
        try folder.write("blank.txt", "  \n\n ")
        try folder.write("binary.txt", bytes: [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01, 0x02])
        try folder.write("latin1.txt", bytes: Array("Caf".utf8) + [0xE9] + Array(" in Paris\n".utf8))
        try folder.write("crlf.txt", "Head\r\n\r\nBody line one.\r\nBody line two.\r\n")
        try folder.write("bom.txt", bytes: [0xEF, 0xBB, 0xBF] + Array("Bom title\n\nText.".utf8))
        var warnings: [String] = []
        let corpus = try CorpusLoader.load(path: folder.url.path)
        warnings = corpus.warnings.map(\.description)
        #expect(corpus.count == 4)
        #expect(warnings.count == 4)
        #expect(warnings.contains { $0.contains("empty.txt") && $0.contains("empty") })
        #expect(warnings.contains { $0.contains("binary.txt") && $0.contains("binary") })
        #expect(warnings.contains { $0.contains("latin1.txt") && $0.contains("line 1") })
        let latin = try corpus.document("latin1")
        #expect(latin.raw.contains("Café"))
        let crlf = try corpus.document("crlf")
        #expect(!crlf.text.contains("\r"))
        #expect(try corpus.document("bom").title == "Bom title")
    }

    @Test func missingCorpusIsAnErrorNamingThePath() {
        do {
            _ = try makeSession(corpus: "/no/such/folder")
            Issue.record("expected an error")
        } catch {
            #expect(String(describing: error).contains("/no/such/folder"))
        }
    }

    @Test func scriptSourceSkipsShebangAndBOMKeepingLines() {
        let source = Array("#!/usr/bin/env dossier run\nprint(1)\n".utf8)
        let cleaned = ScriptSession.scriptSource([0xEF, 0xBB, 0xBF] + source)
        #expect(String(decoding: cleaned, as: UTF8.self) == "\nprint(1)\n")
    }
}
