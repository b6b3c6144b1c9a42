import Foundation

/// A strict RFC 8259 parser for the one shape a JSON article almost always has: an object of
/// strings, numbers, booleans, nulls, and arrays or objects of them. It gives the same values
/// `JSONSerialization` gives (`String`, `NSNumber`, `NSNull`, `[Any]`, `[String: Any]`), at a
/// fraction of its cost: a string without escapes is found with `memchr` and made with one
/// UTF-8 check.
///
/// It never decides that input is malformed: on anything it does not take (a syntax error, raw
/// control characters in a string, invalid UTF-8, a lone surrogate escape, nesting deeper than
/// `maximumDepth`, a top-level value that is not an object) it returns nil, and the caller asks
/// `JSONSerialization`, whose verdict and error message stand.
struct JSONObjectScanner {
    static let maximumDepth = 64

    private let bytes: UnsafeBufferPointer<UInt8>
    private var i = 0
    /// Scratch for strings with escapes (one scanner per line: small).
    private var scratch: [UInt8] = []

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The object in `bytes`, or nil when they are not a JSON object this scanner takes.
    static func object(_ bytes: UnsafeBufferPointer<UInt8>) -> [String: Any]? {
        var scanner = JSONObjectScanner(bytes)
        scanner.skipSpace()
        guard scanner.peek == UInt8(ascii: "{"), let object = scanner.object(depth: 0) else { return nil }
        scanner.skipSpace()
        return scanner.i == bytes.count ? object : nil
    }

    private var peek: UInt8 { i < bytes.count ? bytes[i] : 0 }

    @inline(__always)
    private mutating func skipSpace() {
        while i < bytes.count {
            let b = bytes[i]
            guard b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 else { return }
            i += 1
        }
    }

    private mutating func value(depth: Int) -> Any? {
        skipSpace()
        switch peek {
        case UInt8(ascii: "\""): return string()
        case UInt8(ascii: "{"): return object(depth: depth + 1)
        case UInt8(ascii: "["): return array(depth: depth + 1)
        case UInt8(ascii: "t"): return literal("true") ? NSNumber(value: true) : nil
        case UInt8(ascii: "f"): return literal("false") ? NSNumber(value: false) : nil
        case UInt8(ascii: "n"): return literal("null") ? NSNull() : nil
        default: return number()
        }
    }

    private mutating func object(depth: Int) -> [String: Any]? {
        guard depth <= Self.maximumDepth, peek == UInt8(ascii: "{") else { return nil }
        i += 1
        var object: [String: Any] = [:]
        skipSpace()
        if peek == UInt8(ascii: "}") {
            i += 1
            return object
        }
        while true {
            skipSpace()
            guard peek == UInt8(ascii: "\""), let key = string() else { return nil }
            skipSpace()
            guard peek == UInt8(ascii: ":") else { return nil }
            i += 1
            guard let value = value(depth: depth) else { return nil }
            object[key] = value
            skipSpace()
            if peek == UInt8(ascii: ",") {
                i += 1
                continue
            }
            guard peek == UInt8(ascii: "}") else { return nil }
            i += 1
            return object
        }
    }

    private mutating func array(depth: Int) -> [Any]? {
        guard depth <= Self.maximumDepth else { return nil }
        i += 1
        var array: [Any] = []
        skipSpace()
        if peek == UInt8(ascii: "]") {
            i += 1
            return array
        }
        while true {
            guard let value = value(depth: depth) else { return nil }
            array.append(value)
            skipSpace()
            if peek == UInt8(ascii: ",") {
                i += 1
                continue
            }
            guard peek == UInt8(ascii: "]") else { return nil }
            i += 1
            return array
        }
    }

    private mutating func literal(_ word: StaticString) -> Bool {
        let n = word.utf8CodeUnitCount
        guard i + n <= bytes.count, memcmp(bytes.baseAddress! + i, word.utf8Start, n) == 0 else { return false }
        i += n
        return true
    }

    /// A string; `i` is at its opening quote. Runs between escapes are found with `memchr`
    /// and copied whole.
    private mutating func string() -> String? {
        i += 1
        guard let base = bytes.baseAddress else { return nil }
        var copied = false
        while true {
            guard let q = memchr(base + i, 0x22, bytes.count - i) else { return nil }
            let quote = UnsafeRawPointer(q) - UnsafeRawPointer(base)
            let escape = memchr(base + i, 0x5C, quote - i).map { UnsafeRawPointer($0) - UnsafeRawPointer(base) }
            let run = UnsafeBufferPointer(start: base + i, count: (escape ?? quote) - i)
            // Control characters must be escaped in JSON.
            guard !run.contains(where: { $0 < 0x20 }) else { return nil }
            guard let escape else {
                i = quote + 1
                // No escape at all: the bytes are the string.
                if !copied { return String(validating: run, as: UTF8.self) }
                scratch.append(contentsOf: run)
                return String(validating: scratch, as: UTF8.self)
            }
            if !copied {
                scratch.removeAll(keepingCapacity: true)
                copied = true
            }
            scratch.append(contentsOf: run)
            i = escape + 1
            guard i < bytes.count else { return nil }
            let e = bytes[i]
            i += 1
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(e)
            case UInt8(ascii: "b"): scratch.append(0x08)
            case UInt8(ascii: "f"): scratch.append(0x0C)
            case UInt8(ascii: "n"): scratch.append(0x0A)
            case UInt8(ascii: "r"): scratch.append(0x0D)
            case UInt8(ascii: "t"): scratch.append(0x09)
            case UInt8(ascii: "u"):
                guard var code = hex4() else { return nil }
                if code >= 0xD800 && code < 0xDC00 {
                    // A high surrogate must be followed by an escaped low one.
                    guard i + 1 < bytes.count, bytes[i] == 0x5C, bytes[i + 1] == UInt8(ascii: "u") else { return nil }
                    i += 2
                    guard let low = hex4(), low >= 0xDC00 && low < 0xE000 else { return nil }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                } else if code >= 0xDC00 && code < 0xE000 {
                    return nil
                }
                guard let scalar = Unicode.Scalar(code), let encoded = UTF8.encode(scalar) else { return nil }
                scratch.append(contentsOf: encoded)
            default:
                return nil
            }
        }
    }

    private mutating func hex4() -> UInt32? {
        guard i + 4 <= bytes.count else { return nil }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[i]
            let digit: UInt32
            switch b {
            case 0x30...0x39: digit = UInt32(b - 0x30)
            case 0x41...0x46: digit = UInt32(b - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(b - 0x61 + 10)
            default: return nil
            }
            v = v << 4 | digit
            i += 1
        }
        return v
    }

    /// A number as JSON writes it: an integer that fits becomes an `Int` NSNumber, any other a `Double` one.
    private mutating func number() -> NSNumber? {
        let start = i
        if peek == UInt8(ascii: "-") { i += 1 }
        guard peek >= 0x30 && peek <= 0x39 else { return nil }
        if peek == 0x30 { i += 1 } else { while peek >= 0x30 && peek <= 0x39 { i += 1 } }
        var integer = true
        if peek == UInt8(ascii: ".") {
            integer = false
            i += 1
            guard peek >= 0x30 && peek <= 0x39 else { return nil }
            while peek >= 0x30 && peek <= 0x39 { i += 1 }
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            integer = false
            i += 1
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { i += 1 }
            guard peek >= 0x30 && peek <= 0x39 else { return nil }
            while peek >= 0x30 && peek <= 0x39 { i += 1 }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
        if integer, let n = Int(text) { return NSNumber(value: n) }
        guard let d = Double(text), d.isFinite else { return nil }
        return NSNumber(value: d)
    }
}
