/// A growable byte buffer for writing varints fast: the postings encoder's output streams.
///
/// `Array.append` checks uniqueness and capacity on every byte; the encoder writes hundreds of
/// millions of bytes in a load, so it reserves room once per posting (`ensure`) and then writes
/// through a raw pointer. The bytes are handed over as an exactly sized array (`finish`).
struct ByteWriter {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(16, capacity)
        base = .allocate(capacity: self.capacity)
    }

    /// Makes room for `extra` more bytes.
    @inline(__always)
    mutating func ensure(_ extra: Int) {
        if count + extra > capacity { grow(count + extra) }
    }

    private mutating func grow(_ needed: Int) {
        var larger = capacity * 2
        while larger < needed { larger *= 2 }
        let fresh = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        fresh.update(from: base, count: count)
        base.deallocate()
        base = fresh
        capacity = larger
    }

    /// Appends `value` as a LEB128 varint (`VarInt`'s encoding). The caller has ensured room
    /// for 5 bytes.
    @inline(__always)
    mutating func varint(_ value: UInt32) {
        var v = value
        while v >= 0x80 {
            base[count] = UInt8(truncatingIfNeeded: v) | 0x80
            count += 1
            v >>= 7
        }
        base[count] = UInt8(truncatingIfNeeded: v)
        count += 1
    }

    /// Appends bytes as they are (postings copied from another stream).
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        ensure(bytes.count)
        if let source = bytes.baseAddress { (base + count).update(from: source, count: bytes.count) }
        count += bytes.count
    }

    /// The bytes written, in an array of exactly their size; frees the buffer (the writer must
    /// not be used after).
    mutating func finish() -> [UInt8] {
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            if let target = buffer.baseAddress { target.update(from: base, count: count) }
            initialized = count
        }
        base.deallocate()
        capacity = 0
        count = 0
        base = .allocate(capacity: 1)
        return bytes
    }
}
