/// A document's tokens as term ids, stored in two bytes per token.
///
/// Term ids are given in order of corpus frequency, so all but the rarest terms have ids below
/// 65,535 and fit in a `UInt16`; the few tokens of rarer terms keep their full id in a small
/// side table. This halves the largest per-token array of a corpus while reading like a plain
/// `[UInt32]` (random access, `count`, iteration).
public struct TermSequence: RandomAccessCollection, Sendable, Equatable {
    /// The marker of an id kept in `wide`.
    static let escape: UInt16 = .max

    /// Columns, so that an archive's sequences are read in place (`Column`).
    let narrow: Column<UInt16>
    /// (position, id) pairs of the escaped tokens, by position.
    let widePositions: Column<UInt32>
    let wideIDs: Column<UInt32>

    /// Stores `ids` (the fast path for arrays).
    public init(_ ids: [UInt32]) {
        let escape = UInt32(Self.escape)
        var escaped = 0
        let narrow = [UInt16](unsafeUninitializedCapacity: ids.count) { target, count in
            ids.withUnsafeBufferPointer { source in
                for i in 0..<source.count {
                    let id = source[i]
                    if id < escape { target[i] = UInt16(truncatingIfNeeded: id) } else { target[i] = Self.escape; escaped += 1 }
                }
            }
            count = ids.count
        }
        var positions: [UInt32] = []
        var wide: [UInt32] = []
        if escaped > 0 {
            positions.reserveCapacity(escaped)
            wide.reserveCapacity(escaped)
            for (i, id) in ids.enumerated() where id >= escape {
                positions.append(UInt32(i))
                wide.append(id)
            }
        }
        self.narrow = Column(narrow)
        widePositions = Column(positions)
        wideIDs = Column(wide)
    }

    /// Stores `ids`.
    public init(_ ids: some Collection<UInt32>) {
        var narrow: [UInt16] = []
        narrow.reserveCapacity(ids.count)
        let escaped = ids.reduce(0) { $0 + ($1 >= UInt32(Self.escape) ? 1 : 0) }
        var positions: [UInt32] = []
        var wide: [UInt32] = []
        positions.reserveCapacity(escaped)
        wide.reserveCapacity(escaped)
        for (i, id) in ids.enumerated() {
            if id < UInt32(Self.escape) {
                narrow.append(UInt16(id))
            } else {
                narrow.append(Self.escape)
                positions.append(UInt32(i))
                wide.append(id)
            }
        }
        self.narrow = Column(narrow)
        widePositions = Column(positions)
        wideIDs = Column(wide)
    }

    /// A sequence from its parts: `narrow` with `escape` where the id is in `wideIDs`, at
    /// `widePositions` (ascending). For builders that narrow ids as they make them.
    init(narrow: [UInt16], widePositions: [UInt32], wideIDs: [UInt32]) {
        self.narrow = Column(narrow)
        self.widePositions = Column(widePositions)
        self.wideIDs = Column(wideIDs)
    }

    /// A sequence read in place from an archive's columns (checked by the archive reader).
    init(narrow: Column<UInt16>, widePositions: Column<UInt32>, wideIDs: Column<UInt32>) {
        self.narrow = narrow
        self.widePositions = widePositions
        self.wideIDs = wideIDs
    }

    /// Writes `id` at `i` of a narrow buffer being built, or the escape there and the id aside
    /// (positions must come in ascending order).
    @inline(__always)
    static func store(_ id: UInt32, at i: Int, in narrow: UnsafeMutableBufferPointer<UInt16>,
                      widePositions: inout [UInt32], wideIDs: inout [UInt32]) {
        if id < UInt32(escape) {
            narrow[i] = UInt16(truncatingIfNeeded: id)
        } else {
            narrow[i] = escape
            widePositions.append(UInt32(i))
            wideIDs.append(id)
        }
    }

    /// Calls `body(position, id)` for every token in order, without expanding the ids into a
    /// temporary array (the loader's passes over every token use it).
    @inline(__always)
    func forEachID(_ body: (Int, UInt32) -> Void) {
        var nextWide = 0
        narrow.withUnsafeBufferPointer { n in
            for i in 0..<n.count {
                let v = n[i]
                if v != Self.escape {
                    body(i, UInt32(v))
                } else {
                    body(i, nextWide < wideIDs.count ? wideIDs[nextWide] : 0)
                    nextWide += 1
                }
            }
        }
    }

    /// An empty sequence.
    public init() {
        narrow = Column()
        widePositions = Column()
        wideIDs = Column()
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { narrow.count }

    /// The term id of token `i`.
    @inline(__always)
    public subscript(i: Int) -> UInt32 {
        let v = narrow[i]
        return v != Self.escape ? UInt32(v) : wideID(at: i)
    }

    private func wideID(at i: Int) -> UInt32 {
        var lo = 0
        var hi = widePositions.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(widePositions[mid]) < i { lo = mid + 1 } else { hi = mid }
        }
        return lo < wideIDs.count ? wideIDs[lo] : 0
    }

    /// The ids as a plain array.
    public var array: [UInt32] {
        var out = [UInt32](repeating: 0, count: narrow.count)
        out.withUnsafeMutableBufferPointer { fill($0) }
        return out
    }

    /// Hands the ids to `body` as a contiguous buffer (expanded into temporary memory).
    public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<UInt32>) throws -> R) rethrows -> R {
        try withUnsafeTemporaryAllocation(of: UInt32.self, capacity: Swift.max(1, narrow.count)) { buffer in
            let target = UnsafeMutableBufferPointer(rebasing: buffer[0..<narrow.count])
            fill(target)
            return try body(UnsafeBufferPointer(target))
        }
    }

    private func fill(_ out: UnsafeMutableBufferPointer<UInt32>) {
        narrow.withUnsafeBufferPointer { n in
            for i in 0..<n.count { out[i] = UInt32(n[i]) }
        }
        for (p, id) in zip(widePositions, wideIDs) where Int(p) < out.count { out[Int(p)] = id }
    }

    /// A new sequence with every id replaced by `map[id]` (ids outside `map` stay as they are).
    public func remapped(_ map: [UInt32]) -> TermSequence {
        var positions: [UInt32] = []
        var wide: [UInt32] = []
        let mapped = [UInt16](unsafeUninitializedCapacity: narrow.count) { out, count in
            map.withUnsafeBufferPointer { m in
                forEachID { i, id in
                    let g = Int(id) < m.count ? m[Int(id)] : id
                    Self.store(g, at: i, in: out, widePositions: &positions, wideIDs: &wide)
                }
            }
            count = narrow.count
        }
        return TermSequence(narrow: mapped, widePositions: positions, wideIDs: wide)
    }

    /// Bytes held (for the memory report).
    public var byteCount: Int { narrow.ownedBytes + widePositions.ownedBytes + wideIDs.ownedBytes }
}
