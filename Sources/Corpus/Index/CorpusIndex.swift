import Foundation

/// The positional inverted index of a loaded corpus, with what BM25 needs.
///
/// Built once while the corpus loads; sub-corpora share it and restrict results to their
/// documents.
public final class CorpusIndex: @unchecked Sendable {
    /// The term dictionary.
    public let lexicon: Lexicon
    let segments: [Segment]
    /// Per document (corpus index): tokens that count for ranking (words and numbers).
    public let documentLengths: [UInt32]
    /// Mean of `documentLengths`.
    public let averageLength: Double
    /// Per document: the part of BM25's denominator its length decides, k1 (1 − b + b·len/avg)
    /// (`lengthNorm`), computed once so that scoring a posting costs one division.
    let lengthNorms: [Double]
    /// All tokens of the corpus.
    public let tokenCount: Int
    /// The best weights of short posting lists, found as queries need them (ranking's bounds).
    let shortListMaxima = ShortListMaxima()
    /// Parsed queries, term blocks and prefix expansions that searches reuse.
    let searchCache = SearchCache()
    private let rankingLock = NSLock()
    private var rankingOverride: RankingStatistics?
    /// Grows each time `setRanking` replaces the statistics (what `SearchCache` keys term blocks by).
    private var rankingGeneration = 0

    init(lexicon: Lexicon, segments: [Segment], documentLengths: [UInt32], tokenCount: Int) {
        self.lexicon = lexicon
        self.segments = segments
        self.documentLengths = documentLengths
        let total = documentLengths.reduce(0) { $0 + Int($1) }
        let average = documentLengths.isEmpty ? 0 : Double(total) / Double(documentLengths.count)
        averageLength = average
        lengthNorms = documentLengths.map { Self.lengthNorm(Double($0), averageLength: average) }
        self.tokenCount = tokenCount
    }

    /// Number of documents indexed.
    public var documentCount: Int { documentLengths.count }

    /// What BM25 ranks with: the index's own statistics, or the whole corpus's when this corpus
    /// is one part of a split corpus (`Corpus.setGlobals`).
    public var ranking: RankingStatistics {
        rankingLock.lock()
        defer { rankingLock.unlock() }
        return rankingOverride ?? RankingStatistics(index: self)
    }

    /// `ranking` and its generation, read together.
    var rankingState: (statistics: RankingStatistics, generation: Int) {
        rankingLock.lock()
        defer { rankingLock.unlock() }
        return (rankingOverride ?? RankingStatistics(index: self), rankingGeneration)
    }

    /// Ranks with `statistics` from now on (nil: the index's own again).
    func setRanking(_ statistics: RankingStatistics?) {
        rankingLock.lock()
        rankingOverride = statistics
        rankingGeneration += 1
        rankingLock.unlock()
    }

    /// One document's entry in a term's postings.
    public struct Posting: Sendable {
        /// Corpus index of the document.
        public var document: Int
        /// Occurrences in the document.
        public var frequency: Int
        let segment: Int
        let positionBytes: Range<Int>
    }

    /// Calls `body` for each posting of term `id`, in document order.
    public func forEachPosting(_ id: Int, _ body: (Posting) -> Void) {
        for ref in lexicon.segmentRefs(of: id) {
            let (s, local) = Lexicon.segmentList(ref)
            segments[s].forEachPosting(local: local) { doc, tf, bytes in
                body(Posting(document: doc, frequency: tf, segment: s, positionBytes: bytes))
            }
        }
    }

    /// The postings of term `id` as an array.
    public func postings(_ id: Int) -> [Posting] {
        var result: [Posting] = []
        result.reserveCapacity(id >= 0 && id < lexicon.count ? Int(lexicon.documentFrequency[id]) : 0)
        forEachPosting(id) { result.append($0) }
        return result
    }

    /// The token positions (indices in the document's token sequence) of a posting.
    public func positions(of posting: Posting) -> [Int] {
        var out: [Int] = []
        segments[posting.segment].positions(posting.positionBytes, into: &out)
        return out
    }

    /// Fills `out` with the positions of a posting (reusing its storage).
    public func positions(of posting: Posting, into out: inout [Int]) {
        segments[posting.segment].positions(posting.positionBytes, into: &out)
    }

    /// Bytes held by the postings (for the benchmark's memory report).
    public var postingsBytes: Int {
        segments.reduce(0) { $0 + $1.docStream.count + $1.positionStream.count + 8 * $1.termDocOffset.count }
    }
}
