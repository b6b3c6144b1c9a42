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
/// feature on small corpora; about 260 sentences on 13,000 documents). Sentences are processed
/// in parallel chunks (at most 64); each keeps its strongest `maxLinks` links to earlier sentences.
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
        // Postings of the rare features (df 2...cap), sentences ascending.
        let featureCount = v.documentFrequency.count
        var postingStart = [Int](repeating: 0, count: featureCount + 1)
        for f in 0..<featureCount {
            let df = Int(v.documentFrequency[f])
            postingStart[f + 1] = postingStart[f] + (df >= 2 && df <= cap ? df : 0)
        }
        var fill = postingStart
        var postingSentence = [Int32](repeating: 0, count: postingStart[featureCount])
        var postingWeight = [Float](repeating: 0, count: postingStart[featureCount])
        var frequentMass = [Float](repeating: 0, count: n)
        var frequentMask = [UInt64](repeating: 0, count: n)
        for s in 0..<n {
            for p in v.range(s) {
                let f = Int(v.features[p])
                let df = Int(v.documentFrequency[f])
                if df >= 2 && df <= cap {
                    postingSentence[fill[f]] = Int32(s)
                    postingWeight[fill[f]] = v.weights[p]
                    fill[f] += 1
                } else if df > cap {
                    frequentMass[s] += v.weights[p] * v.weights[p]
                    frequentMask[s] |= Self.bit(f)
                }
            }
        }
        let starts = postingStart
        let sentences = postingSentence
        let postingWeights = postingWeight
        let mass = frequentMass
        let masks = frequentMask
        let limit = Float(threshold)
        // Each chunk allocates and clears an accumulator per sentence and a dense row per feature,
        // so chunks are few (at most 64; at 105k documents, 3,600 chunks of 512 sentences cleared
        // about 30 GB of scratch in all); cancellation is checked every 512 sentences inside them.
        let chunk = max(512, (n + 63) / 64)
        let chunks = (n + chunk - 1) / chunk
        let results = try Parallel.map(chunks, chunk: 1, cancellation: cancellation) { c throws(WorkLimit) -> [SentenceLink] in
            var accumulator = [Float](repeating: 0, count: n)
            // The weights of sentence s by feature, so a candidate's exact dot product is one pass
            // over its own features (the same products, summed in the same ascending feature order
            // as `SentenceVectors.dot`'s merge, so the same result to the bit).
            var dense = [Float](repeating: 0, count: featureCount)
            var touched: [Int32] = []
            var out: [SentenceLink] = []
            var best: [SentenceLink] = []
            for s in (c * chunk)..<min(n, (c + 1) * chunk) {
                if s % 512 == 0 { try cancellation.check() }
                let group = v.groups[s]
                let own = v.range(s)
                for p in own { dense[Int(v.features[p])] = v.weights[p] }
                for p in v.range(s) {
                    let f = Int(v.features[p])
                    let w = v.weights[p]
                    var q = starts[f]
                    let end = starts[f + 1]
                    while q < end {
                        let other = Int(sentences[q])
                        if other >= s { break }
                        if v.groups[other] != group {
                            if accumulator[other] == 0 { touched.append(Int32(other)) }
                            accumulator[other] += w * postingWeights[q]
                        }
                        q += 1
                    }
                }
                best.removeAll(keepingCapacity: true)
                for other in touched {
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
                    if score >= limit { best.append(SentenceLink(a: other, b: Int32(s), score: score)) }
                }
                for p in own { dense[Int(v.features[p])] = 0 }
                touched.removeAll(keepingCapacity: true)
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
