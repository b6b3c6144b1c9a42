/// One row of a keyness list: a word over- or under-used in a target corpus.
public struct KeynessScore: Hashable, Sendable {
    /// The word in normal form.
    public var term: String
    /// Signed log-likelihood: positive when the word is relatively more frequent in the
    /// target than in the reference, negative when less.
    public var score: Double
    /// Occurrences in the target.
    public var count: Int
    /// Occurrences in the reference.
    public var referenceCount: Int

    /// Makes a row (statistics functions make these).
    public init(term: String, score: Double, count: Int, referenceCount: Int) {
        self.term = term
        self.score = score
        self.count = count
        self.referenceCount = referenceCount
    }
}

extension Corpus {
    /// Which corpus is the target of `a.keyness(against: b)` and what it is compared with.
    enum KeynessPlan {
        /// `target` against the documents of `whole` that are not in `target`.
        case againstRest(target: Corpus, whole: Corpus)
        /// `target` against `reference` as given.
        case againstReference(target: Corpus, reference: Corpus)
    }

    /// Sub-corpora are compared with the rest of the corpus they come from: when one of the two
    /// corpora holds every document of the other, the smaller is the target and the reference
    /// is the larger minus the target's documents. Otherwise the receiver is the target and
    /// `reference` is used as given.
    static func keynessPlan(_ receiver: Corpus, _ reference: Corpus) -> KeynessPlan {
        guard receiver.index === reference.index else { return .againstReference(target: receiver, reference: reference) }
        if receiver.isSubset(of: reference) { return .againstRest(target: receiver, whole: reference) }
        if reference.isSubset(of: receiver) { return .againstRest(target: reference, whole: receiver) }
        return .againstReference(target: receiver, reference: reference)
    }

    /// True when every document of this corpus is in `other` (both share one index).
    func isSubset(of other: Corpus) -> Bool {
        if other.isWholeIndex { return true }
        if documents.count > other.documents.count { return false }
        return documents.allSatisfy(other.contains)
    }

    /// The words whose relative frequency differs most between a target and a reference corpus,
    /// by Dunning's log-likelihood, most over-used in the target first.
    ///
    /// The target and reference are chosen by `keynessPlan`: `sub.keyness(against: corpus)` (or
    /// `corpus.keyness(against: sub)`) compares `sub` with the rest of `corpus`; two unrelated
    /// corpora compare the receiver with `reference`. Corpora loaded separately are matched by
    /// term text. On a part of a split corpus (`setGlobals`), a corpus holding every document of
    /// the part stands for the whole corpus: `sub.keyness(against: corpus)` compares `sub` with
    /// the rest of the whole corpus, and `corpus.keyness(against: corpus)` the part with the rest.
    ///
    /// For a word seen a times in the target (T word tokens) and b times in the reference
    /// (R word tokens), the 2×2 table is [a, b; T − a, R − b]; the score is G², negative when
    /// a/T < b/R. Only words (no numbers or punctuation) with a + b ≥ `min` are listed.
    ///
    /// - Parameters:
    ///   - min: fewest occurrences in target and reference together (below 1 counts as 1).
    ///   - stopwords: words to leave out of the list (they still count in T and R); nil keeps all.
    ///   - top: at most this many rows; nil for all.
    /// - Throws: when the target or the reference has no words.
    public func keyness(against reference: Corpus, min: Int = 3, stopwords: Stopwords? = .english,
                        top: Int? = nil) throws(StatisticsError) -> [KeynessScore] {
        let minimum = Swift.max(1, min)
        struct Row {
            var id: Int
            var text: String?
            var a: Int
            var b: Int
        }
        var rows: [Row] = []
        let targetLexicon: Lexicon
        let targetWords: Int
        let referenceWords: Int
        switch Self.keynessPlan(self, reference) {
        case .againstRest(let target, let whole):
            let lexicon = target.index.lexicon
            let t = TermCounts(target)
            // On a part of a split corpus, the whole corpus's counts (`Corpus.setGlobals`).
            let whole = whole.wholeCounts()
            let w = whole.counts
            let mask = TermMask(lexicon: lexicon, kinds: [.word], stopwords: stopwords)
            for id in 0..<lexicon.count where mask[id] {
                let a = Int(t.counts[id])
                let b = Int(w.counts[id]) - a
                if a + b >= minimum { rows.append(Row(id: id, text: nil, a: a, b: b)) }
            }
            for (term, count) in whole.absent where count >= minimum && !(stopwords?.contains(term) ?? false) {
                rows.append(Row(id: -1, text: term, a: 0, b: count))
            }
            targetLexicon = lexicon
            targetWords = t.words
            referenceWords = w.words - t.words
        case .againstReference(let target, let reference):
            let lexicon = target.index.lexicon
            let t = TermCounts(target)
            let r = TermCounts(reference)
            targetLexicon = lexicon
            targetWords = t.words
            referenceWords = r.words
            let mask = TermMask(lexicon: lexicon, kinds: [.word], stopwords: stopwords)
            if reference.index === target.index {
                for id in 0..<lexicon.count where mask[id] {
                    let a = Int(t.counts[id])
                    let b = Int(r.counts[id])
                    if a + b >= minimum { rows.append(Row(id: id, text: nil, a: a, b: b)) }
                }
            } else {
                let other = reference.index.lexicon
                let otherMask = TermMask(lexicon: other, kinds: [.word], stopwords: stopwords)
                var matched = [Bool](repeating: false, count: other.count)
                for id in 0..<lexicon.count where mask[id] && t.counts[id] > 0 {
                    let text = lexicon.term(id)
                    var b = 0
                    if let o = other.id(of: text) {
                        matched[o] = true
                        b = Int(r.counts[o])
                    }
                    let a = Int(t.counts[id])
                    if a + b >= minimum { rows.append(Row(id: id, text: text, a: a, b: b)) }
                }
                for o in 0..<other.count where otherMask[o] && !matched[o] && Int(r.counts[o]) >= minimum {
                    rows.append(Row(id: -1, text: other.term(o), a: 0, b: Int(r.counts[o])))
                }
            }
        }
        guard targetWords > 0 else { throw .emptyTarget }
        guard referenceWords > 0 else { throw .emptyReference }
        let tw = Double(targetWords)
        let rw = Double(referenceWords)
        let scores = rows.map { row -> Double in
            let a = Double(row.a)
            let b = Double(row.b)
            return ContingencyTable(a, b, tw - a, rw - b).signedLogLikelihood
        }
        let ranked = Ranking.rank(Array(rows.indices), top: top, key: { scores[$0] }, secondary: { Double(rows[$0].a) },
                                  text: { rows[$0].text ?? targetLexicon.term(rows[$0].id) })
        return ranked.map { KeynessScore(term: $0.text, score: scores[$0.id], count: rows[$0.id].a, referenceCount: rows[$0.id].b) }
    }
}
