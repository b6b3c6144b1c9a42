/// The term dictionary of a corpus: every distinct normalised token form with its id, kind,
/// document frequency and collection frequency.
///
/// Ids are dense (`0..<count`) and stable for the life of the corpus; documents store their
/// tokens as these ids.
public final class Lexicon: @unchecked Sendable {
    let table: ByteTermTable
    /// Kind of each term (decided by its first character).
    public let kinds: [TokenKind]
    /// Number of documents each term occurs in.
    public let documentFrequency: [UInt32]
    /// Number of occurrences of each term.
    public let collectionFrequency: [UInt32]
    /// Number of documents of the corpus the lexicon belongs to (the N of idf = ln(N / df)).
    public let documentCount: Int
    /// For each term, the segments holding its postings: `segmentRefs[termSegmentStart[t] ..<
    /// termSegmentStart[t + 1]]`, each `(segment << 32) | localID`.
    let termSegmentStart: [UInt32]
    let segmentRefs: [UInt64]
    /// The sorted term dictionary: every id in the bytewise order of its term. An archive
    /// stores it (its lexicon file's section 10); a loaded corpus sorts on the first prefix
    /// lookup.
    let termOrder: TermOrder

    /// The segment refs of term `id` (decode each with `segmentList(_:)`), in segment order;
    /// empty for an id the lexicon does not have.
    func segmentRefs(of id: Int) -> ArraySlice<UInt64> {
        guard id >= 0, id + 1 < termSegmentStart.count else { return [] }
        let lower = Int(termSegmentStart[id])
        let upper = Int(termSegmentStart[id + 1])
        guard lower <= upper, upper <= segmentRefs.count else { return [] }
        return segmentRefs[lower..<upper]
    }

    /// A segment ref as the segment's index and the term's local id in that segment.
    @inline(__always)
    static func segmentList(_ ref: UInt64) -> (segment: Int, local: Int) {
        (Int(ref >> 32), Int(ref & 0xFFFF_FFFF))
    }

    /// A lexicon complete with its statistics (`IndexBuilder` works them out before it is made:
    /// nothing changes a lexicon once built).
    init(table: ByteTermTable, kinds: [TokenKind], documentFrequency: [UInt32], collectionFrequency: [UInt32],
         documentCount: Int, termSegmentStart: [UInt32], segmentRefs: [UInt64], termOrder: TermOrder? = nil) {
        self.table = table
        self.termOrder = termOrder ?? TermOrder()
        self.kinds = kinds
        self.documentFrequency = documentFrequency
        self.collectionFrequency = collectionFrequency
        self.documentCount = documentCount
        self.termSegmentStart = termSegmentStart
        self.segmentRefs = segmentRefs
    }

    /// Number of distinct terms.
    public var count: Int { table.count }

    /// The id of a normalised form (see `Tokenizer.norm`), or nil when the corpus never has it.
    public func id(of norm: String) -> Int? {
        table.find(norm).map(Int.init)
    }

    /// The normalised form of term `id`.
    public func term(_ id: Int) -> String {
        guard id >= 0, id < count else { return "" }
        return table.string(id)
    }

    /// The kind of term `id`.
    public func kind(_ id: Int) -> TokenKind {
        guard id >= 0, id < kinds.count else { return .punct }
        return kinds[id]
    }

    /// Ids of the terms that start with `prefix` (a normalised form), in id order: found by
    /// bisection in the sorted term dictionary, so a prefix costs its matches, not the lexicon.
    public func ids(withPrefix prefix: String) -> [Int] {
        var p = prefix
        return p.withUTF8 { needle -> [Int] in
            guard needle.count > 0 else { return Array(0..<count) }
            let order = termOrder.ids(of: table)
            var result: [Int] = []
            order.withUnsafeBufferPointer { ids in
                var lo = 0
                var hi = ids.count
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if table.compare(Int(ids[mid]), needle) < 0 { lo = mid + 1 } else { hi = mid }
                }
                while lo < ids.count, table.hasPrefix(Int(ids[lo]), needle) {
                    result.append(Int(ids[lo]))
                    lo += 1
                }
            }
            result.sort()
            return result
        }
    }
}

/// A lexicon's sorted term dictionary (term ids in the bytewise order of their terms): read in
/// place from an archive, or sorted once on first use (safe from any thread).
final class TermOrder: @unchecked Sendable {
    private let lock = NSLock()
    private var sorted: Column<UInt32>?

    /// An order to sort when first asked for.
    init() {}

    /// An order read from an archive (its ids checked to be below the term count).
    init(_ ids: Column<UInt32>) { sorted = ids }

    /// The order, sorted now when not yet.
    func ids(of table: ByteTermTable) -> Column<UInt32> {
        lock.lock()
        defer { lock.unlock() }
        if let sorted { return sorted }
        let fresh = Column(table.sortedIDs())
        sorted = fresh
        return fresh
    }
}

import Foundation
