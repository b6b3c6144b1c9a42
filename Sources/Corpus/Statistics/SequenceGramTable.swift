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

    var memoryBytes: Int {
        slots.capacity * MemoryLayout<Slot>.stride + arena.capacity * 4 + stats.capacity * MemoryLayout<Stats>.stride
            + hashes.capacity * 8
    }

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
