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

    var memoryBytes: Int { slots.capacity * MemoryLayout<Slot>.stride }

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
