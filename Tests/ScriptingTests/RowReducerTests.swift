import Foundation
import LuaBridge
import Testing
@testable import Scripting

/// `dossier reduce` reduces in Swift (`RowReducer`, issue 14) and writes byte for byte what the
/// Lua reducers of `Lua/mapreduce.lua` write: keys, sums of integers and floats, min and max over
/// mixed types, first values, merged lists, top k, columns no reducer names, any string.
@Suite struct RowReducerTests {
    static let script = """
        return {
          tables = {
            freq = { key = {"term"}, sum = {"count", "weight"}, min = {"low"}, max = {"high"}, first = {"note"}, merge = {"seen"} },
            pair = { key = {"a", "b"}, sum = {"n"}, merge = {"tags"} },
            best = { key = {"doc"}, max = {"score"}, top_k = { by = "score", k = 7 } },
            size = { key = {}, sum = {"docs"}, max = {"longest"}, min = {"shortest"} },
          },
          map = function() end,
        }
        """

    /// Rows of every shape, in `files` files: the same keys spread over the files.
    static func rows(files: Int, seed: UInt64) -> [String] {
        var state = seed
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        let terms = ["a", "b", "{", "}", "tab\\there", "say \\\"hi\\\"", "line\\nbreak", "back\\\\slash", "\\u0000nul", "é€😀", "\\u007f",
                     "Zebra", "zebra", "10", "2"]
        let notes = ["\"x\"", "1", "2.5", "null", "true", "[1,\"a\"]", "{\"z\":1,\"a\":[2,{}]}", "{}", "\"later\""]
        let numbers = ["1", "-3", "2.5", "0.1", "1e300", "-0.0", "3.0", "9007199254740993", "0.30000000000000004", "1e-7"]
        let lows = ["1", "\"m\"", "2.25", "\"A\"", "-7", "true"]
        var out = Array(repeating: "", count: files)
        for i in 0..<600 {
            let f = next(files)
            let term = terms[next(terms.count)]
            var row = "{\"table\":\"freq\",\"term\":\"\(term)\",\"count\":\(next(5)),\"weight\":\(numbers[next(numbers.count)])"
            row += ",\"low\":\(lows[next(lows.count)]),\"high\":\(lows[next(lows.count)]),\"note\":\(notes[next(notes.count)])"
            row += ",\"seen\":" + (next(3) == 0 ? "\"\(terms[next(terms.count)])\"" : "[\(next(4)),\"\(terms[next(terms.count)])\",{\"k\":\(next(2))}]")
            if next(4) == 0 { row += ",\"extra\":\(notes[next(notes.count)])" }
            out[f] += row + "}\n"
            let a = next(3) == 0 ? "null" : "\(next(4))"
            let b = next(2) == 0 ? "\"\(terms[next(5)])\"" : "\(next(3)).5"
            out[f] += "{\"b\":\(b),\"table\":\"pair\",\"a\":\(a),\"n\":\(numbers[next(numbers.count)]),\"tags\":[\"\(terms[next(4)])\"]}\n"
            out[f] += "{\"table\":\"best\",\"doc\":\"d\(next(40))\",\"score\":\(numbers[next(numbers.count)])}\n"
            out[f] += "{\"table\":\"size\",\"docs\":1,\"longest\":\(next(1000)),\"shortest\":\(next(1000))}\n"
            if i % 100 == 0 { out[f] += "\n" }   // blank lines are skipped
        }
        return out
    }

    /// Writes `texts` as row files; gives their paths.
    static func files(_ texts: [String], in dir: URL) throws -> [String] {
        try texts.enumerated().map { i, text in
            let url = dir.appendingPathComponent("rows-\(i).jsonl")
            try text.write(to: url, atomically: true, encoding: .utf8)
            return url.path
        }
    }

    /// Swift's and Lua's output for the row files.
    static func reduced(_ paths: [String], script: String) throws -> (swift: [UInt8], lua: [UInt8]) {
        let session = try makeSession { $0.noCorpus = true; $0.corpusPath = nil }
        var swift: [UInt8] = []
        var lua: [UInt8] = []
        try session.runReduce(path: script, rowFiles: paths) { swift += $0 }
        try session.runLuaReduce(path: script, rowFiles: paths) { lua += $0 }
        return (swift, lua)
    }

    static func folder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-row-reducer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func swiftReducersWriteWhatLuaReducersWrite() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let script = dir.appendingPathComponent("spec.lua")
        try Self.script.write(to: script, atomically: true, encoding: .utf8)
        #expect(try RowReducer(specJSON: try makeSession { $0.noCorpus = true; $0.corpusPath = nil }.mapSpecJSON(path: script.path)) != nil)
        for (files, seed) in [(1, UInt64(1)), (3, 7), (4, 42)] {
            let (swift, lua) = try Self.reduced(try Self.files(Self.rows(files: files, seed: seed), in: dir), script: script.path)
            let text = String(decoding: swift, as: UTF8.self)
            #expect(text.split(separator: "\n").count > 40, "\(text.prefix(300))")
            #expect(text.contains(#""term":"tab\there""#) && text.contains(#""term":"\u0000nul""#) && text.contains(#""term":"\u007f""#))
            #expect(text.split(separator: "\n").filter { $0.hasPrefix(#"{"table":"best""#) }.count == 7)
            if swift != lua {
                let (s, l) = (text.split(separator: "\n"), String(decoding: lua, as: UTF8.self).split(separator: "\n"))
                let first = zip(s, l).first { $0 != $1 }
                Issue.record("\(files) files: Swift and Lua differ (\(s.count) and \(l.count) lines); first: \(String(describing: first))")
            }
        }
    }

    @Test func aListWithAHoleIsLeftToLua() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let script = dir.appendingPathComponent("spec.lua")
        try Self.script.write(to: script, atomically: true, encoding: .utf8)
        let rows = #"{"table":"freq","term":"a","count":1,"seen":[1,null,3]}"# + "\n" + #"{"table":"freq","term":"a","count":2,"seen":[4]}"# + "\n"
        let (swift, lua) = try Self.reduced(try Self.files([rows], in: dir), script: script.path)
        #expect(swift == lua)
        #expect(String(decoding: swift, as: UTF8.self).contains(#""count":3"#))
    }

    @Test func badRowsAreErrorsNamingFileAndLine() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let script = dir.appendingPathComponent("spec.lua")
        try Self.script.write(to: script, atomically: true, encoding: .utf8)
        let session = try makeSession { $0.noCorpus = true; $0.corpusPath = nil }
        let unknown = try Self.files([#"{"table":"freq","term":"a","count":1}"# + "\n" + #"{"table":"frq","term":"a"}"# + "\n"], in: dir)
        #expect {
            try session.runReduce(path: script.path, rowFiles: unknown) { _ in }
        } throws: { error in
            let text = "\(error)"
            return text.contains("rows-0.jsonl:2") && text.contains("no table 'frq'") && text.contains("best, freq, pair, size")
        }
        let text = try Self.files([#"{"table":"freq","term":"a","count":1}"# + "\n" + #"{"table":"freq","term":"a","count":"two"}"# + "\n"], in: dir)
        #expect {
            try session.runReduce(path: script.path, rowFiles: text) { _ in }
        } throws: { error in
            "\(error)".contains("rows-0.jsonl:2") && "\(error)".contains("column 'count' is summed but holds a string")
        }
    }
}
