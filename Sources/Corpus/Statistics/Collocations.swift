import Foundation

/// One collocate of a node word.
public struct Collocate: Hashable, Sendable {
    /// The collocate in normal form.
    public var term: String
    /// The association score (see `AssociationMeasure`).
    public var score: Double
    /// O: times it occurs within the window of the node.
    public var count: Int
    /// E: times it would be expected there by chance.
    public var expected: Double
    /// Its occurrences in the whole corpus.
    public var frequency: Int

    /// Makes a row (statistics functions make these).
    public init(term: String, score: Double, count: Int, expected: Double, frequency: Int) {
        self.term = term
        self.score = score
        self.count = count
        self.expected = expected
        self.frequency = frequency
    }
}

extension Corpus {
    /// The words that occur near `node` more (or less) often than chance predicts.
    ///
    /// Window: up to `window` word or number tokens on each side of every occurrence of the
    /// node, inside its sentence; punctuation takes no place in the window. Every word token
    /// in a window counts once per node occurrence (O). With f(x) a term's occurrences in the
    /// corpus, N its word and number tokens and span = 2 · window:
    /// E = f(node) · f(collocate) · span / N, and the 2×2 table for G² is
    /// [O, f(node)·span − O; f(collocate) − O, N − the other three]. On a part of a split corpus
    /// (`setGlobals`), f and N of a corpus holding every document of the part are the whole
    /// corpus's and O the part's: the counts and expectations add up to the whole's over the parts.
    ///
    /// - Parameters:
    ///   - node: one word, as written or in normal form ("Blinken", "u.s."); a word the corpus
    ///     never has gives an empty list.
    ///   - window: tokens on each side (≥ 1).
    ///   - measure: the score to rank by.
    ///   - min: fewest co-occurrences reported (below 1 counts as 1).
    ///   - stopwords: collocates to leave out (they still take their place in the window).
    ///   - top: at most this many rows; nil for all.
    ///   - cancellation: checked as the node's occurrences are visited.
    /// - Throws: when the node is not one token, is punctuation, or the window is below 1; when
    ///   `cancellation` stops the work (`StatisticsError.stopped`).
    public func collocations(of node: String, window: Int = 5, measure: AssociationMeasure = .llr, min: Int = 2,
                             stopwords: Stopwords? = .english, top: Int? = nil,
                             cancellation: Cancellation = .none) throws(StatisticsError) -> [Collocate] {
        guard window >= 1 else { throw .invalidWindow(window) }
        let trimmed = node.trimmingCharacters(in: .whitespacesAndNewlines)
        let tokens = Tokenizer.tokens(in: trimmed)
        guard tokens.count == 1, let token = tokens.first else { throw .nodeIsNotOneToken(node, tokens: tokens.count) }
        guard token.kind != .punct else { throw .nodeIsPunctuation(node) }
        let lexicon = index.lexicon
        guard let nodeID = lexicon.id(of: Tokenizer.norm(trimmed)) else { return [] }

        // On a part of a split corpus, f and N are the whole corpus's (`Corpus.setGlobals`).
        let counts = wholeCounts().counts
        let nodeFrequency = Double(counts.counts[nodeID])
        guard nodeFrequency > 0 else { return [] }
        let mask = TermMask(lexicon: lexicon, kinds: [.word], stopwords: stopwords)
        let observed: [Int: Int]
        do {
            observed = try cooccurrences(of: nodeID, window: window, lexicon: lexicon, cancellation: cancellation)
        } catch {
            throw .stopped(error)
        }

        let span = 2 * Double(window)
        let total = Double(counts.wordsAndNumbers)
        let minimum = Swift.max(1, min)
        var scores: [Int: (score: Double, expected: Double)] = [:]
        for (id, o) in observed where o >= minimum && mask[id] {
            let o11 = Double(o)
            let f = Double(counts.counts[id])
            let expected = nodeFrequency * f * span / total
            let table = ContingencyTable(o11, nodeFrequency * span - o11, f - o11, total - nodeFrequency * span - f + o11)
            scores[id] = (measure.score(observed: o11, expected: expected, table: table), expected)
        }
        let ranked = Ranking.rank(Array(scores.keys), top: top, key: { scores[$0]?.score ?? 0 },
                                  secondary: { Double(observed[$0] ?? 0) }, text: lexicon.term)
        return ranked.map { r in
            Collocate(term: r.text, score: scores[r.id]?.score ?? 0, count: observed[r.id] ?? 0,
                      expected: scores[r.id]?.expected ?? 0, frequency: Int(counts.counts[r.id]))
        }
    }

    /// For each term, how many times it stands within `window` word or number tokens of an
    /// occurrence of `node` in the same sentence (the node itself excluded).
    func cooccurrences(of node: Int, window: Int, lexicon: Lexicon,
                       cancellation: Cancellation = .none) throws(WorkLimit) -> [Int: Int] {
        let isPunct = lexicon.kinds.map { $0 == .punct }
        let rootDocuments = root.documents
        var postings = index.postings(node)
        if !isWholeIndex {
            var member = [Bool](repeating: false, count: index.documentCount)
            for doc in documents where doc.index < member.count { member[doc.index] = true }
            postings.removeAll { $0.document >= member.count || !member[$0.document] }
        }
        postings.removeAll { $0.document >= rootDocuments.count }
        // Parts of about the same number of occurrences, one per core for a frequent node.
        let occurrences = postings.reduce(0) { $0 + $1.frequency }
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let partCount = Swift.max(1, Swift.min(cores, occurrences / 50_000))
        var parts: [Range<Int>] = []
        var start = 0
        var seen = 0
        for (i, posting) in postings.enumerated() {
            seen += posting.frequency
            if seen * partCount >= occurrences * (parts.count + 1) && parts.count < partCount - 1 {
                parts.append(start..<(i + 1))
                start = i + 1
            }
        }
        parts.append(start..<postings.count)
        let index = self.index
        let chosen = postings
        let ranges = parts
        let partial = try Parallel.map(parts.count, chunk: 1, cancellation: cancellation) { part throws(WorkLimit) -> [UInt32] in
            var counts = [UInt32](repeating: 0, count: lexicon.count)
            var positions: [Int] = []
            var ticker = cancellation.every(64)
            var failure: WorkLimit?
            counts.withUnsafeMutableBufferPointer { counts in
                isPunct.withUnsafeBufferPointer { isPunct in
                    for posting in chosen[ranges[part]] {
                        do throws(WorkLimit) { try ticker.tick() } catch {
                            failure = error
                            return
                        }
                        let doc = rootDocuments[posting.document]
                        index.positions(of: posting, into: &positions)
                        let layout = doc.layout
                        doc.terms.withUnsafeBufferPointer { terms in
                            for p in positions where p < terms.count {
                                let sentence = layout.sentenceCount == 0
                                    ? 0..<terms.count : layout.sentenceTokens(layout.sentence(containingToken: p))
                                Self.countWindow(around: p, in: sentence, terms: terms, window: window, node: node,
                                                 isPunct: isPunct, counts: counts)
                            }
                        }
                    }
                }
            }
            if let failure { throw failure }
            return counts
        }
        var observed: [Int: Int] = [:]
        for counts in partial {
            for (t, c) in counts.enumerated() where c > 0 { observed[t, default: 0] += Int(c) }
        }
        return observed
    }

    /// Adds 1 to `counts` for every word or number token within `window` such tokens on each
    /// side of position `p`, inside `sentence`; punctuation takes no place, the node is skipped.
    @inline(__always)
    static func countWindow(around p: Int, in sentence: Range<Int>, terms: UnsafeBufferPointer<UInt32>, window: Int, node: Int,
                            isPunct: UnsafeBufferPointer<Bool>, counts: UnsafeMutableBufferPointer<UInt32>) {
        var taken = 0
        var j = p - 1
        while j >= sentence.lowerBound && taken < window {
            let t = Int(terms[j])
            j -= 1
            if isPunct[t] { continue }
            taken += 1
            if t != node { counts[t] &+= 1 }
        }
        taken = 0
        j = p + 1
        while j < sentence.upperBound && taken < window {
            let t = Int(terms[j])
            j += 1
            if isPunct[t] { continue }
            taken += 1
            if t != node { counts[t] &+= 1 }
        }
    }
}
