import Foundation

/// How often every term of the lexicon occurs in a corpus or sub-corpus: occurrences and
/// documents per term id, and the corpus size in tokens.
///
/// For the loaded corpus the lexicon's precomputed frequencies are used as they are; a
/// sub-corpus is counted from its documents' term ids, in parallel.
public struct TermCounts: Sendable {
    /// Occurrences of each term id.
    public let counts: [UInt32]
    /// Documents each term id occurs in.
    public let documents: [UInt32]
    /// Tokens of kind word.
    public let words: Int
    /// Tokens of kind word or number (the tokens a collocation window counts).
    public let wordsAndNumbers: Int

    init(counts: [UInt32], documents: [UInt32], words: Int, wordsAndNumbers: Int) {
        self.counts = counts
        self.documents = documents
        self.words = words
        self.wordsAndNumbers = wordsAndNumbers
    }

    /// The counts of `corpus`.
    public init(_ corpus: Corpus) {
        let lexicon = corpus.index.lexicon
        if corpus.isWholeIndex {
            var words = 0
            var numbers = 0
            let cf = lexicon.collectionFrequency
            for (id, kind) in lexicon.kinds.enumerated() {
                switch kind {
                case .word: words += Int(cf[id])
                case .number: numbers += Int(cf[id])
                case .punct: break
                }
            }
            self.init(counts: cf, documents: lexicon.documentFrequency, words: words, wordsAndNumbers: words + numbers)
        } else {
            self = Self.counting(corpus.documents, lexicon: lexicon)
        }
    }

    /// Counts the given documents' term ids.
    static func counting(_ documents: [Document], lexicon: Lexicon) -> TermCounts {
        let v = lexicon.count
        let kinds = lexicon.kinds
        let parts = DocumentChunks.split(documents)
        let partial = Parallel.map(parts.count, chunk: 1) { p -> TermCounts in
            var counts = [UInt32](repeating: 0, count: v)
            var docs = [UInt32](repeating: 0, count: v)
            var words = 0
            var numbers = 0
            var seen = [Int32](repeating: -1, count: v)
            counts.withUnsafeMutableBufferPointer { counts in
                docs.withUnsafeMutableBufferPointer { docs in
                    seen.withUnsafeMutableBufferPointer { seen in
                        for d in parts[p] {
                            documents[d].terms.withUnsafeBufferPointer { terms in
                                count(terms, mark: Int32(truncatingIfNeeded: d), counts: counts, docs: docs, seen: seen)
                            }
                        }
                    }
                }
            }
            for id in 0..<v where counts[id] > 0 {
                switch kinds[id] {
                case .word: words += Int(counts[id])
                case .number: numbers += Int(counts[id])
                case .punct: break
                }
            }
            return TermCounts(counts: counts, documents: docs, words: words, wordsAndNumbers: words + numbers)
        }
        guard var counts = partial.first?.counts, var docs = partial.first?.documents else {
            return TermCounts(counts: [UInt32](repeating: 0, count: v), documents: [UInt32](repeating: 0, count: v),
                              words: 0, wordsAndNumbers: 0)
        }
        for part in partial.dropFirst() {
            for id in 0..<v where part.counts[id] > 0 {
                counts[id] &+= part.counts[id]
                docs[id] &+= part.documents[id]
            }
        }
        return TermCounts(counts: counts, documents: docs, words: partial.reduce(0) { $0 + $1.words },
                          wordsAndNumbers: partial.reduce(0) { $0 + $1.wordsAndNumbers })
    }

    /// Counts one document's terms; `seen[id] == mark` once the document has counted `id`.
    @inline(__always)
    static func count(_ terms: UnsafeBufferPointer<UInt32>, mark: Int32, counts: UnsafeMutableBufferPointer<UInt32>,
                      docs: UnsafeMutableBufferPointer<UInt32>, seen: UnsafeMutableBufferPointer<Int32>) {
        for t in terms {
            let id = Int(t)
            counts[id] &+= 1
            if seen[id] != mark {
                seen[id] = mark
                docs[id] &+= 1
            }
        }
    }
}

/// Splitting a corpus's documents into ranges for the cores.
enum DocumentChunks {
    /// Ranges of document positions, about the same number of tokens each; one range for a
    /// small corpus (threads cost more than they save there).
    static func split(_ documents: [Document], minimumTokens: Int = 200_000, perCore: Int = 2) -> [Range<Int>] {
        let total = documents.reduce(0) { $0 + $1.terms.count }
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let parts = max(1, min(cores * perCore, total / minimumTokens))
        guard parts > 1 else { return [0..<documents.count] }
        let perPart = total / parts + 1
        var ranges: [Range<Int>] = []
        var start = 0
        var tokens = 0
        for (i, doc) in documents.enumerated() {
            tokens += doc.terms.count
            if tokens >= perPart {
                ranges.append(start..<(i + 1))
                start = i + 1
                tokens = 0
            }
        }
        if start < documents.count { ranges.append(start..<documents.count) }
        return ranges
    }
}

extension Corpus {
    /// True when this corpus holds every document of its index (the loaded corpus, or a
    /// filter that kept everything), so the lexicon's frequencies are its own.
    var isWholeIndex: Bool { documents.count == index.documentCount }
}
