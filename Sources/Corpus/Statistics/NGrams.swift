import Foundation

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

    /// Makes a row (statistics functions make these).
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
/// (comma, quote, dash, parenthesis, a lone hyphen or apostrophe, "$", …) or a sentence start
/// breaks the sequence. Hyphenated words and words with an inner apostrophe are single tokens
/// already ("face-to-face", "don't"), and the clitic "’s" is a word token of its own.
public enum NGramCounter {
    /// The longest n-gram counted.
    public static let maximumLength = 8

    /// Adds the n-grams of one document to `table`: runs of `n` non-punctuation tokens, cut at
    /// every sentence start; n-grams that start or end with a flagged stopword are skipped.
    /// Written without closures so the table is updated in place, with no captured state.
    @inline(__always)
    static func addGrams<T: GramTable>(_ table: inout T, terms: UnsafeBufferPointer<UInt32>, sentenceStarts: UnsafeBufferPointer<UInt32>,
                                       length n: Int, isPunct: UnsafeBufferPointer<Bool>, isStopword: UnsafeBufferPointer<Bool>?,
                                       doc: UInt32) {
        var next = 0
        var run = 0
        for i in 0..<terms.count {
            while next < sentenceStarts.count && Int(sentenceStarts[next]) <= i {
                if Int(sentenceStarts[next]) == i { run = 0 }
                next += 1
            }
            let t = Int(terms[i])
            if isPunct[t] {
                run = 0
                continue
            }
            run += 1
            guard run >= n else { continue }
            let start = i - n + 1
            if let isStopword, isStopword[Int(terms[start])] || isStopword[t] { continue }
            table.add(terms, at: start, key: table.key(terms, at: start), doc: doc)
        }
    }

    /// Counts every n-gram of the documents into a table of type `T`: one table per part of
    /// the documents (one part per core), merged.
    static func count<T: GramTable>(_ documents: [Document], length n: Int, lexicon: Lexicon,
                                    stopwords: Stopwords?, as: T.Type, parts chosen: Int? = nil) -> T {
        let isPunct = lexicon.kinds.map { $0 == .punct }
        let stopFlags = stopwords.map { TermMask.stopwordFlags($0, lexicon: lexicon) }
        var parts = DocumentChunks.split(documents, minimumTokens: 400_000, perCore: 1)
        if let chosen, chosen >= 1 {
            let size = (documents.count + chosen - 1) / chosen
            parts = stride(from: 0, to: documents.count, by: Swift.max(1, size)).map { $0..<Swift.min(documents.count, $0 + size) }
            if parts.isEmpty { parts = [0..<0] }
        }
        let ranges = parts
        var tables = Parallel.map(ranges.count, chunk: 1) { p -> T in
            isPunct.withUnsafeBufferPointer { punct in
                if let stopFlags {
                    return stopFlags.withUnsafeBufferPointer { stop in
                        countPart(documents, ranges[p], length: n, isPunct: punct, isStopword: stop)
                    }
                }
                return countPart(documents, ranges[p], length: n, isPunct: punct, isStopword: nil)
            }
        }
        guard !tables.isEmpty else { return T(length: n, capacity: 16) }
        let largest = tables.indices.max { tables[$0].count < tables[$1].count } ?? 0
        var result = tables.remove(at: largest)
        for other in tables { result.merge(other) }
        return result
    }

    /// The table of one part of the documents.
    static func countPart<T: GramTable>(_ documents: [Document], _ range: Range<Int>, length n: Int,
                                        isPunct: UnsafeBufferPointer<Bool>, isStopword: UnsafeBufferPointer<Bool>?) -> T {
        var table = T(length: n, capacity: 1 << 14)
        for d in range {
            let doc = documents[d]
            doc.terms.withUnsafeBufferPointer { terms in
                doc.layout.sentenceStarts.withUnsafeBufferPointer { starts in
                    addGrams(&table, terms: terms, sentenceStarts: starts, length: n, isPunct: isPunct, isStopword: isStopword,
                             doc: UInt32(truncatingIfNeeded: d))
                }
            }
        }
        return table
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
    ///     ("of the", "the foreign minister"), but stopwords inside are kept ("secretary of
    ///     state"); nil keeps every n-gram.
    ///   - top: at most this many rows; nil for all.
    public func ngrams(_ n: Int, min: Int = 2, stopwords: Stopwords? = .english, top: Int? = nil) throws(StatisticsError) -> [NGram] {
        guard n >= 1, n <= NGramCounter.maximumLength else { throw .invalidNGramLength(n) }
        let minimum = Swift.max(1, min)
        if n == 1 {
            return unigrams(min: minimum, stopwords: stopwords, top: top)
        }
        if PackedGramTable.bits(length: n, vocabulary: index.lexicon.count) != nil {
            return ngramRows(NGramCounter.count(documents, length: n, lexicon: index.lexicon, stopwords: stopwords,
                                                as: PackedGramTable.self), min: minimum, top: top)
        }
        if WidePackedGramTable.fits(length: n, vocabulary: index.lexicon.count) {
            return ngramRows(NGramCounter.count(documents, length: n, lexicon: index.lexicon, stopwords: stopwords,
                                                as: WidePackedGramTable.self), min: minimum, top: top)
        }
        return ngramRows(NGramCounter.count(documents, length: n, lexicon: index.lexicon, stopwords: stopwords,
                                            as: SequenceGramTable.self), min: minimum, top: top)
    }

    /// The ranked rows of a counted table.
    private func ngramRows<T: GramTable>(_ table: T, min: Int, top: Int?) -> [NGram] {
        let lexicon = index.lexicon
        var handles: [Int] = []
        var counts: [UInt32] = []
        var docs: [UInt32] = []
        table.forEachEntry { handle, count, docCount in
            guard count >= min else { return }
            handles.append(handle)
            counts.append(UInt32(truncatingIfNeeded: count))
            docs.append(UInt32(truncatingIfNeeded: docCount))
        }
        func terms(_ row: Int) -> [String] {
            table.ids(of: handles[row]).map { lexicon.term(Int($0)) }
        }
        let ranked = Ranking.rank(Array(handles.indices), top: top, key: { Double(counts[$0]) },
                                  text: { NGram.join(terms($0)) })
        return ranked.map { NGram(text: $0.text, terms: terms($0.id), count: Int(counts[$0.id]), docs: Int(docs[$0.id])) }
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
