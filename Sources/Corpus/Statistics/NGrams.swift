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

    /// Calls `body(start)` for each n-gram of `n` tokens in `terms` (the index of its first
    /// token): runs of non-punctuation tokens, cut at every sentence start; n-grams that start
    /// or end with a flagged stopword are skipped.
    @inline(__always)
    static func forEachGram(terms: UnsafeBufferPointer<UInt32>, sentenceStarts: UnsafeBufferPointer<UInt32>, length n: Int,
                            isPunct: UnsafeBufferPointer<Bool>, isStopword: UnsafeBufferPointer<Bool>?,
                            _ body: (Int) -> Void) {
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
            body(start)
        }
    }

    /// Adds the n-grams of one document (`forEachGram`) that belong to shard `p` to `table`.
    /// Written without closures so the table is updated in place, with no captured state.
    @inline(__always)
    static func addGrams<T: GramTable>(_ table: inout T, terms: UnsafeBufferPointer<UInt32>, sentenceStarts: UnsafeBufferPointer<UInt32>,
                                       length n: Int, isPunct: UnsafeBufferPointer<Bool>, isStopword: UnsafeBufferPointer<Bool>?,
                                       doc: UInt32, shard p: Int, shards: Int) {
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
            let key = table.key(terms, at: start)
            if shards > 1 && T.shard(of: key, shards: shards) != p { continue }
            table.add(terms, at: start, key: key, doc: doc)
        }
    }

    /// The number of shards for counting `tokens` tokens: one per core (at most 8), fewer for
    /// a small corpus.
    static func shardCount(tokens: Int) -> Int {
        var shards = 1
        let cores = ProcessInfo.processInfo.activeProcessorCount
        while shards * 2 <= min(8, cores) && tokens > 400_000 * shards { shards *= 2 }
        return shards
    }

    /// Counts every n-gram of the documents into shard tables of type `T`, one per core.
    static func count<T: GramTable>(_ documents: [Document], length n: Int, lexicon: Lexicon,
                                    stopwords: Stopwords?, as: T.Type, shards chosen: Int? = nil) -> [T] {
        let isPunct = lexicon.kinds.map { $0 == .punct }
        let stopFlags = stopwords.map { TermMask.stopwordFlags($0, lexicon: lexicon) }
        let shards = chosen ?? shardCount(tokens: documents.reduce(0) { $0 + $1.terms.count })
        return Parallel.map(shards, chunk: 1) { p -> T in
            isPunct.withUnsafeBufferPointer { punct in
                if let stopFlags {
                    return stopFlags.withUnsafeBufferPointer { stop in
                        countShard(documents, length: n, isPunct: punct, isStopword: stop, shard: p, shards: shards)
                    }
                }
                return countShard(documents, length: n, isPunct: punct, isStopword: nil, shard: p, shards: shards)
            }
        }
    }

    /// The table of one shard.
    static func countShard<T: GramTable>(_ documents: [Document], length n: Int, isPunct: UnsafeBufferPointer<Bool>,
                                         isStopword: UnsafeBufferPointer<Bool>?, shard p: Int, shards: Int) -> T {
        var table = T(length: n, capacity: 1 << 14)
        for d in documents.indices {
            let doc = documents[d]
            doc.terms.withUnsafeBufferPointer { terms in
                doc.sentenceStarts.withUnsafeBufferPointer { starts in
                    addGrams(&table, terms: terms, sentenceStarts: starts, length: n, isPunct: isPunct, isStopword: isStopword,
                             doc: UInt32(truncatingIfNeeded: d), shard: p, shards: shards)
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
        return ngramRows(NGramCounter.count(documents, length: n, lexicon: index.lexicon, stopwords: stopwords,
                                            as: SequenceGramTable.self), min: minimum, top: top)
    }

    /// The ranked rows of counted shard tables.
    private func ngramRows<T: GramTable>(_ shards: [T], min: Int, top: Int?) -> [NGram] {
        let lexicon = index.lexicon
        var shardOf: [UInt8] = []
        var handles: [Int] = []
        var counts: [UInt32] = []
        var docs: [UInt32] = []
        for (s, table) in shards.enumerated() {
            table.forEachEntry { handle, count, docCount in
                guard count >= min else { return }
                shardOf.append(UInt8(truncatingIfNeeded: s))
                handles.append(handle)
                counts.append(UInt32(truncatingIfNeeded: count))
                docs.append(UInt32(truncatingIfNeeded: docCount))
            }
        }
        func terms(_ row: Int) -> [String] {
            shards[Int(shardOf[row])].ids(of: handles[row]).map { lexicon.term(Int($0)) }
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
