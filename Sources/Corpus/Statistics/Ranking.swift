/// Sorting and cutting result rows: by a number descending, ties by text in code-point order.
///
/// Rows are ranked on their numbers first and only the rows that can make the cut get their
/// text, so asking for the top 20 of a 500,000-term vocabulary makes a few dozen strings.
enum Ranking {
    /// The ids of `candidates` ranked by `key` (higher first), ties broken by `secondary`
    /// (higher first) and then by `text` in code-point order; at most `top` when given.
    ///
    /// When `cancellation` stops, the ranking is abandoned (the texts are not made, the sort
    /// stops comparing) and what it returns is meaningless: the caller checks the token after
    /// the call (a stop stays until it is handled) and throws.
    static func rank(_ candidates: [Int], top: Int?, key exactKey: (Int) -> Double, secondary: (Int) -> Double = { _ in 0 },
                     text: (Int) -> String, cancellation: Cancellation = .none) -> [(id: Int, text: String)] {
        func key(_ id: Int) -> Double { quantized(exactKey(id)) }
        var pool = candidates
        if let top {
            guard top > 0 else { return [] }
            if pool.count > top {
                // The key of the top-th best row; every row at least as good may make the cut.
                var keys = pool.map(key)
                let threshold = kthLargest(&keys, top)
                pool = pool.filter { key($0) >= threshold }
            }
        }
        var stopped = false
        var steps = 0
        var rows: [(id: Int, key: Double, second: Double, text: String)] = []
        rows.reserveCapacity(pool.count)
        for id in pool {
            steps += 1
            if steps & 0xFFF == 0 && cancellation.stop != nil { return [] }
            rows.append((id: id, key: key(id), second: secondary(id), text: text(id)))
        }
        rows.sort { a, b in
            steps += 1
            if steps & 0xFFFF == 0 && !stopped { stopped = cancellation.stop != nil }
            if stopped { return false }
            if a.key != b.key { return a.key > b.key }
            if a.second != b.second { return a.second > b.second }
            return a.text.utf8.lexicographicallyPrecedes(b.text.utf8)
        }
        if stopped { return [] }
        if let top, rows.count > top { rows.removeLast(rows.count - top) }
        return rows.map { (id: $0.id, text: $0.text) }
    }

    /// `value` with the last 12 bits of its mantissa cleared (about 12 significant digits
    /// kept), so scores that differ only by rounding error ("3.19770815795585" and
    /// "3.1977081579558506", the same ratio computed two ways) tie and are ordered by text.
    static func quantized(_ value: Double) -> Double {
        guard value.isFinite else { return value }
        return Double(bitPattern: value.bitPattern & ~0xFFF)
    }

    /// The k-th largest value (1-based) of `values`, which it reorders (quickselect).
    static func kthLargest(_ values: inout [Double], _ k: Int) -> Double {
        guard !values.isEmpty else { return 0 }
        let target = max(0, min(values.count - 1, k - 1))
        var lo = 0
        var hi = values.count - 1
        var seed: UInt64 = 0x2545_F491_4F6C_DD1D
        while lo < hi {
            seed ^= seed << 13
            seed ^= seed >> 7
            seed ^= seed << 17
            let pivot = values[lo + Int(seed % UInt64(hi - lo + 1))]
            // Three-way partition, descending: > pivot | == pivot | < pivot.
            var lt = lo
            var gt = hi
            var i = lo
            while i <= gt {
                if values[i] > pivot {
                    values.swapAt(i, lt)
                    lt += 1
                    i += 1
                } else if values[i] < pivot {
                    values.swapAt(i, gt)
                    gt -= 1
                } else {
                    i += 1
                }
            }
            if target < lt {
                hi = lt - 1
            } else if target > gt {
                lo = gt + 1
            } else {
                return pivot
            }
        }
        return values[target]
    }
}
