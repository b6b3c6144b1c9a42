import LuaBridge
import Testing
@testable import Scripting

/// `dossier reduce` decodes row lines with `RowScanner` (issue 14): every JSON value a map writes
/// comes back as the Lua value it was, and a bad line is refused with what is wrong.
@Suite struct RowScannerTests {
    /// A value written out so that integers, floats and strings are told apart.
    static func show(_ v: LuaValue) -> String {
        switch v {
        case .nil: return "nil"
        case .boolean(let b): return "\(b)"
        case .integer(let i): return "i\(i)"
        case .number(let d): return "f\(d)"
        case .string(let s): return (s.text ?? "<bytes>").debugDescription
        case .table(let t):
            let fields = t.fields.map { "\(show($0.key))=\(show($0.value))" }.sorted()
            return "{" + (t.array.map(show) + fields).joined(separator: ",") + "}"
        default: return "?"
        }
    }

    static func scan(_ line: String) throws -> LuaValue? {
        let bytes = Array(line.utf8)
        return try bytes.withUnsafeBufferPointer { p throws -> LuaValue? in
            do { return try RowScanner<LuaValue>.row(p) } catch { throw error }
        }
    }

    @Test func valuesComeBackAsWritten() throws {
        let cases: [(String, String)] = [
            (#"{"table":"t","count":66,"score":2.0,"neg":-0.125,"big":1e300,"e":5E-2}"#,
             #"{"big"=f1e+300,"count"=i66,"e"=f0.05,"neg"=f-0.125,"score"=f2.0,"table"="t"}"#),
            (#"{"table":"t","max":9223372036854775807,"min":-9223372036854775808,"over":18446744073709551616}"#,
             #"{"max"=i9223372036854775807,"min"=i-9223372036854775808,"over"=f1.8446744073709552e+19,"table"="t"}"#),
            (#" { "table" : "t" , "list" : [1, "a", [true, false], {}] , "gone" : null } "#,
             #"{"list"={i1,"a",{true,false},{}},"table"="t"}"#),
            (#"{"table":"t","s":"tab\there \"q\" back\\slash \/ \u0000nul \u00e9\u20ac \ud83d\ude00 é€😀"}"#,
             #"{"s"="tab\there \"q\" back\\slash / \0nul é€ 😀 é€😀","table"="t"}"#),
        ]
        for (line, expected) in cases {
            let value = try #require(try Self.scan(line), "\(line)")
            #expect(Self.show(value) == expected)
        }
    }

    @Test func linesThatAreNotRowsGiveNil() throws {
        #expect(try Self.scan(#"[1, 2]"#) == nil)
        #expect(try Self.scan(#"{"term": "x"}"#) == nil)
        #expect(try Self.scan(#"{"table": 3}"#) == nil)
        #expect(try Self.scan(#""text""#) == nil)
    }

    @Test func badJSONIsRefusedWithAReason() {
        let bad = [
            #"{"table":"t","#, #"{"table":"t" "x":1}"#, #"{"table":"t","n":01}"#, #"{"table":"t","n":1.}"#,
            #"{"table":"t","n":-}"#, #"{"table":"t","s":"\x"}"#, #"{"table":"t","s":"\ud800"}"#,
            #"{"table":"t","s":"\udc00x"}"#, "{\"table\":\"t\",\"s\":\"a\tb\"}", #"{"table":"t","b":tru}"#,
            #"{"table":"t"} x"#, #"{"table":"t","s":"open}"#, #"{table:"t"}"#,
            String(repeating: "[", count: 600) + String(repeating: "]", count: 600),
        ]
        for line in bad {
            #expect(throws: RowSyntaxError.self, "\(line)") { try Self.scan(line) }
        }
        let notUTF8: [UInt8] = Array(#"{"table":"t","s":""#.utf8) + [0xC3, 0x28] + Array("\"}".utf8)
        #expect(throws: RowSyntaxError.self) { try notUTF8.withUnsafeBufferPointer { try RowScanner<LuaValue>.row($0) } }
    }
}
