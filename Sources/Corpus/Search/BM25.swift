import Foundation

/// Okapi BM25 with the usual constants (k1 = 1.2, b = 0.75) and
/// idf = ln(1 + (N − df + 0.5) / (df + 0.5)), N and df taken from the whole index so that a
/// sub-corpus ranks its documents as the full corpus would (and from the whole corpus for a part
/// of a split one: `RankingStatistics`).
struct BM25 {
    static let k1 = CorpusIndex.k1
    static let b = CorpusIndex.b

    let documentCount: Int
    let lengths: [UInt32]
    let averageLength: Double

    /// Ranks with the index's `ranking` statistics (the whole corpus's for a part of a split one).
    init(index: CorpusIndex, ranking: RankingStatistics) {
        documentCount = ranking.documentCount
        lengths = index.documentLengths
        averageLength = ranking.averageLength
    }

    /// Inverse document frequency of something found in `df` documents.
    func idf(_ df: Int) -> Double {
        let n = Double(documentCount)
        let d = Double(max(0, df))
        return log(1 + (n - d + 0.5) / (d + 0.5))
    }

    /// The score of `frequency` occurrences in `document` for a term of inverse document
    /// frequency `idf`.
    @inline(__always)
    func score(frequency: Int, document: Int, idf: Double) -> Double {
        guard frequency > 0 else { return 0 }
        let length = document >= 0 && document < lengths.count ? Double(lengths[document]) : averageLength
        return idf * CorpusIndex.termWeight(frequency: frequency, length: length, averageLength: averageLength)
    }
}
