import Foundation

/// One keyword of a document.
public struct Keyword: Hashable, Sendable {
    /// The word in normal form.
    public var term: String
    /// tf · idf.
    public var score: Double
    /// Occurrences in the document (tf).
    public var count: Int

    /// Makes a row (statistics functions make these).
    public init(term: String, score: Double, count: Int) {
        self.term = term
        self.score = score
        self.count = count
    }
}

extension Document {
    /// The words that characterise this document within its corpus, by tf-idf: tf is the
    /// word's occurrences in the document, idf = ln(N / df) with N the documents of the loaded
    /// corpus and df those holding the word. Words only; a word in every document scores 0 and
    /// is left out (so a one-document corpus has no keywords).
    ///
    /// - Parameters:
    ///   - top: at most this many rows; nil for all.
    ///   - stopwords: words to leave out; nil keeps all.
    ///   - globals: the whole corpus's N and df when this corpus is one part of it
    ///     (`CorpusGlobals`); nil: this corpus's own.
    public func keywords(top: Int? = 10, stopwords: Stopwords? = .english, globals: CorpusGlobals? = nil) -> [Keyword] {
        let n = Double(globals?.documentCount ?? lexicon.documentCount)
        guard n > 0, !terms.isEmpty else { return [] }
        let stopIDs = Set(stopwords.map { TermMask.ids(of: $0, in: lexicon) } ?? [])
        var sorted = terms.array
        sorted.sort()
        var ids: [Int] = []
        var tfs: [Int] = []
        var scores: [Double] = []
        var i = 0
        while i < sorted.count {
            var j = i + 1
            while j < sorted.count && sorted[j] == sorted[i] { j += 1 }
            let id = Int(sorted[i])
            if lexicon.kind(id) == .word && !stopIDs.contains(id) {
                let localDF = Int(lexicon.documentFrequency[id])
                let wholeDF: Int = globals?.documentFrequency[lexicon.term(id)] ?? localDF
                let df = Double(wholeDF)
                let score = df > 0 ? Double(j - i) * log(n / df) : 0
                if score > 0 {
                    ids.append(id)
                    tfs.append(j - i)
                    scores.append(score)
                }
            }
            i = j
        }
        let ranked = Ranking.rank(Array(ids.indices), top: top, key: { scores[$0] }, secondary: { Double(tfs[$0]) },
                                  text: { lexicon.term(ids[$0]) })
        return ranked.map { Keyword(term: $0.text, score: scores[$0.id], count: tfs[$0.id]) }
    }
}
