/// Documents matching any operand (OR, and the terms a prefix expands to), visited
/// exhaustively (ranking a disjunction's top k prunes instead: `DisjunctionRanker`).
///
/// The operands sit in a min-heap by current document, so hundreds of them stay cheap; the
/// heap holds operand numbers and their documents in raw storage, so moving it costs no
/// reference counting. A document's score is the sum of its operands' scores in operand order.
final class UnionMatcher: Matcher {
    private let operands: [Matcher]
    private let count: Int
    /// Heap of operand numbers, smallest current document on top.
    private let heap: UnsafeMutablePointer<Int>
    /// Each operand's current document.
    private let documents: UnsafeMutablePointer<Int>
    /// Scratch: the operands on the document being scored.
    private let found: UnsafeMutablePointer<Int>
    let cost: Int
    let maxScore: Double

    init(_ operands: [Matcher]) {
        self.operands = operands
        count = operands.count
        heap = .allocate(capacity: max(1, count))
        documents = .allocate(capacity: max(1, count))
        found = .allocate(capacity: max(1, count))
        for (i, m) in operands.enumerated() { documents[i] = m.document }
        // Sorted by document, the operand numbers already form a heap.
        let order = operands.indices.sorted { operands[$0].document != operands[$1].document
            ? operands[$0].document < operands[$1].document : $0 < $1 }
        for (slot, i) in order.enumerated() { heap[slot] = i }
        cost = operands.reduce(0) { $0 &+ $1.cost }
        maxScore = operands.reduce(0) { $0 + $1.maxScore } * 1.0001
    }

    deinit {
        heap.deallocate()
        documents.deallocate()
        found.deallocate()
    }

    var document: Int { count > 0 ? documents[heap[0]] : Int.max }

    func advance(to target: Int) {
        guard count > 0 else { return }
        while documents[heap[0]] < target {
            let i = heap[0]
            let m = operands[i]
            m.advance(to: target)
            documents[i] = m.document
            siftDown()
        }
    }

    func score(at document: Int) -> Double {
        guard count > 0, documents[heap[0]] == document else { return 0 }
        // The operands on `document` are a connected region at the heap's top.
        var n = 0
        var stack = 0  // `found` doubles as the stack of heap slots to visit
        found[count - 1 - stack] = 0
        stack = 1
        while stack > 0 {
            stack -= 1
            let slot = found[count - 1 - stack]
            let i = heap[slot]
            guard documents[i] == document else { continue }
            found[n] = i
            n += 1
            var child = 2 * slot + 1
            while child < count && child <= 2 * slot + 2 {
                found[count - 1 - stack] = child
                stack += 1
                child += 1
            }
        }
        var on = UnsafeMutableBufferPointer(start: found, count: n)
        on.sort()
        var total = 0.0
        for i in on { total += operands[i].score(at: document) }
        return total
    }

    private func siftDown() {
        var slot = 0
        let item = heap[0]
        let key = documents[item]
        while true {
            let l = 2 * slot + 1
            guard l < count else { break }
            var child = l
            if l + 1 < count && documents[heap[l + 1]] < documents[heap[l]] { child = l + 1 }
            guard documents[heap[child]] < key else { break }
            heap[slot] = heap[child]
            slot = child
        }
        heap[slot] = item
    }
}
