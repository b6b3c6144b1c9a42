/// One row of an n-gram list.
public struct NGram: Hashable, Sendable {
    /// The n-gram's terms in normal form, joined by spaces ("foreign minister"); a clitic
    /// "'s" is attached to the word before it ("china's foreign").
    public var text: String
    /// The terms one by one.
    public var terms: [String]
    /// Occurrences in the corpus.
    public var count: Int
    /// Documents it occurs in.
    public var docs: Int

    public init(text: String, terms: [String], count: Int, docs: Int) {
        self.text = text
        self.terms = terms
        self.count = count
        self.docs = docs
    }
}

/// Counts the n-grams of a corpus's documents.
///
/// An n-gram is n consecutive word or number tokens of one sentence: a punctuation token
/// (comma, quote, dash, parenthesis, a lone hyphen or apostrophe, "$", …) or a sentence end
/// breaks the sequence. Hyphenated words and words with an inner apostrophe are single tokens
/// already ("face-to-face", "don't"), and the clitic "’s" is a word token of its own.
public enum NGramCounter {
    /// The longest n-gram counted.
    public static let maximumLength = 8

    /// Calls `body(start)` for each n-gram of `length` in `doc` (the index of its first token)
    /// that does not start or end with a flagged stopword.
    @inline(__always)
    static func forEachGram(in doc: Document, length n: Int, isPunct: UnsafeBufferPointer<Bool>,
                            isStopword: UnsafeBufferPointer<Bool>?, _ body: (Int) -> Void) {
        let sentences = doc.sentenceCount
        let ranges = sentences == 0 ? [0..<doc.terms.count] : []
        doc.terms.withUnsafeBufferPointer { terms in
            func scan(_ range: Range<Int>) {
                var run = 0
                for i in range {
                    let t = Int(terms[i])
                    if isPunct[t] {
                        run = 0
                        continue
                    }
                    run += 1
                    guard run >= n else { continue }
                    let start = i - n + 1
                    if let isStopword, isStopword[Int(terms[start])] || isStopword[t] { continue }
                    body(start)
                }
            }
            for r in ranges { scan(r) }
            for s in 0..<sentences { scan(doc.sentenceTokens(s)) }
        }
    }

    /// Counts every n-gram of the documents in a table of type `T`, in parallel.
    static func count<T: GramTable>(_ documents: [Document], length n: Int, lexicon: Lexicon,
                                    stopwords: Stopwords?, as: T.Type) -> T {
        let isPunct = lexicon.kinds.map { $0 == .punct }
        let stopFlags = stopwords.map { TermMask.stopwordFlags($0, lexicon: lexicon) }
        let parts = DocumentChunks.split(documents)
        let capacity = max(1024, min(1 << 22, documents.reduce(0) { $0 + $1.terms.count } / (4 * parts.count)))
        var tables = Parallel.map(parts.count, chunk: 1) { p -> T in
            var table = T(length: n, capacity: capacity)
            isPunct.withUnsafeBufferPointer { punct in
                func run(_ stop: UnsafeBufferPointer<Bool>?) {
                    for d in parts[p] {
                        let doc = documents[d]
                        doc.terms.withUnsafeBufferPointer { terms in
                            forEachGram(in: doc, length: n, isPunct: punct, isStopword: stop) { start in
                                table.add(terms, at: start, key: table.key(terms, at: start), doc: UInt32(truncatingIfNeeded: d))
                            }
                        }
                    }
                }
                if let stopFlags {
                    stopFlags.withUnsafeBufferPointer { run($0) }
                } else {
                    run(nil)
                }
            }
            return table
        }
        guard !tables.isEmpty else { return T(length: n, capacity: 16) }
        // Merge into the largest table.
        let largest = tables.indices.max { tables[$0].count < tables[$1].count } ?? 0
        var result = tables.remove(at: largest)
        for other in tables { result.merge(other) }
        return result
    }
}

extension Corpus {
    /// The corpus's n-grams with at least `min` occurrences, most frequent first (ties in
    /// code-point order of the text).
    ///
    /// - Parameters:
    ///   - n: tokens per n-gram, 1 to `NGramCounter.maximumLength`.
    ///   - min: fewest occurrences reported (values below 1 count as 1).
    ///   - stopwords: when given, n-grams that start or end with one of these are left out
    ///     ("of the", "the foreign minister"), but stopwords inside are kept ("secretary of state").
    ///   - top: at most this many rows; nil for all.
    public func ngrams(_ n: Int, min: Int = 2, stopwords: Stopwords? = .english, top: Int? = nil) throws(StatisticsError) -> [NGram] {
        guard n >= 1, n <= NGramCounter.maximumLength else { throw .invalidNGramLength(n) }
        let lexicon = index.lexicon
        let minimum = Swift.max(1, min)
        if n == 1 {
            return unigrams(min: minimum, stopwords: stopwords, top: top)
        }
        var rows: [(ids: [UInt32], count: Int, docs: Int)] = []
        func collect<T: GramTable>(_ table: T) {
            table.forEach { ids, count, docs in
                if count >= minimum { rows.append((ids, count, docs)) }
            }
        }
        if PackedGramTable.bits(length: n, vocabulary: lexicon.count) != nil {
            collect(NGramCounter.count(documents, length: n, lexicon: lexicon, stopwords: stopwords, as: PackedGramTable.self))
        } else {
            collect(NGramCounter.count(documents, length: n, lexicon: lexicon, stopwords: stopwords, as: SequenceGramTable.self))
        }
        let ranked = Ranking.rank(Array(rows.indices), top: top, key: { Double(rows[$0].count) },
                                  text: { NGram.join(rows[$0].ids.map { lexicon.term(Int($0)) }) })
        return ranked.map { r in
            let row = rows[r.id]
            return NGram(text: r.text, terms: row.ids.map { lexicon.term(Int($0)) }, count: row.count, docs: row.docs)
        }
    }

    /// Single words and numbers (n = 1): the frequency list of both kinds.
    private func unigrams(min: Int, stopwords: Stopwords?, top: Int?) -> [NGram] {
        let lexicon = index.lexicon
        let counts = TermCounts(self)
        let mask = TermMask(lexicon: lexicon, kinds: [.word, .number], stopwords: stopwords)
        var candidates: [Int] = []
        for id in 0..<lexicon.count where mask[id] && Int(counts.counts[id]) >= min { candidates.append(id) }
        return Ranking.rank(candidates, top: top, key: { Double(counts.counts[$0]) }, text: lexicon.term).map {
            NGram(text: $0.text, terms: [$0.text], count: Int(counts.counts[$0.id]), docs: Int(counts.documents[$0.id]))
        }
    }
}

extension NGram {
    /// Joins terms with spaces, attaching a clitic ("'s") to the word before it.
    static func join(_ terms: [String]) -> String {
        var out = ""
        for (i, term) in terms.enumerated() {
            if i > 0 && !term.hasPrefix("'") { out.append(" ") }
            out.append(term)
        }
        return out
    }
}
