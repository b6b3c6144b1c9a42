import Foundation

/// The collection statistics BM25 ranks with: the number of documents N, each term's document
/// frequency, the average document length, and each document's length part of the denominator.
///
/// An index ranks with its own (`init(index:)`). A corpus that is one part of a corpus split
/// across machines ranks with the whole corpus's (`Corpus.setGlobals`, `dossier map --globals`):
/// its documents then get the scores, and so the order, the whole corpus would give them.
public struct RankingStatistics: Sendable {
    /// N of idf.
    public let documentCount: Int
    /// The average length (word and number tokens) lengths are compared with.
    public let averageLength: Double
    /// Per term id of the index's lexicon: the documents holding it.
    let documentFrequency: [UInt32]
    /// The whole corpus's documents holding each phrase the first pass counted, by
    /// `CorpusGlobals.phraseKey` (empty: every phrase is counted in the index).
    let phraseDocumentFrequency: [String: Int]
    /// Per document (corpus index): k1 (1 − b + b·len/avg) with this `averageLength`.
    let lengthNorms: [Double]
    /// The index stores each block's best term weight under its own average length; with another
    /// one a weight can grow by at most avg′/avg (the norm shrinks by no more than that factor):
    /// stored maxima times this bound every weight.
    let boundScale: Double

    /// The index's own statistics.
    init(index: CorpusIndex) {
        documentCount = index.documentCount
        averageLength = index.averageLength
        documentFrequency = index.lexicon.documentFrequency
        lengthNorms = index.lengthNorms
        boundScale = 1
        phraseDocumentFrequency = [:]
    }

    /// The statistics of a whole corpus `index` is one part of: `documentCount` documents of
    /// `averageLength` tokens on average, and `documentFrequency(term)` documents holding each
    /// term (nil: the part's own count), `phraseDocumentFrequency` each phrase it counted.
    init(index: CorpusIndex, documentCount: Int, averageLength: Double, documentFrequency: (String) -> Int?,
         phraseDocumentFrequency: [String: Int] = [:]) {
        self.documentCount = documentCount
        self.phraseDocumentFrequency = phraseDocumentFrequency
        self.averageLength = averageLength
        let lexicon = index.lexicon
        var df = lexicon.documentFrequency
        for id in 0..<lexicon.count {
            if let whole = documentFrequency(lexicon.term(id)) { df[id] = UInt32(clamping: whole) }
        }
        self.documentFrequency = df
        lengthNorms = index.documentLengths.map { CorpusIndex.lengthNorm(Double($0), averageLength: averageLength) }
        let local = index.averageLength
        boundScale = local > 0 && averageLength > local ? averageLength / local * 1.0001 : 1
    }

    /// BM25's idf for something found in `df` documents: ln(1 + (N − df + 0.5)/(df + 0.5)).
    public func idf(documentFrequency df: Int) -> Double {
        let n = Double(documentCount)
        let d = Double(max(0, df))
        return log(1 + (n - d + 0.5) / (d + 0.5))
    }

    /// BM25's idf of term `id` of the index's lexicon.
    public func idf(term id: Int) -> Double {
        idf(documentFrequency: id >= 0 && id < documentFrequency.count ? Int(documentFrequency[id]) : 0)
    }
}
