/// Finds claims: facts that documents from different groups (outlets) state, each in its own words.
///
/// Stages, each separately testable:
/// 1. `TermFeatureTable` + `SentenceVectors`: each sentence as IDF-weighted content features
///    (stems, paraphrases, numbers; names and numbers boosted; optional extra features).
/// 2. `SimilarityJoin`: pairs of sentences from different groups with weighted cosine ≥
///    `threshold`, via an inverted index over the rarer features.
/// 3. `ClaimClustering`: strongest links first, at most one sentence per document per claim;
///    then a sentence that states a claim's fact along with another one joins that claim too
///    when its mean similarity to the claim's sentences reaches `threshold × attachRatio`.
/// 4. Here: each cluster with enough groups becomes a `Claim`; its text is the sentence with the
///    highest total similarity to the others.
///
/// Claims are ordered by number of sources, then documents, then score (descending).
public enum ClaimFinder {
    /// The claims of `corpus` (or a sub-corpus: only its documents are compared).
    public static func claims(in corpus: Corpus, by grouping: GroupingKey = .source,
                              options: ClaimOptions = ClaimOptions()) -> [Claim] {
        let table = TermFeatureTable(lexicon: corpus.index.lexicon, normalizer: options.normalizer)
        return claims(in: corpus, by: grouping, options: options, table: table)
    }

    /// `claims(in:by:options:)` with a term table built before (it depends only on the lexicon and
    /// the normaliser, so callers comparing several sub-corpora can build it once).
    static func claims(in corpus: Corpus, by grouping: GroupingKey, options: ClaimOptions,
                       table: TermFeatureTable) -> [Claim] {
        var vectors = SentenceVectors(corpus: corpus, table: table, grouping: grouping, options: options)
        vectors.measure = options.similarity
        let attach = options.threshold * min(1, max(0, options.attachRatio))
        let allLinks = SimilarityJoin.links(vectors, threshold: attach,
                                            maxFrequency: options.maxCandidateFrequency,
                                            maxLinks: max(1, options.maxLinksPerSentence))
        let strong = Float(options.threshold)
        let links = allLinks.filter { $0.score >= strong }
        var clusters = ClaimClustering.clusters(count: vectors.count, links: links) { vectors.documents[$0] }
        if attach < options.threshold {
            clusters = ClaimClustering.attach(clusters, links: allLinks, threshold: Float(attach), vectors: vectors)
        }
        var linkScores: [Int: [(Int, Float)]] = [:]
        for link in allLinks {
            linkScores[Int(link.a), default: []].append((Int(link.b), link.score))
            linkScores[Int(link.b), default: []].append((Int(link.a), link.score))
        }
        var claims: [Claim] = []
        for members in clusters {
            var groups: [Int32] = []
            for m in members where !groups.contains(vectors.groups[m]) { groups.append(vectors.groups[m]) }
            guard groups.count >= max(2, options.minSources) else { continue }
            claims.append(makeClaim(members, vectors: vectors, corpus: corpus, groups: groups, linkScores: linkScores))
        }
        claims.sort {
            if $0.sources.count != $1.sources.count { return $0.sources.count > $1.sources.count }
            if $0.sentences.count != $1.sentences.count { return $0.sentences.count > $1.sentences.count }
            return $0.score > $1.score
        }
        return claims
    }

    /// Builds the claim for one cluster: central sentence by total similarity (exact cosines for
    /// clusters up to 64 sentences, the links' scores beyond).
    static func makeClaim(_ members: [Int], vectors: SentenceVectors, corpus: Corpus, groups: [Int32],
                          linkScores: [Int: [(Int, Float)]]) -> Claim {
        var totals = [Float](repeating: 0, count: members.count)
        var similarity: (Int, Int) -> Float
        if members.count <= 64 {
            var matrix = [Float](repeating: 1, count: members.count * members.count)
            for i in 0..<members.count {
                for j in (i + 1)..<members.count {
                    let c = vectors.similarity(members[i], members[j])
                    matrix[i * members.count + j] = c
                    matrix[j * members.count + i] = c
                }
            }
            similarity = { matrix[$0 * members.count + $1] }
        } else {
            var position: [Int: Int] = [:]
            for (i, m) in members.enumerated() { position[m] = i }
            var sparse: [Int: Float] = [:]
            for (i, m) in members.enumerated() {
                for (other, score) in linkScores[m] ?? [] {
                    if let j = position[other] { sparse[i * members.count + j] = score }
                }
            }
            similarity = { sparse[$0 * members.count + $1] ?? 0 }
        }
        for i in 0..<members.count {
            for j in 0..<members.count where j != i { totals[i] += similarity(i, j) }
        }
        var central = 0
        for i in 1..<members.count where totals[i] > totals[central] { central = i }
        let references = members.map {
            SentenceReference(document: corpus.documents[Int(vectors.documents[$0])], sentence: Int(vectors.sentences[$0]))
        }
        let score = Double(totals[central]) / Double(max(1, members.count - 1))
        return Claim(text: references[central].text, sentences: references,
                     sources: groups.map { vectors.groupNames[Int($0)] }, score: score, central: central)
    }
}
