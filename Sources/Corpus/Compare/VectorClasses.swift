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
    /// sentence order that checks every match in full (a hash collision makes a class of its own).
    init(_ v: SentenceVectors, cancellation: Cancellation = .none) throws(WorkLimit) {
        let n = v.count
        let hashes = try Parallel.map(n, chunk: 4096, cancellation: cancellation, reports: false) { s in Self.hash(v, s) }
        var first: [Int: Int32] = [:]
        first.reserveCapacity(n)
        var collided: [Int: [Int32]] = [:]
        var leaders: [Int32] = []
        var classOf = [Int32](repeating: 0, count: n)
        for s in 0..<n {
            let h = hashes[s]
            if let c = first[h] {
                if Self.same(v, Int(leaders[Int(c)]), s) {
                    classOf[s] = c
                    continue
                }
                if let c = collided[h]?.first(where: { Self.same(v, Int(leaders[Int($0)]), s) }) {
                    classOf[s] = c
                    continue
                }
                collided[h, default: []].append(Int32(leaders.count))
            } else {
                first[h] = Int32(leaders.count)
            }
            classOf[s] = Int32(leaders.count)
            leaders.append(Int32(s))
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

    /// A hash of sentence `s`'s features and weights (their bits).
    static func hash(_ v: SentenceVectors, _ s: Int) -> Int {
        var hasher = Hasher()
        let range = v.range(s)
        hasher.combine(range.count)
        for p in range {
            hasher.combine(v.features[p])
            hasher.combine(v.weights[p].bitPattern)
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
