import Foundation

/// A link between two sentences (indices into `SentenceVectors`) and their similarity.
struct SentenceLink: Sendable {
    var a: Int32
    var b: Int32
    var score: Float
}

/// Finds pairs of sentences from different groups whose weighted cosine reaches a threshold,
/// without comparing all pairs.
///
/// An inverted index over the features that are not too frequent proposes candidates: two
/// sentences are considered only when they share at least one such feature, and their shared
/// weight over those features is summed as the index is read. The frequent features' part is
/// bounded (Cauchy–Schwarz), so only candidates that could reach the threshold are verified
/// with the exact similarity. "Too frequent" is decided by a work budget: the largest document
/// frequency such that reading the index costs at most about 25 million additions (every
/// feature on small corpora; about 260 sentences on 13,000 documents). Sentences with identical
/// vectors (`VectorClasses`: a sentence repeated across stories, or a corpus holding copies) are
/// joined once per class, against one sentence of each other class, and each member's links are
/// then read from its class's (the members before it, of other groups, in the order the join
/// sentence by sentence would meet them). Classes are processed in parallel chunks (at most 64);
/// each sentence keeps its strongest `maxLinks` links to earlier sentences.
enum SimilarityJoin {
    /// The largest document frequency `c` such that the pairs the index proposes over features
    /// with df ≤ c (about Σ df² / 2) stay within `budget`; at least 16.
    static func budgetCap(_ documentFrequency: [UInt32], budget: Int) -> Int {
        var histogram: [Int: Int] = [:]
        for df in documentFrequency where df >= 2 { histogram[Int(df), default: 0] += 1 }
        var cost = 0
        var cap = 16
        for df in histogram.keys.sorted() {
            cost += histogram[df, default: 0] * df * (df - 1) / 2
            if cost > budget { break }
            cap = max(cap, df)
        }
        return cap
    }

    static func links(_ v: SentenceVectors, threshold: Double, maxFrequency: Int?, maxLinks: Int,
                      cancellation: Cancellation = .none) throws(WorkLimit) -> [SentenceLink] {
        let n = v.count
        guard n > 1 else { return [] }
        let cap = maxFrequency ?? budgetCap(v.documentFrequency, budget: 25_000_000)
        let classes = try VectorClasses(v, cancellation: cancellation)
        // Postings of the rare features (df 2...cap, counted over sentences): one entry per class,
        // its leader, leaders ascending.
        let featureCount = v.documentFrequency.count
        var postingStart = [Int](repeating: 0, count: featureCount + 1)
        for c in 0..<classes.count {
            for p in v.range(classes.leader(c)) {
                let df = Int(v.documentFrequency[Int(v.features[p])])
                if df >= 2 && df <= cap { postingStart[Int(v.features[p]) + 1] += 1 }
            }
        }
        for f in 0..<featureCount { postingStart[f + 1] += postingStart[f] }
        var fill = postingStart
        var postingLeader = [Int32](repeating: 0, count: postingStart[featureCount])
        var postingWeight = [Float](repeating: 0, count: postingStart[featureCount])
        var frequentMass = [Float](repeating: 0, count: n)
        var frequentMask = [UInt64](repeating: 0, count: n)
        for c in 0..<classes.count {
            let s = classes.leader(c)
            for p in v.range(s) {
                let f = Int(v.features[p])
                let df = Int(v.documentFrequency[f])
                if df >= 2 && df <= cap {
                    postingLeader[fill[f]] = Int32(s)
                    postingWeight[fill[f]] = v.weights[p]
                    fill[f] += 1
                } else if df > cap {
                    frequentMass[s] += v.weights[p] * v.weights[p]
                    frequentMask[s] |= Self.bit(f)
                }
            }
        }
        let starts = postingStart
        let leaders = postingLeader
        let postingWeights = postingWeight
        let mass = frequentMass
        let masks = frequentMask
        let limit = Float(threshold)
        // 1. Each class against the classes before its last member, once: the classes whose
        // leaders reach the threshold with its leader, in the order the sentence-by-sentence join
        // meets them (by the position of the feature that first brings them, then ascending), with
        // that position. Each chunk allocates and clears an accumulator per sentence and a dense
        // row per feature, so chunks are few (at most 64; at 105k documents, 3,600 chunks of 512
        // sentences cleared about 30 GB of scratch in all); cancellation is checked every 512
        // classes inside them.
        let classChunk = max(512, (classes.count + 63) / 64)
        let classChunks = (classes.count + classChunk - 1) / classChunk
        let found = try Parallel.map(classChunks, chunk: 1, cancellation: cancellation) { k throws(WorkLimit) -> ClassLinks in
            var accumulator = [Float](repeating: 0, count: n)
            // The weights of the leader by feature, so a candidate's exact dot product is one pass
            // over its own features (the same products, summed in the same ascending feature order
            // as `SentenceVectors.dot`'s merge, so the same result to the bit).
            var dense = [Float](repeating: 0, count: featureCount)
            var touched: [Int32] = []
            var touchedAt: [Int32] = []
            var out = ClassLinks()
            for c in (k * classChunk)..<min(classes.count, (k + 1) * classChunk) {
                if c % 512 == 0 { try cancellation.check() }
                let s = classes.leader(c)
                let bound = classes.last(c)
                let own = v.range(s)
                for p in own { dense[Int(v.features[p])] = v.weights[p] }
                for p in own {
                    let f = Int(v.features[p])
                    let w = v.weights[p]
                    var q = starts[f]
                    let end = starts[f + 1]
                    while q < end {
                        let other = Int(leaders[q])
                        if other >= bound { break }
                        if accumulator[other] == 0 {
                            touched.append(Int32(other))
                            touchedAt.append(Int32(p - own.lowerBound))
                        }
                        accumulator[other] += w * postingWeights[q]
                        q += 1
                    }
                }
                for (t, other) in touched.enumerated() {
                    let o = Int(other)
                    let partial = accumulator[o]
                    accumulator[o] = 0
                    let score: Float
                    if masks[s] & masks[o] == 0 {
                        // No frequent feature in common: the shared weight is all in `partial`,
                        // summed from the same products in the same ascending feature order as
                        // the exact dot product, so it is that dot product to the bit.
                        score = v.score(dot: partial, s, o)
                    } else {
                        let bound = v.score(dot: partial + (mass[s] * mass[o]).squareRoot(), s, o)
                        guard bound >= limit else { continue }
                        score = v.score(dot: Self.dot(dense, v, o), s, o)
                    }
                    if score >= limit {
                        out.classes.append(classes.classOf[o])
                        out.scores.append(score)
                        out.positions.append(touchedAt[t])
                    }
                }
                for p in own { dense[Int(v.features[p])] = 0 }
                touched.removeAll(keepingCapacity: true)
                touchedAt.removeAll(keepingCapacity: true)
                out.ends.append(out.classes.count)
            }
            return out
        }
        let linked = ClassLinks(joining: found)
        // 2. Each sentence's links from its class's: the members of the linked classes before it
        // and of other groups, in the order the sentence-by-sentence join would have met them
        // (by position, then ascending), so its strongest `maxLinks` (a sort by score alone, ties
        // kept in that order) are the same.
        let chunk = max(512, (n + 63) / 64)
        let chunks = (n + chunk - 1) / chunk
        let results = try Parallel.map(chunks, chunk: 1, cancellation: cancellation, reports: false) { k throws(WorkLimit) -> [SentenceLink] in
            var out: [SentenceLink] = []
            var best: [SentenceLink] = []
            var batch: [SentenceLink] = []
            for s in (k * chunk)..<min(n, (k + 1) * chunk) {
                if s % 512 == 0 { try cancellation.check() }
                let group = v.groups[s]
                let c = Int(classes.classOf[s])
                let entries = linked.range(c)
                best.removeAll(keepingCapacity: true)
                var e = entries.lowerBound
                while e < entries.upperBound {
                    let position = linked.positions[e]
                    var end = e + 1
                    while end < entries.upperBound && linked.positions[end] == position { end += 1 }
                    batch.removeAll(keepingCapacity: true)
                    for x in e..<end {
                        let score = linked.scores[x]
                        for o in classes.of(Int(linked.classes[x])) {
                            if Int(o) >= s { break }
                            if v.groups[Int(o)] != group { batch.append(SentenceLink(a: o, b: Int32(s), score: score)) }
                        }
                    }
                    if end - e > 1 { batch.sort { $0.a < $1.a } }
                    best.append(contentsOf: batch)
                    e = end
                }
                if best.count > maxLinks {
                    best.sort { $0.score > $1.score }
                    best.removeLast(best.count - maxLinks)
                }
                out.append(contentsOf: best)
            }
            return out
        }
        return results.flatMap { $0 }
    }

    /// What step 1 of `links` finds: per class (in order), the classes it links to, their score
    /// and the position (in its features) of the feature that first brought them.
    struct ClassLinks: Sendable {
        var classes: [Int32] = []
        var scores: [Float] = []
        var positions: [Int32] = []
        /// Where each class's entries end.
        var ends: [Int] = []

        init() {}

        /// The chunks' entries, one after the other.
        init(joining parts: [ClassLinks]) {
            let total = parts.reduce(0) { $0 + $1.classes.count }
            classes.reserveCapacity(total)
            scores.reserveCapacity(total)
            positions.reserveCapacity(total)
            ends.reserveCapacity(parts.reduce(0) { $0 + $1.ends.count })
            for part in parts {
                let base = classes.count
                classes.append(contentsOf: part.classes)
                scores.append(contentsOf: part.scores)
                positions.append(contentsOf: part.positions)
                ends.append(contentsOf: part.ends.lazy.map { $0 + base })
            }
        }

        /// The entries of class `c`.
        func range(_ c: Int) -> Range<Int> { (c == 0 ? 0 : ends[c - 1])..<ends[c] }
    }

    /// A feature's bit in a sentence's mask of frequent features: two sentences whose masks share
    /// no bit share no frequent feature.
    @inline(__always)
    static func bit(_ feature: Int) -> UInt64 {
        1 << ((UInt64(truncatingIfNeeded: feature) &* 0x9E37_79B9_7F4A_7C15) >> 58)
    }

    /// The dot product of the sentence whose weights `dense` holds (by feature, zero elsewhere)
    /// with sentence `o`: `SentenceVectors.dot` without the merge's branches.
    @inline(__always)
    static func dot(_ dense: [Float], _ v: SentenceVectors, _ o: Int) -> Float {
        let range = v.range(o)
        return dense.withUnsafeBufferPointer { d in
            v.features.withUnsafeBufferPointer { f in
                v.weights.withUnsafeBufferPointer { w in
                    var sum: Float = 0
                    for q in range {
                        let x = d[Int(f[q])]
                        if x != 0 { sum += x * w[q] }
                    }
                    return sum
                }
            }
        }
    }
}
