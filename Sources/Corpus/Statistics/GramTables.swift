/// Counting tables for n-grams of term ids: occurrences and documents per n-gram.
///
/// Three layouts: `PackedGramTable` when the n ids fit in one 64-bit key (n ≤ 2, or n = 3 with
/// fewer than 2²¹ terms), `WidePackedGramTable` in two 64-bit words (n ≤ 6 with fewer than 2²¹
/// terms), `SequenceGramTable` otherwise. Both are open-addressing tables with
/// linear probing. A document is counted once per n-gram by remembering the last document
/// that added to each entry, so documents must be fed in order.
///
/// The corpus is counted in parts of documents, one table per core, merged at the end.
protocol GramTable: Sendable {
    init(length: Int, capacity: Int)
    /// The key of the n-gram `ids[start ..< start + length]`: the packed ids, or a hash.
    func key(_ ids: UnsafeBufferPointer<UInt32>, at start: Int) -> UInt64
    /// Counts one occurrence of the n-gram at `start` (whose key is `key`) in document `doc`.
    mutating func add(_ ids: UnsafeBufferPointer<UInt32>, at start: Int, key: UInt64, doc: UInt32)
    /// Adds every entry of `other`, which counted other documents.
    mutating func merge(_ other: Self)
    /// Calls `body` with each entry's handle, count and documents.
    func forEachEntry(_ body: (Int, Int, Int) -> Void)
    /// The ids of the entry with this handle.
    func ids(of handle: Int) -> [UInt32]
    /// Number of distinct n-grams.
    var count: Int { get }
}

/// N-grams packed into one 64-bit key, `bits` per id, first id in the high bits.
struct PackedGramTable: GramTable {
    struct Slot {
        var key: UInt64
        var count: UInt32
        var docs: UInt32
        /// Last document counted, plus one.
        var last: UInt32
    }

    static let empty = UInt64.max
    static let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
    let length: Int
    let bits: Int
    private var slots: [Slot]
    private var shift: UInt64
    private(set) var count = 0

    /// Bits per id for n-grams of `length` over `vocabulary` terms, or nil when they do not fit.
    static func bits(length: Int, vocabulary: Int) -> Int? {
        if length == 1 || length == 2 { return 32 }
        if length == 3 && vocabulary < (1 << 21) { return 21 }
        return nil
    }

    init(length: Int, capacity: Int) {
        self.length = length
        bits = length <= 2 ? 32 : 21
        var size = 1024
        var log = 10
        while size < capacity * 2 {
            size <<= 1
            log += 1
        }
        slots = Array(repeating: Slot(key: Self.empty, count: 0, docs: 0, last: 0), count: size)
        shift = UInt64(64 - log)
    }

    @inline(__always)
    func key(_ ids: UnsafeBufferPointer<UInt32>, at start: Int) -> UInt64 {
        var k: UInt64 = 0
        for i in start..<(start + length) { k = (k << UInt64(bits)) | UInt64(ids[i]) }
        return k
    }

    @inline(__always)
    mutating func add(_ ids: UnsafeBufferPointer<UInt32>, at start: Int, key: UInt64, doc: UInt32) {
        let mark = doc &+ 1
        let found: Bool = slots.withUnsafeMutableBufferPointer { s in
            let mask = s.count - 1
            var i = Int(truncatingIfNeeded: (key &* Self.multiplier) >> shift)
            while true {
                let k = s[i].key
                if k == key {
                    s[i].count &+= 1
                    if s[i].last != mark {
                        s[i].last = mark
                        s[i].docs &+= 1
                    }
                    return true
                }
                if k == Self.empty {
                    s[i] = Slot(key: key, count: 1, docs: 1, last: mark)
                    return false
                }
                i = (i + 1) & mask
            }
        }
        if !found {
            count += 1
            if count * 10 > slots.count * 7 { grow() }
        }
    }

    mutating func merge(_ other: PackedGramTable) {
        for slot in other.slots where slot.key != Self.empty {
            let mask = slots.count - 1
            var i = Int(truncatingIfNeeded: (slot.key &* Self.multiplier) >> shift)
            while slots[i].key != Self.empty && slots[i].key != slot.key { i = (i + 1) & mask }
            if slots[i].key == slot.key {
                slots[i].count &+= slot.count
                slots[i].docs &+= slot.docs
            } else {
                slots[i] = Slot(key: slot.key, count: slot.count, docs: slot.docs, last: 0)
                count += 1
                if count * 10 > slots.count * 7 { grow() }
            }
        }
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(key: Self.empty, count: 0, docs: 0, last: 0), count: old.count * 2)
        shift -= 1
        let mask = slots.count - 1
        for slot in old where slot.key != Self.empty {
            var i = Int(truncatingIfNeeded: (slot.key &* Self.multiplier) >> shift)
            while slots[i].key != Self.empty { i = (i + 1) & mask }
            slots[i] = slot
        }
    }

    func forEachEntry(_ body: (Int, Int, Int) -> Void) {
        for (i, slot) in slots.enumerated() where slot.key != Self.empty {
            body(i, Int(slot.count), Int(slot.docs))
        }
    }

    func ids(of handle: Int) -> [UInt32] {
        guard handle >= 0, handle < slots.count else { return [] }
        let idMask: UInt64 = (1 << UInt64(bits)) - 1
        var k = slots[handle].key
        var ids = [UInt32](repeating: 0, count: length)
        for i in stride(from: length - 1, through: 0, by: -1) {
            ids[i] = UInt32(truncatingIfNeeded: k & idMask)
            k >>= UInt64(bits)
        }
        return ids
    }
}

/// N-grams of up to 6 ids of 21 bits each, packed into two 64-bit words (ids 1–3 and 4–6),
/// kept with their counts in the slot itself, so an occurrence costs one probe.
struct WidePackedGramTable: GramTable {
    struct Slot {
        var k0: UInt64
        var k1: UInt64
        var count: UInt32
        var docs: UInt32
        /// Last document counted, plus one.
        var last: UInt32
    }

    static let maximumLength = 6
    static let bits: UInt64 = 21
    static let empty = UInt64.max
    let length: Int
    private var slots: [Slot]
    private var shift: UInt64
    private(set) var count = 0

    /// Whether n-grams of `length` over `vocabulary` terms fit.
    static func fits(length: Int, vocabulary: Int) -> Bool {
        length <= maximumLength && vocabulary < (1 << 21)
    }

    init(length: Int, capacity: Int) {
        self.length = length
        var size = 1024
        var log = 10
        while size < capacity * 2 {
            size <<= 1
            log += 1
        }
        slots = Array(repeating: Slot(k0: Self.empty, k1: 0, count: 0, docs: 0, last: 0), count: size)
        shift = UInt64(64 - log)
    }

    /// The two words of the n-gram at `start`.
    @inline(__always)
    func words(_ ids: UnsafeBufferPointer<UInt32>, at start: Int) -> (UInt64, UInt64) {
        var k0: UInt64 = 0
        var k1: UInt64 = 0
        for i in 0..<length {
            if i < 3 {
                k0 = (k0 << Self.bits) | UInt64(ids[start + i])
            } else {
                k1 = (k1 << Self.bits) | UInt64(ids[start + i])
            }
        }
        return (k0, k1)
    }

    @inline(__always)
    static func hash(_ k0: UInt64, _ k1: UInt64) -> UInt64 {
        var h = k0 &* 0x9E37_79B9_7F4A_7C15
        h ^= h >> 32
        return (h ^ k1) &* 0xBF58_476D_1CE4_E5B9
    }

    @inline(__always)
    func key(_ ids: UnsafeBufferPointer<UInt32>, at start: Int) -> UInt64 {
        let (k0, k1) = words(ids, at: start)
        return Self.hash(k0, k1)
    }

    @inline(__always)
    mutating func add(_ ids: UnsafeBufferPointer<UInt32>, at start: Int, key: UInt64, doc: UInt32) {
        let (k0, k1) = words(ids, at: start)
        let mark = doc &+ 1
        let found: Bool = slots.withUnsafeMutableBufferPointer { s in
            let mask = s.count - 1
            var i = Int(truncatingIfNeeded: key >> shift)
            while true {
                let a = s[i].k0
                if a == k0 && s[i].k1 == k1 {
                    s[i].count &+= 1
                    if s[i].last != mark {
                        s[i].last = mark
                        s[i].docs &+= 1
                    }
                    return true
                }
                if a == Self.empty {
                    s[i] = Slot(k0: k0, k1: k1, count: 1, docs: 1, last: mark)
                    return false
                }
                i = (i + 1) & mask
            }
        }
        if !found {
            count += 1
            if count * 10 > slots.count * 7 { grow() }
        }
    }

    mutating func merge(_ other: WidePackedGramTable) {
        for slot in other.slots where slot.k0 != Self.empty {
            let mask = slots.count - 1
            var i = Int(truncatingIfNeeded: Self.hash(slot.k0, slot.k1) >> shift)
            while slots[i].k0 != Self.empty && !(slots[i].k0 == slot.k0 && slots[i].k1 == slot.k1) { i = (i + 1) & mask }
            if slots[i].k0 == Self.empty {
                slots[i] = Slot(k0: slot.k0, k1: slot.k1, count: slot.count, docs: slot.docs, last: 0)
                count += 1
                if count * 10 > slots.count * 7 { grow() }
            } else {
                slots[i].count &+= slot.count
                slots[i].docs &+= slot.docs
            }
        }
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(k0: Self.empty, k1: 0, count: 0, docs: 0, last: 0), count: old.count * 2)
        shift -= 1
        let mask = slots.count - 1
        for slot in old where slot.k0 != Self.empty {
            var i = Int(truncatingIfNeeded: Self.hash(slot.k0, slot.k1) >> shift)
            while slots[i].k0 != Self.empty { i = (i + 1) & mask }
            slots[i] = slot
        }
    }

    func forEachEntry(_ body: (Int, Int, Int) -> Void) {
        for (i, slot) in slots.enumerated() where slot.k0 != Self.empty {
            body(i, Int(slot.count), Int(slot.docs))
        }
    }

    func ids(of handle: Int) -> [UInt32] {
        guard handle >= 0, handle < slots.count else { return [] }
        let idMask: UInt64 = (1 << Self.bits) - 1
        var ids = [UInt32](repeating: 0, count: length)
        var k0 = slots[handle].k0
        var k1 = slots[handle].k1
        for i in stride(from: length - 1, through: 0, by: -1) {
            if i >= 3 {
                ids[i] = UInt32(truncatingIfNeeded: k1 & idMask)
                k1 >>= Self.bits
            } else {
                ids[i] = UInt32(truncatingIfNeeded: k0 & idMask)
                k0 >>= Self.bits
            }
        }
        return ids
    }
}

/// N-grams of any length, their ids kept in one arena (`length` ids per entry); each slot
/// keeps the entry's hash so most probes never read the arena.
struct SequenceGramTable: GramTable {
    struct Slot {
        var hash: UInt64
        /// 0 for an empty slot, else entry + 1.
        var entry: UInt32
    }

    struct Stats {
        var count: UInt32
        var docs: UInt32
        /// Last document counted, plus one (0 after a merge).
        var last: UInt32
    }

    let length: Int
    private var arena: [UInt32] = []
    private var stats: [Stats] = []
    private var hashes: [UInt64] = []
    private var slots: [Slot]
    private var mask: Int

    init(length: Int, capacity: Int) {
        self.length = length
        var size = 1024
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: Slot(hash: 0, entry: 0), count: size)
        mask = size - 1
    }

    var count: Int { stats.count }

    /// A hash of the ids (the slot index uses its low bits).
    @inline(__always)
    func key(_ ids: UnsafeBufferPointer<UInt32>, at start: Int) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for i in start..<(start + length) {
            h = (h ^ UInt64(ids[i])) &* 0x9E37_79B9_7F4A_7C15
            h ^= h >> 29
        }
        return h
    }

    @inline(__always)
    private func matches(_ entry: Int, _ ids: UnsafeBufferPointer<UInt32>, _ start: Int) -> Bool {
        let base = entry * length
        for j in 0..<length where arena[base + j] != ids[start + j] { return false }
        return true
    }

    /// The slot holding the n-gram at `start` with this hash, or the empty slot where it goes.
    @inline(__always)
    private func find(_ ids: UnsafeBufferPointer<UInt32>, at start: Int, hash: UInt64) -> Int {
        var i = Int(truncatingIfNeeded: hash) & mask
        while true {
            let slot = slots[i]
            if slot.entry == 0 { return i }
            if slot.hash == hash && matches(Int(slot.entry - 1), ids, start) { return i }
            i = (i + 1) & mask
        }
    }

    @inline(__always)
    mutating func add(_ ids: UnsafeBufferPointer<UInt32>, at start: Int, key hash: UInt64, doc: UInt32) {
        let mark = doc &+ 1
        let i = find(ids, at: start, hash: hash)
        let entry = slots[i].entry
        if entry != 0 {
            let e = Int(entry - 1)
            stats[e].count &+= 1
            if stats[e].last != mark {
                stats[e].last = mark
                stats[e].docs &+= 1
            }
            return
        }
        insert(ids, at: start, hash: hash, slot: i, stats: Stats(count: 1, docs: 1, last: mark))
    }

    private mutating func insert(_ ids: UnsafeBufferPointer<UInt32>, at start: Int, hash: UInt64, slot i: Int, stats entry: Stats) {
        slots[i] = Slot(hash: hash, entry: UInt32(stats.count + 1))
        arena.append(contentsOf: UnsafeBufferPointer(rebasing: ids[start..<(start + length)]))
        hashes.append(hash)
        stats.append(entry)
        if stats.count * 10 > slots.count * 7 { grow() }
    }

    mutating func merge(_ other: SequenceGramTable) {
        other.arena.withUnsafeBufferPointer { ids in
            for e in 0..<other.count {
                let hash = other.hashes[e]
                let start = e * length
                let i = find(ids, at: start, hash: hash)
                let entry = slots[i].entry
                if entry != 0 {
                    stats[Int(entry - 1)].count &+= other.stats[e].count
                    stats[Int(entry - 1)].docs &+= other.stats[e].docs
                } else {
                    insert(ids, at: start, hash: hash, slot: i,
                           stats: Stats(count: other.stats[e].count, docs: other.stats[e].docs, last: 0))
                }
            }
        }
    }

    private mutating func grow() {
        let size = slots.count * 2
        var fresh = [Slot](repeating: Slot(hash: 0, entry: 0), count: size)
        let newMask = size - 1
        for (e, h) in hashes.enumerated() {
            var i = Int(truncatingIfNeeded: h) & newMask
            while fresh[i].entry != 0 { i = (i + 1) & newMask }
            fresh[i] = Slot(hash: h, entry: UInt32(e + 1))
        }
        slots = fresh
        mask = newMask
    }

    func forEachEntry(_ body: (Int, Int, Int) -> Void) {
        for (e, s) in stats.enumerated() { body(e, Int(s.count), Int(s.docs)) }
    }

    func ids(of handle: Int) -> [UInt32] {
        guard handle >= 0, handle < count else { return [] }
        return Array(arena[(handle * length)..<((handle + 1) * length)])
    }
}
