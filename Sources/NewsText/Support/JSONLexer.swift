import Foundation

/// A JSON token that is not JSON (RFC 8259): what is wrong and at which byte.
package struct JSONSyntaxError: Error, Sendable {
    /// What is wrong, in words a user can act on ("a lone surrogate in a \u escape").
    package let message: String
    /// The 0-based byte offset in the input where it was noticed.
    package let offset: Int

    package init(_ message: String, at offset: Int) {
        self.message = message
        self.offset = offset
    }
}

/// The lexical layer of JSON shared by the two fast scanners that build values from it: the
/// JSONL record reader's `JSONObjectScanner` (Corpus: Foundation values) and `dossier reduce`'s
/// `RowScanner` (Scripting: Lua values). It reads whitespace, literals, strings (every escape,
/// surrogate pairs, no raw control characters) and numbers by JSON's grammar; each scanner keeps
/// its own structure (objects, arrays, depth limits) and value types.
///
/// Strings are found with `memchr` and handed to the caller as bytes: a string without escapes
/// is a slice of the input, one with escapes is decoded into a scratch buffer that is reused
/// for the next string. UTF-8 validity is the caller's check, made once where it builds its
/// string.
package struct JSONLexer {
    /// The input.
    package let bytes: UnsafeBufferPointer<UInt8>
    /// The offset of the next byte to read.
    package var offset = 0
    @usableFromInline var scratch: [UInt8] = []

    package init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The next byte, or 0 at the end of the input (0 starts no JSON token).
    @inlinable package var peek: UInt8 { offset < bytes.count ? bytes[offset] : 0 }

    /// Whether the whole input has been read.
    @inlinable package var atEnd: Bool { offset >= bytes.count }

    @inlinable package func error(_ message: String) -> JSONSyntaxError { JSONSyntaxError(message, at: offset) }

    /// Skips JSON whitespace (space, tab, line feed, carriage return).
    @inlinable @inline(__always)
    package mutating func skipSpace() {
        while offset < bytes.count {
            let b = bytes[offset]
            guard b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 else { return }
            offset += 1
        }
    }

    /// Reads `word` (`true`, `false`, `null`) at the current offset.
    @inlinable
    package mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
        let n = word.utf8CodeUnitCount
        guard offset + n <= bytes.count, let base = bytes.baseAddress,
              memcmp(base + offset, word.utf8Start, n) == 0 else { throw error("an unknown word") }
        offset += n
    }

    /// Reads the string whose opening quote is at the current offset and gives `body` its bytes
    /// with escapes decoded (not yet checked to be UTF-8). The buffer is valid only inside `body`.
    @inlinable
    package mutating func string<R>(_ body: (UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> R) throws(JSONSyntaxError) -> R {
        offset += 1
        guard let base = bytes.baseAddress else { throw error("the input ends inside a string") }
        var copied = false
        while true {
            guard offset <= bytes.count, let q = memchr(base + offset, 0x22, bytes.count - offset) else {
                offset = bytes.count
                throw error("the input ends inside a string")
            }
            let quote = UnsafeRawPointer(q) - UnsafeRawPointer(base)
            let escape = memchr(base + offset, 0x5C, quote - offset).map { UnsafeRawPointer($0) - UnsafeRawPointer(base) }
            let run = UnsafeBufferPointer(start: base + offset, count: (escape ?? quote) - offset)
            if let bad = run.firstIndex(where: { $0 < 0x20 }) {
                offset += bad
                throw error("a control character inside a string")
            }
            guard let escape else {
                offset = quote + 1
                // No escape at all: the bytes are the string.
                if !copied { return try body(run) }
                scratch.append(contentsOf: run)
                return try scratch.withUnsafeBufferPointer { (decoded) throws(JSONSyntaxError) -> R in try body(decoded) }
            }
            if !copied {
                scratch.removeAll(keepingCapacity: true)
                copied = true
            }
            scratch.append(contentsOf: run)
            offset = escape + 1
            try unescape()
        }
    }

    /// Decodes the escape whose backslash was just read into `scratch`.
    @usableFromInline
    mutating func unescape() throws(JSONSyntaxError) {
        guard offset < bytes.count else { throw error("the input ends inside a string") }
        let e = bytes[offset]
        offset += 1
        switch e {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(e)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"):
            var code = try hex4()
            if code >= 0xD800 && code < 0xDC00 {
                // A high surrogate must be followed by an escaped low one.
                guard offset + 1 < bytes.count, bytes[offset] == 0x5C, bytes[offset + 1] == UInt8(ascii: "u") else {
                    throw error("a lone surrogate in a \\u escape")
                }
                offset += 2
                let low = try hex4()
                guard low >= 0xDC00 && low < 0xE000 else { throw error("a lone surrogate in a \\u escape") }
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
            } else if code >= 0xDC00 && code < 0xE000 {
                throw error("a lone surrogate in a \\u escape")
            }
            guard let scalar = Unicode.Scalar(code), let encoded = UTF8.encode(scalar) else { throw error("a bad \\u escape") }
            scratch.append(contentsOf: encoded)
        default:
            offset -= 1
            throw error("an unknown escape")
        }
    }

    /// The four hex digits of a `\u` escape.
    @usableFromInline
    mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
        guard offset + 4 <= bytes.count else { throw error("a short \\u escape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[offset]
            let digit: UInt32
            switch b {
            case 0x30...0x39: digit = UInt32(b - 0x30)
            case 0x41...0x46: digit = UInt32(b - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(b - 0x61 + 10)
            default: throw error("a bad \\u escape")
            }
            v = v << 4 | digit
            offset += 1
        }
        return v
    }

    /// A number by JSON's grammar (no leading zeros, digits after `.` and in an exponent).
    package struct Number {
        /// The number's bytes in the input.
        package let span: Range<Int>
        /// Where its integer digits are (after any minus sign).
        package let digits: Range<Int>
        /// Whether it has a minus sign.
        package let negative: Bool
        /// Whether it has a fraction or an exponent.
        package let isFloat: Bool

        @inlinable
        package init(span: Range<Int>, digits: Range<Int>, negative: Bool, isFloat: Bool) {
            self.span = span
            self.digits = digits
            self.negative = negative
            self.isFloat = isFloat
        }
    }

    /// Reads the number at the current offset.
    @inlinable
    package mutating func number() throws(JSONSyntaxError) -> Number {
        let start = offset
        let negative = peek == UInt8(ascii: "-")
        if negative { offset += 1 }
        let intStart = offset
        skipDigits()
        guard offset > intStart else { throw error("not a value") }
        if offset - intStart > 1 && bytes[intStart] == 0x30 { throw error("a number with a leading zero") }
        let intEnd = offset
        var isFloat = false
        if peek == UInt8(ascii: ".") {
            offset += 1
            let f = offset
            skipDigits()
            guard offset > f else { throw error("a number without digits after '.'") }
            isFloat = true
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            offset += 1
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { offset += 1 }
            let e = offset
            skipDigits()
            guard offset > e else { throw error("a number without digits in its exponent") }
            isFloat = true
        }
        return Number(span: start..<offset, digits: intStart..<intEnd, negative: negative, isFloat: isFloat)
    }

    @inlinable @inline(__always)
    mutating func skipDigits() {
        while offset < bytes.count, bytes[offset] &- 0x30 < 10 { offset += 1 }
    }

    /// A number's value when it is an integer that fits 64 bits, else nil.
    @inlinable
    package func integer(_ n: Number) -> Int? {
        guard !n.isFloat else { return nil }
        if n.digits.count <= 18 {
            var v = 0
            for k in n.digits { v = v &* 10 &+ Int(bytes[k] &- 0x30) }
            return n.negative ? -v : v
        }
        return Int(text(n))
    }

    /// A number's value as a double (nil when it overflows to infinity).
    @inlinable
    package func double(_ n: Number) -> Double? {
        guard let d = Double(text(n)), d.isFinite else { return nil }
        return d
    }

    @inlinable
    func text(_ n: Number) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[n.span]), as: UTF8.self)
    }
}
