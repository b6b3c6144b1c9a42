/// Counting tables for n-grams of term ids: occurrences and documents per n-gram.
///
/// Two layouts: `PackedGramTable` when the n ids fit in one 64-bit key (n ≤ 2, or n = 3 with
/// fewer than 2²¹ terms), `SequenceGramTable` otherwise. Both are open-addressing tables with
/// linear probing; a document is counted once per n-gram by remembering the last document
/// that added to each entry (documents are fed in order, each part of a corpus separately).
protocol GramTable: Sendable {
    init(length: Int, capacity: Int)
    /// Counts one occurrence of the n-gram `ids[start ..< start + length]` in document `doc`.
    mutating func add(_ ids: UnsafeBufferPointer<UInt32>, at start: Int, key: UInt64, doc: UInt32)
    /// The key (`add` takes it) of the n-gram starting at `start`.
    func key(_ ids: UnsafeBufferPointer<UInt32>, at start: Int) -> UInt64
    /// Adds every entry of `other` (which counted other documents).
    mutating func merge(_ other: Self)
    /// Calls `body` with each entry's ids, count and documents.
    func forEach(_ body: ([UInt32], Int, Int) -> Void)
    /// Number of distinct n-grams.
    var count: Int { get }
}

/// N-grams packed into one 64-bit key, `bits` per id, first id in the high bits.
struct PackedGramTable: GramTable {
    struct Slot {
        var key: UInt64
        var count: UInt32
        var docs: UInt32
        /// Last document counted, plus one (0: none).
        var last: UInt32
    }

    static let empty = UInt64.max
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

    /// The key of `length` ids starting at `start`.
    @inline(__always)
    func key(_ ids: UnsafeBufferPointer<UInt32>, at start: Int) -> UInt64 {
        var k: UInt64 = 0
        for i in start..<(start + length) { k = (k << UInt64(bits)) | UInt64(ids[i]) }
        return k
    }

    @inline(__always)
    mutating func add(_ ids: UnsafeBufferPointer<UInt32>, at start: Int, key: UInt64, doc: UInt32) {
        add(key: key, count: 1, docs: 1, doc: doc + 1)
    }

    @inline(__always)
    private mutating func add(key: UInt64, count n: UInt32, docs: UInt32, doc: UInt32) {
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while true {
            let k = slots[i].key
            if k == key {
                slots[i].count &+= n
                if doc == 0 || slots[i].last != doc {
                    slots[i].last = doc
                    slots[i].docs &+= docs
                }
                return
            }
            if k == Self.empty { break }
            i = (i + 1) & mask
        }
        slots[i] = Slot(key: key, count: n, docs: docs, last: doc)
        count += 1
        if count * 10 > slots.count * 7 { grow() }
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(key: Self.empty, count: 0, docs: 0, last: 0), count: old.count * 2)
        shift -= 1
        let mask = slots.count - 1
        for slot in old where slot.key != Self.empty {
            var i = Int(truncatingIfNeeded: (slot.key &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while slots[i].key != Self.empty { i = (i + 1) & mask }
            slots[i] = slot
        }
    }

    mutating func merge(_ other: PackedGramTable) {
        for slot in other.slots where slot.key != Self.empty {
            add(key: slot.key, count: slot.count, docs: slot.docs, doc: 0)
        }
    }

    func forEach(_ body: ([UInt32], Int, Int) -> Void) {
        let idMask: UInt64 = bits == 32 ? 0xFFFF_FFFF : (1 << UInt64(bits)) - 1
        var ids = [UInt32](repeating: 0, count: length)
        for slot in slots where slot.key != Self.empty {
            var k = slot.key
            for i in stride(from: length - 1, through: 0, by: -1) {
                ids[i] = UInt32(truncatingIfNeeded: k & idMask)
                k >>= UInt64(bits)
            }
            body(ids, Int(slot.count), Int(slot.docs))
        }
    }
}

/// N-grams of any length, their ids kept in one arena (`length` ids per entry).
struct SequenceGramTable: GramTable {
    let length: Int
    private var arena: [UInt32] = []
    private var hashes: [UInt64] = []
    private var counts: [UInt32] = []
    private var docs: [UInt32] = []
    private var last: [UInt32] = []
    /// 0 for an empty slot, else entry + 1.
    private var slots: [UInt32]
    private var mask: Int

    init(length: Int, capacity: Int) {
        self.length = length
        var size = 1024
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: 0, count: size)
        mask = size - 1
    }

    var count: Int { counts.count }

    /// The hash of `length` ids starting at `start`.
    @inline(__always)
    func key(_ ids: UnsafeBufferPointer<UInt32>, at start: Int) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for i in start..<(start + length) {
            h = (h ^ UInt64(ids[i])) &* 0x9E37_79B9_7F4A_7C15
            h ^= h >> 31
        }
        return h
    }

    @inline(__always)
    private func matches(_ entry: Int, _ ids: UnsafeBufferPointer<UInt32>, _ start: Int) -> Bool {
        let base = entry * length
        for j in 0..<length where arena[base + j] != ids[start + j] { return false }
        return true
    }

    @inline(__always)
    mutating func add(_ ids: UnsafeBufferPointer<UInt32>, at start: Int, key: UInt64, doc: UInt32) {
        add(ids, at: start, hash: key, count: 1, docCount: 1, doc: doc + 1)
    }

    private mutating func add(_ ids: UnsafeBufferPointer<UInt32>, at start: Int, hash: UInt64,
                              count n: UInt32, docCount: UInt32, doc: UInt32) {
        var i = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[i]
            if entry == 0 { break }
            let e = Int(entry - 1)
            if hashes[e] == hash && matches(e, ids, start) {
                counts[e] &+= n
                if doc == 0 || last[e] != doc {
                    last[e] = doc
                    docs[e] &+= docCount
                }
                return
            }
            i = (i + 1) & mask
        }
        slots[i] = UInt32(counts.count + 1)
        arena.append(contentsOf: UnsafeBufferPointer(rebasing: ids[start..<(start + length)]))
        hashes.append(hash)
        counts.append(n)
        docs.append(docCount)
        last.append(doc)
        if counts.count * 10 > slots.count * 7 { grow() }
    }

    private mutating func grow() {
        let size = slots.count * 2
        var fresh = [UInt32](repeating: 0, count: size)
        let newMask = size - 1
        for (e, h) in hashes.enumerated() {
            var i = Int(truncatingIfNeeded: h) & newMask
            while fresh[i] != 0 { i = (i + 1) & newMask }
            fresh[i] = UInt32(e + 1)
        }
        slots = fresh
        mask = newMask
    }

    mutating func merge(_ other: SequenceGramTable) {
        other.arena.withUnsafeBufferPointer { ids in
            for e in 0..<other.count {
                add(ids, at: e * length, hash: other.hashes[e], count: other.counts[e], docCount: other.docs[e], doc: 0)
            }
        }
    }

    func forEach(_ body: ([UInt32], Int, Int) -> Void) {
        for e in 0..<count {
            body(Array(arena[(e * length)..<((e + 1) * length)]), Int(counts[e]), Int(docs[e]))
        }
    }
}
