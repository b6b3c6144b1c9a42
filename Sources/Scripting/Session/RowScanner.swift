import LuaBridge

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

    private let bytes: UnsafeBufferPointer<UInt8>
    private var i = 0
    private var depth = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// The row on `line` as a Lua table; nil when the line is JSON but not an object with a
    /// string `table` field.
    static func row(_ line: UnsafeBufferPointer<UInt8>) throws(RowSyntaxError) -> LuaValue? {
        var scanner = RowScanner(line)
        scanner.skipSpace()
        guard scanner.i < line.count, line[scanner.i] == UInt8(ascii: "{") else {
            _ = try scanner.value()
            try scanner.end()
            return nil
        }
        var hasTable = false
        let table = try scanner.object { key, value in
            if key.bytes == Self.tableKey { if case .string = value { hasTable = true } else { hasTable = false } }
        }
        try scanner.end()
        guard hasTable else { return nil }   // (not `hasTable ? table : nil`: LuaValue takes a nil literal)
        return table
    }

    private static let tableKey: [UInt8] = Array("table".utf8)

    private mutating func end() throws(RowSyntaxError) {
        skipSpace()
        if i < bytes.count { throw fail("unexpected text after the value") }
    }

    private func fail(_ what: String) -> RowSyntaxError { RowSyntaxError(message: "\(what) at column \(i + 1)") }

    private mutating func skipSpace() {
        while i < bytes.count {
            switch bytes[i] {
            case 32, 9, 10, 13: i += 1
            default: return
            }
        }
    }

    private mutating func value() throws(RowSyntaxError) -> LuaValue {
        skipSpace()
        guard i < bytes.count else { throw fail("the line ends before a value") }
        switch bytes[i] {
        case UInt8(ascii: "{"): return try object { _, _ in }
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(LuaString(bytes: try string()))
        case UInt8(ascii: "t"): try literal("true"); return .boolean(true)
        case UInt8(ascii: "f"): try literal("false"); return .boolean(false)
        case UInt8(ascii: "n"): try literal("null"); return .nil
        default: return try number()
        }
    }

    private mutating func literal(_ word: StaticString) throws(RowSyntaxError) {
        let n = word.utf8CodeUnitCount
        guard i + n <= bytes.count else { throw fail("unknown word") }
        let start = word.utf8Start
        for k in 0..<n where bytes[i + k] != start[k] { throw fail("unknown word") }
        i += n
    }

    /// An object; `seen` gets each field that is kept (null fields are dropped).
    private mutating func object(_ seen: (LuaString, LuaValue) -> Void) throws(RowSyntaxError) -> LuaValue {
        depth += 1
        if depth > Self.maximumDepth { throw fail("values nest too deep") }
        defer { depth -= 1 }
        i += 1
        var fields: [(key: LuaValue, value: LuaValue)] = []
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return .table(LuaTable(fields: fields)) }
        while true {
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw fail("expected a field name in quotes") }
            let key = LuaString(bytes: try string())
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw fail("expected ':' after a field name") }
            i += 1
            let v = try value()
            if case .nil = v {} else {
                seen(key, v)
                fields.append((key: .string(key), value: v))
            }
            skipSpace()
            guard i < bytes.count else { throw fail("the line ends inside an object") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "}") { i += 1; break }
            throw fail("expected ',' or '}' in an object")
        }
        return .table(LuaTable(fields: fields))
    }

    private mutating func array() throws(RowSyntaxError) -> LuaValue {
        depth += 1
        if depth > Self.maximumDepth { throw fail("values nest too deep") }
        defer { depth -= 1 }
        i += 1
        var items: [LuaValue] = []
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; return .table(LuaTable(array: items)) }
        while true {
            items.append(try value())
            skipSpace()
            guard i < bytes.count else { throw fail("the line ends inside an array") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "]") { i += 1; break }
            throw fail("expected ',' or ']' in an array")
        }
        return .table(LuaTable(array: items))
    }

    /// A string's bytes, escapes decoded; `i` is at the opening quote.
    private mutating func string() throws(RowSyntaxError) -> [UInt8] {
        i += 1
        let start = i
        var ascii = true
        // The common case: no escapes, the bytes as they are.
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                let out = Array(UnsafeBufferPointer(rebasing: bytes[start..<i]))
                if !ascii { try checkUTF8(out) }
                i += 1
                return out
            }
            if b == UInt8(ascii: "\\") { break }
            if b < 0x20 { throw fail("a control character inside a string") }
            if b >= 0x80 { ascii = false }
            i += 1
        }
        var out = Array(UnsafeBufferPointer(rebasing: bytes[start..<i]))
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                if !ascii { try checkUTF8(out) }
                i += 1
                return out
            }
            if b < 0x20 { throw fail("a control character inside a string") }
            if b >= 0x80 { ascii = false }
            if b != UInt8(ascii: "\\") { out.append(b); i += 1; continue }
            i += 1
            guard i < bytes.count else { break }
            let e = bytes[i]
            i += 1
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
            case UInt8(ascii: "b"): out.append(8)
            case UInt8(ascii: "f"): out.append(12)
            case UInt8(ascii: "n"): out.append(10)
            case UInt8(ascii: "r"): out.append(13)
            case UInt8(ascii: "t"): out.append(9)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800..<0xDC00).contains(scalar) {
                    guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else {
                        throw fail("a lone surrogate in a \\u escape")
                    }
                    i += 2
                    let low = try hex4()
                    guard (0xDC00..<0xE000).contains(low) else { throw fail("a lone surrogate in a \\u escape") }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00..<0xE000).contains(scalar) {
                    throw fail("a lone surrogate in a \\u escape")
                }
                guard let u = Unicode.Scalar(scalar), let encoded = UTF8.encode(u) else { throw fail("a bad \\u escape") }
                out.append(contentsOf: encoded)
            default: throw fail("an unknown escape")
            }
        }
        throw fail("the line ends inside a string")
    }

    private mutating func hex4() throws(RowSyntaxError) -> UInt32 {
        guard i + 4 <= bytes.count else { throw fail("a short \\u escape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[i]
            let d: UInt8
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = b - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = b - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = b - UInt8(ascii: "A") + 10
            default: throw fail("a bad \\u escape")
            }
            v = v << 4 | UInt32(d)
            i += 1
        }
        return v
    }

    private func checkUTF8(_ s: [UInt8]) throws(RowSyntaxError) {
        var decoder = UTF8()
        var it = s.makeIterator()
        while true {
            switch decoder.decode(&it) {
            case .scalarValue: continue
            case .emptyInput: return
            case .error: throw fail("a string that is not UTF-8")
            }
        }
    }

    /// A number by JSON's grammar: an integer when it has no fraction or exponent and fits
    /// 64 bits, else a float.
    private mutating func number() throws(RowSyntaxError) -> LuaValue {
        let start = i
        func digits(_ i: inout Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Int {
            let s = i
            while i < bytes.count, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9") { i += 1 }
            return i - s
        }
        var negative = false
        if bytes[i] == UInt8(ascii: "-") { negative = true; i += 1 }
        let intStart = i
        let n = digits(&i, bytes)
        guard n > 0 else { throw fail("not a value") }
        if n > 1 && bytes[intStart] == UInt8(ascii: "0") { throw fail("a number with a leading zero") }
        var isFloat = false
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard digits(&i, bytes) > 0 else { throw fail("a number without digits after '.'") }
            isFloat = true
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard digits(&i, bytes) > 0 else { throw fail("a number without digits in its exponent") }
            isFloat = true
        }
        if !isFloat && n <= 18 {
            var v = 0
            for k in intStart..<i { v = v &* 10 &+ Int(bytes[k] &- UInt8(ascii: "0")) }
            return .integer(negative ? -v : v)
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
        if !isFloat, let v = Int(text) { return .integer(v) }
        guard let d = Double(text) else { throw fail("a number out of range") }
        return .number(d)
    }
}

/// A row line that is not JSON: what is wrong and at which column.
struct RowSyntaxError: Error {
    let message: String
}
