/// One term's postings seen as a row of spans of documents, each with an upper bound of the
/// term's BM25 score in it: what block-max ranking reads to skip documents that cannot reach
/// the top k, and what `BlockCursor` decodes a span at a time.
///
/// The spans cover every document number in order, without gaps: a skip block of a long list
/// (its `Segment.blockSize` postings, bound by the block's stored best weight); a short list
/// (no skip blocks, bound by its best weight, `ShortListMaxima`); and the
/// stretches between lists, where the term is absent (bound 0). The last span reaches `Int.max`.
final class TermBlocks {
    /// A run of documents `…end` (from the previous span's end + 1) and where its postings are.
    struct Span {
        /// The last document the span covers.
        let end: Int
        /// No document of the span scores more than this for the term.
        let bound: Double
        /// The segment, local term id and skip block of its postings; `list` is -1 where the
        /// term is absent, `block` is -1 for a whole short list.
        let segment: Int32
        let list: Int32
        let block: Int32
    }

    let idf: Double
    /// Documents holding the term (what a disjunction's cheapest clause is chosen by).
    let documentFrequency: Int
    let spans: [Span]
    /// The largest bound of any span: no document scores more than this for the term.
    let maxBound: Double
    let segments: [Segment]
    /// Each document's length part of BM25 (`RankingStatistics.lengthNorms`).
    let norms: [Double]

    /// `ranking` is the index's (`CorpusIndex.ranking`), read once per query by its caller.
    init(index: CorpusIndex, term id: Int, ranking: RankingStatistics) {
        let lexicon = index.lexicon
        idf = ranking.idf(term: id)
        // This index's own count (what leading by a term costs), whatever statistics rank.
        documentFrequency = id >= 0 && id < lexicon.count ? Int(lexicon.documentFrequency[id]) : 0
        segments = index.segments
        norms = ranking.lengthNorms
        // The stored maxima are weights under the index's own average length (`RankingStatistics`).
        let scale = ranking.boundScale
        // Above every term weight: tf (k1 + 1) / (tf + k1 (1 − b + b·len/avg)) < k1 + 1.
        let shortBound = idf * (CorpusIndex.k1 + 1) * 1.0001
        let refs = lexicon.segmentRefs(of: id)
        let segments = index.segments
        var spans: [Span] = []
        spans.reserveCapacity(2 * refs.count + 1)
        var best = 0.0
        var covered = -1  // last document covered so far
        for ref in refs {
            let (s, local) = Lexicon.segmentList(ref)
            let segment = segments[s]
            let first = segment.baseDocument
            let last = segment.baseDocument + segment.documentCount - 1
            guard last >= first else { continue }
            if first - 1 > covered {
                spans.append(Span(end: first - 1, bound: 0, segment: -1, list: -1, block: -1))
            }
            let lower = Int(segment.blocks.termBlockStart[local])
            let upper = Int(segment.blocks.termBlockStart[local + 1])
            if lower == upper {
                // A short list: its own best weight (found once per index), not the loosest bound.
                let bound = min(shortBound, index.shortListMaxima.maximum(segment: s, local: local, in: index) * scale * idf)
                spans.append(Span(end: last, bound: bound, segment: Int32(s), list: Int32(local), block: -1))
                best = max(best, bound)
            } else {
                let weightScale = segment.maxWeightScale
                for block in lower..<upper {
                    // A block ends at the document before the next block's first one.
                    // (Deleted documents are skipped: the end is the last live one up to there.)
                    let end = block + 1 < upper
                        ? max(covered, first + segment.lastLiveDocument(atOrBefore: Int(segment.blocks.previousDocument[block + 1])))
                        : last
                    let bound = Double(segment.blocks.maxWeight[block]) * weightScale * scale * idf
                    spans.append(Span(end: end, bound: bound, segment: Int32(s), list: Int32(local), block: Int32(block)))
                    best = max(best, bound)
                }
            }
            covered = last
        }
        spans.append(Span(end: Int.max, bound: 0, segment: -1, list: -1, block: -1))
        self.spans = spans
        maxBound = best
    }

    /// The index of the span holding document `target`, searching forward from span `from`
    /// (galloping, so long jumps cost a logarithm).
    @inline(__always)
    func span(holding target: Int, from: Int) -> Int {
        var lo = max(0, from)
        if spans[lo].end >= target { return lo }
        var step = 1
        var hi = lo + 1
        while hi < spans.count - 1 && spans[hi].end < target {
            lo = hi
            hi += step
            step *= 2
        }
        hi = min(hi, spans.count - 1)
        // spans[lo].end < target <= spans[hi].end
        while lo + 1 < hi {
            let mid = (lo + hi) / 2
            if spans[mid].end < target { lo = mid } else { hi = mid }
        }
        return hi
    }

    /// The BM25 score of `frequency` occurrences in `document`.
    @inline(__always)
    func score(frequency: Int, document: Int) -> Double {
        let norm = document >= 0 && document < norms.count ? norms[document] : CorpusIndex.k1
        return idf * CorpusIndex.termWeight(frequency: frequency, norm: norm)
    }

    /// Decodes span `s`'s postings into `documents` and `frequencies` (room for
    /// `Segment.blockSize` each) and returns how many there are.
    func decode(_ s: Int, documents: UnsafeMutablePointer<Int>, frequencies: UnsafeMutablePointer<UInt32>) -> Int {
        let span = spans[s]
        guard span.list >= 0 else { return 0 }
        let segment = segments[Int(span.segment)]
        let local = Int(span.list)
        var offset: Int
        var stop = Int(segment.termDocOffset[local + 1])
        var doc: Int
        if span.block < 0 {
            offset = Int(segment.termDocOffset[local])
            doc = 0
        } else {
            let block = Int(span.block)
            offset = Int(segment.blocks.docOffset[block])
            doc = Int(segment.blocks.previousDocument[block])
            if block + 1 < Int(segment.blocks.termBlockStart[local + 1]) { stop = Int(segment.blocks.docOffset[block + 1]) }
        }
        let base = segment.baseDocument
        let room = Segment.blockSize
        return segment.docStream.withUnsafeBufferPointer { stream in
            var n = 0
            stop = min(stop, stream.count)
            while offset < stop && n < room {
                doc += Int(VarInt.read(stream, &offset))
                let tf = VarInt.read(stream, &offset)
                guard doc < segment.storedCount else { break }  // a damaged archive's posting
                let live = segment.liveDocument(doc)
                guard live >= 0 else { continue }  // deleted
                documents[n] = base + live
                frequencies[n] = tf
                n += 1
            }
            return n
        }
    }
}
