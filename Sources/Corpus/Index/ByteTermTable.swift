import Foundation

/// An open-addressing hash table from byte strings to dense ids (0, 1, 2, …), with the bytes
/// kept in one arena. It is what turns every token of a corpus into a term id without making
/// a `String` per token, so it is written for speed: manual buffers (no copy-on-write checks),
/// the hash stored beside each id, short keys compared as machine words.
final class ByteTermTable: @unchecked Sendable {
    /// Term bytes, back to back, with 8 spare bytes at the end so short keys can be read as
    /// one unaligned word.
    private var arena: UnsafeMutablePointer<UInt8>
    private var arenaCapacity: Int
    private(set) var arenaCount = 0
    /// Term i occupies `arena[starts[i] ..< starts[i + 1]]`.
    private var starts: UnsafeMutablePointer<UInt32>
    private var hashes: UnsafeMutablePointer<UInt32>
    private var termCapacity: Int
    private(set) var count = 0
    /// 0 for an empty slot, else (hash << 32) | (id + 1): the hash sits beside the id so a probe
    /// rejects other terms without touching `hashes` or the arena.
    private var slots: UnsafeMutablePointer<UInt64>
    private var slotCount: Int

    init(capacity: Int = 4096) {
        let terms = max(16, capacity)
        var size = 16
        while size < terms * 2 { size <<= 1 }
        slotCount = size
        slots = .allocate(capacity: size)
        slots.initialize(repeating: 0, count: size)
        termCapacity = terms
        starts = .allocate(capacity: terms + 1)
        starts[0] = 0
        hashes = .allocate(capacity: terms)
        arenaCapacity = terms * 8 + 8
        arena = .allocate(capacity: arenaCapacity)
        arena.initialize(repeating: 0, count: arenaCapacity)
    }

    deinit {
        arena.deallocate()
        starts.deallocate()
        hashes.deallocate()
        slots.deallocate()
    }

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
        guard length > 0, let other = bytes.baseAddress else { return true }
        if length <= 16 {
            // Most terms are short: compare in place rather than calling memcmp.
            let stored = arena + start
            for i in 0..<length where stored[i] != other[i] { return false }
            return true
        }
        return memcmp(arena + start, other, length) == 0
    }

    /// The id of `bytes`, adding them when new.
    @inline(__always)
    func insert(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        insert(bytes, hash: Self.hash(bytes))
    }

    /// The stored hash of term `id` (lets another table insert it without hashing again).
    func hash(of id: Int) -> UInt32 { hashes[id] }

    /// The id of `bytes` whose `hash` is already known, adding them when new.
    @inline(__always)
    func insert(_ bytes: UnsafeBufferPointer<UInt8>, hash h: UInt32) -> UInt32 {
        let mask = slotCount - 1
        var slot = Int(h) & mask
        let tag = UInt64(h) << 32
        while true {
            let entry = slots[slot]
            if entry == 0 { break }
            if entry & 0xFFFF_FFFF_0000_0000 == tag {
                let id = Int(entry & 0xFFFF_FFFF) - 1
                if equals(id, bytes) { return UInt32(id) }
            }
            slot = (slot + 1) & mask
        }
        let id = count
        if id == termCapacity { growTerms() }
        if arenaCount + bytes.count + 8 > arenaCapacity { growArena(bytes.count) }
        if let base = bytes.baseAddress, bytes.count > 0 {
            (arena + arenaCount).update(from: base, count: bytes.count)
        }
        arenaCount += bytes.count
        hashes[id] = h
        starts[id + 1] = UInt32(arenaCount)
        count += 1
        slots[slot] = tag | UInt64(id + 1)
        if count * 2 > slotCount { growSlots() }
        return UInt32(id)
    }

    /// The id of `bytes`, or nil.
    func find(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32? {
        let h = Self.hash(bytes)
        let mask = slotCount - 1
        var slot = Int(h) & mask
        let tag = UInt64(h) << 32
        while true {
            let entry = slots[slot]
            if entry == 0 { return nil }
            if entry & 0xFFFF_FFFF_0000_0000 == tag {
                let id = Int(entry & 0xFFFF_FFFF) - 1
                if equals(id, bytes) { return UInt32(id) }
            }
            slot = (slot + 1) & mask
        }
    }

    /// The id of a string, or nil.
    func find(_ text: String) -> UInt32? {
        var t = text
        return t.withUTF8 { find($0) }
    }

    private func growTerms() {
        let capacity = termCapacity * 2
        let newStarts = UnsafeMutablePointer<UInt32>.allocate(capacity: capacity + 1)
        newStarts.update(from: starts, count: count + 1)
        starts.deallocate()
        starts = newStarts
        let newHashes = UnsafeMutablePointer<UInt32>.allocate(capacity: capacity)
        newHashes.update(from: hashes, count: count)
        hashes.deallocate()
        hashes = newHashes
        termCapacity = capacity
    }

    private func growArena(_ needed: Int) {
        var capacity = arenaCapacity * 2
        while capacity < arenaCount + needed + 8 { capacity *= 2 }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        grown.initialize(repeating: 0, count: capacity)
        grown.update(from: arena, count: arenaCount)
        arena.deallocate()
        arena = grown
        arenaCapacity = capacity
    }

    private func growSlots() {
        let size = slotCount * 2
        let fresh = UnsafeMutablePointer<UInt64>.allocate(capacity: size)
        fresh.initialize(repeating: 0, count: size)
        let mask = size - 1
        for id in 0..<count {
            var slot = Int(hashes[id]) & mask
            while fresh[slot] != 0 { slot = (slot + 1) & mask }
            fresh[slot] = (UInt64(hashes[id]) << 32) | UInt64(id + 1)
        }
        slots.deallocate()
        slots = fresh
        slotCount = size
    }

    /// The bytes of term `id`, handed to `body`.
    func withBytes<R>(of id: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        guard id >= 0, id < count else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        let start = Int(starts[id])
        let end = Int(starts[id + 1])
        return body(UnsafeBufferPointer(start: arena + start, count: end - start))
    }

    /// Term `id` as text.
    func string(_ id: Int) -> String {
        withBytes(of: id) { String(decoding: $0, as: UTF8.self) }
    }

    /// Ids of the terms whose bytes start with `prefix`, in id order.
    func ids(withPrefix prefix: UnsafeBufferPointer<UInt8>) -> [Int] {
        guard let needle = prefix.baseAddress, prefix.count > 0 else { return Array(0..<count) }
        var result: [Int] = []
        for id in 0..<count {
            let s = Int(starts[id])
            let length = Int(starts[id + 1]) - s
            if length >= prefix.count && memcmp(arena + s, needle, prefix.count) == 0 { result.append(id) }
        }
        return result
    }
}
