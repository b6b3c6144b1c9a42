/// The key of a `PackedGramTable`: an n-gram's term ids packed at a fixed number of bits each,
/// first id highest.
protocol PackedGramKey: Equatable, Sendable {
    /// The key of no n-gram: an empty slot.
    static var empty: Self { get }
    /// Bits per id for n-grams of `length` over `vocabulary` terms, or nil when they do not fit.
    static func bits(length: Int, vocabulary: Int) -> Int?
    /// Packs `ids[start ..< start + length]`.
    init(packing ids: UnsafeBufferPointer<UInt32>, at start: Int, length: Int, bits: Int)
    var isEmpty: Bool { get }
    /// A hash whose high bits pick the slot.
    var slotHash: UInt64 { get }
    /// The ids packed in the key.
    func ids(length: Int, bits: Int) -> [UInt32]
}

/// One word: two ids of 32 bits, or three of 21 (fewer than 2²¹ terms).
struct OneWordGramKey: PackedGramKey {
    var word: UInt64

    static var empty: OneWordGramKey { OneWordGramKey(word: .max) }

    init(word: UInt64) {
        self.word = word
    }

    static func bits(length: Int, vocabulary: Int) -> Int? {
        if length == 1 || length == 2 { return 32 }
        if length == 3 && vocabulary < (1 << 21) { return 21 }
        return nil
    }

    @inline(__always)
    init(packing ids: UnsafeBufferPointer<UInt32>, at start: Int, length: Int, bits: Int) {
        var k: UInt64 = 0
        for i in start..<(start + length) { k = (k << UInt64(bits)) | UInt64(ids[i]) }
        word = k
    }

    var isEmpty: Bool {
        @inline(__always) get { word == .max }
    }

    var slotHash: UInt64 {
        @inline(__always) get { word &* 0x9E37_79B9_7F4A_7C15 }
    }

    func ids(length: Int, bits: Int) -> [UInt32] {
        let idMask: UInt64 = (1 << UInt64(bits)) - 1
        var k = word
        var ids = [UInt32](repeating: 0, count: length)
        for i in stride(from: length - 1, through: 0, by: -1) {
            ids[i] = UInt32(truncatingIfNeeded: k & idMask)
            k >>= UInt64(bits)
        }
        return ids
    }
}

/// Two words: up to six ids of 21 bits (fewer than 2²¹ terms), ids 1–3 in the first word and
/// 4–6 in the second. The first word of a real key is below 2⁶³, so `UInt64.max` there marks
/// an empty slot.
struct TwoWordGramKey: PackedGramKey {
    static let maximumLength = 6
    var k0: UInt64
    var k1: UInt64

    static var empty: TwoWordGramKey { TwoWordGramKey(k0: .max, k1: 0) }

    init(k0: UInt64, k1: UInt64) {
        self.k0 = k0
        self.k1 = k1
    }

    static func bits(length: Int, vocabulary: Int) -> Int? {
        length <= maximumLength && vocabulary < (1 << 21) ? 21 : nil
    }

    @inline(__always)
    init(packing ids: UnsafeBufferPointer<UInt32>, at start: Int, length: Int, bits: Int) {
        var k0: UInt64 = 0
        var k1: UInt64 = 0
        for i in 0..<length {
            if i < 3 {
                k0 = (k0 << UInt64(bits)) | UInt64(ids[start + i])
            } else {
                k1 = (k1 << UInt64(bits)) | UInt64(ids[start + i])
            }
        }
        self.init(k0: k0, k1: k1)
    }

    var isEmpty: Bool {
        @inline(__always) get { k0 == .max }
    }

    var slotHash: UInt64 {
        @inline(__always) get {
            var h = k0 &* 0x9E37_79B9_7F4A_7C15
            h ^= h >> 32
            return (h ^ k1) &* 0xBF58_476D_1CE4_E5B9
        }
    }

    func ids(length: Int, bits: Int) -> [UInt32] {
        let idMask: UInt64 = (1 << UInt64(bits)) - 1
        var ids = [UInt32](repeating: 0, count: length)
        var k0 = self.k0
        var k1 = self.k1
        for i in stride(from: length - 1, through: 0, by: -1) {
            if i >= 3 {
                ids[i] = UInt32(truncatingIfNeeded: k1 & idMask)
                k1 >>= UInt64(bits)
            } else {
                ids[i] = UInt32(truncatingIfNeeded: k0 & idMask)
                k0 >>= UInt64(bits)
            }
        }
        return ids
    }
}
