/// Groups linked sentences into clusters, strongest links first (single linkage), with one
/// rule against chaining: a cluster never holds two sentences of the same document. A link
/// that would break the rule is skipped, so a sentence joins the cluster it matches best.
enum ClaimClustering {
    /// Clusters of sentence indices (each with at least two sentences), members ascending.
    ///
    /// Every cluster has a seed (its union-find root: the first sentence of its first link, kept
    /// as clusters grow because the larger cluster's root survives a merge); a sentence joins a
    /// cluster, and two clusters merge, only when the sentence (or the other cluster's seed) is
    /// at least `threshold` similar to the seed. So every member is close to one sentence, and
    /// links cannot chain loosely related sentences into one huge cluster.
    ///
    /// `together`: pairs that count as close whatever their similarity (sentences stating one
    /// fact of one subject, `ClaimStatements.factLinks`), as `pairKey(a, b)`.
    static func clusters(count: Int, links: [SentenceLink], threshold: Float, vectors: SentenceVectors,
                         together: Set<UInt64> = []) -> [[Int]] {
        var sets = DisjointSets(count: count)
        var members: [[Int32]] = Array(repeating: [], count: count)
        var docs: [Set<Int32>] = Array(repeating: [], count: count)
        let sorted = links.sorted { $0.score != $1.score ? $0.score > $1.score : ($0.a, $0.b) < ($1.a, $1.b) }
        for link in sorted {
            var ra = sets.find(Int(link.a))
            var rb = sets.find(Int(link.b))
            guard ra != rb else { continue }
            let da = docs[ra].isEmpty ? [vectors.documents[ra]] : docs[ra]
            let db = docs[rb].isEmpty ? [vectors.documents[rb]] : docs[rb]
            guard da.isDisjoint(with: db) else { continue }
            let singleA = members[ra].isEmpty
            let singleB = members[rb].isEmpty
            if !(singleA && singleB) {
                // The seeds (a singleton is its own seed) must be close, unless the link is the seed's own.
                let sa = ra
                let sb = rb
                let direct = (Int(link.a) == sa || Int(link.a) == sb) && (Int(link.b) == sa || Int(link.b) == sb)
                guard direct || together.contains(pairKey(sa, sb)) || vectors.similarity(sa, sb) >= threshold else { continue }
            }
            if da.count < db.count || (da.count == db.count && singleA && !singleB) { swap(&ra, &rb) }
            if members[ra].isEmpty { members[ra] = [Int32(ra)] }
            members[ra].append(contentsOf: members[rb].isEmpty ? [Int32(rb)] : members[rb])
            members[rb] = []
            docs[ra] = da.union(db)
            docs[rb] = []
            sets.attach(rb, to: ra)
        }
        var out: [[Int]] = []
        for root in 0..<count where sets.isRoot(root) && members[root].count >= 2 {
            out.append(members[root].map(Int.init).sorted())
        }
        return out
    }

    /// One key for an unordered pair of sentences.
    static func pairKey(_ a: Int, _ b: Int) -> UInt64 {
        UInt64(UInt32(min(a, b))) << 32 | UInt64(UInt32(max(a, b)))
    }

    /// Adds to each cluster the sentences (from documents it lacks) linked to one of its members
    /// whose mean similarity to the members (a sample of 32 in bigger clusters) reaches `threshold`; per document the best one.
    /// A sentence may so belong to several clusters.
    /// A sentence that states one fact with at least half of a cluster's sentences (`together`)
    /// joins it too, whatever the similarity.
    ///
    /// Clusters are worked on in parallel (each reads the links and vectors only), and come back in order.
    static func attach(_ clusters: [[Int]], links: [SentenceLink], threshold: Float, vectors: SentenceVectors,
                       together: Set<UInt64> = [], cancellation: Cancellation = .none) throws(WorkLimit) -> [[Int]] {
        let neighbours = Neighbours(count: vectors.count, links: links)
        return try Parallel.map(clusters.count, chunk: 16, cancellation: cancellation, reports: false) { c -> [Int] in
            let members = clusters[c]
            let memberSet = Set(members)
            let sample = members.count <= 32 ? members : (0..<32).map { members[$0 * members.count / 32] }
            let docs = Set(members.map { vectors.documents[$0] })
            var best: [Int32: (sentence: Int, score: Float)] = [:]
            var seen = Set<Int>()
            for m in members {
                for candidate in neighbours.of(m) where !memberSet.contains(candidate) && seen.insert(candidate).inserted {
                    let doc = vectors.documents[candidate]
                    guard !docs.contains(doc) else { continue }
                    var total: Float = 0
                    for other in sample { total += vectors.similarity(candidate, other) }
                    var mean = total / Float(sample.count)
                    if mean < threshold, !together.isEmpty,
                       2 * sample.filter({ together.contains(pairKey(candidate, $0)) }).count >= sample.count {
                        mean = threshold
                    }
                    if mean >= threshold && mean > (best[doc]?.score ?? -1) { best[doc] = (candidate, mean) }
                }
            }
            return best.isEmpty ? members : (members + best.values.map(\.sentence)).sorted()
        }
    }

    /// Drops clusters that mostly repeat a bigger one (at least two thirds of their sentences are
    /// in one kept cluster), which the attach step can produce; bigger clusters are kept first,
    /// of two the same size the more cohesive (higher mean similarity between its sentences).
    static func withoutNearRepeats(_ clusters: [[Int]], vectors: SentenceVectors,
                                   cancellation: Cancellation = .none) throws(WorkLimit) -> [[Int]] {
        let cohesion = try Parallel.map(clusters.count, chunk: 64, cancellation: cancellation, reports: false) { c -> Float in
            let members = clusters[c]
            let sample = members.count <= 16 ? members : (0..<16).map { members[$0 * members.count / 16] }
            var total: Float = 0
            var pairs = 0
            for i in 0..<sample.count {
                for j in (i + 1)..<sample.count {
                    total += vectors.similarity(sample[i], sample[j])
                    pairs += 1
                }
            }
            return pairs > 0 ? total / Float(pairs) : 0
        }
        let order = clusters.indices.sorted {
            if clusters[$0].count != clusters[$1].count { return clusters[$0].count > clusters[$1].count }
            return cohesion[$0] != cohesion[$1] ? cohesion[$0] > cohesion[$1] : $0 < $1
        }
        var keptOf: [Int: [Int]] = [:]   // sentence → kept clusters holding it
        var keep = [Bool](repeating: false, count: clusters.count)
        for c in order {
            var overlap: [Int: Int] = [:]
            for s in clusters[c] { for k in keptOf[s] ?? [] { overlap[k, default: 0] += 1 } }
            if let most = overlap.values.max(), 3 * most >= 2 * clusters[c].count { continue }
            keep[c] = true
            for s in clusters[c] { keptOf[s, default: []].append(c) }
        }
        return clusters.indices.filter { keep[$0] }.map { clusters[$0] }
    }

    /// Each sentence's linked sentences, in the order of the links (flat columns: one array of
    /// neighbours, one of where each sentence's start).
    struct Neighbours: Sendable {
        private let starts: [Int]
        private let list: [Int32]

        init(count: Int, links: [SentenceLink]) {
            var starts = [Int](repeating: 0, count: count + 1)
            for link in links {
                starts[Int(link.a) + 1] += 1
                starts[Int(link.b) + 1] += 1
            }
            for s in 0..<count { starts[s + 1] += starts[s] }
            var fill = starts
            var list = [Int32](repeating: 0, count: starts[count])
            for link in links {
                list[fill[Int(link.a)]] = link.b
                fill[Int(link.a)] += 1
                list[fill[Int(link.b)]] = link.a
                fill[Int(link.b)] += 1
            }
            self.starts = starts
            self.list = list
        }

        /// The sentences linked to `s`.
        func of(_ s: Int) -> LazyMapSequence<ArraySlice<Int32>, Int> {
            list[starts[s]..<starts[s + 1]].lazy.map(Int.init)
        }
    }
}
