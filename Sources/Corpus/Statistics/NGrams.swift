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
    /// Every 2¹⁶ tokens (a document can be one long line) `progress` checks the stop and the
    /// table's size.
    @inline(__always)
    static func addGrams<T: GramTable>(_ table: inout T, terms: UnsafeBufferPointer<UInt32>, sentenceStarts: UnsafeBufferPointer<UInt32>,
                                       length n: Int, isPunct: UnsafeBufferPointer<Bool>, isStopword: UnsafeBufferPointer<Bool>?,
                                       doc: UInt32, progress: inout Progress) throws(WorkLimit) {
        var next = 0
        var run = 0
        for i in 0..<terms.count {
            if i & 0xFFFF == 0xFFFF { try progress.account(table) }
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

    /// Where one part's counting stands against the cancellation token and the memory meter.
    struct Progress {
        let cancellation: Cancellation
        let meter: MemoryMeter
        /// The table bytes already added to the meter.
        var accounted = 0

        /// Checks for a stop and adds the table's growth to the meter.
        mutating func account<T: GramTable>(_ table: T) throws(WorkLimit) {
            try cancellation.check()
            let bytes = table.memoryBytes
            if bytes > accounted {
                try meter.add(bytes - accounted)
                accounted = bytes
            }
        }
    }

    /// Counts every n-gram of the documents into a table of type `T`: one table per part of
    /// the documents (one part per core), merged. Stops when `cancellation` does or the tables
    /// would outgrow `meter`'s budget.
    static func count<T: GramTable>(_ documents: [Document], length n: Int, lexicon: Lexicon,
                                    stopwords: Stopwords?, as type: T.Type, parts chosen: Int? = nil) -> T {
        Cancellation.uninterrupted { token throws(WorkLimit) in
            try count(documents, length: n, lexicon: lexicon, stopwords: stopwords, as: type, parts: chosen,
                      cancellation: token, meter: nil)
        }
    }

    /// `count` checking `cancellation` and measuring the tables with `meter` (the token's own
    /// when nil).
    static func count<T: GramTable>(_ documents: [Document], length n: Int, lexicon: Lexicon,
                                    stopwords: Stopwords?, as: T.Type, parts chosen: Int? = nil,
                                    cancellation: Cancellation, meter: MemoryMeter?) throws(WorkLimit) -> T {
        let isPunct = lexicon.kinds.map { $0 == .punct }
        let stopFlags = stopwords.map { TermMask.stopwordFlags($0, lexicon: lexicon) }
        var parts = DocumentChunks.split(documents, minimumTokens: 400_000, perCore: 1)
        if let chosen, chosen >= 1 {
            let size = (documents.count + chosen - 1) / chosen
            parts = stride(from: 0, to: documents.count, by: Swift.max(1, size)).map { $0..<Swift.min(documents.count, $0 + size) }
            if parts.isEmpty { parts = [0..<0] }
        }
        let ranges = parts
        let meter = meter ?? cancellation.meter("the n-gram table")
        var tables = try Parallel.map(ranges.count, chunk: 1, cancellation: cancellation) { p throws(WorkLimit) -> T in
            var progress = Progress(cancellation: cancellation, meter: meter)
            return try isPunct.withUnsafeBufferPointer { punct throws(WorkLimit) -> T in
                if let stopFlags {
                    return try stopFlags.withUnsafeBufferPointer { stop throws(WorkLimit) -> T in
                        try countPart(documents, ranges[p], length: n, isPunct: punct, isStopword: stop, progress: &progress)
                    }
                }
                return try countPart(documents, ranges[p], length: n, isPunct: punct, isStopword: nil, progress: &progress)
            }
        }
        guard !tables.isEmpty else { return T(length: n, capacity: 16) }
        let largest = tables.indices.max { tables[$0].count < tables[$1].count } ?? 0
        var result = tables.remove(at: largest)
        for other in tables {
            let before = result.memoryBytes
            result.merge(other)
            try meter.add(result.memoryBytes - before)
            try cancellation.check()
        }
        return result
    }

    /// The table of one part of the documents.
    static func countPart<T: GramTable>(_ documents: [Document], _ range: Range<Int>, length n: Int,
                                        isPunct: UnsafeBufferPointer<Bool>, isStopword: UnsafeBufferPointer<Bool>?,
                                        progress: inout Progress) throws(WorkLimit) -> T {
        var table = T(length: n, capacity: 1 << 14)
        for d in range {
            try progress.account(table)
            let doc = documents[d]
            var failure: WorkLimit?
            doc.terms.withUnsafeBufferPointer { terms in
                doc.layout.sentenceStarts.withUnsafeBufferPointer { starts in
                    do throws(WorkLimit) {
                        try addGrams(&table, terms: terms, sentenceStarts: starts, length: n, isPunct: isPunct,
                                     isStopword: isStopword, doc: UInt32(truncatingIfNeeded: d), progress: &progress)
                    } catch {
                        failure = error
                    }
                }
            }
            if let failure { throw failure }
        }
        try progress.account(table)
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
    ///   - cancellation: checked as the documents are counted; the tables and the rows are
    ///     measured against its memory budget (a stop or a refusal throws
    ///     `StatisticsError.stopped`).
    public func ngrams(_ n: Int, min: Int = 2, stopwords: Stopwords? = .english, top: Int? = nil,
                       cancellation: Cancellation = .none) throws(StatisticsError) -> [NGram] {
        guard n >= 1, n <= NGramCounter.maximumLength else { throw .invalidNGramLength(n) }
        let minimum = Swift.max(1, min)
        if n == 1 {
            return unigrams(min: minimum, stopwords: stopwords, top: top)
        }
        let meter = cancellation.meter("the n-gram table")
        do {
            if PackedGramTable<OneWordGramKey>.fits(length: n, vocabulary: index.lexicon.count) {
                return try ngramRows(NGramCounter.count(documents, length: n, lexicon: index.lexicon, stopwords: stopwords,
                                                        as: PackedGramTable<OneWordGramKey>.self, cancellation: cancellation, meter: meter),
                                     length: n, min: minimum, top: top, meter: meter, cancellation: cancellation)
            }
            if PackedGramTable<TwoWordGramKey>.fits(length: n, vocabulary: index.lexicon.count) {
                return try ngramRows(NGramCounter.count(documents, length: n, lexicon: index.lexicon, stopwords: stopwords,
                                                        as: PackedGramTable<TwoWordGramKey>.self, cancellation: cancellation, meter: meter),
                                     length: n, min: minimum, top: top, meter: meter, cancellation: cancellation)
            }
            return try ngramRows(NGramCounter.count(documents, length: n, lexicon: index.lexicon, stopwords: stopwords,
                                                    as: SequenceGramTable.self, cancellation: cancellation, meter: meter),
                                 length: n, min: minimum, top: top, meter: meter, cancellation: cancellation)
        } catch {
            throw .stopped(error)
        }
    }

    /// The ranked rows of a counted table. The rows' memory (their texts and term lists) is
    /// estimated before they are made, so a request for millions of rows is refused up front.
    private func ngramRows<T: GramTable>(_ table: T, length n: Int, min: Int, top: Int?, meter: MemoryMeter,
                                         cancellation: Cancellation) throws(WorkLimit) -> [NGram] {
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
        try meter.add(handles.capacity * 16)
        let rows = top.map { Swift.min($0, handles.count) } ?? handles.count
        try meter.require(rows * NGram.estimatedBytes(length: n))
        func terms(_ row: Int) -> [String] {
            table.ids(of: handles[row]).map { lexicon.term(Int($0)) }
        }
        let ranked = Ranking.rank(Array(handles.indices), top: top, key: { Double(counts[$0]) },
                                  text: { NGram.join(terms($0)) }, cancellation: cancellation)
        try cancellation.check()
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
    /// About the bytes one row of `length` terms takes, here (its text, its term list and the
    /// strings in it) and as the Lua record a script receives, for measuring a list of rows
    /// against a memory budget before it is made.
    static func estimatedBytes(length: Int) -> Int { 300 + length * 56 }

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
