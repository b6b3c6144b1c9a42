import Foundation

extension CorpusIndex {
    /// BM25's constants (Robertson's usual values).
    public static let k1 = 1.2
    public static let b = 0.75

    /// The BM25 weight of `frequency` occurrences in a document of `length` tokens, before
    /// multiplying by the term's idf.
    @inline(__always)
    public static func termWeight(frequency: Int, length: Double, averageLength: Double) -> Double {
        termWeight(frequency: frequency, norm: lengthNorm(length, averageLength: averageLength))
    }

    /// `termWeight` for a document whose `lengthNorm` is `norm` (the same arithmetic, so the
    /// same value bit for bit).
    @inline(__always)
    static func termWeight(frequency: Int, norm: Double) -> Double {
        guard frequency > 0 else { return 0 }
        let tf = Double(frequency)
        return tf * (k1 + 1) / (tf + norm)
    }

    /// The length part of BM25's denominator: k1 (1 − b + b·length/averageLength).
    @inline(__always)
    static func lengthNorm(_ length: Double, averageLength: Double) -> Double {
        let relative = averageLength > 0 ? length / averageLength : 1
        return k1 * (1 - b + b * relative)
    }

    /// BM25's idf for something found in `df` documents: ln(1 + (N − df + 0.5)/(df + 0.5)), N
    /// that of `ranking` (the whole corpus's for a part of a split one).
    public func idf(documentFrequency df: Int) -> Double {
        ranking.idf(documentFrequency: df)
    }

    /// The `k` best documents for one term by BM25, among those `include` accepts, best first
    /// (ties: earlier document). Uses the segments' block maxima: blocks are visited best
    /// first and the search stops when no remaining block can beat the k-th score, so a
    /// frequent term costs a few blocks instead of its whole list.
    public func topDocuments(term id: Int, k: Int, include: (Int) -> Bool) -> [(document: Int, score: Double)] {
        guard k > 0, id >= 0, id < lexicon.count else { return [] }
        let ranking = self.ranking
        let idf = ranking.idf(term: id)
        let norms = ranking.lengthNorms
        var top = TopK(k)
        struct Span {
            let segment: Int
            let local: Int
            let block: Int   // -1: the whole (short) list
            let bound: Double
        }
        var spans: [Span] = []
        for ref in lexicon.segmentRefs(of: id) {
            let (s, local) = Lexicon.segmentList(ref)
            let blocks = segments[s].blocks
            let first = Int(blocks.termBlockStart[local])
            let last = Int(blocks.termBlockStart[local + 1])
            if first == last {
                spans.append(Span(segment: s, local: local, block: -1, bound: .infinity))
            } else {
                for block in first..<last {
                    spans.append(Span(segment: s, local: local, block: block,
                                  bound: Double(blocks.maxWeight[block]) * segments[s].maxWeightScale * ranking.boundScale * idf))
                }
            }
        }
        spans.sort { $0.bound > $1.bound }
        var kth = -Double.infinity
        for span in spans {
            if top.isFull && span.bound < kth { break }
            let segment = segments[span.segment]
            segment.forEachPosting(local: span.local, block: span.block) { doc, tf in
                guard include(doc) else { return }
                let norm = doc < norms.count ? norms[doc] : Self.k1
                let score = idf * Self.termWeight(frequency: tf, norm: norm)
                top.offer(score: score, document: doc)
            }
            if top.isFull { kth = top.weakestScore }
        }
        return top.sortedInPlace().map { ($0.document, $0.score) }
    }
}

extension Segment {
    /// Calls `body(document, tf)` for the postings of local term `local` in one block (or the
    /// whole list when `block` is -1).
    func forEachPosting(local: Int, block: Int, _ body: (Int, Int) -> Void) {
        var offset: Int
        var doc: Int
        var stop = Int(termDocOffset[local + 1])
        if block < 0 {
            offset = Int(termDocOffset[local])
            doc = 0
        } else {
            offset = Int(blocks.docOffset[block])
            doc = Int(blocks.previousDocument[block])
            if block + 1 < Int(blocks.termBlockStart[local + 1]) { stop = Int(blocks.docOffset[block + 1]) }
        }
        docStream.withUnsafeBufferPointer { stream in
            while offset < stop {
                doc += Int(VarInt.read(stream, &offset))
                guard doc < storedCount else { break }  // a damaged archive's posting
                let tf = Int(VarInt.read(stream, &offset))
                let live = liveDocument(doc)
                if live >= 0 { body(baseDocument + live, tf) }
            }
        }
    }
}
