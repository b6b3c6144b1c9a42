/// LEB128 variable-length integers: the postings' compact encoding (1 byte for values < 128).
enum VarInt {
    @inline(__always)
    static func append(_ value: UInt32, to out: inout [UInt8]) {
        var v = value
        while v >= 0x80 {
            out.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        out.append(UInt8(v))
    }

    /// Reads one value at `offset`, advancing it. Returns 0 past the end (never traps).
    @inline(__always)
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: inout Int) -> UInt32 {
        read(bytes, &offset, end: bytes.count)
    }

    /// Reads one value at `offset` of a stream that ends at `end` (at most `bytes.count`),
    /// advancing `offset`. Returns what it has read so far past `end` (never traps); a value
    /// longer than five bytes stops the read. The one decoder of the postings' varints.
    @inline(__always)
    static func read<Bytes: RandomAccessCollection>(_ bytes: Bytes, _ offset: inout Int, end: Int) -> UInt32
    where Bytes.Element == UInt8, Bytes.Index == Int {
        var result: UInt32 = 0
        var shift: UInt32 = 0
        while offset < end {
            let b = bytes[offset]
            offset += 1
            result |= UInt32(b & 0x7F) << shift
            if b < 0x80 { return result }
            shift += 7
            if shift > 28 { break }
        }
        return result
    }
}
