import Foundation

/// Every document's candidates for the entity index's second pass, kept compact: one
/// `CandidateColumns` per chunk of consecutive documents (as the first pass found them, one
/// chunk per worker), read back one document at a time.
///
/// `candidates[p]` decodes document `p`'s candidates; `replace` overrides one document's list
/// (a few resolved names grow by a word); `rewrite` turns every document's list into a new one
/// chunk by chunk, so the old columns of a chunk are freed as soon as it is rewritten.
struct CandidateStore: Sendable {
    private var chunks: [CandidateColumns]
    /// Index of each chunk's first document; one more entry than chunks.
    private var starts: [Int]
    private var overrides: [Int: [Candidate]] = [:]

    /// The chunks in document order.
    init(chunks: [CandidateColumns]) {
        self.chunks = chunks
        var starts = [0]
        for chunk in chunks { starts.append((starts.last ?? 0) + chunk.documentCount) }
        self.starts = starts
    }

    /// Documents stored.
    var count: Int { starts.last ?? 0 }

    var indices: Range<Int> { 0..<count }

    /// Candidates stored, over all documents.
    var candidateCount: Int { chunks.reduce(0) { $0 + $1.candidateCount } }

    /// The candidates of document `p` (an index into the documents the store was built from).
    subscript(p: Int) -> [Candidate] {
        if let list = overrides[p] { return list }
        guard let c = chunk(of: p) else { return [] }
        return chunks[c].candidates(of: p - starts[c])
    }

    /// The candidates of document `p` whose header passes `keep` (a pass that needs only some
    /// of them decodes only those).
    subscript(p: Int, where keep: (Candidate.Header) -> Bool) -> [Candidate] {
        if let list = overrides[p] { return list.filter { keep($0.header) } }
        guard let c = chunk(of: p) else { return [] }
        return chunks[c].candidates(of: p - starts[c], where: keep)
    }

    /// Replaces document `p`'s candidates.
    mutating func replace(_ p: Int, with list: [Candidate]) {
        guard p >= 0, p < count else { return }
        overrides[p] = list
    }

    /// Replaces every document's candidates with `transform(p, candidates)`, in document order;
    /// stops (keeping the rest as they were) once `transform` returns nil. `lexicon(p)` is
    /// document `p`'s lexicon group (see `CandidateColumns.append`).
    mutating func rewrite(lexicon: (Int) -> Int = { _ in 0 }, _ transform: (Int, [Candidate]) -> [Candidate]?) {
        for c in chunks.indices {
            var fresh = CandidateColumns()
            for d in 0..<chunks[c].documentCount {
                let p = starts[c] + d
                guard let list = transform(p, self[p]) else { return }
                fresh.append(list, lexicon: lexicon(p))
                overrides[p] = nil
            }
            chunks[c] = fresh
        }
    }

    /// `rewrite` on every core: the chunks are rewritten `cores` at a time, each by one worker
    /// in document order (so at most that many old chunks are held beside their new ones).
    /// `transform` gets a stop flag of its worker's own; once it returns nil, the chunks not
    /// rewritten by then keep their candidates.
    mutating func rewriteConcurrently(lexicon: @escaping @Sendable (Int) -> Int, cancellation: Cancellation,
                                      _ transform: @escaping @Sendable (Int, [Candidate], inout StopFlag) -> [Candidate]?) {
        let wave = max(1, ProcessInfo.processInfo.activeProcessorCount)
        var first = 0
        while first < chunks.count {
            let range = first..<min(chunks.count, first + wave)
            let fresh: [CandidateColumns?] = { [self] in
                Parallel.map(range.count, chunk: 1) { i -> CandidateColumns? in
                    let c = range.lowerBound + i
                    var flag = StopFlag(cancellation, every: 4096)
                    var out = CandidateColumns()
                    for p in starts[c]..<starts[c + 1] {
                        guard let list = transform(p, self[p], &flag) else { return nil }
                        out.append(list, lexicon: lexicon(p))
                    }
                    return out
                }
            }()
            for (i, columns) in fresh.enumerated() {
                guard let columns else { return }
                let c = range.lowerBound + i
                chunks[c] = columns
                for p in starts[c]..<starts[c + 1] { overrides[p] = nil }
            }
            first = range.upperBound
        }
    }

    private func chunk(of p: Int) -> Int? {
        guard p >= 0, p < count else { return nil }
        var low = 0, high = chunks.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid] <= p { low = mid } else { high = mid - 1 }
        }
        return low
    }
}
