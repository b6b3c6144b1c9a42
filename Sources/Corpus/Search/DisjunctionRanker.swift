/// The top k documents of a disjunction (`a OR b OR …`, a prefix's expansion) by BM25,
/// without scoring every matching document: block-max MaxScore.
///
/// The documents are visited in windows. In each window every clause has an upper bound of
/// its score there (for a term: the best block maximum of the skip blocks the window touches,
/// see `TermBlocks`). Once k documents are kept, the clauses whose bounds add up to no more
/// than the k-th score are *non-essential*: a document holding only them cannot enter the top
/// k, so only the essential clauses' documents are candidates, and a candidate's non-essential
/// clauses are looked at best first only while they can still lift it over the k-th score. A
/// window where every clause is non-essential is skipped without decoding anything. When the
/// other clauses' bounds add up to no more than the k-th score without some clause, that clause
/// is *required* in the window: the cheapest required clause (fewest documents) leads, its
/// documents are the only candidates and the others are looked up on them, best bound first,
/// as long as they can still lift it (as the rarest operand leads an AND; Lucene's
/// MaxScoreBulkScorer does the same). With two words whose best documents hold both, this turns
/// the OR into an AND once the top k is good enough. Before a clause is decoded for a
/// candidate, its skip block's bound at that document is checked (block-max), so a block that
/// cannot lift the candidate is never decoded.
///
/// The result is exactly that of scoring every document (`UnionMatcher`): the same documents
/// and scores, and a document's score is summed in the same order (clause by clause as the
/// query gives them; a prefix's terms summed first, as one operand) so equal contributions
/// give bit-equal scores and ties keep document order. Pruning is conservative: bounds are
/// rounded up and a document is dropped only when its bound is below the k-th score by a
/// margin far above rounding error.
final class DisjunctionRanker {
    /// One clause: a term read block by block, or any other matcher (a phrase, an AND…), which
    /// is bounded by its `maxScore`.
    enum Leaf {
        case term(TermBlocks)
        case other(Matcher)
    }

    private let n: Int
    private let termCount: Int
    /// The one allocation holding the cursors, the columns below and the cursors' decoding
    /// buffers (`Segment.blockSize` entries per cursor).
    private let storage: UnsafeMutableRawPointer
    private let storageBytes: Int
    /// Where `storage` came from and goes back to (nil: allocated for this ranker).
    private let cache: SearchCache?
    private let cursors: UnsafeMutablePointer<BlockCursor>
    private let others: [Matcher]
    /// Per clause: its cursor (≥ 0) or its matcher (`~slot`); its operand; its bound in the
    /// current window; its score on the current candidate.
    private let slot: UnsafeMutablePointer<Int>
    private let group: UnsafeMutablePointer<Int>
    private let bounds: UnsafeMutablePointer<Double>
    private let scores: UnsafeMutablePointer<Double>
    /// Clauses by bound in the window, smallest first; `order[essential...]` are essential.
    private let order: UnsafeMutablePointer<Int>
    /// The clauses on the current candidate.
    private let on: UnsafeMutablePointer<Int>
    /// Per clause: about how many documents it matches (the cheapest required clause leads).
    private let cost: UnsafeMutablePointer<Int>
    /// Windows of the last `top` whose candidates came from one required clause (for tests).
    private(set) var windowsLed = 0

    /// A disjunction of operands, each a group of clauses whose scores add up to the operand's
    /// (one clause for a term or a phrase, the expanded terms for a prefix).
    /// `cache` lends the ranker its storage (and takes it back when the ranker is done).
    init(operands: [[Leaf]], cache: SearchCache? = nil) {
        var leaves = 0
        var termLeaves = 0
        for operand in operands {
            leaves += operand.count
            for leaf in operand { if case .term = leaf { termLeaves += 1 } }
        }
        n = leaves
        termCount = termLeaves
        // One allocation for the cursors, the per-clause columns and the cursors' decoding
        // buffers: a short OR pays its fixed cost on every query.
        let capacity = max(1, n)
        let terms = max(1, termCount)
        let room = Segment.blockSize
        let cursorBytes = (terms * MemoryLayout<BlockCursor>.stride + 15) & ~15
        let columnBytes = 7 * capacity * 8  // five Int columns, two Double columns
        let bufferBytes = terms * room * (MemoryLayout<Int>.stride + MemoryLayout<UInt32>.stride)
        let bytes = cursorBytes + columnBytes + bufferBytes
        assert(MemoryLayout<BlockCursor>.alignment <= SearchCache.storageAlignment)
        if let cache {
            (storage, storageBytes) = cache.takeStorage(bytes: bytes)
        } else {
            storage = .allocate(byteCount: bytes, alignment: SearchCache.storageAlignment)
            storageBytes = bytes
        }
        self.cache = cache
        cursors = storage.bindMemory(to: BlockCursor.self, capacity: terms)
        let ints = (storage + cursorBytes).bindMemory(to: Int.self, capacity: 5 * capacity)
        slot = ints
        group = ints + capacity
        order = ints + 2 * capacity
        on = ints + 3 * capacity
        cost = ints + 4 * capacity
        let doubles = (storage + cursorBytes + 5 * capacity * 8).bindMemory(to: Double.self, capacity: 2 * capacity)
        bounds = doubles
        scores = doubles + capacity
        let cursorDocuments = (storage + cursorBytes + columnBytes).bindMemory(to: Int.self, capacity: terms * room)
        let cursorFrequencies = (storage + cursorBytes + columnBytes + terms * room * MemoryLayout<Int>.stride)
            .bindMemory(to: UInt32.self, capacity: terms * room)
        var others: [Matcher] = []
        var c = 0
        var t = 0
        for (g, operand) in operands.enumerated() {
            for leaf in operand {
                switch leaf {
                case .term(let blocks):
                    slot[c] = t
                    cost[c] = blocks.documentFrequency
                    (cursors + t).initialize(to: BlockCursor(blocks, documents: cursorDocuments + t * room,
                                                             frequencies: cursorFrequencies + t * room))
                    t += 1
                case .other(let matcher):
                    slot[c] = ~others.count
                    cost[c] = matcher.cost
                    others.append(matcher)
                }
                group[c] = g
                c += 1
            }
        }
        self.others = others
    }

    deinit {
        cursors.deinitialize(count: termCount)
        // With the columns and the decoding buffers.
        if let cache { cache.giveBack((storage, storageBytes)) } else { storage.deallocate() }
    }

    // MARK: One clause

    @inline(__always)
    private func document(_ c: Int) -> Int {
        let s = slot[c]
        return s >= 0 ? cursors[s].document : others[~s].document
    }

    @inline(__always)
    private func advance(_ c: Int, to target: Int) {
        let s = slot[c]
        if s >= 0 { cursors[s].advance(to: target) } else { others[~s].advance(to: target) }
    }

    @inline(__always)
    private func score(_ c: Int, at d: Int) -> Double {
        let s = slot[c]
        return s >= 0 ? cursors[s].score : others[~s].score(at: d)
    }

    @inline(__always)
    private func blockEnd(_ c: Int, from target: Int) -> Int {
        let s = slot[c]
        return s >= 0 ? cursors[s].blockEnd(from: target) : Int.max
    }

    @inline(__always)
    private func bound(_ c: Int, from target: Int, through last: Int) -> Double {
        let s = slot[c]
        return s >= 0 ? cursors[s].bound(from: target, through: last) : others[~s].maxScore
    }

    /// An upper bound of clause `c`'s score in document `d` alone (its skip block's bound; the
    /// window's bound for a clause that is not a term). `d` must not decrease between calls.
    @inline(__always)
    private func bound(_ c: Int, at d: Int) -> Double {
        let s = slot[c]
        return s >= 0 ? cursors[s].bound(from: d, through: d) : bounds[c]
    }

    // MARK: Ranking

    /// The best `k` documents (best first; ties: earlier document first) among those `accept`
    /// takes (all when nil). `cancellation` is checked every 256 candidates and windows.
    func top(_ k: Int, accept: ((Int) -> Bool)?, cancellation: Cancellation) throws(WorkLimit) -> [TopK.Entry] {
        windowsLed = 0
        guard k > 0, n > 0 else { return [] }
        var state = Pruning(top: TopK(k))
        for c in 0..<n { order[c] = c }
        var countdown = 256

        var t = 0
        // The clause that led the last window in conjunction mode (-1: none).
        var lead = -1
        while true {
            try tick(&countdown, cancellation)
            // The window: up to the end of the first skip block among the clauses that led the
            // last window (all when none did), at least 32 documents per leading clause.
            var end = Int.max
            if lead >= 0 {
                end = blockEnd(lead, from: t)
            } else {
                let leaders = state.essential < n ? state.essential : 0
                for j in leaders..<n { end = min(end, blockEnd(order[j], from: t)) }
                let leading = n - leaders
                if leading > 1 && end < Int.max {
                    end = max(end, min(Int.max - 1, t + 32 * leading - 1))
                }
            }
            var total = 0.0
            for c in 0..<n {
                bounds[c] = bound(c, from: t, through: end)
                total += bounds[c]
            }
            partition(&state, sort: true)
            // A clause the top k needs from here on: without it the other clauses' bounds add
            // up to no more than the floor. Then only its documents are candidates (the
            // cheapest such clause leads, as the rarest operand leads an AND).
            lead = -1
            if state.essential < n && total > state.floor {
                for c in 0..<n where total - bounds[c] <= state.floor && (lead < 0 || cost[c] < cost[lead]) { lead = c }
            }
            if lead >= 0 {
                windowsLed += 1
                advance(lead, to: t)
                while true {
                    let d = document(lead)
                    if d == Int.max || d > end { break }
                    try tick(&countdown, cancellation)
                    let s = score(lead, at: d)
                    scores[lead] = s
                    on[0] = lead
                    var found = 1
                    var partial = s
                    // The others, best bound first, while they can still lift it past the floor.
                    if lookUp(d, from: n - 1, skipping: lead, remaining: total - bounds[lead], floor: state.floor,
                              partial: &partial, found: &found) {
                        offer(d, found: found, accept: accept, &state)
                    }
                    advance(lead, to: d + 1)
                }
            } else if state.essential < n {
                for j in state.essential..<n { advance(order[j], to: t) }
                while true {
                    var d = Int.max
                    for j in state.essential..<n { d = min(d, document(order[j])) }
                    if d == Int.max || d > end { break }
                    try tick(&countdown, cancellation)
                    var found = 0
                    var partial = 0.0
                    for j in state.essential..<n {
                        let c = order[j]
                        guard document(c) == d else { continue }
                        let s = score(c, at: d)
                        scores[c] = s
                        partial += s
                        on[found] = c
                        found += 1
                    }
                    // Its non-essential clauses, best bound first, while they can still lift it.
                    if lookUp(d, from: state.essential - 1, skipping: -1, remaining: state.nonEssentialBound, floor: state.floor,
                              partial: &partial, found: &found) {
                        offer(d, found: found, accept: accept, &state)
                    }
                    for j in state.essential..<n where document(order[j]) == d { advance(order[j], to: d + 1) }
                }
            }
            if end == Int.max { break }
            t = end + 1
        }
        return state.top.sortedInPlace()
    }

    /// What a ranking has found so far: the top k, the floor a candidate must pass, and the
    /// clauses that are non-essential under it. A local value passed `inout` to the methods
    /// below, so that no access to it is checked at run time (a nested function capturing these
    /// variables paid a dynamic exclusivity check per call).
    private struct Pruning {
        var top: TopK
        /// A document whose bound is at most `floor` cannot enter the top k.
        var floor = -Double.infinity
        /// `order[..<essential]` are the non-essential clauses; their bounds add up to
        /// `nonEssentialBound`.
        var essential = 0
        var nonEssentialBound = 0.0
    }

    /// Counts a step and checks `cancellation` every 256.
    @inline(__always)
    private func tick(_ countdown: inout Int, _ cancellation: Cancellation) throws(WorkLimit) {
        countdown -= 1
        if countdown == 0 {
            countdown = 256
            try cancellation.check()
        }
    }

    /// Extends the non-essential clauses (smallest bounds first) while their bounds add up to
    /// no more than the floor; with `sort`, first orders the clauses by their window bounds and
    /// starts over.
    private func partition(_ state: inout Pruning, sort: Bool) {
        if sort {
            if n > 16 {
                let bounds = self.bounds
                var clauses = UnsafeMutableBufferPointer(start: order, count: n)
                clauses.sort { bounds[$0] < bounds[$1] }
            } else {
                // Insertion sort: few clauses, and their order changes little between windows.
                for a in 1..<max(1, n) {
                    let c = order[a]
                    let key = bounds[c]
                    var b = a
                    while b > 0 && bounds[order[b - 1]] > key {
                        order[b] = order[b - 1]
                        b -= 1
                    }
                    order[b] = c
                }
            }
            state.essential = 0
            state.nonEssentialBound = 0
        }
        while state.essential < n {
            let sum = state.nonEssentialBound + bounds[order[state.essential]]
            guard sum <= state.floor else { break }
            state.nonEssentialBound = sum
            state.essential += 1
        }
    }

    /// Offers a candidate that may still enter the top k, raising the floor when it does.
    @inline(__always)
    private func offer(_ d: Int, found: Int, accept: ((Int) -> Bool)?, _ state: inout Pruning) {
        guard accept?(d) ?? true else { return }
        state.top.offer(score: sum(found), document: d)
        if state.top.isFull {
            let kth = state.top.weakestScore
            let raised = kth - abs(kth) * 1e-9
            if raised > state.floor {
                state.floor = raised
                partition(&state, sort: false)
            }
        }
    }

    /// Looks clauses `order[from]`, `order[from - 1]`… (best bound first; `skip` is the clause
    /// that led, -1 for none) up on candidate `d`, adding their scores to `partial` and the
    /// clauses found to `on`, while the candidate can still pass `floor`: `remaining` is the sum
    /// of those clauses' window bounds. Before a clause is decoded, its skip block's bound at `d`
    /// may rule the candidate out. Returns whether the candidate can still enter the top k.
    ///
    /// One method for both ways a window finds candidates (led by a required clause, or by the
    /// essential ones). The floor comes in by value: a closure capturing it paid an
    /// exclusive-access check per call, 2–3× slower on large ORs.
    @inline(__always)
    private func lookUp(_ d: Int, from start: Int, skipping skip: Int, remaining bound: Double, floor: Double,
                        partial: inout Double, found: inout Int) -> Bool {
        var remaining = bound
        var competitive = partial + remaining > floor
        var j = start
        while competitive && j >= 0 {
            let c = order[j]
            j -= 1
            if c == skip { continue }
            // Its skip block at d may rule the candidate out without decoding it.
            remaining -= bounds[c]
            guard partial + max(0, remaining) + self.bound(c, at: d) > floor else { return false }
            advance(c, to: d)
            if document(c) == d {
                let s = score(c, at: d)
                scores[c] = s
                partial += s
                on[found] = c
                found += 1
            }
            competitive = partial + max(0, remaining) > floor
        }
        return competitive
    }

    /// The score of the candidate from the scores of its `found` clauses in `on`, summed in
    /// query order: each operand's clauses first, then the operands.
    private func sum(_ found: Int) -> Double {
        // Insertion sort: few clauses match one document.
        for a in 1..<max(1, found) {
            let c = on[a]
            var b = a
            while b > 0 && on[b - 1] > c {
                on[b] = on[b - 1]
                b -= 1
            }
            on[b] = c
        }
        var total = 0.0
        var operand = -1
        var partial = 0.0
        for a in 0..<found {
            let c = on[a]
            if group[c] != operand {
                if operand >= 0 { total += partial }
                operand = group[c]
                partial = 0
            }
            partial += scores[c]
        }
        if operand >= 0 { total += partial }
        return total
    }
}
