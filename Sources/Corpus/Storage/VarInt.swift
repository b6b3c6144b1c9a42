/// LEB128 variable-length integers (1 byte for values < 128): the one encoder and decoder of
/// the postings' 32-bit varints and of the archive records' 64-bit ones (`RecordWriter`,
/// `RecordReader`).
enum VarInt {
    @inline(__always)
    static func append(_ value: UInt32, to out: inout [UInt8]) { appendBits(value, to: &out) }

    /// Appends a 64-bit value (the archive records' numbers).
    @inline(__always)
    static func append64(_ value: UInt64, to out: inout [UInt8]) { appendBits(value, to: &out) }

    @inline(__always)
    private static func appendBits<Value: FixedWidthInteger & UnsignedInteger>(_ value: Value, to out: inout [UInt8]) {
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

    /// Reads one 64-bit value at `offset` of `bytes`, advancing it, for records that may be
    /// damaged: `complete` is false when the bytes ran out or the value ran past 64 bits (the
    /// bits read so far are returned; never traps).
    @inline(__always)
    static func read64(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: inout Int) -> (value: UInt64, complete: Bool) {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.count, shift < 64 {
            let b = bytes[offset]
            offset += 1
            result |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return (result, true) }
            shift += 7
        }
        return (result, false)
    }
}
