import Foundation

/// Turns file bytes into text, or explains why they are not text.
///
/// Valid UTF-8 is read as is (a byte-order mark is dropped). A file that opens with a UTF-16
/// byte-order mark (little- or big-endian, as Windows tools write "Unicode" text) is decoded
/// from UTF-16. Bytes that are not UTF-8 but look like text are read as Windows-1252, the usual
/// encoding of such news files, with a warning that names the first bad byte, so nothing is
/// lost. NUL bytes or many control characters mean a binary file, which is skipped. Line ends
/// become LF.
public enum TextDecoding {
    /// The outcome of decoding one file.
    public enum Outcome: Sendable, Equatable {
        case text(String, warning: String?)
        case empty
        case binary(reason: String)
    }

    public static func decode(_ bytes: [UInt8]) -> Outcome {
        bytes.withUnsafeBufferPointer { decode($0) }
    }

    public static func decode(_ input: UnsafeBufferPointer<UInt8>) -> Outcome {
        if let endian = UTF16Text.byteOrder(of: input) {
            let (utf8, warning) = UTF16Text.transcode(UnsafeBufferPointer(rebasing: input[2...]), endian)
            let outcome = utf8.withUnsafeBufferPointer { decode($0) }
            guard let warning, case .text(let text, let other) = outcome else { return outcome }
            return .text(text, warning: other.map { warning + "; " + $0 } ?? warning)
        }
        var bytes = input
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            bytes = UnsafeBufferPointer(rebasing: bytes[3...])
        }
        if isBlank(bytes) { return .empty }
        if let reason = binaryReason(bytes) { return .binary(reason: reason) }
        var warning: String?
        var text: String
        let hasCR = bytes.baseAddress.map { memchr($0, 13, bytes.count) != nil } ?? false
        if let valid = String(validating: bytes, as: UTF8.self) {
            text = valid
        } else {
            let (offset, line) = firstInvalidUTF8(bytes)
            warning = "not valid UTF-8 (first bad byte at line \(line), byte \(offset)); read as Windows-1252"
            text = decodeWindows1252(bytes)
        }
        if hasCR { text = normalizeLineEnds(text) }
        return .text(text, warning: warning)
    }

    static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for b in bytes where !(b == 32 || b == 9 || b == 10 || b == 13) { return false }
        return true
    }

    /// A reason when the bytes look binary: a NUL byte, or over 10% control characters in the
    /// first 8 KB.
    static func binaryReason(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        if let base = bytes.baseAddress, let hit = memchr(base, 0, bytes.count) {
            let nul = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
            return "binary file (NUL byte at offset \(nul)), skipped"
        }
        let sample = UnsafeBufferPointer(rebasing: bytes.prefix(8192))
        let control = controlBytes(sample)
        if control * 10 > sample.count { return "binary file (\(control) control bytes in the first \(sample.count)), skipped" }
        return nil
    }

    /// The number of control bytes (below 0x20, other than tab, LF, FF and CR) in `bytes`.
    /// Text has few bytes below 0x20 at all, so it tests 8 bytes at a time for any and looks
    /// closer only at the words that have one.
    static func controlBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        var control = 0
        var i = 0
        func isControl(_ b: UInt8) -> Bool { b < 32 && b != 9 && b != 10 && b != 13 && b != 12 }
        while i + 8 <= bytes.count {
            let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            // A byte below 0x20 sets its high bit in (word - 0x20…) & ~word (the classic
            // "has a byte less than n" test, exact for n ≤ 0x80).
            if (word &- 0x2020_2020_2020_2020) & ~word & 0x8080_8080_8080_8080 != 0 {
                for k in i..<(i + 8) where isControl(base[k]) { control += 1 }
            }
            i += 8
        }
        while i < bytes.count {
            if isControl(base[i]) { control += 1 }
            i += 1
        }
        return control
    }

    /// Byte offset and 1-based line of the first byte that breaks UTF-8.
    static func firstInvalidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int) {
        var i = 0
        var line = 1
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b == 10 { line += 1 }
            if b < 0x80 { i += 1; continue }
            let need: Int
            if b & 0xE0 == 0xC0, b >= 0xC2 { need = 1 }
            else if b & 0xF0 == 0xE0 { need = 2 }
            else if b & 0xF8 == 0xF0, b <= 0xF4 { need = 3 }
            else { return (i, line) }
            for k in 1...need where i + k >= n || bytes[i + k] & 0xC0 != 0x80 { return (i, line) }
            i += need + 1
        }
        return (n, line)
    }

    static let windows1252High: [UInt16] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]

    static func decodeWindows1252(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for b in bytes {
            let value: UInt32 = (0x80..<0xA0).contains(b) ? UInt32(windows1252High[Int(b) - 0x80]) : UInt32(b)
            scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
        }
        return String(scalars)
    }

    /// CRLF and lone CR become LF.
    public static func normalizeLineEnds(_ text: String) -> String {
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count)
        var previousCR = false
        for b in text.utf8 {
            if b == 13 {
                out.append(10)
                previousCR = true
                continue
            }
            if b == 10 && previousCR {
                previousCR = false
                continue
            }
            previousCR = false
            out.append(b)
        }
        return String(decoding: out, as: UTF8.self)
    }
}
