import Foundation

/// Finds claims: facts that documents from different groups (outlets) state, each in its own words.
///
/// Stages, each separately testable:
/// 1. `TermFeatureTable` + `SentenceVectors`: each sentence as IDF-weighted content features
///    (stems, paraphrases, numbers; names and numbers boosted; optional extra features).
/// 2. `SimilarityJoin`: pairs of sentences from different groups with weighted cosine ≥
///    `threshold`, via an inverted index over the rarer features; then `ClaimStatements`: links
///    between sentences about two subjects go, numbers count only when both sentences state one
///    fact with them, and sentences stating the same fact of the same subject are linked too.
/// 3. `ClaimClustering`: strongest links first, at most one sentence per document per claim;
///    then a sentence that states a claim's fact along with another one joins that claim too
///    when its mean similarity to the claim's sentences reaches `threshold × attachRatio`;
///    a claim that then mostly repeats a bigger one is dropped.
/// 4. Here: each cluster with enough groups becomes a `Claim`; its text is the sentence with the
///    highest total similarity to the others.
///
/// Claims are ordered by number of sources, then documents, then score (descending).
public enum ClaimFinder {
    /// The claims of `corpus` (or a sub-corpus: only its documents are compared).
    public static func claims(in corpus: Corpus, by grouping: GroupingKey = .source,
                              options: ClaimOptions = ClaimOptions()) -> [Claim] {
        Cancellation.uninterrupted { token throws(WorkLimit) in
            try claims(in: corpus, by: grouping, options: options, cancellation: token)
        }
    }

    /// `claims(in:by:options:)` checking `cancellation` at every stage.
    public static func claims(in corpus: Corpus, by grouping: GroupingKey = .source, options: ClaimOptions = ClaimOptions(),
                              cancellation: Cancellation) throws(WorkLimit) -> [Claim] {
        // An archive's stored claims answer the default question about the whole archive.
        if let saved = corpus.savedClaims(by: grouping, options: options) { return saved }
        let clock = StageTimer(variable: "DOSSIER_COMPARE_TIMING", label: "compare")
        let table = TermFeatureTable(lexicon: corpus.index.lexicon, normalizer: options.normalizer)
        clock.lap("term table \(table.termCount) terms")
        let found = try claims(in: corpus, by: grouping, options: options, table: table, cancellation: cancellation)
        if corpus.parent == nil, case .source = grouping, options.isDefault { corpus.analysisWriteBack?.claimsComputed(found) }
        return found
    }

    /// `claims(in:by:options:)` with a term table built before (it depends only on the lexicon and
    /// the normaliser, so callers comparing several sub-corpora can build it once).
    static func claims(in corpus: Corpus, by grouping: GroupingKey, options: ClaimOptions,
                       table: TermFeatureTable, cancellation: Cancellation = .none) throws(WorkLimit) -> [Claim] {
        let clock = StageTimer(variable: "DOSSIER_COMPARE_TIMING", label: "compare")
        // The shared reading of fact sentences (for the statements below) is read from the same
        // tokens as the vectors, unless it was built before.
        let factFilter = FactSentences.isBuilt(for: corpus) ? nil : FactSentenceFilter.shared(for: corpus.index.lexicon)
        var built = try SentenceVectors(corpus: corpus, table: table, grouping: grouping, options: options,
                                        factFilter: factFilter, cancellation: cancellation)
        built.measure = options.similarity
        let factParts = built.factParts
        built.factParts = []
        let vectors = built
        clock.lap("vectors \(vectors.count) sentences, \(vectors.features.count) features")
        let attach = options.threshold * min(1, max(0, options.attachRatio))
        let joined = try SimilarityJoin.links(vectors, threshold: attach,
                                                maxFrequency: options.maxCandidateFrequency,
                                                maxLinks: max(1, options.maxLinksPerSentence), cancellation: cancellation)
        clock.lap("join \(joined.count) links")
        try cancellation.check()
        let strong = Float(options.threshold)
        // What the sentences state: links about two subjects, or held by a number that states
        // nothing in common, go; sentences stating one fact of one subject are linked.
        let statements = try ClaimStatements(vectors: vectors, corpus: corpus, factParts: factParts.isEmpty ? nil : factParts,
                                             cancellation: cancellation)
        var allLinks = try statements.refine(joined, vectors: vectors, threshold: Float(attach), cancellation: cancellation)
        let factLinks = try statements.factLinks(vectors: vectors, existing: allLinks, score: strong,
                                                  cancellation: cancellation)
        allLinks += factLinks
        let together = Set(factLinks.map { ClaimClustering.pairKey(Int($0.a), Int($0.b)) })
        clock.lap("statements \(allLinks.count) links")
        try cancellation.check()
        let links = allLinks.filter { $0.score >= strong }
        var clusters = ClaimClustering.clusters(count: vectors.count, links: links, threshold: strong, vectors: vectors,
                                                together: together)
        if attach < options.threshold {
            clusters = try ClaimClustering.attach(clusters, links: allLinks, threshold: Float(attach), vectors: vectors,
                                                  together: together, cancellation: cancellation)
            clusters = try ClaimClustering.withoutNearRepeats(clusters, vectors: vectors, cancellation: cancellation)
        }
        clock.lap("clusters \(clusters.count)")
        try cancellation.check()
        let kept = clusters
        let minSources = max(2, options.minSources)
        let made = try Parallel.map(kept.count, chunk: 16, cancellation: cancellation, reports: false) { c -> Claim? in
            let members = kept[c]
            var groups: [Int32] = []
            var seen = Set<Int32>()
            for m in members where seen.insert(vectors.groups[m]).inserted { groups.append(vectors.groups[m]) }
            guard groups.count >= minSources else { return nil }
            return makeClaim(members, vectors: vectors, corpus: corpus, groups: groups)
        }
        var claims = made.compactMap { $0 }
        clock.lap("claims")
        claims.sort {
            if $0.sources.count != $1.sources.count { return $0.sources.count > $1.sources.count }
            if $0.sentences.count != $1.sentences.count { return $0.sentences.count > $1.sentences.count }
            return $0.score > $1.score
        }
        return claims
    }

    /// Builds the claim for one cluster: the central sentence has the highest total similarity
    /// to the others (to an evenly spaced sample of 32 of them in clusters above 64 sentences).
    static func makeClaim(_ members: [Int], vectors: SentenceVectors, corpus: Corpus, groups: [Int32]) -> Claim {
        let m = members.count
        let sample: [Int] = m <= 64 ? Array(0..<m) : (0..<32).map { $0 * m / 32 }
        var totals = [Float](repeating: 0, count: m)
        for i in 0..<m {
            for j in sample where j != i { totals[i] += vectors.similarity(members[i], members[j]) }
        }
        var central = 0
        for i in 1..<members.count where totals[i] > totals[central] { central = i }
        let references = members.map {
            SentenceReference(document: corpus.documents[Int(vectors.documents[$0])], sentence: Int(vectors.sentences[$0]))
        }
        var sum: Float = 0
        for i in 0..<m where i != central { sum += vectors.similarity(members[i], members[central]) }
        let score = Double(sum) / Double(max(1, m - 1))
        return Claim(text: references[central].text, sentences: references,
                     sources: groups.map { vectors.groupNames[Int($0)] }, score: score, central: central)
    }
}
