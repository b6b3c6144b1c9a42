import Foundation
import Testing

/// `--corpus -`: articles piped in as JSON lines (or another format with `--format`).
@Suite struct StandardInputCorpusTests {
    let lines = """
        {"id": "a1", "title": "Port strike ends", "source": "Harbour Times", "date": "2024-03-05", "text": "Dock workers voted on Tuesday to accept a new pay offer, ending a nine-day strike."}
        not json
        {"title": "Ferries resume", "source": "Coast News", "text": "Ferry services resumed on Wednesday after the strike ended."}

        """

    @Test func jsonLinesFromStandardInputLoadWithTheirFieldsAndLineIds() throws {
        let r = try CLI.run(["eval", "--corpus", "-",
                             "local out = {} for _, d in ipairs(corpus:docs()) do out[#out + 1] = d.id .. '|' .. d.source .. '|' .. d.format end return table.concat(out, ' ')"],
                            input: lines)
        #expect(r.status == 0)
        #expect(r.stdout == "a1|Harbour Times|jsonl stdin:3|Coast News|jsonl\n")
        #expect(r.stderr.contains("stdin.jsonl, line 2"))
    }

    @Test func aDocumentReadsItsRawRecordBackFromTheSpool() throws {
        let r = try CLI.run(["eval", "--corpus", "-", "return corpus:docs()[2].raw"], input: lines)
        #expect(r.status == 0)
        #expect(r.stdout.contains("\"Ferries resume\""))
        #expect(!r.stdout.contains("Port strike"))
    }

    @Test func formatChoosesTheReaderForStandardInput() throws {
        let csv = "title,text\nOne,\"First story, with a comma.\"\nTwo,Second story.\n"
        let r = try CLI.run(["eval", "--corpus", "-", "--format", "csv", "return #corpus, corpus:docs()[1].title"], input: csv)
        #expect(r.status == 0)
        #expect(r.stdout == "2\tOne\n")
    }

    @Test func emptyStandardInputIsAClearError() throws {
        let r = try CLI.run(["eval", "--corpus", "-", "return #corpus"], input: "")
        #expect(r.status != 0)
        #expect(r.stderr.contains("standard input is empty"), "\(r.stderr)")
        #expect(!r.stderr.contains("dossier-stdin"), "the error names the spool file: \(r.stderr)")
        let map = try CLI.run(["map", CLI.projectRoot.appendingPathComponent("scripts/split_analysis.lua").path], input: "")
        #expect(map.status != 0)
        #expect(map.stderr.contains("standard input is empty"), "\(map.stderr)")
    }

    @Test func mapOptionsAfterTheScriptAreRefusedNotPassedOn() throws {
        let script = CLI.projectRoot.appendingPathComponent("scripts/split_analysis.lua").path
        let r = try CLI.run(["map", script, "--input", "/tmp/articles.jsonl"], input: "")
        #expect(r.status != 0)
        #expect(r.stderr.contains("--input comes after the script"), "\(r.stderr)")
    }
}

/// `dossier run /dev/stdin` (or `-`): the script piped in.
@Suite struct StandardInputScriptTests {
    @Test func aScriptReadFromStandardInputRuns() throws {
        for path in ["/dev/stdin", "-"] {
            let r = try CLI.run(["run", path, "x"], input: "print(#corpus > 0, ...)\n")
            #expect(r.status == 0, "\(path): \(r.stderr)")
            #expect(r.stdout == "true\tx\n", "\(path)")
        }
    }

    @Test func scriptAndCorpusCannotBothReadStandardInput() throws {
        let r = try CLI.run(["run", "--corpus", "-", "/dev/stdin"], input: "print(1)\n")
        #expect(r.status != 0)
        #expect(r.stderr.contains("both read standard input"))
    }

    @Test func anUnreadableScriptSaysWhy() throws {
        let missing = try CLI.run(["run", "/nonexistent/script.lua"])
        #expect(missing.stderr.contains("/nonexistent/script.lua: no such file"))
        let folder = try CLI.run(["run", "/tmp"])
        #expect(folder.stderr.contains("/tmp: a folder, not a script"))
    }
}
