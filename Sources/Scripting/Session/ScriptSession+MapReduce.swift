import Foundation
import LuaBridge

/// `dossier map` and `dossier reduce` (issue 14): a script returning `{tables = …, map = …}` runs
/// over one part of a corpus and writes rows as JSON lines; the rows of every part reduce to the
/// whole corpus's result. The spec, the row encoding and the reducers are `Lua/mapreduce.lua`;
/// this file reads the script and the row files and writes the output.
extension ScriptSession {
    /// Runs the map script at `path` over the session's corpus; `write` receives the rows as
    /// UTF-8 JSON lines, in blocks.
    public func runMap(path: String, arguments: [String] = [], write: @escaping ([UInt8]) -> Void) throws(ScriptError) {
        let (module, spec) = try loadMapSpec(path: path, arguments: arguments)
        try callLua {
            let writer = lua.function("write") { args in
                write(try args.bytes(1).bytes)
                return []
            }
            let map = try lua.makeReferenceFromLua("return (...).map", arguments: [.reference(module)])
            try lua.call(.reference(map), [.reference(spec), .object(corpus), .function(writer)])
        }
    }

    /// Reduces the JSON-lines row files `rowFiles` (as `runMap` writes them) by the spec of the
    /// map script at `path`; `write` receives the reduced rows as JSON lines. A line that is not
    /// a JSON object with a `table` field is an error naming the file and line.
    ///
    /// The built-in reducers run in Swift (`RowReducer`), writing what the Lua reducers of
    /// `Lua/mapreduce.lua` write; tables of near-duplicates and rows holding a list with a hole
    /// go to the Lua reducers.
    public func runReduce(path: String, rowFiles: [String], write: @escaping ([UInt8]) -> Void) throws(ScriptError) {
        if let reducer = try RowReducer(specJSON: try mapSpecJSON(path: path)) {
            do {
                for file in rowFiles {
                    try RowFile.forEachRow(path: file, as: RowValue.self) { row, line in
                        try reducer.add(row, file: file, line: line)
                    }
                }
                reducer.finish(write: write)
                return
            } catch is RowReducer.NeedsLua {
                // Reduced again below, by Lua.
            } catch let error as ScriptError {
                throw error
            } catch {
                throw .setup(String(describing: error))
            }
        }
        try runLuaReduce(path: path, rowFiles: rowFiles, write: write)
    }

    /// `runReduce` by the Lua reducers of `Lua/mapreduce.lua`.
    func runLuaReduce(path: String, rowFiles: [String], write: @escaping ([UInt8]) -> Void) throws(ScriptError) {
        let (module, spec) = try loadMapSpec(path: path, arguments: [])
        try callLua {
            let reducer = try lua.makeReferenceFromLua("local m, spec, near = ... return m.reducer(spec, near)",
                                                       arguments: [.reference(module), .reference(spec),
                                                                   .function(NearDuplicateRows.function(lua, cancellation: context.cancellation))])
            // Rows go to Lua 1,024 at a time with their line numbers; a row's place (file:line)
            // is only spelt out for an error.
            let add = LuaValue.reference(try lua.makeReferenceFromLua(
                "local add = (...).add return function(rows, file, lines) for i = 1, #rows do add(rows[i], file, lines[i]) end end",
                arguments: [.reference(reducer)]))
            let finish = LuaValue.reference(try lua.makeReferenceFromLua("return (...).finish", arguments: [.reference(reducer)]))
            for file in rowFiles {
                var rows: [LuaValue] = []
                var lines: [Int32] = []
                let name = LuaValue.text(file)
                try RowFile.forEachRow(path: file, as: LuaValue.self) { row, line in
                    rows.append(row)
                    lines.append(Int32(clamping: line))
                    if rows.count == 1024 {
                        try lua.call(add, [.table(LuaTable(array: rows)), name, .integers(lines, metatable: nil)])
                        rows.removeAll(keepingCapacity: true)
                        lines.removeAll(keepingCapacity: true)
                    }
                }
                if !rows.isEmpty { try lua.call(add, [.table(LuaTable(array: rows)), name, .integers(lines, metatable: nil)]) }
            }
            let writer = lua.function("write") { args in
                write(try args.bytes(1).bytes)
                return []
            }
            try lua.call(finish, [.function(writer)])
        }
    }

    /// The normalized spec of the map script at `path` as one line of JSON (`dossier reduce --spec`).
    public func mapSpecJSON(path: String) throws(ScriptError) -> [UInt8] {
        let (module, spec) = try loadMapSpec(path: path, arguments: [])
        var bytes: [UInt8] = []
        try callLua {
            let json = try lua.call(.reference(try lua.makeReferenceFromLua("return (...).spec_json", arguments: [.reference(module)])),
                                    [.reference(spec)])
            if case .string(let s)? = json.first { bytes = s.bytes }
        }
        return bytes
    }

    /// Compiles the map script, runs it (with `arg` set as `dossier run` sets it) and checks
    /// what it returns; gives the mapreduce module and the normalized spec.
    private func loadMapSpec(path: String, arguments: [String]) throws(ScriptError) -> (LuaReference, LuaReference) {
        let file = try ScriptFile.read(path)
        let data = file.bytes
        if file.isRegularFile { pluginHost?.allowScriptFolder(path) }
        var result: (LuaReference, LuaReference)?
        try callLua {
            let util = try lua.makeReferenceFromLua(try LuaSources.source("util"), chunkName: "=[dossier util]",
                                                    arguments: [.reference(context.lists.metatable)])
            let module = try lua.makeReferenceFromLua(try LuaSources.source("mapreduce"), chunkName: "=[dossier mapreduce]",
                                                      arguments: [.reference(util)])
            var argTable = LuaTable(array: arguments.map { .text($0) })
            argTable.fields = [(.integer(0), .text(path)), (.integer(-1), "dossier")]
            try lua.setGlobal("arg", .table(argTable))
            let chunk = try lua.load(bytes: Self.scriptSource([UInt8](data)), chunkName: "@" + path)
            let spec = try lua.makeReferenceFromLua("local m, chunk, path = ... return m.spec(chunk(), path)",
                                                    arguments: [.reference(module), .reference(chunk), .text(path)])
            result = (module, spec)
        }
        guard let result else { throw .setup("the map script gave no spec") }
        return result
    }

    /// Runs `body`, reporting Lua errors as script errors.
    private func callLua(_ body: () throws -> Void) throws(ScriptError) {
        do {
            try body()
        } catch let error as LuaError {
            throw .lua(Traceback.clean(error))
        } catch let error as ScriptError {
            throw error
        } catch {
            throw .setup(String(describing: error))
        }
    }
}
