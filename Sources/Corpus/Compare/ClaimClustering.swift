/// Groups linked sentences into clusters, strongest links first (single linkage), with one
/// rule against chaining: a cluster never holds two sentences of the same document. A link
/// that would break the rule is skipped, so a sentence joins the cluster it matches best.
enum ClaimClustering {
    /// Clusters of sentence indices (each with at least two sentences), members ascending.
    static func clusters(count: Int, links: [SentenceLink], documentOf: (Int) -> Int32) -> [[Int]] {
        var parent = Array(0..<count)
        var members: [[Int32]] = Array(repeating: [], count: count)
        var docs: [Set<Int32>?] = Array(repeating: nil, count: count)
        func find(_ x: Int) -> Int {
            var root = x
            while parent[root] != root { root = parent[root] }
            var node = x
            while parent[node] != root {
                let next = parent[node]
                parent[node] = root
                node = next
            }
            return root
        }
        func documents(_ root: Int) -> Set<Int32> {
            if let set = docs[root] { return set }
            return members[root].isEmpty ? [documentOf(root)] : Set(members[root].map { documentOf(Int($0)) })
        }
        let sorted = links.sorted { $0.score != $1.score ? $0.score > $1.score : ($0.a, $0.b) < ($1.a, $1.b) }
        for link in sorted {
            var ra = find(Int(link.a))
            var rb = find(Int(link.b))
            guard ra != rb else { continue }
            let da = documents(ra)
            let db = documents(rb)
            guard da.isDisjoint(with: db) else { continue }
            if da.count < db.count { swap(&ra, &rb) }
            if members[ra].isEmpty { members[ra] = [Int32(ra)] }
            members[ra].append(contentsOf: members[rb].isEmpty ? [Int32(rb)] : members[rb])
            members[rb] = []
            docs[ra] = da.union(db)
            docs[rb] = nil
            parent[rb] = ra
        }
        var out: [[Int]] = []
        for root in 0..<count where parent[root] == root && members[root].count >= 2 {
            out.append(members[root].map(Int.init).sorted())
        }
        return out
    }

    /// Adds to each cluster the sentences (from documents it lacks) linked to one of its members
    /// whose mean similarity to all members reaches `threshold`; per document the best one.
    /// A sentence may so belong to several clusters.
    static func attach(_ clusters: [[Int]], links: [SentenceLink], threshold: Float, vectors: SentenceVectors) -> [[Int]] {
        var neighbours: [Int: [Int]] = [:]
        for link in links {
            neighbours[Int(link.a), default: []].append(Int(link.b))
            neighbours[Int(link.b), default: []].append(Int(link.a))
        }
        return clusters.map { members in
            let memberSet = Set(members)
            let docs = Set(members.map { vectors.documents[$0] })
            var best: [Int32: (sentence: Int, score: Float)] = [:]
            var seen = Set<Int>()
            for m in members {
                for candidate in neighbours[m] ?? [] where !memberSet.contains(candidate) && seen.insert(candidate).inserted {
                    let doc = vectors.documents[candidate]
                    guard !docs.contains(doc) else { continue }
                    var total: Float = 0
                    for other in members { total += vectors.similarity(candidate, other) }
                    let mean = total / Float(members.count)
                    if mean >= threshold && mean > (best[doc]?.score ?? -1) { best[doc] = (candidate, mean) }
                }
            }
            return best.isEmpty ? members : (members + best.values.map(\.sentence)).sorted()
        }
    }
}
