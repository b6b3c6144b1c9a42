import Foundation
import Testing

/// The bundled library plugins: their own tests pass, and they work from the REPL and eval.
@Suite struct LibraryPluginTests {
    @Test(arguments: ["newsroom", "codebook"])
    func pluginTestsPass(name: String) throws {
        let r = try LibraryRun().dossier(["plugin", "test"], [name])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        let last = r.stdout.split(separator: "\n").last.map(String.init) ?? ""
        #expect(last.hasSuffix(" passed, 0 failed"), "\(last)")
        let passed = Int(last.split(separator: " ").first ?? "") ?? 0
        #expect(passed >= 10, "\(last)")
        #expect(!r.stdout.contains("✗"))
    }

    @Test func listShowsTheBundledLibrary() throws {
        let r = try LibraryRun().dossier(["plugin", "list"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("codebook  1.0.0    bundled"))
        #expect(r.stdout.contains("newsroom  1.0.0    bundled"))
    }

    @Test func infoNamesTheCodebookExtensionPoints() throws {
        let r = try LibraryRun().dossier(["plugin", "info"], ["codebook"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains(":codebook"))
        #expect(r.stdout.contains("codebook.docs, codebook.sentences"))
        #expect(r.stdout.contains("report sections: codebook"))
    }

    @Test func codebookTagsAsManyTaiwanSentencesAsContainTheWord() throws {
        let code = """
            local tags = require("codebook").tag(corpus, "Taiwan")
            local n = 0
            for _, doc in ipairs(corpus:docs()) do
              for _, s in ipairs(doc:sentences()) do if s.text:find("Taiwan", 1, true) then n = n + 1 end end
            end
            return #tags, n
            """
        let r = try LibraryRun().dossier(["eval"], [code])
        #expect(r.status == 0, "\(r.stderr)")
        let numbers = r.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\t")
        #expect(numbers.count == 2)
        #expect(numbers.first == numbers.last, "\(r.stdout)")
        #expect(numbers.first != "0")
    }

    @Test func replCommandsOfBothPlugins() throws {
        let input = ":codebook\n:codebook human rights\n:who Ward --full\n:network Qin\n:codebook nope\nprint('still here')\n"
        let r = try LibraryRun().dossier(["repl"], ["--plugin", "newsroom", "--plugin", "codebook"], input: input)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("military talks"))
        #expect(r.stdout.contains("Jonathan Ward — author of The Decisive Decade"))
        #expect(r.stdout.contains("2 quotations (2 full, 0 partial)"))
        #expect(r.stdout.contains("Qin Gang (person, 7 mentions) is named with"))
        #expect(r.stderr.contains("unknown topic 'nope'"))
        #expect(r.stdout.hasSuffix("still here\n"))
    }

    @Test func reportSectionsAreRegistered() throws {
        let code = "local names = {} for _, s in ipairs(dossier.report_sections()) do names[#names + 1] = s.plugin .. '.' .. s.name end table.sort(names) return table.concat(names, ' ')"
        let r = try LibraryRun().dossier(["eval"], [code, "--plugin", "newsroom", "--plugin", "codebook"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "codebook.codebook newsroom.network newsroom.outlets newsroom.quotes newsroom.timeline\n")
    }
}
