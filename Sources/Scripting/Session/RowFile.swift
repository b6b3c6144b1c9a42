import Foundation
import LuaBridge

/// Reads the rows `dossier map` writes: one JSON object per line (blank lines skipped). Rows to
/// reduce are decoded by `RowScanner` straight into Lua values — integers stay integers, other
/// numbers are floats, null is nil (an absent field), arrays are sequences; the globals file
/// (`forEachObject`) with Foundation's JSON parser.
enum RowFile {
    /// Lines parsed together as one JSON array (a bad batch is parsed again line by line to
    /// name the bad line).
    static let batch = 512

    /// Calls `body` with each row of the file at `path` (`-` for standard input) and its line
    /// number; a line that is not a JSON object is an error naming the file and line. Decoded by
    /// `RowScanner`, straight into the reducer's values (Lua values, or `RowValue`: `dossier
    /// reduce`'s hot path).
    static func forEachRow<Value: RowScannable>(path: String, as type: Value.Type,
                                                _ body: (Value, Int) throws -> Void) throws {
        let data = try contents(path)
        try data.withUnsafeBytes { try scanRows($0.bindMemory(to: UInt8.self), path: path, body) }
    }

    private static func scanRows<Value: RowScannable>(_ all: UnsafeBufferPointer<UInt8>, path: String,
                                                      _ body: (Value, Int) throws -> Void) throws {
        guard let base = all.baseAddress else { return }
        var line = 0
        var start = 0
        while start < all.count {
            var end = all.count
            if let newline = memchr(base + start, 10, all.count - start) {
                end = base.distance(to: newline.assumingMemoryBound(to: UInt8.self))
            }
            line += 1
            let bytes = UnsafeBufferPointer(rebasing: all[start..<end])
            start = end + 1
            if bytes.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) { continue }
            let row: Value?
            do {
                row = try RowScanner<Value>.row(bytes)
            } catch {
                throw ScriptError.setup("\(path):\(line): not a line of JSON (\(error.message))")
            }
            guard let row else {
                throw ScriptError.setup("\(path):\(line): a row is a JSON object with a \"table\" field")
            }
            try body(row, line)
        }
    }

    /// Standard input, read once (a reduce that falls back to the Lua reducers reads it again).
    nonisolated(unsafe) private static var standardInput: Data?

    /// The bytes of the file at `path` (`-` for standard input).
    private static func contents(_ path: String) throws -> Data {
        if path == "-" {
            if let data = standardInput { return data }
            let data = FileHandle.standardInput.readDataToEndOfFile()
            standardInput = data
            return data
        }
        guard let contents = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "permission denied" : "no such file"
            throw ScriptError.setup("\(path): cannot read the rows (\(reason))")
        }
        return contents
    }

    /// Calls `body` with each row of the file at `path` as decoded JSON, and its line number.
    static func forEachObject(path: String, _ body: ([String: Any], Int) throws -> Void) throws {
        let data = try contents(path)
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
}
