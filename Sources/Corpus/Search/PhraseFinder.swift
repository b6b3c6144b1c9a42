/// Finds the documents where terms occur at consecutive token positions.
///
/// Punctuation tokens hold positions too, so "spy, balloon" is not the phrase "spy balloon".
enum PhraseFinder {
    /// Every document of the index holding the phrase, with how often it does, in document
    /// order. The rarest term leads; positions are decoded only where all terms meet.
    static func postings(index: CorpusIndex, phrase ids: [Int]) -> (documents: [Int32], frequencies: [Int32]) {
        guard !ids.isEmpty else { return ([], []) }
        var cursors = ids.map { PostingCursor(index: index, term: $0) }
        let df = index.lexicon.documentFrequency
        // Visit slots rarest first when aligning documents.
        let order = ids.indices.sorted { df[ids[$0]] < df[ids[$1]] }
        // The cursors are moved through a buffer: through the array, each step would check
        // that the array is not shared.
        return cursors.withUnsafeMutableBufferPointer { match($0, order: order) }
    }

    /// The documents where the cursors' terms occur at consecutive positions (slot k at p + k),
    /// aligning them in `order` (rarest first).
    private static func match(_ cursors: UnsafeMutableBufferPointer<PostingCursor>, order: [Int])
        -> (documents: [Int32], frequencies: [Int32])
    {
        let lead = order[0]
        let others = Array(order.dropFirst())
        var documents: [Int32] = []
        var frequencies: [Int32] = []
        var starts: [Int] = []
        var next: [Int] = []
        var positions: [Int] = []
        var target = 0
        search: while true {
            cursors[lead].advance(to: target)
            target = cursors[lead].document
            if target == Int.max { break }
            for slot in others {
                cursors[slot].advance(to: target)
                if cursors[slot].document != target {
                    target = cursors[slot].document
                    continue search
                }
            }
            // All terms are in `target`: keep the starts p with slot k at p + k for every k.
            cursors[0].positions(into: &starts)
            for k in 1..<cursors.count where !starts.isEmpty {
                cursors[k].positions(into: &positions)
                next.removeAll(keepingCapacity: true)
                var j = 0
                for p in starts {
                    let want = p + k
                    while j < positions.count && positions[j] < want { j += 1 }
                    if j < positions.count && positions[j] == want { next.append(p) }
                }
                swap(&starts, &next)
            }
            if !starts.isEmpty {
                documents.append(Int32(truncatingIfNeeded: target))
                frequencies.append(Int32(truncatingIfNeeded: starts.count))
            }
            target += 1
        }
        return (documents, frequencies)
    }
}

/// A query leaf as a sequence of token slots, each accepting some term ids: one slot for a
/// term or a prefix (its expansion), one per token for a phrase. Finds the leaf's occurrences
/// in a document's token ids.
struct TokenPattern {
    let slots: [Set<UInt32>]

    var length: Int { slots.count }

    /// Token positions where the pattern starts in `terms`, in order.
    func starts(in terms: [UInt32]) -> [Int] {
        guard let first = slots.first, terms.count >= slots.count else { return [] }
        var out: [Int] = []
        for p in 0...(terms.count - slots.count) where first.contains(terms[p]) {
            var ok = true
            for k in 1..<slots.count where !slots[k].contains(terms[p + k]) {
                ok = false
                break
            }
            if ok { out.append(p) }
        }
        return out
    }
}

/// Where a query's patterns occur in one document, as token ranges.
struct TokenMatch: Equatable {
    /// Token positions covered.
    let tokens: Range<Int>
    /// Which pattern (index into the plan's patterns) matched.
    let pattern: Int

    /// Every occurrence of every pattern, in text order (longer first at the same start),
    /// without occurrences that lie inside a longer one (`spy` inside `"spy balloon"`).
    static func find(_ patterns: [TokenPattern], in terms: [UInt32]) -> [TokenMatch] {
        var all: [TokenMatch] = []
        for (i, pattern) in patterns.enumerated() {
            for p in pattern.starts(in: terms) { all.append(TokenMatch(tokens: p..<(p + pattern.length), pattern: i)) }
        }
        all.sort { $0.tokens.lowerBound != $1.tokens.lowerBound ? $0.tokens.lowerBound < $1.tokens.lowerBound : $0.tokens.count > $1.tokens.count }
        var kept: [TokenMatch] = []
        var reach = -1
        for m in all {
            if m.tokens.upperBound <= reach { continue }  // inside (or equal to) an earlier, longer match
            kept.append(m)
            reach = max(reach, m.tokens.upperBound)
        }
        return kept
    }
}
