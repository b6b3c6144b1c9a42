/// Turns the tokens of one document after another into term ids of one segment's table.
///
/// This is the innermost loop of a load (every token of the corpus passes through it), so it is
/// built for speed in two passes over a document:
/// 1. While the tokenizer scans, each token's normal form is located and hashed into a *probe*.
///    A token of up to 8 ASCII bytes (most English words) is read as one machine word,
///    lowercased in place (SWAR) and hashed without a loop, and the word itself is its normal
///    form; other tokens go through `Tokenizer.normalize` into a scratch buffer.
/// 2. The probes are looked up in the table, each prefetching the slot of the token
///    `prefetchDistance` places ahead, so the cache misses of a large table overlap instead of
///    stalling one after another.
/// Probes live in a raw buffer reused between documents: no array appends, no uniqueness checks.
final class TermAssigner: @unchecked Sendable {
    /// The segment's table of normal forms.
    let table: ByteTermTable
    /// The kind of each term of `table`, by id (the kind of its first token).
    private(set) var kinds: [TokenKind] = []
    private var norm: [UInt8] = []
    private var probes: UnsafeMutablePointer<Probe>
    private var probeCapacity: Int

    /// A token's normal form located for the table: in `key` when `offset` is `inKey`, at
    /// `offset` in the text when the token is already normal, else at `-(offset + 1)` in `norm`.
    /// `key` must stay the first field (its bytes are read in place).
    struct Probe {
        var key: UInt64
        var hash: UInt32
        var length: UInt32
        var offset: Int32
        var kind: TokenKind
    }

    /// The `offset` of a probe whose normal form is its `key` (a short ASCII token).
    static let inKey = Int32.min

    /// Whether a key's bytes in memory are the term's bytes in order (the key is loaded and
    /// built little-endian); elsewhere short tokens take the general path.
    static var keysAreBytes: Bool {
        #if _endian(little)
        return true
        #else
        return false
        #endif
    }

    /// How many tokens ahead the lookup pass prefetches a slot: far enough to hide a miss to
    /// memory, near enough that the line is still cached when it is used.
    static let prefetchDistance = 12

    init(capacity: Int) {
        table = ByteTermTable(capacity: capacity)
        probeCapacity = 1024
        probes = .allocate(capacity: probeCapacity)
    }

    deinit {
        probes.deallocate()
    }

    /// The term ids of the tokens of `bytes` (added to the table when new) and the number of
    /// word and number tokens among them.
    func assign(_ bytes: UnsafeBufferPointer<UInt8>) -> (terms: TermSequence, wordCount: Int) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return (TermSequence(), 0) }
        // Texts over 2 GB cannot be offset by Int32; the loader never makes one (its files are
        // read whole), but stay correct rather than fast if it did.
        guard bytes.count < Int(Int32.max) else { return assignSlowly(bytes) }
        var count = 0
        var words = 0
        var storage = probes
        var capacity = probeCapacity
        var norm = self.norm
        norm.removeAll(keepingCapacity: true)
        self.norm = []
        let limit = bytes.count
        Tokenizer.scan(bytes) { span in
            if count == capacity {
                let larger = UnsafeMutablePointer<Probe>.allocate(capacity: capacity * 2)
                larger.moveInitialize(from: storage, count: count)
                storage.deallocate()
                storage = larger
                capacity *= 2
            }
            if span.kind != .punct { words += 1 }
            let start = span.start
            let n = span.length
            if Self.keysAreBytes && n <= 8 && start + 8 <= limit {
                var word = UnsafeRawPointer(base + start).loadUnaligned(as: UInt64.self)
                if n < 8 { word &= (1 << (8 * UInt64(n))) - 1 }
                if word & 0x8080_8080_8080_8080 == 0 {
                    let lowered = Self.lowercasedASCII(word)
                    let h = ByteTermTable.hash(shortKey: lowered, count: n)
                    // The normal form is the key itself (little-endian, so its bytes in memory
                    // are the term's bytes in order): no copy is made anywhere.
                    (storage + count).initialize(to: Probe(key: lowered, hash: h, length: UInt32(n),
                                                           offset: Self.inKey, kind: span.kind))
                    count += 1
                    return
                }
            }
            let token = UnsafeBufferPointer(start: base + start, count: n)
            if Tokenizer.needsNormalization(token) {
                let from = norm.count
                Tokenizer.normalize(token, into: &norm)
                let (h, key) = norm.withUnsafeBufferPointer {
                    ByteTermTable.hashAndKey(UnsafeBufferPointer(rebasing: $0[from...]))
                }
                (storage + count).initialize(to: Probe(key: key, hash: h, length: UInt32(norm.count - from),
                                                       offset: -Int32(from) - 1, kind: span.kind))
            } else {
                let (h, key) = ByteTermTable.hashAndKey(token)
                (storage + count).initialize(to: Probe(key: key, hash: h, length: UInt32(n), offset: Int32(start), kind: span.kind))
            }
            count += 1
        }
        probes = storage
        probeCapacity = capacity
        let table = self.table
        let distance = Self.prefetchDistance
        let probeCount = count
        // The ids go straight into a `TermSequence`'s two-byte form; the few ids past 65,534
        // are kept aside (`TermSequence` explains the layout).
        var widePositions: [UInt32] = []
        var wideIDs: [UInt32] = []
        let narrow = norm.withUnsafeBufferPointer { normBytes in
            [UInt16](unsafeUninitializedCapacity: probeCount) { ids, initialized in
                let normBase = normBytes.baseAddress ?? base
                for i in 0..<min(distance, probeCount) { table.prefetch(hash: storage[i].hash) }
                for i in 0..<probeCount {
                    if i + distance < probeCount { table.prefetch(hash: storage[i + distance].hash) }
                    let probe = storage[i]
                    let start: UnsafePointer<UInt8>
                    if probe.offset >= 0 {
                        start = base + Int(probe.offset)
                    } else if probe.offset == Self.inKey {
                        start = UnsafeRawPointer(storage + i).assumingMemoryBound(to: UInt8.self)
                    } else {
                        start = normBase + Int(-(probe.offset + 1))
                    }
                    let id = table.insert(UnsafeBufferPointer(start: start, count: Int(probe.length)),
                                          hash: probe.hash, key: probe.key)
                    if Int(id) == kinds.count { kinds.append(probe.kind) }
                    TermSequence.store(id, at: i, in: ids, widePositions: &widePositions, wideIDs: &wideIDs)
                }
                initialized = probeCount
            }
        }
        self.norm = norm
        return (TermSequence(narrow: narrow, widePositions: widePositions, wideIDs: wideIDs), words)
    }

    /// `assign` one token at a time, for texts too large for the probes' 32-bit offsets.
    private func assignSlowly(_ bytes: UnsafeBufferPointer<UInt8>) -> (terms: TermSequence, wordCount: Int) {
        var terms: [UInt32] = []
        var words = 0
        var scratch: [UInt8] = []
        Tokenizer.scan(bytes) { span in
            if span.kind != .punct { words += 1 }
            let token = UnsafeBufferPointer(rebasing: bytes[span.range])
            let id: UInt32
            if Tokenizer.needsNormalization(token) {
                scratch.removeAll(keepingCapacity: true)
                Tokenizer.normalize(token, into: &scratch)
                id = scratch.withUnsafeBufferPointer { table.insert($0) }
            } else {
                id = table.insert(token)
            }
            if Int(id) == kinds.count { kinds.append(span.kind) }
            terms.append(id)
        }
        return (TermSequence(terms), words)
    }

    /// ASCII capitals of a word of ASCII bytes made lowercase, all eight bytes at once: a byte
    /// gets 0x20 added when it lies in "A"..."Z" (b + 0x3F reaches 0x80 from "A" on, b + 0x25
    /// from "[" on; no byte carries into the next because every byte is below 0x80).
    @inline(__always)
    static func lowercasedASCII(_ word: UInt64) -> UInt64 {
        let fromA = word &+ 0x3F3F_3F3F_3F3F_3F3F
        let pastZ = word &+ 0x2525_2525_2525_2525
        let capitals = fromA & ~pastZ & 0x8080_8080_8080_8080
        return word | (capitals >> 2)
    }
}
