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
         documentCount: Int, termSegmentStart: [UInt32], segmentRefs: [UInt64]) {
        self.table = table
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

    /// Ids of the terms that start with `prefix` (a normalised form), in id order.
    public func ids(withPrefix prefix: String) -> [Int] {
        var p = prefix
        return p.withUTF8 { table.ids(withPrefix: $0) }
    }
}

import Foundation
