import Foundation
import NewsText

/// A strict RFC 8259 parser for the one shape a JSON article almost always has: an object of
/// strings, numbers, booleans, nulls, and arrays or objects of them. It gives the same values
/// `JSONSerialization` gives (`String`, `NSNumber`, `NSNull`, `[Any]`, `[String: Any]`), at a
/// fraction of its cost: a string without escapes is found with `memchr` and made with one
/// UTF-8 check. The tokens are read by `JSONLexer` (the text layer), which `dossier reduce`'s
/// row scanner shares.
///
/// It never decides that input is malformed: on anything it does not take (a syntax error, raw
/// control characters in a string, invalid UTF-8, a lone surrogate escape, nesting deeper than
/// `maximumDepth`, a top-level value that is not an object) it returns nil, and the caller asks
/// `JSONSerialization`, whose verdict and error message stand.
struct JSONObjectScanner {
    static let maximumDepth = 64

    private var lexer: JSONLexer

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        lexer = JSONLexer(bytes)
    }

    /// The object in `bytes`, or nil when they are not a JSON object this scanner takes.
    static func object(_ bytes: UnsafeBufferPointer<UInt8>) -> [String: Any]? {
        var scanner = JSONObjectScanner(bytes)
        do {
            scanner.lexer.skipSpace()
            guard scanner.lexer.peek == UInt8(ascii: "{"), let object = try scanner.object(depth: 0) else { return nil }
            scanner.lexer.skipSpace()
            return scanner.lexer.atEnd ? object : nil
        } catch {
            return nil
        }
    }

    private mutating func value(depth: Int) throws(JSONSyntaxError) -> Any? {
        lexer.skipSpace()
        switch lexer.peek {
        case UInt8(ascii: "\""): return try string()
        case UInt8(ascii: "{"): return try object(depth: depth + 1)
        case UInt8(ascii: "["): return try array(depth: depth + 1)
        case UInt8(ascii: "t"): try lexer.literal("true"); return NSNumber(value: true)
        case UInt8(ascii: "f"): try lexer.literal("false"); return NSNumber(value: false)
        case UInt8(ascii: "n"): try lexer.literal("null"); return NSNull()
        default: return try number()
        }
    }

    private mutating func object(depth: Int) throws(JSONSyntaxError) -> [String: Any]? {
        guard depth <= Self.maximumDepth, lexer.peek == UInt8(ascii: "{") else { return nil }
        lexer.offset += 1
        var object: [String: Any] = [:]
        lexer.skipSpace()
        if lexer.peek == UInt8(ascii: "}") {
            lexer.offset += 1
            return object
        }
        while true {
            lexer.skipSpace()
            guard lexer.peek == UInt8(ascii: "\""), let key = try string() else { return nil }
            lexer.skipSpace()
            guard lexer.peek == UInt8(ascii: ":") else { return nil }
            lexer.offset += 1
            guard let value = try value(depth: depth) else { return nil }
            object[key] = value
            lexer.skipSpace()
            if lexer.peek == UInt8(ascii: ",") {
                lexer.offset += 1
                continue
            }
            guard lexer.peek == UInt8(ascii: "}") else { return nil }
            lexer.offset += 1
            return object
        }
    }

    private mutating func array(depth: Int) throws(JSONSyntaxError) -> [Any]? {
        guard depth <= Self.maximumDepth else { return nil }
        lexer.offset += 1
        var array: [Any] = []
        lexer.skipSpace()
        if lexer.peek == UInt8(ascii: "]") {
            lexer.offset += 1
            return array
        }
        while true {
            guard let value = try value(depth: depth) else { return nil }
            array.append(value)
            lexer.skipSpace()
            if lexer.peek == UInt8(ascii: ",") {
                lexer.offset += 1
                continue
            }
            guard lexer.peek == UInt8(ascii: "]") else { return nil }
            lexer.offset += 1
            return array
        }
    }

    /// A string; nil when its bytes are not UTF-8.
    private mutating func string() throws(JSONSyntaxError) -> String? {
        try lexer.string { String(validating: $0, as: UTF8.self) }
    }

    /// A number as JSON writes it: an integer that fits becomes an `Int` NSNumber, any other a
    /// `Double` one (nil when it overflows).
    private mutating func number() throws(JSONSyntaxError) -> NSNumber? {
        let n = try lexer.number()
        if let i = lexer.integer(n) { return NSNumber(value: i) }
        return lexer.double(n).map { NSNumber(value: $0) }
    }
}
