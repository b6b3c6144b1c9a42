import LuaBridge
import NewsText

/// A JSON scanner for one row line of `dossier reduce` (issue 14), decoding straight into Lua
/// values: no Foundation objects, no `Any`, no boxed numbers between the bytes and Lua.
///
/// It reads what `RowFile` read with JSONSerialization, value for value: integers (no fraction,
/// no exponent, within 64 bits) stay integers, other numbers are floats, `null` is nil (an object
/// field that is null is absent), arrays are sequences, strings are UTF-8 with every JSON escape
/// (surrogate pairs included). Anything else is a `RowSyntaxError` saying what and where.
struct RowScanner {
    /// Deeper nesting than this is refused, as JSONSerialization refuses it.
    static let maximumDepth = 512

    private var lexer: JSONLexer
    private var depth = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) { lexer = JSONLexer(bytes) }

    /// The row on `line` as a Lua table; nil when the line is JSON but not an object with a
    /// string `table` field.
    static func row(_ line: UnsafeBufferPointer<UInt8>) throws(RowSyntaxError) -> LuaValue? {
        var scanner = RowScanner(line)
        do {
            return try scanner.row()
        } catch {
            throw RowSyntaxError(message: "\(error.message) at column \(error.offset + 1)")
        }
    }

    private static let tableKey: [UInt8] = Array("table".utf8)

    private mutating func row() throws(JSONSyntaxError) -> LuaValue? {
        lexer.skipSpace()
        guard lexer.peek == UInt8(ascii: "{") else {
            _ = try value()
            try end()
            return nil
        }
        var hasTable = false
        let table = try object { key, value in
            if key.bytes == Self.tableKey { if case .string = value { hasTable = true } else { hasTable = false } }
        }
        try end()
        guard hasTable else { return nil }   // (not `hasTable ? table : nil`: LuaValue takes a nil literal)
        return table
    }

    private mutating func end() throws(JSONSyntaxError) {
        lexer.skipSpace()
        if !lexer.atEnd { throw lexer.error("unexpected text after the value") }
    }

    private mutating func value() throws(JSONSyntaxError) -> LuaValue {
        lexer.skipSpace()
        guard !lexer.atEnd else { throw lexer.error("the line ends before a value") }
        switch lexer.peek {
        case UInt8(ascii: "{"): return try object { _, _ in }
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(LuaString(bytes: try string()))
        case UInt8(ascii: "t"): try lexer.literal("true"); return .boolean(true)
        case UInt8(ascii: "f"): try lexer.literal("false"); return .boolean(false)
        case UInt8(ascii: "n"): try lexer.literal("null"); return .nil
        default: return try number()
        }
    }

    /// An object; `seen` gets each field that is kept (null fields are dropped).
    private mutating func object(_ seen: (LuaString, LuaValue) -> Void) throws(JSONSyntaxError) -> LuaValue {
        depth += 1
        if depth > Self.maximumDepth { throw lexer.error("values nest too deep") }
        defer { depth -= 1 }
        lexer.offset += 1
        var fields: [(key: LuaValue, value: LuaValue)] = []
        lexer.skipSpace()
        if lexer.peek == UInt8(ascii: "}") { lexer.offset += 1; return .table(LuaTable(fields: fields)) }
        while true {
            lexer.skipSpace()
            guard lexer.peek == UInt8(ascii: "\"") else { throw lexer.error("expected a field name in quotes") }
            let key = LuaString(bytes: try string())
            lexer.skipSpace()
            guard lexer.peek == UInt8(ascii: ":") else { throw lexer.error("expected ':' after a field name") }
            lexer.offset += 1
            let v = try value()
            if case .nil = v {} else {
                seen(key, v)
                fields.append((key: .string(key), value: v))
            }
            lexer.skipSpace()
            guard !lexer.atEnd else { throw lexer.error("the line ends inside an object") }
            if lexer.peek == UInt8(ascii: ",") { lexer.offset += 1; continue }
            if lexer.peek == UInt8(ascii: "}") { lexer.offset += 1; break }
            throw lexer.error("expected ',' or '}' in an object")
        }
        return .table(LuaTable(fields: fields))
    }

    private mutating func array() throws(JSONSyntaxError) -> LuaValue {
        depth += 1
        if depth > Self.maximumDepth { throw lexer.error("values nest too deep") }
        defer { depth -= 1 }
        lexer.offset += 1
        var items: [LuaValue] = []
        lexer.skipSpace()
        if lexer.peek == UInt8(ascii: "]") { lexer.offset += 1; return .table(LuaTable(array: items)) }
        while true {
            items.append(try value())
            lexer.skipSpace()
            guard !lexer.atEnd else { throw lexer.error("the line ends inside an array") }
            if lexer.peek == UInt8(ascii: ",") { lexer.offset += 1; continue }
            if lexer.peek == UInt8(ascii: "]") { lexer.offset += 1; break }
            throw lexer.error("expected ',' or ']' in an array")
        }
        return .table(LuaTable(array: items))
    }

    /// A string's bytes, escapes decoded and checked to be UTF-8.
    private mutating func string() throws(JSONSyntaxError) -> [UInt8] {
        let start = lexer.offset
        return try lexer.string { (decoded) throws(JSONSyntaxError) -> [UInt8] in
            guard Self.isUTF8(decoded) else { throw JSONSyntaxError("a string that is not UTF-8", at: start) }
            return Array(decoded)
        }
    }

    /// Whether `s` is UTF-8 (ASCII, the common case, is one pass over the bytes).
    private static func isUTF8(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        if !s.contains(where: { $0 >= 0x80 }) { return true }
        var decoder = UTF8()
        var it = s.makeIterator()
        while true {
            switch decoder.decode(&it) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }

    /// A number by JSON's grammar: an integer when it has no fraction or exponent and fits
    /// 64 bits, else a float.
    private mutating func number() throws(JSONSyntaxError) -> LuaValue {
        let n = try lexer.number()
        if let v = lexer.integer(n) { return .integer(v) }
        guard let d = lexer.double(n) else { throw JSONSyntaxError("a number out of range", at: n.span.lowerBound) }
        return .number(d)
    }
}

/// A row line that is not JSON: what is wrong and at which column.
struct RowSyntaxError: Error {
    let message: String
}
