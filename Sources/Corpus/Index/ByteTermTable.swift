import CMemoryHints
import Foundation

/// An open-addressing hash table from byte strings to dense ids (0, 1, 2, …), with the bytes
/// kept in one arena. It is what turns every token of a corpus into a term id without making
/// a `String` per token, so it is written for speed: manual buffers (no copy-on-write checks),
/// and slots that hold a term's first 8 bytes, its length and part of its hash beside its id,
/// so that finding a term of up to 8 bytes (most words) reads one slot and nothing else.
final class ByteTermTable: @unchecked Sendable {
    /// One slot: `meta` is 0 when empty, else hash bits 8–31 (bits 40–63), the length capped
    /// at 255 (bits 32–39) and id + 1 (bits 0–31); `key` is the first 8 bytes, zero-padded.
    struct Slot {
        var key: UInt64
        var meta: UInt64
    }

    /// Term bytes, back to back.
    private var arena: UnsafeMutablePointer<UInt8>
    private var arenaCapacity: Int
    private(set) var arenaCount = 0
    /// Term i occupies `arena[starts[i] ..< starts[i + 1]]`.
    private var starts: UnsafeMutablePointer<UInt32>
    private var hashes: UnsafeMutablePointer<UInt32>
    private var termCapacity: Int
    private(set) var count = 0
    private var slots: UnsafeMutablePointer<Slot>
    private var slotCount: Int
    /// The mapped archive file the buffers point into, or nil when the table owns them. A
    /// mapped table is only read (a lexicon is never added to once built).
    private let owner: AnyObject?

    init(capacity: Int = 4096) {
        let terms = max(16, capacity)
        var size = 16
        while size < terms * 2 { size <<= 1 }
        slotCount = size
        slots = .allocate(capacity: size)
        slots.initialize(repeating: Slot(key: 0, meta: 0), count: size)
        termCapacity = terms
        starts = .allocate(capacity: terms + 1)
        starts[0] = 0
        hashes = .allocate(capacity: terms)
        arenaCapacity = terms * 8
        arena = .allocate(capacity: arenaCapacity)
        owner = nil
    }

    /// A table whose buffers are an archive's mapped sections (`LexiconFile`), read in place.
    /// The caller has checked the parts against each other (`starts` ascending within the
    /// arena, `slotCount` a power of two with every id in range).
    init(mappedArena arena: UnsafeMutablePointer<UInt8>, arenaCount: Int, starts: UnsafeMutablePointer<UInt32>,
         hashes: UnsafeMutablePointer<UInt32>, count: Int, slots: UnsafeMutablePointer<Slot>, slotCount: Int,
         owner: AnyObject) {
        self.arena = arena
        self.arenaCount = arenaCount
        arenaCapacity = arenaCount
        self.starts = starts
        self.hashes = hashes
        self.count = count
        termCapacity = count
        self.slots = slots
        self.slotCount = slotCount
        self.owner = owner
    }

    /// The table's buffers, for writing them to an archive: the arena's bytes, the term starts
    /// (`count + 1`), the hashes (`count`) and the slots (`slotCount`).
    func withStorage<R>(_ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt32>, UnsafeBufferPointer<UInt32>,
                                 UnsafeBufferPointer<Slot>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(start: arena, count: arenaCount), UnsafeBufferPointer(start: starts, count: count + 1),
                 UnsafeBufferPointer(start: hashes, count: count), UnsafeBufferPointer(start: slots, count: slotCount))
    }

    deinit {
        guard owner == nil else { return }
        arena.deallocate()
        starts.deallocate()
        hashes.deallocate()
        slots.deallocate()
    }

    /// A fast 32-bit hash of `bytes` (8 bytes per step, multiply-xorshift mixing) and their first
    /// 8 bytes as a zero-padded little-endian word (the slot key), in one pass.
    @inline(__always)
    static func hashAndKey(_ bytes: UnsafeBufferPointer<UInt8>) -> (hash: UInt32, key: UInt64) {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        guard let base = bytes.baseAddress else { return (UInt32(truncatingIfNeeded: h), 0) }
        let raw = UnsafeRawPointer(base)
        var i = 0
        let n = bytes.count
        var key: UInt64 = 0
        if n >= 8 { key = raw.loadUnaligned(as: UInt64.self) }
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
        if n < 8 { key = tail }
        h = (h ^ tail) &* 0x94D0_49BB_1331_11EB
        h ^= h >> 32
        return (UInt32(truncatingIfNeeded: h), key)
    }

    /// `hashAndKey(bytes).hash` for bytes of `count` ≤ 8 given as their zero-padded word `key`
    /// (the same steps without the loops).
    @inline(__always)
    static func hash(shortKey key: UInt64, count: Int) -> UInt32 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(count)
        var tail = key
        if count == 8 {
            h = (h ^ key) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 29
            tail = 0
        }
        h = (h ^ tail) &* 0x94D0_49BB_1331_11EB
        h ^= h >> 32
        return UInt32(truncatingIfNeeded: h)
    }

    /// The first 8 bytes of `bytes` as a zero-padded word (the slot key).
    @inline(__always)
    static func key(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard let base = bytes.baseAddress else { return 0 }
        if bytes.count >= 8 { return UnsafeRawPointer(base).loadUnaligned(as: UInt64.self) }
        var key: UInt64 = 0
        for i in 0..<bytes.count { key |= UInt64(base[i]) << (8 * UInt64(i)) }
        return key
    }

    /// The part of `meta` a probe compares: hash bits 8–31 and the capped length.
    @inline(__always)
    private static func tag(hash h: UInt32, length: Int) -> UInt64 {
        (UInt64(h & 0xFFFF_FF00) << 32) | (UInt64(min(length, 255)) << 32)
    }

    /// Whether the term in a slot whose tag and key matched is `bytes`: only terms longer than
    /// 8 bytes need the arena (the key holds the rest; the tag holds the length).
    @inline(__always)
    private func equalsTail(_ id: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if bytes.count <= 8 { return true }
        let start = Int(starts[id])
        let length = Int(starts[id + 1]) - start
        guard length == bytes.count, let other = bytes.baseAddress else { return false }
        if length <= 24 {
            let stored = arena + start
            for i in 8..<length where stored[i] != other[i] { return false }
            return true
        }
        return memcmp(arena + start + 8, other + 8, length - 8) == 0
    }

    /// The id of `bytes`, adding them when new.
    @inline(__always)
    func insert(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        let (h, key) = Self.hashAndKey(bytes)
        return insert(bytes, hash: h, key: key)
    }

    /// The stored hash of term `id` (lets another table insert it without hashing again).
    func hash(of id: Int) -> UInt32 { hashes[id] }

    /// The id of `bytes` whose `hash` is already known, adding them when new.
    @inline(__always)
    func insert(_ bytes: UnsafeBufferPointer<UInt8>, hash h: UInt32) -> UInt32 {
        insert(bytes, hash: h, key: Self.key(bytes))
    }

    /// Asks for the slot where a probe for `hash` starts to be brought into cache: a caller that
    /// knows the hashes of the next terms prefetches a few ahead, so their cache misses overlap.
    @inline(__always)
    func prefetch(hash h: UInt32) {
        dossier_prefetch(slots + (Int(h) & (slotCount - 1)))
    }

    /// The id of `bytes` whose hash and key (`hashAndKey`) are already known, adding them when new.
    @inline(__always)
    func insert(_ bytes: UnsafeBufferPointer<UInt8>, hash h: UInt32, key: UInt64) -> UInt32 {
        precondition(owner == nil, "a mapped term table is read-only")
        let mask = slotCount - 1
        var slot = Int(h) & mask
        let tag = Self.tag(hash: h, length: bytes.count)
        while true {
            let entry = slots[slot]
            if entry.meta == 0 { break }
            if entry.meta & 0xFFFF_FFFF_0000_0000 == tag && entry.key == key {
                let id = Int(entry.meta & 0xFFFF_FFFF) - 1
                if equalsTail(id, bytes) { return UInt32(id) }
            }
            slot = (slot + 1) & mask
        }
        let id = count
        if id == termCapacity { growTerms() }
        if arenaCount + bytes.count > arenaCapacity { growArena(bytes.count) }
        if let base = bytes.baseAddress, bytes.count > 0 {
            (arena + arenaCount).initialize(from: base, count: bytes.count)
        }
        arenaCount += bytes.count
        hashes[id] = h
        starts[id + 1] = UInt32(arenaCount)
        count += 1
        slots[slot] = Slot(key: key, meta: tag | UInt64(id + 1))
        if count * 2 > slotCount { growSlots() }
        return UInt32(id)
    }

    /// The id of `bytes`, or nil.
    func find(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32? {
        let (h, key) = Self.hashAndKey(bytes)
        let mask = slotCount - 1
        var slot = Int(h) & mask
        let tag = Self.tag(hash: h, length: bytes.count)
        while true {
            let entry = slots[slot]
            if entry.meta == 0 { return nil }
            if entry.meta & 0xFFFF_FFFF_0000_0000 == tag && entry.key == key {
                let id = Int(entry.meta & 0xFFFF_FFFF) - 1
                if equalsTail(id, bytes) { return UInt32(id) }
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
        while capacity < arenaCount + needed { capacity *= 2 }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        grown.initialize(from: arena, count: arenaCount)
        arena.deallocate()
        arena = grown
        arenaCapacity = capacity
    }

    private func growSlots() {
        let size = slotCount * 2
        let fresh = UnsafeMutablePointer<Slot>.allocate(capacity: size)
        fresh.initialize(repeating: Slot(key: 0, meta: 0), count: size)
        let mask = size - 1
        for s in 0..<slotCount where slots[s].meta != 0 {
            let entry = slots[s]
            let id = Int(entry.meta & 0xFFFF_FFFF) - 1
            var slot = Int(hashes[id]) & mask
            while fresh[slot].meta != 0 { slot = (slot + 1) & mask }
            fresh[slot] = entry
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

    /// Whether term `a`'s bytes come before term `b`'s (unsigned bytewise; a prefix first).
    func precedes(_ a: Int, _ b: Int) -> Bool {
        withBytes(of: b) { compare(a, $0) < 0 }
    }

    /// Term `id`'s bytes against `bytes`, bytewise (negative: before; 0: equal; positive: after).
    func compare(_ id: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        withBytes(of: id) { term in
            let common = min(term.count, bytes.count)
            if common > 0, let t = term.baseAddress, let o = bytes.baseAddress {
                let c = memcmp(t, o, common)
                if c != 0 { return Int(c) }
            }
            return term.count - bytes.count
        }
    }

    /// Whether term `id` starts with `prefix`.
    func hasPrefix(_ id: Int, _ prefix: UnsafeBufferPointer<UInt8>) -> Bool {
        withBytes(of: id) { term in
            guard term.count >= prefix.count else { return false }
            guard prefix.count > 0, let t = term.baseAddress, let p = prefix.baseAddress else { return true }
            return memcmp(t, p, prefix.count) == 0
        }
    }

    /// Every id in the bytewise order of its term: the sorted term dictionary that prefix and
    /// range lookups search by bisection.
    func sortedIDs() -> [UInt32] {
        var ids = (0..<UInt32(count)).map { $0 }
        ids.sort { precedes(Int($0), Int($1)) }
        return ids
    }

    /// The slots rebuilt at most three-quarters full (a growing table doubles them when half
    /// full, so holds a quarter to a half): what an archive stores, whose table never grows.
    /// Probing is the same, so `find` reads them as it reads the table's own.
    func packedSlots() -> [Slot] {
        var size = 16
        while size * 3 < count * 4 || size <= count { size <<= 1 }
        var fresh = [Slot](repeating: Slot(key: 0, meta: 0), count: size)
        let mask = size - 1
        for s in 0..<slotCount where slots[s].meta != 0 {
            let entry = slots[s]
            let id = Int(entry.meta & 0xFFFF_FFFF) - 1
            guard id >= 0, id < count else { continue }
            var slot = Int(hashes[id]) & mask
            while fresh[slot].meta != 0 { slot = (slot + 1) & mask }
            fresh[slot] = entry
        }
        return fresh
    }
}
