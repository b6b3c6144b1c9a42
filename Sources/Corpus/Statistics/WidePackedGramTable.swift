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

    var memoryBytes: Int { slots.capacity * MemoryLayout<Slot>.stride }

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
