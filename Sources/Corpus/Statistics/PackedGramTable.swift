/// N-grams of term ids packed into a fixed-width key (`PackedGramKey`: one 64-bit word, or two),
/// kept with their counts in the slot itself, so an occurrence costs one probe. One table for
/// both widths: `PackedGramTable<OneWordGramKey>` for n ≤ 2 (32 bits per id) and n = 3 (21 bits),
/// `PackedGramTable<TwoWordGramKey>` for n ≤ 6 (21 bits per id); the generic code is
/// specialised for each, so neither pays for the other.
struct PackedGramTable<Key: PackedGramKey>: GramTable {
    struct Slot {
        var key: Key
        var count: UInt32
        var docs: UInt32
        /// Last document counted, plus one.
        var last: UInt32
    }

    let length: Int
    /// Bits per id in the key.
    let bits: Int
    private var slots: [Slot]
    private var shift: UInt64
    private(set) var count = 0

    var memoryBytes: Int { slots.capacity * MemoryLayout<Slot>.stride }

    /// Whether n-grams of `length` over `vocabulary` terms fit this table's key.
    static func fits(length: Int, vocabulary: Int) -> Bool {
        Key.bits(length: length, vocabulary: vocabulary) != nil
    }

    init(length: Int, capacity: Int) {
        self.length = length
        bits = Key.bits(length: length, vocabulary: 0) ?? 21
        var size = 1024
        var log = 10
        while size < capacity * 2 {
            size <<= 1
            log += 1
        }
        slots = Array(repeating: Slot(key: Key.empty, count: 0, docs: 0, last: 0), count: size)
        shift = UInt64(64 - log)
    }

    /// The packed ids of the n-gram at `start`.
    @inline(__always)
    func key(_ ids: UnsafeBufferPointer<UInt32>, at start: Int) -> Key {
        Key(packing: ids, at: start, length: length, bits: bits)
    }

    @inline(__always)
    mutating func add(_ ids: UnsafeBufferPointer<UInt32>, at start: Int, key: Key, doc: UInt32) {
        let hash = key.slotHash
        let mark = doc &+ 1
        let found: Bool = slots.withUnsafeMutableBufferPointer { s in
            let mask = s.count - 1
            var i = Int(truncatingIfNeeded: hash >> shift)
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
                if k.isEmpty {
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

    mutating func merge(_ other: PackedGramTable<Key>) {
        for slot in other.slots where !slot.key.isEmpty {
            let mask = slots.count - 1
            var i = Int(truncatingIfNeeded: slot.key.slotHash >> shift)
            while !slots[i].key.isEmpty && slots[i].key != slot.key { i = (i + 1) & mask }
            if slots[i].key.isEmpty {
                slots[i] = Slot(key: slot.key, count: slot.count, docs: slot.docs, last: 0)
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
        slots = Array(repeating: Slot(key: Key.empty, count: 0, docs: 0, last: 0), count: old.count * 2)
        shift -= 1
        let mask = slots.count - 1
        for slot in old where !slot.key.isEmpty {
            var i = Int(truncatingIfNeeded: slot.key.slotHash >> shift)
            while !slots[i].key.isEmpty { i = (i + 1) & mask }
            slots[i] = slot
        }
    }

    func forEachEntry(_ body: (Int, Int, Int) -> Void) {
        for (i, slot) in slots.enumerated() where !slot.key.isEmpty {
            body(i, Int(slot.count), Int(slot.docs))
        }
    }

    func ids(of handle: Int) -> [UInt32] {
        guard handle >= 0, handle < slots.count else { return [] }
        return slots[handle].key.ids(length: length, bits: bits)
    }
}
