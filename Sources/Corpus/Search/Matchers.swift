/// A stream of matching documents in index order, for document-at-a-time evaluation.
///
/// Every matcher starts before the first document (`document == -1`); `advance(to:)` moves it
/// to its first match at or after a document, and `Int.max` means exhausted. Matchers never go
/// backwards, which lets AND skip ahead using the rarest operand.
protocol Matcher: AnyObject {
    /// The current document (corpus index), -1 before the start, `Int.max` at the end.
    var document: Int { get }
    /// About how many documents match (drives the choice of the leading operand of AND).
    var cost: Int { get }
    /// Moves to the first match whose document is at least `target`; stays put if already there.
    func advance(to target: Int)
    /// The BM25 contribution of this matcher's scoring terms when it is on `document`, else 0.
    /// Operands are summed in the order the query gives them (whatever order they are
    /// visited in), so that the same contributions always give the same score, bit for bit,
    /// and ties between documents are real ties.
    func score(at document: Int) -> Double
    /// No document scores more than this (what block-max ranking prunes with).
    var maxScore: Double { get }
}

/// Matches nothing (a word the corpus never has).
final class EmptyMatcher: Matcher {
    var document: Int { Int.max }
    var cost: Int { 0 }
    var maxScore: Double { 0 }
    func advance(to target: Int) {}
    func score(at document: Int) -> Double { 0 }
}

/// One term's postings, scored with BM25, read a skip block at a time (`BlockCursor`).
final class TermMatcher: Matcher {
    /// The cursor lives in storage of its own: reading and moving it through a pointer needs
    /// no exclusivity check per call.
    private let cursor: UnsafeMutablePointer<BlockCursor>
    let cost: Int
    let maxScore: Double

    /// `blocks`: term `id`'s (`QueryPlan.blocks`).
    init(index: CorpusIndex, term id: Int, blocks: TermBlocks) {
        cursor = .allocate(capacity: 1)
        cursor.initialize(to: BlockCursor(blocks))
        cost = id >= 0 && id < index.lexicon.count ? Int(index.lexicon.documentFrequency[id]) : 0
        maxScore = blocks.maxBound
    }

    deinit {
        cursor.pointee.release()
        cursor.deinitialize(count: 1)
        cursor.deallocate()
    }

    var document: Int { cursor.pointee.document }

    func advance(to target: Int) { cursor.pointee.advance(to: target) }

    func score(at document: Int) -> Double {
        guard cursor.pointee.document == document else { return 0 }
        return cursor.pointee.score
    }
}

/// A precomputed list of documents with frequencies (a phrase's matches), scored with BM25
/// using the list's own length as document frequency.
final class ListMatcher: Matcher {
    private let documents: [Int32]
    private let frequencies: [Int32]
    private let bm25: BM25
    private let idf: Double
    private var i = -1
    private(set) var document = -1
    let maxScore: Double

    /// `documentFrequency`: what idf counts (nil: the documents listed; the whole corpus's
    /// count for a phrase on a part of a split corpus).
    init(documents: [Int32], frequencies: [Int32], bm25: BM25, documentFrequency: Int? = nil) {
        self.documents = documents
        self.frequencies = frequencies
        self.bm25 = bm25
        let idf = bm25.idf(documentFrequency ?? documents.count)
        self.idf = idf
        var best = 0.0
        for (d, f) in zip(documents, frequencies) {
            best = max(best, bm25.score(frequency: Int(f), document: Int(d), idf: idf))
        }
        maxScore = best * 1.0001
    }

    var cost: Int { documents.count }

    func advance(to target: Int) {
        if document >= target { return }
        // Gallop, then binary search, from the current place.
        var lo = max(0, i)
        var step = 1
        var hi = lo
        while hi < documents.count && Int(documents[hi]) < target {
            lo = hi
            hi += step
            step *= 2
        }
        hi = min(hi, documents.count)
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(documents[mid]) < target { lo = mid + 1 } else { hi = mid }
        }
        i = lo
        document = i < documents.count ? Int(documents[i]) : Int.max
    }

    func score(at document: Int) -> Double {
        guard self.document == document, i >= 0, i < frequencies.count else { return 0 }
        return bm25.score(frequency: Int(frequencies[i]), document: document, idf: idf)
    }
}

/// The documents of the corpus being searched: all documents of the index, or the members of
/// a sub-corpus (sorted corpus indices). Scores nothing.
final class MemberMatcher: Matcher {
    private let members: [Int]?
    private let count: Int
    private var i = -1
    private(set) var document = -1

    /// Every document `0..<count`.
    init(all count: Int) {
        members = nil
        self.count = count
    }

    /// Just `members` (sorted ascending).
    init(members: [Int]) {
        self.members = members
        count = members.count
    }

    var cost: Int { count }
    var maxScore: Double { 0 }

    func advance(to target: Int) {
        if document >= target { return }
        guard let members else {
            document = target < count ? max(0, target) : Int.max
            return
        }
        var lo = max(0, i)
        var hi = members.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if members[mid] < target { lo = mid + 1 } else { hi = mid }
        }
        i = lo
        document = i < members.count ? members[i] : Int.max
    }

    func score(at document: Int) -> Double { 0 }
}

/// Documents matching every required operand, none of the excluded ones, and every filter
/// (field tests). The cheapest required operand leads; the others are asked to catch up.
final class AndMatcher: Matcher {
    /// The required operands as given (the order their scores are summed in) and cheapest
    /// first (the order they are moved in).
    private let scoring: [Matcher]
    private let required: [Matcher]
    private let excluded: [Matcher]
    private let filters: [(Int) -> Bool]
    private(set) var document = -1
    let maxScore: Double

    /// `required` must not be empty.
    init(required: [Matcher], excluded: [Matcher] = [], filters: [(Int) -> Bool] = []) {
        scoring = required
        self.required = required.sorted { $0.cost < $1.cost }
        self.excluded = excluded
        self.filters = filters
        maxScore = required.reduce(0) { $0 + $1.maxScore } * 1.0001
    }

    var cost: Int { required.first?.cost ?? 0 }

    func advance(to target: Int) {
        if document >= target { return }
        guard let lead = required.first else {
            document = Int.max
            return
        }
        var t = target
        search: while true {
            lead.advance(to: t)
            t = lead.document
            if t == Int.max { break }
            for m in required.dropFirst() {
                m.advance(to: t)
                if m.document != t {
                    t = m.document
                    continue search
                }
            }
            for m in excluded {
                m.advance(to: t)
                if m.document == t {
                    t += 1
                    continue search
                }
            }
            for f in filters where !f(t) {
                t += 1
                continue search
            }
            break
        }
        document = t
    }

    func score(at document: Int) -> Double {
        guard self.document == document else { return 0 }
        var total = 0.0
        for m in scoring { total += m.score(at: document) }
        return total
    }
}
