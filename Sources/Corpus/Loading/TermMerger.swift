import Foundation

/// Merges the segments' term tables into one as each segment finishes (so a segment's table
/// can be freed at once), then numbers the terms by frequency, most frequent first.
///
/// Segments may finish in any order, so the final numbering depends only on the terms and
/// their counts (ties: byte order), never on which thread came first.
final class TermMerger: @unchecked Sendable {
    private let lock = NSLock()
    private let merged: ByteTermTable
    private var kinds: [TokenKind] = []
    private var frequency: [UInt32] = []
    /// Per segment: its local ids in merge ids.
    private var localToMerged: [Int: [UInt32]] = [:]

    init(capacity: Int) {
        merged = ByteTermTable(capacity: capacity)
    }

    /// Adds one segment's table (with its terms' kinds and collection frequencies).
    func add(segment: Int, table local: ByteTermTable, kinds localKinds: [TokenKind], frequencies cf: [UInt32]) {
        lock.lock()
        defer { lock.unlock() }
        // Work on local copies (closures and loops over stored properties pay an access check
        // per touch) and prefetch the merged table's slot a few terms ahead, as the loader does.
        var kinds = self.kinds
        var frequency = self.frequency
        self.kinds = []
        self.frequency = []
        let merged = self.merged
        let count = local.count
        let distance = TermAssigner.prefetchDistance
        let map = [UInt32](unsafeUninitializedCapacity: count) { map, initialized in
            for l in 0..<min(distance, count) { merged.prefetch(hash: local.hash(of: l)) }
            for l in 0..<count {
                if l + distance < count { merged.prefetch(hash: local.hash(of: l + distance)) }
                let m = local.withBytes(of: l) { merged.insert($0, hash: local.hash(of: l)) }
                if Int(m) == kinds.count {
                    kinds.append(l < localKinds.count ? localKinds[l] : .punct)
                    frequency.append(0)
                }
                if l < cf.count { frequency[Int(m)] += cf[l] }
                map[l] = m
            }
            initialized = count
        }
        self.kinds = kinds
        self.frequency = frequency
        localToMerged[segment] = map
    }

    /// The lexicon's table and kinds numbered by frequency, and each segment's local-to-final
    /// id map (indexed by segment).
    func finish(segments: Int) -> (table: ByteTermTable, kinds: [TokenKind], maps: [[UInt32]]) {
        lock.lock()
        defer { lock.unlock() }
        let table = merged
        // Sort keys made once: the count, then the first 8 bytes as a big-endian word (its
        // order is the bytes' order); only terms whose counts and first 8 bytes tie are
        // compared in full. (Half the terms of a corpus occur once, so ties are common.)
        struct Key {
            var count: UInt32
            var prefix: UInt64
            var id: Int
        }
        let counts = frequency
        var keys = (0..<table.count).map { id in
            Key(count: counts[id], prefix: table.withBytes(of: id) { bytes in
                var prefix: UInt64 = 0
                for i in 0..<min(8, bytes.count) { prefix |= UInt64(bytes[i]) << (56 - 8 * UInt64(i)) }
                return prefix
            }, id: id)
        }
        keys.sort { a, b in
            if a.count != b.count { return a.count > b.count }
            if a.prefix != b.prefix { return a.prefix < b.prefix }
            return table.withBytes(of: a.id) { x in table.withBytes(of: b.id) { y in ByteOrder.precedes(x, y) } }
        }
        let order = keys.map(\.id)
        let final = ByteTermTable(capacity: max(1024, table.count))
        var finalKinds: [TokenKind] = []
        finalKinds.reserveCapacity(table.count)
        var mergedToFinal = [UInt32](repeating: 0, count: table.count)
        for (rank, m) in order.enumerated() {
            _ = table.withBytes(of: m) { final.insert($0, hash: table.hash(of: m)) }
            finalKinds.append(kinds[m])
            mergedToFinal[m] = UInt32(rank)
        }
        let maps = (0..<segments).map { s in (localToMerged[s] ?? []).map { mergedToFinal[Int($0)] } }
        return (final, finalKinds, maps)
    }
}
