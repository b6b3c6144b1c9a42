import Foundation

/// One value of a row `dossier reduce` reads (issue 14), as the Swift reducers hold it
/// (`RowReducer`): what the Lua reducers would hold as a Lua value, with the same equality,
/// order and JSON text (`Lua/mapreduce.lua`'s `encode` and `less`).
///
/// A row's own fields stay as written; a value inside a row is `normalized()` before it is kept:
/// objects with their fields sorted by name (a later duplicate wins), and an empty object as an
/// empty array, since a Lua table is both and `encode` writes it as `[]`.
enum RowValue: RowScannable, Hashable {
    case null
    case boolean(Bool)
    case integer(Int)
    case number(Double)
    case string([UInt8])
    case array([RowValue])
    case object([Field])

    /// A field of an object.
    struct Field: Hashable {
        let key: [UInt8]
        let value: RowValue
    }

    static var jsonNull: RowValue { .null }
    static func jsonBoolean(_ value: Bool) -> RowValue { .boolean(value) }
    static func jsonInteger(_ value: Int) -> RowValue { .integer(value) }
    static func jsonNumber(_ value: Double) -> RowValue { .number(value) }
    static func jsonString(_ bytes: [UInt8]) -> RowValue { .string(bytes) }
    static func jsonArray(_ items: [RowValue]) -> RowValue { .array(items) }
    static func jsonObject(_ fields: [(key: [UInt8], value: RowValue)]) -> RowValue {
        .object(fields.map { Field(key: $0.key, value: $0.value) })
    }

    /// The value as Lua holds it (see above): what equality, order and JSON text compare.
    func normalized() -> RowValue {
        switch self {
        case .array(let items): return .array(items.map { $0.normalized() })
        case .object(let fields):
            guard !fields.isEmpty else { return .array([]) }
            var byKey: [[UInt8]: RowValue] = [:]
            for field in fields { byKey[field.key] = field.value.normalized() }
            return .object(byKey.map { Field(key: $0.key, value: $0.value) }.sorted { $0.key.lexicographicallyPrecedes($1.key) })
        default: return self
        }
    }
    var isJSONNull: Bool { if case .null = self { return true } else { return false } }
    var isJSONString: Bool { if case .string = self { return true } else { return false } }

    // Equality is the JSON text's: 1 and 1.0 differ, so do 0.0 and -0.0.
    static func == (a: RowValue, b: RowValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.boolean(let x), .boolean(let y)): return x == y
        case (.integer(let x), .integer(let y)): return x == y
        case (.number(let x), .number(let y)): return x.bitPattern == y.bitPattern
        case (.string(let x), .string(let y)): return x == y
        case (.array(let x), .array(let y)): return x == y
        case (.object(let x), .object(let y)): return x == y
        default: return false
        }
    }

    func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .boolean(let v): hasher.combine(v)
        case .integer(let v): hasher.combine(v)
        case .number(let v): hasher.combine(v.bitPattern)
        case .string(let v): hasher.combine(v)
        case .array(let v): hasher.combine(v)
        case .object(let v): hasher.combine(v)
        }
    }

    /// Lua's name of the value's type (for errors, and for `less`, which orders by it).
    var luaType: String {
        switch self {
        case .null: return "nil"
        case .boolean: return "boolean"
        case .integer, .number: return "number"
        case .string: return "string"
        case .array, .object: return "table"
        }
    }

    /// Whether an array inside holds a null: a Lua sequence with a hole, whose length Lua does
    /// not define (the Swift reducers leave such rows to Lua's).
    var hasHole: Bool {
        switch self {
        case .array(let items): return items.contains { $0 == .null || $0.hasHole }
        case .object(let fields): return fields.contains { $0.value.hasHole }
        default: return false
        }
    }

    /// The items a merged column takes from this value: an array's items, nothing of an object
    /// (Lua's `#` of a table with names only), the value itself otherwise.
    var mergeItems: [RowValue] {
        switch self {
        case .array(let items): return items
        case .object: return []
        default: return [self]
        }
    }

    /// `mapreduce.lua`'s `less`: numbers before strings (by Lua's type names), numbers by value,
    /// strings by bytes, anything else by its JSON text.
    static func less(_ a: RowValue, _ b: RowValue) -> Bool {
        let (ta, tb) = (a.luaType, b.luaType)
        if ta != tb { return ta < tb }
        switch (a, b) {
        case (.integer(let x), .integer(let y)): return x < y
        case (.number(let x), .number(let y)): return x < y
        case (.integer(let x), .number(let y)): return Self.less(x, y)
        case (.number(let x), .integer(let y)): return x < Double(y)
        case (.string(let x), .string(let y)): return x.lexicographicallyPrecedes(y)
        default: return a.json.lexicographicallyPrecedes(b.json)
        }
    }

    /// Lua's `==`: numbers by value (1 == 1.0), strings by bytes; tables and the rest never
    /// equal here (two decoded tables are two tables).
    static func luaEqual(_ a: RowValue, _ b: RowValue) -> Bool {
        switch (a, b) {
        case (.integer(let x), .integer(let y)): return x == y
        case (.number(let x), .number(let y)): return x == y
        case (.integer(let x), .number(let y)), (.number(let y), .integer(let x)): return equal(x, y)
        case (.string(let x), .string(let y)): return x == y
        case (.boolean(let x), .boolean(let y)): return x == y
        default: return false
        }
    }

    /// Integer below float (exact for integers within ±2^53, as Lua compares them).
    private static func less(_ i: Int, _ d: Double) -> Bool { Double(i) < d }

    /// Integer equal to float.
    private static func equal(_ i: Int, _ d: Double) -> Bool { Double(i) == d && Int(exactly: d) == i }

    // MARK: - JSON text

    /// The value as `mapreduce.lua`'s `encode` writes it.
    var json: [UInt8] {
        var out: [UInt8] = []
        append(to: &out)
        return out
    }

    /// Appends the value's JSON text to `out`.
    func append(to out: inout [UInt8]) {
        switch self {
        case .null: out.append(contentsOf: Self.nullText)
        case .boolean(let v): out.append(contentsOf: v ? Self.trueText : Self.falseText)
        case .integer(let v): Self.appendInteger(v, to: &out)
        case .number(let v): Self.appendNumber(v, to: &out)
        case .string(let v): Self.appendQuoted(v, to: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                item.append(to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let fields):
            out.append(UInt8(ascii: "{"))
            for (i, field) in fields.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                Self.appendQuoted(field.key, to: &out)
                out.append(UInt8(ascii: ":"))
                field.value.append(to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static let nullText = Array("null".utf8), trueText = Array("true".utf8), falseText = Array("false".utf8)

    static func appendInteger(_ v: Int, to out: inout [UInt8]) {
        if v == 0 { out.append(UInt8(ascii: "0")); return }
        var digits: [UInt8] = []
        var m = v.magnitude
        while m > 0 {
            digits.append(UInt8(ascii: "0") + UInt8(m % 10))
            m /= 10
        }
        if v < 0 { out.append(UInt8(ascii: "-")) }
        out.append(contentsOf: digits.reversed())
    }

    /// A float as `encode` writes it: `%.1f` when whole and within ±2^53, `%.17g` otherwise,
    /// `null` for NaN and infinities.
    static func appendNumber(_ v: Double, to out: inout [UInt8]) {
        guard v.isFinite else { out.append(contentsOf: nullText); return }
        let whole = v == v.rounded(.down) && v > -9007199254740992 && v < 9007199254740992
        var buffer = [CChar](repeating: 0, count: 40)
        let n = buffer.withUnsafeMutableBufferPointer { b in
            withVaList([v]) { vsnprintf(b.baseAddress, 40, whole ? "%.1f" : "%.17g", $0) }
        }
        buffer.withUnsafeBufferPointer { b in
            b.baseAddress!.withMemoryRebound(to: UInt8.self, capacity: 40) { out.append(contentsOf: UnsafeBufferPointer(start: $0, count: Int(min(n, 39)))) }
        }
    }

    /// A string in quotes, as `encode`'s `quote` writes it: `"` and `\` and the control
    /// characters (below 0x20, and 0x7F) escaped.
    static func appendQuoted(_ s: [UInt8], to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        if !s.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0x22 || $0 == 0x5C }) {
            out.append(contentsOf: s)
        } else {
            for b in s {
                switch b {
                case 0x22: out.append(contentsOf: [0x5C, 0x22])
                case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
                case 0x08: out.append(contentsOf: [0x5C, UInt8(ascii: "b")])
                case 0x0C: out.append(contentsOf: [0x5C, UInt8(ascii: "f")])
                case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                case 0..<0x20, 0x7F:
                    let hex = Array("0123456789abcdef".utf8)
                    out.append(contentsOf: Array("\\u00".utf8))
                    out.append(hex[Int(b >> 4)])
                    out.append(hex[Int(b & 15)])
                default: out.append(b)
                }
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
