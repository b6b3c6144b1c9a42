import Foundation
import Testing

/// What scores against the whole corpus on a part of a split corpus (issue 14): with `--globals`
/// (the reduced first pass, scripts/globals.lua) search ranks a part's documents with the whole
/// corpus's N, document frequencies and average length, keyness compares a part's documents with
/// the rest of the whole corpus, and collocations count against the whole corpus's frequencies,
/// so the parts reduce to what one machine gives for the whole.
@Suite struct SplitScoringTests {
    /// Queries of every shape ranking handles: a term, ORs (block-max MaxScore), a prefix, AND,
    /// NOT, and phrases: those named to the first pass (`phrases`, scripts/globals.lua's
    /// arguments), whose whole-corpus document frequency it counts.
    static let queries = ["china", "taiwan OR fentanyl OR police", "diplomat*", "blinken beijing", "china -balloon",
                          "xi OR qin OR wang OR government OR minister", "police court", "australia* OR rain",
                          #""the united states""#, #""according to" OR police"#, #"china AND "the world""#, #""the first""#]
    static let phrases = ["the united states", "according to", "the world", "the first"]
    static let nodes = ["china", "said", "police"]
    static let k = 3

    /// `arg[1]`: the part's name; the other arguments: the ids of the documents keyness compares
    /// with the rest of the corpus (on a part with globals: all of its own).
    static let script = """
        local part = arg[1]
        local ids = {}
        for i = 2, #arg do ids[arg[i]] = true end
        local queries = {\(queries.map { "[[\($0)]]" }.joined(separator: ", "))}
        local nodes = {\(nodes.map { "\"\($0)\"" }.joined(separator: ", "))}
        return {
          tables = {
            search = { key = {"part", "query", "doc"}, first = {"score", "pos"} },
            keyness = { key = {"part", "term"}, first = {"score", "count", "ref_count"} },
            colloc = { key = {"part", "node", "term"}, first = {"score", "count"} },
          },
          map = function(corpus, emit)
            local pos = {}
            for i, doc in ipairs(corpus:docs()) do pos[doc.id] = i end
            for _, q in ipairs(queries) do
              for _, h in ipairs(corpus:search(q, {limit = \(k), snippets = false})) do
                emit("search", {part = part, query = q, doc = h.doc.id, score = h.score, pos = pos[h.doc.id]})
              end
            end
            -- Without globals a part's own documents have no rest to be compared with (an error).
            local sub = corpus:filter(function(doc) return ids[doc.id] end)
            local ok, rows = pcall(sub.keyness, sub, corpus, {top = false, min = 1})
            for _, r in ipairs(ok and rows or {}) do
              emit("keyness", {part = part, term = r.term, score = r.score, count = r.count, ref_count = r.ref_count})
            end
            for _, node in ipairs(nodes) do
              for _, r in ipairs(corpus:collocations(node, {min = 1, top = false})) do
                emit("colloc", {part = part, node = node, term = r.term, score = r.score, count = r.count})
              end
            end
          end,
        }
        """

    struct Row {
        var table: String
        var part: String
        var fields: [String: Any]
        func number(_ name: String) -> Double { (fields[name] as? NSNumber)?.doubleValue ?? .nan }
        func text(_ name: String) -> String { fields[name] as? String ?? "" }
    }

    static func rows(_ text: String) throws -> [Row] {
        try text.split(separator: "\n").map { line in
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            return Row(table: object["table"] as? String ?? "", part: object["part"] as? String ?? "", fields: object)
        }
    }

    static func map(_ corpus: [String], script: URL, part: String, ids: [String], extra: [String] = []) throws -> [Row] {
        let r = try CLI.run(["map", "--quiet"] + corpus + extra + [script.path, part] + ids)
        #expect(r.status == 0, "map of \(part): \(r.stderr)")
        return try rows(r.stdout)
    }

    /// The ids of a corpus's documents in order.
    static func ids(_ corpus: [String], in dir: URL) throws -> [String] {
        let script = dir.appendingPathComponent("ids.lua")
        try """
            return { tables = { id = { key = {"pos"}, first = {"id"} } },
                     map = function(corpus, emit) for i, d in ipairs(corpus:docs()) do emit("id", {pos = i, id = d.id}) end end }
            """.write(to: script, atomically: true, encoding: .utf8)
        let r = try CLI.run(["map", "--quiet"] + corpus + [script.path])
        #expect(r.status == 0, "\(r.stderr)")
        return try rows(r.stdout).sorted { $0.number("pos") < $1.number("pos") }.map { $0.text("id") }
    }

    /// Checks that `parts` (contiguous slices of `whole`, in order) give the whole corpus's search
    /// top k, keyness and collocations with `--globals`, and that they do not without.
    static func check(whole: [String], parts: [[String]], in dir: URL) throws {
        let script = dir.appendingPathComponent("scoring.lua")
        try Self.script.write(to: script, atomically: true, encoding: .utf8)
        let partIDs = try parts.map { try ids($0, in: dir) }
        let globalsScript = CLI.projectRoot.appendingPathComponent("scripts/globals.lua")
        let globals = dir.appendingPathComponent("globals-\(parts.count).jsonl")
        try Data(try SplitRunTests.splitRun(script: globalsScript, parts: parts, in: dir, arguments: phrases).utf8).write(to: globals)

        var wholeRows: [Row] = []
        var partRows: [Row] = []
        var naiveRows: [Row] = []
        for (p, part) in parts.enumerated() {
            // The whole corpus, with this part's documents as keyness's target.
            wholeRows += try map(whole, script: script, part: "\(p)", ids: partIDs[p])
            partRows += try map(part, script: script, part: "\(p)", ids: partIDs[p], extra: ["--globals", globals.path])
            naiveRows += try map(part, script: script, part: "\(p)", ids: partIDs[p])
        }

        // Search: the best k of the parts' best k are the whole corpus's best k, scores and all.
        func merged(_ rows: [Row]) -> [String: [(doc: String, score: Double)]] {
            var byQuery: [String: [(doc: String, score: Double, order: (Int, Double))]] = [:]
            for r in rows where r.table == "search" {
                byQuery[r.text("query"), default: []].append((r.text("doc"), r.number("score"), (Int(r.part) ?? 0, r.number("pos"))))
            }
            return byQuery.mapValues { hits in
                Array(hits.sorted { $0.score != $1.score ? $0.score > $1.score : $0.order < $1.order }.prefix(k)).map { ($0.doc, $0.score) }
            }
        }
        // The whole corpus's rows repeat once per part (keyness's target changes): take part 0's.
        let wholeSearch = merged(wholeRows.filter { $0.part == "0" }.map { var r = $0; r.part = "0"; return r })
        let partSearch = merged(partRows)
        #expect(wholeSearch.values.reduce(0) { $0 + $1.count } >= 8, "the queries find documents")
        #expect(Set(wholeSearch.keys) == Set(partSearch.keys))
        for query in queries where query.contains("\"") && !query.contains("china AND") {
            #expect(wholeSearch[query]?.isEmpty == false, "\(query) finds documents")
        }
        for (query, hits) in wholeSearch {
            let mine = partSearch[query] ?? []
            #expect(mine.map(\.doc) == hits.map(\.doc), "\(parts.count) parts, top \(k) of \(query)")
            for (a, b) in zip(mine, hits) { #expect(abs(a.score - b.score) <= 1e-9, "\(query): \(a.doc) \(a.score) vs \(b.score)") }
        }
        let naiveSearch = merged(naiveRows)
        #expect(wholeSearch.contains { query, hits in
            zip(naiveSearch[query] ?? [], hits).contains { abs($0.score - $1.score) > 1e-9 }
        }, "each part's own statistics rank differently")

        // Keyness of each part's documents against the rest of the whole corpus.
        func keyness(_ rows: [Row]) -> [String: [String]] {
            var result: [String: [String]] = [:]
            for r in rows where r.table == "keyness" {
                result[r.part, default: []].append("\(r.text("term")) \(r.number("score")) \(r.number("count")) \(r.number("ref_count"))")
            }
            return result.mapValues { $0.sorted() }
        }
        let wholeKeyness = keyness(wholeRows)
        #expect(wholeKeyness.count == parts.count)
        #expect(keyness(partRows) == wholeKeyness, "\(parts.count) parts: keyness")
        #expect(keyness(naiveRows) != wholeKeyness)

        // Collocations: O adds up over the parts to the whole's; f and N are the whole's, so a
        // collocate met in one part only scores there as in the whole corpus.
        var wholeColloc: [String: (count: Double, score: Double)] = [:]
        for r in wholeRows where r.table == "colloc" && r.part == "0" {
            wholeColloc[r.text("node") + " " + r.text("term")] = (r.number("count"), r.number("score"))
        }
        #expect(wholeColloc.count > 20)
        var sums: [String: Double] = [:]
        var seen: [String: [Double]] = [:]
        for r in partRows where r.table == "colloc" {
            let key = r.text("node") + " " + r.text("term")
            sums[key, default: 0] += r.number("count")
            seen[key, default: []].append(r.number("score"))
        }
        #expect(sums == wholeColloc.mapValues(\.count), "\(parts.count) parts: collocation counts")
        var single = 0
        for (key, scores) in seen where scores.count == 1 {
            guard let w = wholeColloc[key] else { continue }
            single += 1
            #expect(abs(scores[0] - w.score) <= 1e-9 * max(1, abs(w.score)), "\(key): \(scores[0]) vs \(w.score)")
        }
        #expect(single > 10)
    }

    @Test func seedsInTwoAndFourPartsScoreAsTheWholeWithGlobals() throws {
        let dir = try SplitRunTests.folder("split-scoring-seeds")
        defer { try? FileManager.default.removeItem(at: dir) }
        let whole = ["--corpus", CLI.projectRoot.appendingPathComponent("seeds").path]
        for n in [2, 4] { try Self.check(whole: whole, parts: try SplitRunTests.seedParts(n, in: dir, dealing: .contiguous), in: dir) }
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: SplitRunTests.benchLines),
                   "needs the bench corpus in JSON lines at /tmp/dossier-bench/formats-1.jsonl (scripts/bench builds it)"))
    func benchArticlesInTwoAndFourPartsScoreAsTheWholeWithGlobals() throws {
        let dir = try SplitRunTests.folder("split-scoring-bench")
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = try String(contentsOfFile: SplitRunTests.benchLines, encoding: .utf8)
        let lines = Array(text.split(separator: "\n").enumerated().filter { $0.offset % 40 == 0 }.map(\.element).prefix(300))
        #expect(lines.count == 300)
        let wholeFile = dir.appendingPathComponent("whole.jsonl")
        try (lines.joined(separator: "\n") + "\n").write(to: wholeFile, atomically: true, encoding: .utf8)
        for n in [2, 4] {
            let parts = try (0..<n).map { p -> [String] in
                let file = dir.appendingPathComponent("part-\(n)-\(p).jsonl")
                let mine = lines.enumerated().filter { $0.offset * n / lines.count == p }.map(\.element)
                try (mine.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
                return ["--input", file.path]
            }
            try Self.check(whole: ["--input", wholeFile.path], parts: parts, in: dir)
        }
    }
}
