/// The sentences of `SentenceVectors` whose vectors are identical: the same features with the
/// same weights, bit for bit (the same sentence told by several stories or several copies of
/// one story). Whatever is computed from a vector alone is the same for every member of its
/// class, so `SimilarityJoin` scores one member of each class against one of each other class.
///
/// Classes are numbered in the order of their first sentence (their leader); each class's
/// members are ascending.
struct VectorClasses: Sendable {
    /// Per sentence: its class.
    let classOf: [Int32]
    /// The members of class c: `members[starts[c] ..< starts[c + 1]]`, ascending.
    let starts: [Int]
    let members: [Int32]

    var count: Int { starts.count - 1 }

    /// The first sentence of class `c`.
    func leader(_ c: Int) -> Int { Int(members[starts[c]]) }

    /// The last sentence of class `c`.
    func last(_ c: Int) -> Int { Int(members[starts[c + 1] - 1]) }

    /// The members of class `c`, ascending.
    func of(_ c: Int) -> ArraySlice<Int32> { members[starts[c]..<starts[c + 1]] }

    /// Groups the sentences of `v`: a hash of each vector on every core, then one pass in
    /// sentence order over an open-addressing table of classes, every hash match checked in full
    /// (the classes and their numbering do not depend on the hash).
    init(_ v: SentenceVectors, cancellation: Cancellation = .none) throws(WorkLimit) {
        let n = v.count
        let hashes = try Parallel.map(n, chunk: 4096, cancellation: cancellation, reports: false) { s in Self.hash(v, s) }
        var capacity = 16
        while capacity < 2 * n { capacity *= 2 }
        let mask = capacity - 1
        var table = [Int32](repeating: -1, count: capacity)
        var leaders: [Int32] = []
        var classOf = [Int32](repeating: 0, count: n)
        for s in 0..<n {
            let h = hashes[s]
            var slot = Int(truncatingIfNeeded: UInt(bitPattern: h) & UInt(mask))
            while true {
                let c = table[slot]
                if c < 0 {
                    table[slot] = Int32(leaders.count)
                    classOf[s] = Int32(leaders.count)
                    leaders.append(Int32(s))
                    break
                }
                let leader = Int(leaders[Int(c)])
                if hashes[leader] == h && Self.same(v, leader, s) {
                    classOf[s] = c
                    break
                }
                slot = (slot + 1) & mask
            }
        }
        var starts = [Int](repeating: 0, count: leaders.count + 1)
        for c in classOf { starts[Int(c) + 1] += 1 }
        for c in 0..<leaders.count { starts[c + 1] += starts[c] }
        var fill = starts
        var members = [Int32](repeating: 0, count: n)
        for s in 0..<n {
            let c = Int(classOf[s])
            members[fill[c]] = Int32(s)
            fill[c] += 1
        }
        self.classOf = classOf
        self.starts = starts
        self.members = members
    }

    /// A hash of sentence `s`'s features and weights (their bytes).
    static func hash(_ v: SentenceVectors, _ s: Int) -> Int {
        var hasher = Hasher()
        let range = v.range(s)
        hasher.combine(range.count)
        v.features.withUnsafeBufferPointer { f in
            hasher.combine(bytes: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: f[range])))
        }
        v.weights.withUnsafeBufferPointer { w in
            hasher.combine(bytes: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: w[range])))
        }
        return hasher.finalize()
    }

    /// Whether sentences `a` and `b` have the same features with the same weights, bit for bit.
    static func same(_ v: SentenceVectors, _ a: Int, _ b: Int) -> Bool {
        let ra = v.range(a)
        let rb = v.range(b)
        guard ra.count == rb.count else { return false }
        for (p, q) in zip(ra, rb) where v.features[p] != v.features[q] || v.weights[p].bitPattern != v.weights[q].bitPattern {
            return false
        }
        return true
    }
}
