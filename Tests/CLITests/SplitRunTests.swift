import Foundation
import Testing

/// `dossier map` over the parts of a split corpus, then `dossier reduce`, gives what the whole
/// corpus gives on one machine (issue 14): term frequencies, n-grams, and (with `--globals`)
/// quotations per speaker; and the rows carry any string.
@Suite struct SplitRunTests {
    /// The analysis every split test runs: frequencies with document counts, bigrams and trigrams.
    static let script = """
        return {
          tables = {
            freq = { key = {"term"}, sum = {"count", "docs"} },
            bigram = { key = {"ngram"}, sum = {"count", "docs"} },
            trigram = { key = {"ngram"}, sum = {"count", "docs"} },
            size = { key = {}, sum = {"docs", "words"}, max = {"longest"}, min = {"shortest"} },
          },
          map = function(corpus, emit)
            for _, r in ipairs(corpus:frequencies{top = false}) do emit("freq", r) end
            for _, r in ipairs(corpus:ngrams(2, {top = false, min = 1})) do emit("bigram", r) end
            for _, r in ipairs(corpus:ngrams(3, {top = false, min = 1})) do emit("trigram", r) end
            local words = corpus:docs():pluck("words")
            emit("size", {docs = #corpus, words = corpus.words,
                          longest = words:sort()[#words], shortest = words:sort()[1]})
          end,
        }
        """

    /// A fresh temporary folder, removed by the caller.
    static func folder(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The rows of JSON-lines output, each as its JSON text re-encoded with sorted keys, sorted:
    /// two outputs are equal when they hold the same rows.
    static func rowSet(_ text: String) throws -> [String] {
        try text.split(separator: "\n").map { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
            return String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
        }.sorted()
    }

    /// How a split test deals the seed files into parts.
    enum Dealing {
        /// File i goes to part i mod n (every part gets a mix).
        case roundRobin
        /// Files in name order, cut into n runs.
        case contiguous
    }

    /// The seeds' `.txt` files in name order.
    static func seedFiles() throws -> [String] {
        let seeds = CLI.projectRoot.appendingPathComponent("seeds")
        return try FileManager.default.contentsOfDirectory(atPath: seeds.path).filter { $0.hasSuffix(".txt") }.sorted()
    }

    /// The seeds dealt into `n` part folders under `dir` (`part-N-P`), each given as the
    /// `--corpus` arguments of its map.
    static func seedParts(_ n: Int, in dir: URL, dealing: Dealing = .roundRobin) throws -> [[String]] {
        let seeds = CLI.projectRoot.appendingPathComponent("seeds")
        let files = try seedFiles()
        return try (0..<n).map { p in
            let part = dir.appendingPathComponent("part-\(n)-\(p)")
            try FileManager.default.createDirectory(at: part, withIntermediateDirectories: true)
            for (i, file) in files.enumerated() {
                let owner = dealing == .roundRobin ? i % n : i * n / files.count
                guard owner == p else { continue }
                try FileManager.default.copyItem(at: seeds.appendingPathComponent(file), to: part.appendingPathComponent(file))
            }
            return ["--corpus", part.path]
        }
    }

    /// Maps each of `parts` (paths given to `--corpus`, or `--input` files) and reduces the rows.
    static func splitRun(script: URL, parts: [[String]], in dir: URL, extra: [String] = [],
                         arguments: [String] = []) throws -> String {
        var rowFiles: [String] = []
        for (i, part) in parts.enumerated() {
            let r = try CLI.run(["map", "--quiet"] + part + extra + [script.path] + arguments)
            #expect(r.status == 0, "map of part \(i): \(r.stderr)")
            let rows = dir.appendingPathComponent("rows-\(parts.count)-\(i).jsonl")
            try Data(r.stdout.utf8).write(to: rows)
            rowFiles.append(rows.path)
        }
        let r = try CLI.run(["reduce", script.path] + rowFiles)
        #expect(r.status == 0, "reduce: \(r.stderr)")
        return r.stdout
    }

    @Test func seedsSplitInTwoAndFourReduceToTheWholeCorpusResult() throws {
        let dir = try Self.folder("split-seeds")
        defer { try? FileManager.default.removeItem(at: dir) }
        let script = dir.appendingPathComponent("freq.lua")
        try Self.script.write(to: script, atomically: true, encoding: .utf8)
        let seeds = CLI.projectRoot.appendingPathComponent("seeds")
        let files = try Self.seedFiles()
        #expect(files.count >= 4)

        let whole = try Self.splitRun(script: script, parts: [["--corpus", seeds.path]], in: dir)
        let wholeRows = try Self.rowSet(whole)
        #expect(wholeRows.count > 1000)
        for n in [2, 4] {
            let parts = try Self.seedParts(n, in: dir)
            let split = try Self.splitRun(script: script, parts: parts, in: dir)
            #expect(try Self.rowSet(split) == wholeRows, "\(n) parts")
        }

        // The whole-corpus map is `dossier run`'s answer: the same frequencies, printed by a script.
        let run = dir.appendingPathComponent("print.lua")
        try """
            for _, r in ipairs(corpus:frequencies{top = false}) do print(r.term .. "\\t" .. r.count .. "\\t" .. r.docs) end
            """.write(to: run, atomically: true, encoding: .utf8)
        let r = try CLI.run(["run", "--corpus", seeds.path, run.path])
        #expect(r.status == 0, "\(r.stderr)")
        let fromRun = r.stdout.split(separator: "\n").map(String.init).sorted()
        let fromReduce = try whole.split(separator: "\n").compactMap { line -> String? in
            guard let row = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  row["table"] as? String == "freq", let term = row["term"] as? String,
                  let count = row["count"] as? Int, let docs = row["docs"] as? Int else { return nil }
            return "\(term)\t\(count)\t\(docs)"
        }.sorted()
        #expect(fromRun.count > 500)
        #expect(fromReduce == fromRun)
    }

    /// A few thousand bench articles (JSON lines), split in 2 and 4 files and mapped with `--input`.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: SplitRunTests.benchLines),
                   "needs the bench corpus in JSON lines at /tmp/dossier-bench/formats-1.jsonl (scripts/bench builds it)"))
    func benchArticlesSplitInTwoAndFourReduceToTheWholeCorpusResult() throws {
        let dir = try Self.folder("split-bench")
        defer { try? FileManager.default.removeItem(at: dir) }
        let script = dir.appendingPathComponent("freq.lua")
        // Frequencies only (n-grams are checked on the seeds): a debug build reduces ~10k rows a second.
        try """
            return { tables = { freq = { key = {"term"}, sum = {"count", "docs"} } },
                     map = function(corpus, emit) for _, r in ipairs(corpus:frequencies{top = false}) do emit("freq", r) end end }
            """.write(to: script, atomically: true, encoding: .utf8)
        let text = try String(contentsOfFile: Self.benchLines, encoding: .utf8)
        let lines = text.split(separator: "\n").enumerated().filter { $0.offset % 6 == 0 }.map(\.element).prefix(2000)
        #expect(lines.count == 2000)
        let wholeFile = dir.appendingPathComponent("whole.jsonl")
        try (lines.joined(separator: "\n") + "\n").write(to: wholeFile, atomically: true, encoding: .utf8)
        let whole = try Self.rowSet(try Self.splitRun(script: script, parts: [["--input", wholeFile.path]], in: dir))
        #expect(whole.count > 5_000)
        for n in [2, 4] {
            var parts: [[String]] = []
            for p in 0..<n {
                let file = dir.appendingPathComponent("part-\(n)-\(p).jsonl")
                let mine = lines.enumerated().filter { $0.offset % n == p }.map(\.element)
                try (mine.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
                parts.append(["--input", file.path])
            }
            #expect(try Self.rowSet(try Self.splitRun(script: script, parts: parts, in: dir)) == whole, "\(n) parts")
        }
    }

    static let benchLines = "/tmp/dossier-bench/formats-1.jsonl"

    /// tf-idf keywords depend on the whole corpus's document frequencies: split naively they
    /// differ; with `--globals` from the first pass (scripts/globals.lua) they are the same.
    @Test func keywordsOnPartsEqualTheWholeWithGlobals() throws {
        let dir = try Self.folder("split-keywords")
        defer { try? FileManager.default.removeItem(at: dir) }
        let script = dir.appendingPathComponent("keywords.lua")
        try """
            return { tables = { keywords = { key = {"doc", "term"}, first = {"score", "count"} } },
                     map = function(corpus, emit)
                       for _, doc in ipairs(corpus:docs()) do
                         for _, k in ipairs(doc:keywords{top = 8}) do emit("keywords", {doc = doc.id, term = k.term, score = k.score, count = k.count}) end
                       end
                     end }
            """.write(to: script, atomically: true, encoding: .utf8)
        let globalsScript = CLI.projectRoot.appendingPathComponent("scripts/globals.lua")
        let seeds = CLI.projectRoot.appendingPathComponent("seeds")
        let whole = try Self.rowSet(try Self.splitRun(script: script, parts: [["--corpus", seeds.path]], in: dir))
        #expect(whole.count >= 30)
        let parts = try Self.seedParts(2, in: dir)
        let naive = try Self.rowSet(try Self.splitRun(script: script, parts: parts, in: dir))
        #expect(naive != whole)
        let globals = dir.appendingPathComponent("globals.jsonl")
        try Data(try Self.splitRun(script: globalsScript, parts: parts, in: dir).utf8).write(to: globals)
        let twoPhase = try Self.rowSet(try Self.splitRun(script: script, parts: parts, in: dir, extra: ["--globals", globals.path]))
        #expect(twoPhase == whole)

        let bad = dir.appendingPathComponent("bad.jsonl")
        try "{\"table\":\"df\",\"term\":\"x\",\"docs\":1}\n".write(to: bad, atomically: true, encoding: .utf8)
        let r = try CLI.run(["map", "--corpus", seeds.path, "--globals", bad.path, script.path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("no {\"table\": \"globals\""))
    }

    @Test func anyStringListsAndNilRoundTripThroughMapAndReduce() throws {
        let dir = try Self.folder("split-strings")
        defer { try? FileManager.default.removeItem(at: dir) }
        let script = dir.appendingPathComponent("strings.lua")
        try """
            return {
              tables = {
                t = { key = {"term"}, sum = {"count"}, merge = {"seen"}, first = {"note"} },
                punct = { key = {"term"}, sum = {"count"} },
              },
              map = function(corpus, emit)
                for _, s in ipairs({"{", "}", "a\\tb", 'say "hi"', "two\\nlines", "back\\\\slash", "\\0nul", "é€😀", "\\127"}) do
                  emit("t", {term = s, count = 1, seen = dossier.List.new{s, #corpus}, note = nil})
                end
                for _, r in ipairs(corpus:frequencies{top = false, kinds = "punct"}) do emit("punct", r) end
              end,
            }
            """.write(to: script, atomically: true, encoding: .utf8)
        let doc = #"{"id": "b1", "text": "Braces { and } appear twice: {x} and \"quotes\".\nA tab\there."}"# + "\n"
        let map = try CLI.run(["map", "--quiet", script.path], input: doc)
        #expect(map.status == 0, "\(map.stderr)")
        let rows = dir.appendingPathComponent("rows.jsonl")
        try Data(map.stdout.utf8).write(to: rows)
        let reduced = try CLI.run(["reduce", script.path, rows.path, rows.path])
        #expect(reduced.status == 0, "\(reduced.stderr)")
        var terms: [String: (Int, [Any])] = [:]
        var punct: [String: Int] = [:]
        for line in reduced.stdout.split(separator: "\n") {
            let row = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let term = try #require(row["term"] as? String)
            if row["table"] as? String == "t" {
                #expect(row["note"] is NSNull)  // nil is written as null
                terms[term] = (try #require(row["count"] as? Int), try #require(row["seen"] as? [Any]))
            } else {
                punct[term] = row["count"] as? Int
            }
        }
        for s in ["{", "}", "a\tb", "say \"hi\"", "two\nlines", "back\\slash", "\u{0}nul", "é€😀", "\u{7F}"] {
            #expect(terms[s]?.0 == 2, "\(s.debugDescription)")
            #expect(terms[s]?.1.count == 2, "merge keeps one copy of each item: \(s.debugDescription)")
            #expect(terms[s]?.1.contains { $0 as? String == s } == true)
        }
        #expect(terms.count == 9)
        #expect(punct["{"] == 4 && punct["}"] == 4)
    }

    @Test func badScriptsAndRowsAreClearErrors() throws {
        let dir = try Self.folder("split-errors")
        defer { try? FileManager.default.removeItem(at: dir) }
        let script = dir.appendingPathComponent("bad.lua")
        try """
            return { tables = { freq = { key = {"term"}, sum = {"count"} } },
                     map = function(corpus, emit) emit("frq", {term = "x", count = 1}) end }
            """.write(to: script, atomically: true, encoding: .utf8)
        let r = try CLI.run(["map", "--corpus", "seeds", script.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("no table 'frq'") && r.stderr.contains("freq"))

        let spec = dir.appendingPathComponent("spec.lua")
        try "return { tables = { freq = { key = {\"term\"}, total = {\"count\"} } }, map = function() end }"
            .write(to: spec, atomically: true, encoding: .utf8)
        let s = try CLI.run(["map", "--corpus", "seeds", spec.path])
        #expect(s.status == 1)
        #expect(s.stderr.contains("unknown field 'total'"))

        let ok = dir.appendingPathComponent("ok.lua")
        try "return { tables = { freq = { key = {\"term\"}, sum = {\"count\"} } }, map = function() end }"
            .write(to: ok, atomically: true, encoding: .utf8)
        let rows = dir.appendingPathComponent("rows.jsonl")
        try "{\"table\":\"freq\",\"term\":\"a\",\"count\":1}\n{\"table\":\"freq\",\"term\":\n".write(to: rows, atomically: true, encoding: .utf8)
        let bad = try CLI.run(["reduce", ok.path, rows.path])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("rows.jsonl:2"))
    }
}
