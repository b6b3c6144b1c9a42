import Foundation
import Testing

/// Near-duplicates across the parts of a split corpus (issue 14): every part sketches its
/// documents (`corpus:duplicate_sketches()`), and reducing a `near_duplicates` table bands all the
/// sketches and verifies the candidates, giving the pairs `corpus:duplicates()` finds on the whole
/// corpus, however the corpus was split.
@Suite struct SplitDuplicateTests {
    /// The map script: sketches in, pairs out at reduce; the whole corpus's own pairs beside them
    /// (`whole`, emitted only when the script's argument asks, on the unsplit corpus).
    static func script(measure: String, threshold: Double) -> String {
        """
        return {
          tables = {
            near = { key = {"doc"}, first = {"sketch"}, near_duplicates = { threshold = \(threshold), measure = "\(measure)" } },
            whole = { key = {"a", "b"}, first = {"similarity", "jaccard", "containment"} },
          },
          map = function(corpus, emit)
            for _, row in ipairs(corpus:duplicate_sketches()) do emit("near", row) end
            if arg[1] == "whole" then
              for _, p in ipairs(corpus:duplicates{threshold = \(threshold), measure = "\(measure)", passages = 0}) do
                emit("whole", {a = p.a, b = p.b, similarity = p.similarity, jaccard = p.jaccard, containment = p.containment})
              end
            end
          end,
        }
        """
    }

    /// A JSON line of an article.
    static func line(_ id: String, _ text: String) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: ["id": id, "text": text], options: [.sortedKeys]), as: UTF8.self)
    }

    /// `text` with every `n`th sentence left out (a lightly edited copy).
    static func edited(_ text: String, every n: Int) -> String {
        text.components(separatedBy: ". ").enumerated().filter { $0.offset % n != n - 1 }.map(\.element).joined(separator: ". ")
    }

    /// The pairs of rows of `table` as "a b similarity jaccard containment", sorted.
    static func pairs(_ output: String, table: String) throws -> [String] {
        try output.split(separator: "\n").compactMap { line -> String? in
            let row = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            guard row["table"] as? String == table else { return nil }
            let numbers = ["similarity", "jaccard", "containment"].map { "\(row[$0] as? Double ?? -1)" }
            return ([row["a"] as? String ?? "?", row["b"] as? String ?? "?"] + numbers).joined(separator: " ")
        }.sorted()
    }

    /// Splits `lines` into 2 and 4 contiguous parts and checks that the reduced sketches give the
    /// whole corpus's pairs, for Jaccard and for containment. Returns the whole corpus's pairs.
    @discardableResult
    static func check(_ lines: [String], in dir: URL, expectAtLeast minimum: Int) throws -> [String: [String]] {
        let wholeFile = dir.appendingPathComponent("whole.jsonl")
        try (lines.joined(separator: "\n") + "\n").write(to: wholeFile, atomically: true, encoding: .utf8)
        var found: [String: [String]] = [:]
        for (measure, threshold) in [("jaccard", 0.5), ("containment", 0.6)] {
            let script = dir.appendingPathComponent("near-\(measure).lua")
            try Self.script(measure: measure, threshold: threshold).write(to: script, atomically: true, encoding: .utf8)
            let map = try CLI.run(["map", "--quiet", "--input", wholeFile.path, script.path, "whole"])
            #expect(map.status == 0, "\(map.stderr)")
            let rows = dir.appendingPathComponent("whole-\(measure).jsonl")
            try Data(map.stdout.utf8).write(to: rows)
            let reduced = try CLI.run(["reduce", script.path, rows.path])
            #expect(reduced.status == 0, "\(reduced.stderr)")
            let whole = try pairs(reduced.stdout, table: "whole")
            #expect(whole.count >= minimum, "\(measure): \(whole)")
            #expect(try pairs(reduced.stdout, table: "near") == whole, "\(measure): the unsplit corpus's sketches")
            found[measure] = whole
            for n in [2, 4] {
                var parts: [[String]] = []
                for p in 0..<n {
                    let file = dir.appendingPathComponent("part-\(measure)-\(n)-\(p).jsonl")
                    let mine = lines.enumerated().filter { $0.offset * n / lines.count == p }.map(\.element)
                    try (mine.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
                    parts.append(["--input", file.path])
                }
                let split = try SplitRunTests.splitRun(script: script, parts: parts, in: dir)
                #expect(try pairs(split, table: "near") == whole, "\(measure), \(n) parts")
            }
        }
        return found
    }

    @Test func seedsWithPlantedCopiesInOtherPartsGiveTheWholeCorpusPairs() throws {
        let dir = try SplitRunTests.folder("split-duplicates-seeds")
        defer { try? FileManager.default.removeItem(at: dir) }
        let seeds = CLI.projectRoot.appendingPathComponent("seeds")
        let files = try SplitRunTests.seedFiles()
        let texts = try files.map { try String(contentsOf: seeds.appendingPathComponent($0), encoding: .utf8) }
        #expect(texts.count == 5)
        // Copies planted far from their originals: an exact copy, a lightly edited one, and the
        // first third of an article (inside the original: containment, not Jaccard).
        let third = texts[1].prefix(texts[1].count / 3)
        var lines = [try Self.line("copy-of-4", texts[4])]
        lines += try texts.enumerated().map { try Self.line("seed-\($0.offset)", $0.element) }
        lines += [try Self.line("edited-0", Self.edited(texts[0], every: 6)), try Self.line("third-of-1", String(third))]
        let found = try Self.check(lines, in: dir, expectAtLeast: 2)
        #expect(found["jaccard"]?.contains { $0.hasPrefix("copy-of-4 seed-4 1.0") } == true, "\(found)")
        #expect(found["containment"]?.contains { $0.hasPrefix("seed-1 third-of-1") } == true, "\(found)")
        #expect(found["jaccard"]?.contains { $0.hasPrefix("seed-1 third-of-1") } == false)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: SplitRunTests.benchLines),
                   "needs the bench corpus in JSON lines at /tmp/dossier-bench/formats-1.jsonl (scripts/bench builds it)"))
    func benchArticlesWithPlantedCopiesGiveTheWholeCorpusPairs() throws {
        let dir = try SplitRunTests.folder("split-duplicates-bench")
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = try String(contentsOfFile: SplitRunTests.benchLines, encoding: .utf8)
        var lines = Array(text.split(separator: "\n").enumerated().filter { $0.offset % 40 == 0 }.map { String($0.element) }.prefix(300))
        #expect(lines.count == 300)
        // Every 30th article again near the far end, lightly edited.
        for i in stride(from: 0, to: 150, by: 30) {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(lines[i].utf8)) as? [String: Any])
            let body = try #require(object["text"] as? String)
            lines.insert(try Self.line("planted-\(i)", Self.edited(body, every: 8)), at: 300 - i / 3)
        }
        try Self.check(lines, in: dir, expectAtLeast: 5)
    }
}
