import Foundation
import Testing

/// Entities and quotation speakers of a split corpus (issue 14), in three passes: the first
/// (scripts/globals.lua, `corpus:entity_evidence()`) tallies what every part's entity evidence
/// says; the second maps it again with the first's sum (`--globals`), so that every part finds
/// its evidence with the whole corpus's; with the second's sum every part names, classifies and
/// counts its entities as the whole corpus does.
@Suite struct SplitEntityTests {
    /// Entities by name and kind with their mentions, and quotations per resolved speaker.
    static let script = """
        return {
          tables = {
            entity = { key = {"name", "kind"}, sum = {"count"}, merge = {"aliases"} },
            speaker = { key = {"speaker"}, sum = {"quotes"} },
          },
          map = function(corpus, emit)
            for _, e in ipairs(corpus:entities()) do
              emit("entity", {name = e.name, kind = e.kind, count = e.count, aliases = e.aliases})
            end
            local quotes = {}
            for _, q in ipairs(corpus:quotes()) do
              local who = q.speaker_name or "(unresolved)"
              quotes[who] = (quotes[who] or 0) + 1
            end
            for who, n in pairs(quotes) do emit("speaker", {speaker = who, quotes = n}) end
          end,
        }
        """

    /// The rows of a split run: `evidencePasses` passes of scripts/globals.lua over `parts`,
    /// each reduced and given to the next (`--globals`), the last one's sum to the script.
    static func split(script: URL, parts: [[String]], in dir: URL, evidencePasses: Int = 2) throws -> String {
        let globalsScript = CLI.projectRoot.appendingPathComponent("scripts/globals.lua")
        var extra: [String] = []
        for pass in 1...evidencePasses {
            let globals = dir.appendingPathComponent("globals-\(parts.count)-\(pass).jsonl")
            try Data(try SplitRunTests.splitRun(script: globalsScript, parts: parts, in: dir, extra: extra).utf8).write(to: globals)
            extra = ["--globals", globals.path]
        }
        return try SplitRunTests.splitRun(script: script, parts: parts, in: dir, extra: extra)
    }

    /// Rows of the entity script by table: key → count.
    static func counts(_ text: String) throws -> [String: Int] {
        var result: [String: Int] = [:]
        for line in text.split(separator: "\n") {
            let row = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            switch row["table"] as? String {
            case "entity": result["entity \(row["name"] ?? "") (\(row["kind"] ?? ""))"] = row["count"] as? Int
            case "speaker": result["speaker \(row["speaker"] ?? "")"] = row["quotes"] as? Int
            default: break
            }
        }
        return result
    }

    /// The entity rows with their aliases (merged over the parts): name and kind → aliases.
    static func aliases(_ text: String) throws -> [String: [String]] {
        var result: [String: [String]] = [:]
        for line in text.split(separator: "\n") {
            let row = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            guard row["table"] as? String == "entity" else { continue }
            result["entity \(row["name"] ?? "") (\(row["kind"] ?? ""))"] = (row["aliases"] as? [String] ?? []).sorted()
        }
        return result
    }

    @Test func seedEntitiesAndSpeakersOnPartsEqualTheWhole() throws {
        let dir = try SplitRunTests.folder("split-entities")
        defer { try? FileManager.default.removeItem(at: dir) }
        let script = dir.appendingPathComponent("entities.lua")
        try Self.script.write(to: script, atomically: true, encoding: .utf8)
        let seeds = CLI.projectRoot.appendingPathComponent("seeds")
        let whole = try Self.counts(try SplitRunTests.splitRun(script: script, parts: [["--corpus", seeds.path]], in: dir))
        #expect(whole.keys.filter { $0.hasPrefix("entity") }.count > 30)
        #expect(whole.keys.filter { $0.hasPrefix("speaker") }.count > 5)
        for n in [2, 4] {
            let parts = try SplitRunTests.seedParts(n, in: dir)
            let split = try Self.counts(try Self.split(script: script, parts: parts, in: dir))
            for key in Set(whole.keys).union(split.keys).sorted() where whole[key] != split[key] {
                Issue.record("\(n) parts: \(key): whole \(whole[key] ?? 0), parts \(split[key] ?? 0)")
            }
        }
    }

    /// Bench articles (real news with headings, wire copy, company names), in 2 and 4 contiguous
    /// parts: every entity row with its count and its aliases, and every speaker's quotations,
    /// as the whole corpus gives them.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: SplitRunTests.benchLines),
                   "needs the bench corpus in JSON lines at /tmp/dossier-bench/formats-1.jsonl (scripts/bench builds it)"))
    func benchEntitiesOnPartsEqualTheWhole() throws {
        let dir = try SplitRunTests.folder("split-bench-entities")
        defer { try? FileManager.default.removeItem(at: dir) }
        let script = dir.appendingPathComponent("entities.lua")
        try Self.script.write(to: script, atomically: true, encoding: .utf8)
        let text = try String(contentsOfFile: SplitRunTests.benchLines, encoding: .utf8)
        let lines = Array(text.split(separator: "\n").enumerated().filter { $0.offset % 12 == 0 }.map(\.element).prefix(Self.benchArticles))
        let wholeFile = dir.appendingPathComponent("whole.jsonl")
        try (lines.joined(separator: "\n") + "\n").write(to: wholeFile, atomically: true, encoding: .utf8)
        let wholeText = try SplitRunTests.splitRun(script: script, parts: [["--input", wholeFile.path]], in: dir)
        let (whole, wholeAliases) = (try Self.counts(wholeText), try Self.aliases(wholeText))
        #expect(whole.keys.filter { $0.hasPrefix("entity") }.count > 1000)
        for n in [2, 4] {
            var parts: [[String]] = []
            for p in 0..<n {  // contiguous slices, in corpus order
                let file = dir.appendingPathComponent("part-\(n)-\(p).jsonl")
                try (lines[(p * lines.count / n)..<((p + 1) * lines.count / n)].joined(separator: "\n") + "\n")
                    .write(to: file, atomically: true, encoding: .utf8)
                parts.append(["--input", file.path])
            }
            let splitText = try Self.split(script: script, parts: parts, in: dir)
            let (split, splitAliases) = (try Self.counts(splitText), try Self.aliases(splitText))
            for key in Set(whole.keys).union(split.keys).sorted() where whole[key] != split[key] {
                Issue.record("\(n) parts: \(key): whole \(whole[key] ?? 0), parts \(split[key] ?? 0)")
            }
            for key in Set(wholeAliases.keys).intersection(splitAliases.keys).sorted() where wholeAliases[key] != splitAliases[key] {
                Issue.record("\(n) parts: \(key): aliases \(wholeAliases[key] ?? []) in the whole, \(splitAliases[key] ?? []) in the parts")
            }
        }
    }

    /// How many bench articles the exact test splits (every 12th of the corpus).
    static let benchArticles = 400
}
