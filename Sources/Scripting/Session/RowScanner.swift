import LuaBridge
import NewsText

/// The values `RowScanner` builds: Lua values for the Lua reducers, `RowValue` for the Swift
/// ones (`RowReducer`).
protocol RowScannable {
    static var jsonNull: Self { get }
    static func jsonBoolean(_ value: Bool) -> Self
    static func jsonInteger(_ value: Int) -> Self
    static func jsonNumber(_ value: Double) -> Self
    static func jsonString(_ bytes: [UInt8]) -> Self
    static func jsonArray(_ items: [Self]) -> Self
    /// An object's fields in the order written, null fields left out.
    static func jsonObject(_ fields: [(key: [UInt8], value: Self)]) -> Self
    var isJSONNull: Bool { get }
    var isJSONString: Bool { get }
}

extension LuaValue: RowScannable {
    static var jsonNull: LuaValue { .nil }
    static func jsonBoolean(_ value: Bool) -> LuaValue { .boolean(value) }
    static func jsonInteger(_ value: Int) -> LuaValue { .integer(value) }
    static func jsonNumber(_ value: Double) -> LuaValue { .number(value) }
    static func jsonString(_ bytes: [UInt8]) -> LuaValue { .string(LuaString(bytes: bytes)) }
    static func jsonArray(_ items: [LuaValue]) -> LuaValue { .table(LuaTable(array: items)) }
    static func jsonObject(_ fields: [(key: [UInt8], value: LuaValue)]) -> LuaValue {
        .table(LuaTable(fields: fields.map { (key: .string(LuaString(bytes: $0.key)), value: $0.value) }))
    }
    var isJSONNull: Bool { if case .nil = self { return true } else { return false } }
    var isJSONString: Bool { if case .string = self { return true } else { return false } }
}

/// A JSON scanner for one row line of `dossier reduce` (issue 14), decoding straight into the
/// reducer's values (Lua values, or `RowValue`): no Foundation objects, no `Any`, no boxed
/// numbers between the bytes and the reducer.
///
/// It reads what `RowFile` read with JSONSerialization, value for value: integers (no fraction,
/// no exponent, within 64 bits) stay integers, other numbers are floats, `null` is nil (an object
/// field that is null is absent), arrays are sequences, strings are UTF-8 with every JSON escape
/// (surrogate pairs included). Anything else is a `RowSyntaxError` saying what and where.
struct RowScanner<Value: RowScannable> {
    /// Deeper nesting than this is refused, as JSONSerialization refuses it.
    static var maximumDepth: Int { 512 }

    private var lexer: JSONLexer
    private var depth = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) { lexer = JSONLexer(bytes) }

    /// The row on `line` as an object value; nil when the line is JSON but not an object with a
    /// string `table` field.
    static func row(_ line: UnsafeBufferPointer<UInt8>) throws(RowSyntaxError) -> Value? {
        var scanner = RowScanner(line)
        do {
            return try scanner.row()
        } catch {
            throw RowSyntaxError(message: "\(error.message) at column \(error.offset + 1)")
        }
    }

    private static var tableKey: [UInt8] { Array("table".utf8) }

    private mutating func row() throws(JSONSyntaxError) -> Value? {
        lexer.skipSpace()
        guard lexer.peek == UInt8(ascii: "{") else {
            _ = try value()
            try end()
            return nil
        }
        var hasTable = false
        let table = try object { key, value in
            if key == Self.tableKey { hasTable = value.isJSONString }
        }
        try end()
        return hasTable ? table : nil
    }

    private mutating func end() throws(JSONSyntaxError) {
        lexer.skipSpace()
        if !lexer.atEnd { throw lexer.error("unexpected text after the value") }
    }

    private mutating func value() throws(JSONSyntaxError) -> Value {
        lexer.skipSpace()
        guard !lexer.atEnd else { throw lexer.error("the line ends before a value") }
        switch lexer.peek {
        case UInt8(ascii: "{"): return try object { _, _ in }
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .jsonString(try string())
        case UInt8(ascii: "t"): try lexer.literal("true"); return .jsonBoolean(true)
        case UInt8(ascii: "f"): try lexer.literal("false"); return .jsonBoolean(false)
        case UInt8(ascii: "n"): try lexer.literal("null"); return .jsonNull
        default: return try number()
        }
    }

    /// An object; `seen` gets each field that is kept (null fields are dropped).
    private mutating func object(_ seen: ([UInt8], Value) -> Void) throws(JSONSyntaxError) -> Value {
        depth += 1
        if depth > Self.maximumDepth { throw lexer.error("values nest too deep") }
        defer { depth -= 1 }
        lexer.offset += 1
        var fields: [(key: [UInt8], value: Value)] = []
        lexer.skipSpace()
        if lexer.peek == UInt8(ascii: "}") { lexer.offset += 1; return .jsonObject(fields) }
        while true {
            lexer.skipSpace()
            guard lexer.peek == UInt8(ascii: "\"") else { throw lexer.error("expected a field name in quotes") }
            let key = try string()
            lexer.skipSpace()
            guard lexer.peek == UInt8(ascii: ":") else { throw lexer.error("expected ':' after a field name") }
            lexer.offset += 1
            let v = try value()
            if !v.isJSONNull {
                seen(key, v)
                fields.append((key: key, value: v))
            }
            lexer.skipSpace()
            guard !lexer.atEnd else { throw lexer.error("the line ends inside an object") }
            if lexer.peek == UInt8(ascii: ",") { lexer.offset += 1; continue }
            if lexer.peek == UInt8(ascii: "}") { lexer.offset += 1; break }
            throw lexer.error("expected ',' or '}' in an object")
        }
        return .jsonObject(fields)
    }

    private mutating func array() throws(JSONSyntaxError) -> Value {
        depth += 1
        if depth > Self.maximumDepth { throw lexer.error("values nest too deep") }
        defer { depth -= 1 }
        lexer.offset += 1
        var items: [Value] = []
        lexer.skipSpace()
        if lexer.peek == UInt8(ascii: "]") { lexer.offset += 1; return .jsonArray(items) }
        while true {
            items.append(try value())
            lexer.skipSpace()
            guard !lexer.atEnd else { throw lexer.error("the line ends inside an array") }
            if lexer.peek == UInt8(ascii: ",") { lexer.offset += 1; continue }
            if lexer.peek == UInt8(ascii: "]") { lexer.offset += 1; break }
            throw lexer.error("expected ',' or ']' in an array")
        }
        return .jsonArray(items)
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
    private mutating func number() throws(JSONSyntaxError) -> Value {
        let n = try lexer.number()
        if let v = lexer.integer(n) { return .jsonInteger(v) }
        guard let d = lexer.double(n) else { throw JSONSyntaxError("a number out of range", at: n.span.lowerBound) }
        return .jsonNumber(d)
    }
}

/// A row line that is not JSON: what is wrong and at which column.
struct RowSyntaxError: Error {
    let message: String
}
