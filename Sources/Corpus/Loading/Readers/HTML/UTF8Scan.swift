/// Counts of valid multi-byte and invalid sequences in UTF-8 bytes.
struct UTF8Scan {
    var multibyte = 0
    var invalid = 0
    var firstInvalid = -1

    init(_ b: UnsafeBufferPointer<UInt8>) {
        var i = 0
        let n = b.count
        while i < n {
            // Eight ASCII bytes at a time.
            if i + 8 <= n, let base = b.baseAddress {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0 { i += 8; continue }
            }
            if b[i] < 0x80 { i += 1; continue }
            let width = Self.sequenceLength(b, at: i)
            if width > 0 {
                multibyte += 1
                i += width
            } else {
                if firstInvalid < 0 { firstInvalid = i }
                invalid += 1
                i += 1
            }
        }
    }

    /// The length of the valid UTF-8 sequence at `i`, or 0 when the bytes there are not one.
    @inline(__always)
    static func sequenceLength(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let n = b.count
        let c = b[i]
        if c < 0x80 { return 1 }
        @inline(__always) func cont(_ k: Int) -> Bool { i + k < n && b[i + k] & 0xC0 == 0x80 }
        switch c {
        case 0xC2...0xDF:
            return cont(1) ? 2 : 0
        case 0xE0:
            return i + 2 < n && b[i + 1] >= 0xA0 && b[i + 1] <= 0xBF && cont(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE, 0xEF:
            return cont(1) && cont(2) ? 3 : 0
        case 0xED:
            return i + 2 < n && b[i + 1] >= 0x80 && b[i + 1] <= 0x9F && cont(2) ? 3 : 0
        case 0xF0:
            return i + 3 < n && b[i + 1] >= 0x90 && b[i + 1] <= 0xBF && cont(2) && cont(3) ? 4 : 0
        case 0xF1...0xF3:
            return cont(1) && cont(2) && cont(3) ? 4 : 0
        case 0xF4:
            return i + 3 < n && b[i + 1] >= 0x80 && b[i + 1] <= 0x8F && cont(2) && cont(3) ? 4 : 0
        default:
            return 0
        }
    }
}
