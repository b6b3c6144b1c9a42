import Foundation
import LuaBridge

/// Reads the rows `dossier map` writes: one JSON object per line (blank lines skipped), decoded
/// with Foundation's JSON parser into Lua values — integers stay integers, other numbers are
/// floats, null is nil (an absent field), arrays are sequences.
enum RowFile {
    /// Lines parsed together as one JSON array (a bad batch is parsed again line by line to
    /// name the bad line).
    static let batch = 512

    /// Calls `body` with each row of the file at `path` (`-` for standard input) and its line
    /// number; a line that is not a JSON object is an error naming the file and line.
    static func forEachRow(path: String, _ body: (LuaValue, Int) throws -> Void) throws {
        try forEachObject(path: path) { fields, line in try body(luaValue(fields), line) }
    }

    /// Calls `body` with each row of the file at `path` as decoded JSON, and its line number.
    static func forEachObject(path: String, _ body: ([String: Any], Int) throws -> Void) throws {
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let contents = FileManager.default.contents(atPath: path) else {
                let reason = FileManager.default.fileExists(atPath: path) ? "permission denied" : "no such file"
                throw ScriptError.setup("\(path): cannot read the rows (\(reason))")
            }
            data = contents
        }
        var pending: [(bytes: Data, line: Int)] = []
        func flush() throws {
            guard !pending.isEmpty else { return }
            var joined = Data([UInt8(ascii: "[")])
            for (i, item) in pending.enumerated() {
                if i > 0 { joined.append(UInt8(ascii: ",")) }
                joined.append(item.bytes)
            }
            joined.append(UInt8(ascii: "]"))
            if let objects = try? JSONSerialization.jsonObject(with: joined) as? [Any], objects.count == pending.count {
                for (object, item) in zip(objects, pending) { try body(try row(object, path: path, line: item.line), item.line) }
            } else {
                for item in pending {
                    let object: Any
                    do {
                        object = try JSONSerialization.jsonObject(with: item.bytes)
                    } catch {
                        throw ScriptError.setup("\(path):\(item.line): not a line of JSON (\(error.localizedDescription))")
                    }
                    try body(try row(object, path: path, line: item.line), item.line)
                }
            }
            pending.removeAll(keepingCapacity: true)
        }
        var line = 0
        var start = data.startIndex
        while start < data.endIndex {
            let end = data[start...].firstIndex(of: 10) ?? data.endIndex
            line += 1
            let bytes = data[start..<end]
            start = end < data.endIndex ? end + 1 : end
            if bytes.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) { continue }
            pending.append((bytes, line))
            if pending.count == batch { try flush() }
        }
        try flush()
    }

    private static func row(_ object: Any, path: String, line: Int) throws -> [String: Any] {
        guard let fields = object as? [String: Any], fields["table"] is String else {
            throw ScriptError.setup("\(path):\(line): a row is a JSON object with a \"table\" field")
        }
        return fields
    }

    /// A decoded JSON value as a Lua value.
    static func luaValue(_ value: Any) -> LuaValue {
        switch value {
        case let s as String: return .text(s)
        case is NSNull: return .nil
        case let n as NSNumber:
            // JSON's true and false come as the boolean NSNumber ("c"); `is Bool` would also
            // take the numbers 0 and 1.
            switch String(cString: n.objCType) {
            case "c", "B": return .boolean(n.boolValue)
            case "d", "f": return .number(n.doubleValue)
            case "Q": return n.uint64Value <= UInt64(Int.max) ? .integer(Int(n.uint64Value)) : .number(n.doubleValue)
            default: return .integer(n.intValue)
            }
        case let a as [Any]: return .table(LuaTable(array: a.map(luaValue)))
        case let o as [String: Any]:
            return .table(LuaTable(fields: o.compactMap { key, v in
                let lv = luaValue(v)
                if case .nil = lv { return nil }
                return (key: .text(key), value: lv)
            }))
        default: return .nil
        }
    }
}
