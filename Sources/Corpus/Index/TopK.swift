/// The `k` best (score, document) pairs seen so far, in a bounded min-heap: the weakest kept
/// pair is on top, so a new pair costs O(log k) and nothing grows past `k`.
struct TopK {
    struct Entry {
        let score: Double
        let document: Int
    }

    let k: Int
    private var heap: [Entry] = []

    init(_ k: Int) {
        self.k = max(0, k)
        heap.reserveCapacity(min(self.k, 1 << 16))
    }

    /// True when `a` ranks below `b`: lower score, or the same score and a later document.
    @inline(__always)
    private static func weaker(_ a: Entry, _ b: Entry) -> Bool {
        a.score != b.score ? a.score < b.score : a.document > b.document
    }

    /// Offers a pair; kept when it is among the best `k` so far.
    mutating func offer(score: Double, document: Int) {
        guard k > 0 else { return }
        let entry = Entry(score: score, document: document)
        if heap.count < k {
            heap.append(entry)
            var i = heap.count - 1
            while i > 0 {
                let parent = (i - 1) / 2
                guard Self.weaker(heap[i], heap[parent]) else { break }
                heap.swapAt(i, parent)
                i = parent
            }
            return
        }
        guard let top = heap.first, Self.weaker(top, entry) else { return }
        heap[0] = entry
        var i = 0
        while true {
            let l = 2 * i + 1
            let r = l + 1
            var weakest = i
            if l < heap.count && Self.weaker(heap[l], heap[weakest]) { weakest = l }
            if r < heap.count && Self.weaker(heap[r], heap[weakest]) { weakest = r }
            if weakest == i { break }
            heap.swapAt(i, weakest)
            i = weakest
        }
    }

    /// True when `k` pairs are kept.
    var isFull: Bool { heap.count >= k }

    /// The score of the weakest kept pair (meaningful when full).
    var weakestScore: Double { heap.first?.score ?? -.infinity }

    /// The kept pairs, best first (ties: earlier document first).
    func sorted() -> [Entry] {
        heap.sorted { Self.weaker($1, $0) }
    }

    /// `sorted()` in the heap's own storage, for a top k that is done (no copy).
    mutating func sortedInPlace() -> [Entry] {
        heap.sort { Self.weaker($1, $0) }
        return heap
    }
}
