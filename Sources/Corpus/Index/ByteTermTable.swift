import Foundation

/// An open-addressing hash table from byte strings to dense ids (0, 1, 2, …), with the bytes
/// kept in one arena. It is what turns every token of a corpus into a term id without making
/// a `String` per token.
struct ByteTermTable: Sendable {
    private(set) var arena: [UInt8] = []
    /// Term i occupies `arena[starts[i] ..< starts[i + 1]]`.
    private(set) var starts: [UInt32] = [0]
    private var hashes: [UInt32] = []
    /// 0 for an empty slot, else id + 1.
    private var slots: [UInt32]
    private var mask: Int

    init(capacity: Int = 4096) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: 0, count: size)
        mask = size - 1
        arena.reserveCapacity(capacity * 8)
        starts.reserveCapacity(capacity + 1)
        hashes.reserveCapacity(capacity)
    }

    /// Number of distinct terms.
    var count: Int { hashes.count }

    /// A fast 32-bit hash of bytes (8 bytes per step, multiply-xorshift mixing).
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        guard let base = bytes.baseAddress else { return UInt32(truncatingIfNeeded: h) }
        let raw = UnsafeRawPointer(base)
        var i = 0
        let n = bytes.count
        while i + 8 <= n {
            let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            h = (h ^ word) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 29
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < n {
            tail |= UInt64(base[i]) << shift
            shift += 8
            i += 1
        }
        h = (h ^ tail) &* 0x94D0_49BB_1331_11EB
        h ^= h >> 32
        return UInt32(truncatingIfNeeded: h)
    }

    @inline(__always)
    private func equals(_ id: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(starts[id])
        let length = Int(starts[id + 1]) - start
        guard length == bytes.count else { return false }
        if length == 0 { return true }
        return arena.withUnsafeBufferPointer { a in
            guard let base = a.baseAddress, let other = bytes.baseAddress else { return false }
            return memcmp(base + start, other, length) == 0
        }
    }

    /// The id of `bytes`, adding them when new.
    @inline(__always)
    mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        insert(bytes, hash: Self.hash(bytes))
    }

    /// The stored hash of term `id` (lets another table insert it without hashing again).
    func hash(of id: Int) -> UInt32 { hashes[id] }

    /// The id of `bytes` whose `hash` is already known, adding them when new.
    @inline(__always)
    mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>, hash h: UInt32) -> UInt32 {
        var slot = Int(h) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { break }
            let id = Int(entry - 1)
            if hashes[id] == h && equals(id, bytes) { return UInt32(id) }
            slot = (slot + 1) & mask
        }
        let id = UInt32(hashes.count)
        hashes.append(h)
        arena.append(contentsOf: bytes)
        starts.append(UInt32(arena.count))
        slots[slot] = id + 1
        if hashes.count * 2 > slots.count { grow() }
        return id
    }

    /// The id of `bytes`, or nil.
    func find(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32? {
        let h = Self.hash(bytes)
        var slot = Int(h) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { return nil }
            let id = Int(entry - 1)
            if hashes[id] == h && equals(id, bytes) { return UInt32(id) }
            slot = (slot + 1) & mask
        }
    }

    /// The id of a string, or nil.
    func find(_ text: String) -> UInt32? {
        var t = text
        return t.withUTF8 { find($0) }
    }

    private mutating func grow() {
        let size = slots.count * 2
        var fresh = [UInt32](repeating: 0, count: size)
        let newMask = size - 1
        for (id, h) in hashes.enumerated() {
            var slot = Int(h) & newMask
            while fresh[slot] != 0 { slot = (slot + 1) & newMask }
            fresh[slot] = UInt32(id + 1)
        }
        slots = fresh
        mask = newMask
    }

    /// The bytes of term `id`, handed to `body`.
    func withBytes<R>(of id: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let start = Int(starts[id])
        let end = Int(starts[id + 1])
        return arena.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<end])) }
    }

    /// Term `id` as text.
    func string(_ id: Int) -> String {
        withBytes(of: id) { String(decoding: $0, as: UTF8.self) }
    }
}
