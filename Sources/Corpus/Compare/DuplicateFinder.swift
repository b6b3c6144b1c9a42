import Foundation

/// How `DuplicateFinder` measures how much two documents share, and what `threshold` bounds.
public enum DuplicateMeasure: String, Sendable, CaseIterable {
    /// Shared shingles over all the shingles of both (|A ∩ B| / |A ∪ B|): the two are copies of
    /// each other. A short version inside a long one scores low (a third of the long one: ≤ 0.33).
    case jaccard
    /// Shared shingles over those of the document with fewer (|A ∩ B| / min(|A|, |B|)): one is
    /// (mostly) inside the other — a short version of a story inside the long one, a wire story
    /// inside a page that adds to it. Copies score high too.
    case containment
}

/// Two documents that share most of their text.
public struct DuplicatePair: Sendable {
    /// The earlier document (corpus order).
    public var a: Document
    /// The later document.
    public var b: Document
    /// The score `threshold` was applied to: `jaccard` or `containment`, as the options' measure says.
    public var similarity: Double
    /// Exact Jaccard similarity of the two documents' distinct word-shingle sets (0...1).
    public var jaccard: Double
    /// Exact share of the smaller shingle set found in the other (0...1; ≥ `jaccard`).
    public var containment: Double
    /// The document with fewer distinct shingles, the one `containment` is the share of — the
    /// short version inside the long one; nil when both have as many.
    public var contained: Document?
    /// The sketch's estimate of `similarity` the pair was found with (MinHash for Jaccard; for
    /// containment the share of the smaller document's sampled shingles, or MinHash when the pair
    /// was found by its bands only).
    public var estimate: Double
    /// The text both share, as passages of `a` (maximal runs of shared shingles), longest first;
    /// empty when passages were not asked for.
    public var passages: [String]
}

/// Settings of `DuplicateFinder`.
public struct DuplicateOptions: Sendable {
    /// Minimum exact similarity of the shingle sets, measured by `measure`.
    public var threshold: Double = 0.5
    /// What `threshold` bounds: Jaccard (copies of each other, the default) or containment (one
    /// inside the other, which also finds copies).
    public var measure: DuplicateMeasure = .jaccard
    /// Containment candidates come from an index of one shingle in `sampleRate` (a power of two;
    /// every document keeps the same shingles, so shared text keeps shared samples).
    public var sampleRate: Int = 4
    /// Sampled shingles that more documents than this share are boilerplate, not evidence of
    /// copying, and propose no pairs (copies of one text are still found by the MinHash bands).
    public var maxPosting: Int = 64
    /// Words per shingle.
    public var shingleSize: Int = 5
    /// MinHash signature length.
    public var hashes: Int = 128
    /// LSH bands (`hashes / bands` rows each). 42 bands of 3 rows find a pair of similarity 0.5
    /// with probability 99.6% (0.4: 93%, 0.3: 68%); more bands find less similar pairs at more cost.
    public var bands: Int = 42
    /// Passages to keep per pair (0: none, which saves re-tokenising every pair's text).
    public var maxPassages: Int = 5
    /// LSH buckets larger than this keep only their first documents (a guard against many identical
    /// documents making the pair count explode); nil: no limit.
    public var maxBucket: Int? = 2000

    /// Default options.
    public init() {}
}

/// Finds near-duplicate documents with word shingles, MinHash and locality-sensitive hashing.
///
/// 1. Every document's 5-word shingles are hashed once and folded into a 128-slot one-permutation
///    MinHash signature (in parallel).
/// 2. The signature is cut into 42 bands of 3 slots; documents with an equal band land in one bucket and
///    become candidate pairs (so most pairs are never looked at).
/// 3. Candidates whose signatures agree on fewer than `threshold − 0.2` of the slots are dropped;
///    the others are verified with the exact Jaccard of their shingle sets.
/// 4. Passages: for each pair, the maximal runs of `a`'s shingles found in `b`, as text.
public enum DuplicateFinder {
    /// Near-duplicate pairs of `corpus` with similarity ≥ `threshold`, most similar first.
    public static func duplicates(in corpus: Corpus, threshold: Double) -> [DuplicatePair] {
        var options = DuplicateOptions()
        options.threshold = threshold
        return duplicates(in: corpus, options: options)
    }

    /// Near-duplicate pairs of `corpus`, most similar first.
    public static func duplicates(in corpus: Corpus, options: DuplicateOptions = DuplicateOptions()) -> [DuplicatePair] {
        Cancellation.uninterrupted { token throws(WorkLimit) in try duplicates(in: corpus, options: options, cancellation: token) }
    }

    /// `duplicates(in:options:)` checking `cancellation` at every stage; the candidate pairs
    /// (which a corpus of many copies of one text makes by the million) are measured against
    /// its memory budget.
    public static func duplicates(in corpus: Corpus, options: DuplicateOptions = DuplicateOptions(),
                                  cancellation: Cancellation) throws(WorkLimit) -> [DuplicatePair] {
        if let saved = corpus.savedDuplicates(options: options) { return saved }  // an annotated archive's
        return try computed(in: corpus, options: options, cancellation: cancellation)
    }

    /// `duplicates(in:options:cancellation:)` computed (never read from an archive); `signed`
    /// receives every document's MinHash signature (what an archive keeps of each document to
    /// find the pairs of documents added later: `DuplicateUpdate`).
    static func computed(in corpus: Corpus, options: DuplicateOptions, cancellation: Cancellation,
                         signed: ([[UInt32]]) -> Void = { _ in }) throws(WorkLimit) -> [DuplicatePair] {
        let docs = corpus.documents
        let k = max(1, options.shingleSize)
        let clock = StageTimer(variable: "DOSSIER_COMPARE_TIMING", label: "compare")
        var sets: [Int: [UInt32]] = [:]
        let found = try Self.pairs(count: docs.count, options: options, cancellation: cancellation, clock: clock,
                              set: { Shingles.set(docs[$0], size: k) }, involved: { sets = $0 }, signed: signed)
        let slot = sets
        var pairs = found.map { f in
            DuplicatePair(a: docs[f.a], b: docs[f.b], similarity: f.similarity, jaccard: f.jaccard,
                          containment: f.containment,
                          contained: f.contained.map { docs[$0] }, estimate: f.estimate, passages: [])
        }
        // 4. Passages.
        if options.maxPassages > 0 {
            // Grouped by `a`, so each document is tokenised once however many pairs it is in.
            var byFirst: [Int: [Int]] = [:]
            for (i, pair) in pairs.enumerated() { byFirst[pair.a.index, default: []].append(i) }
            let groups = Array(byFirst.values)
            let found = pairs
            let texts = try Parallel.map(groups.count, chunk: 16, cancellation: cancellation) { g throws(WorkLimit) -> [(Int, [String])] in
                let indices = groups[g]
                let a = found[indices[0]].a
                let prepared = PassageSource(a, shingleSize: k)
                return indices.map { i -> (Int, [String]) in
                    guard let b = corpus.position(of: found[i].b), let set = slot[b] else { return (i, []) }
                    return (i, prepared.passages(sharedWith: set, limit: options.maxPassages))
                }
            }
            for group in texts { for (i, passages) in group { pairs[i].passages = passages } }
            clock.lap("passages")
        }
        if corpus.parent == nil, options.isDefault, let writeBack = corpus.analysisWriteBack {
            let found = pairs
            writeBack.store("duplicates") { DuplicateFile.write(found, documents: corpus.count) }
        }
        return pairs
    }

    /// A verified pair of documents known by their positions `a` < `b` (in the corpus, or in a
    /// list of sketches), with the measures of `DuplicatePair`.
    public struct Match: Sendable, Hashable {
        public var a: Int
        public var b: Int
        public var similarity: Double
        public var jaccard: Double
        public var containment: Double
        /// The position with fewer distinct shingles; nil when both have as many.
        public var contained: Int?
        public var estimate: Double
    }

    /// Stages 1–3 over `count` documents known by their shingle sets (`set(position)`, sorted
    /// distinct 32-bit values: `Shingles.set`, or a `DuplicateSketch`'s): the verified pairs, most
    /// similar first (ties: by positions). `set` is asked twice for a document that is in a
    /// candidate pair (signatures first, then the exact check), so that the sets of all the others
    /// are never held at once; `involved` receives the sets of those in pairs.
    static func pairs(count: Int, options: DuplicateOptions, cancellation: Cancellation,
                      clock: StageTimer = StageTimer(variable: "DOSSIER_COMPARE_TIMING", label: "compare"),
                      set: @escaping @Sendable (Int) -> [UInt32],
                      involved: ([Int: [UInt32]]) -> Void = { _ in },
                      signed: ([[UInt32]]) -> Void = { _ in }) throws(WorkLimit) -> [Match] {
        let slots = max(1, options.hashes)
        let bands = max(1, min(slots, options.bands))
        let rows = slots / bands
        let containment = options.measure == .containment
        // 1. Signatures (and, for containment, each document's sampled shingles).
        var rate = 1
        while rate < max(1, min(options.sampleRate, 1 << 20)) { rate <<= 1 }
        let mask = UInt32(rate - 1)
        let sketches = try Parallel.map(count, cancellation: cancellation) { d throws(WorkLimit) -> ([UInt32], [UInt32]) in
            let values = set(d)
            let signature = MinHashSignature.signature(values, count: slots)
            guard containment else { return (signature, []) }
            return (signature, values.filter { $0 & mask == 0 })
        }
        let signatures = sketches.map { $0.0 }
        signed(signatures)
        clock.lap("signatures")
        // 2. Candidates from the bands.
        let candidates = try candidatePairs(signatures, bands: bands, rows: rows, maxBucket: options.maxBucket,
                                            cancellation: cancellation)
        clock.lap("candidates \(candidates.count)")
        // 3. Estimate, then verify exactly.
        let floor = options.threshold - 0.2
        func minHash(_ pair: UInt64) -> Double {
            let a = signatures[Int(pair >> 32)]
            let b = signatures[Int(pair & 0xFFFF_FFFF)]
            guard a.count == slots, b.count == slots else { return 0 }
            var equal = 0
            for i in 0..<slots where a[i] == b[i] { equal += 1 }
            return Double(equal) / Double(slots)
        }
        var estimates: [UInt64: Double] = [:]
        for pair in candidates {
            let e = minHash(pair)
            if e >= floor { estimates[pair] = e }
        }
        if containment {
            // Jaccard ≤ containment, so band candidates stay; the sampled index adds the pairs
            // where a small document sits inside a big one.
            let samples = sketches.map { $0.1 }
            for (pair, estimate) in try sampledPairs(samples, floor: floor, maxPosting: options.maxPosting,
                                                     cancellation: cancellation) {
                estimates[pair] = max(estimate, estimates[pair] ?? 0)
            }
        }
        let likely = estimates.keys.sorted()
        var members = Set<Int>()
        for pair in likely {
            members.insert(Int(pair >> 32))
            members.insert(Int(pair & 0xFFFF_FFFF))
        }
        let order = members.sorted()
        var slotOf = [Int](repeating: -1, count: count)
        for (i, d) in order.enumerated() { slotOf[d] = i }
        let slot = slotOf
        let found = estimates
        clock.lap("estimates \(likely.count)")
        let sets = try Parallel.map(order.count, cancellation: cancellation) { i throws(WorkLimit) in set(order[i]) }
        clock.lap("shingle sets \(order.count)")
        let verified = try Parallel.map(likely.count, chunk: 1024, cancellation: cancellation) { p throws(WorkLimit) -> Match? in
            let pair = likely[p]
            let a = Int(pair >> 32)
            let b = Int(pair & 0xFFFF_FFFF)
            let sa = slot[a]
            let sb = slot[b]
            guard sa >= 0, sb >= 0 else { return nil }
            let overlap = Shingles.overlap(sets[sa][...], sets[sb][...])
            let similarity = containment ? overlap.containment : overlap.jaccard
            guard similarity >= options.threshold else { return nil }
            let (na, nb) = (sets[sa].count, sets[sb].count)
            return Match(a: a, b: b, similarity: similarity, jaccard: overlap.jaccard, containment: overlap.containment,
                         contained: na == nb ? nil : (na < nb ? a : b), estimate: found[pair] ?? 0)
        }
        var pairs = verified.compactMap { $0 }
        pairs.sort { $0.similarity != $1.similarity ? $0.similarity > $1.similarity : ($0.a, $0.b) < ($1.a, $1.b) }
        clock.lap("verified \(pairs.count)")
        var kept: [Int: [UInt32]] = [:]
        for (i, d) in order.enumerated() { kept[d] = sets[i] }
        involved(kept)
        return pairs
    }

    /// Candidate pairs `(a << 32) | b` whose sampled shingles suggest that the one with fewer
    /// samples is inside the other: shared samples / the smaller sample count ≥ `floor`, with the
    /// estimate. Postings longer than `maxPosting` are skipped (boilerplate phrases).
    static func sampledPairs(_ samples: [[UInt32]], floor: Double, maxPosting: Int,
                             cancellation: Cancellation = .none) throws(WorkLimit) -> [(UInt64, Double)] {
        let meter = cancellation.meter("the candidate pairs of near-duplicates")
        var postings: [UInt64] = []   // value << 32 | document
        postings.reserveCapacity(samples.reduce(0) { $0 + $1.count })
        for (d, list) in samples.enumerated() {
            for v in list { postings.append(UInt64(v) << 32 | UInt64(d)) }
        }
        try cancellation.check()
        postings.sort()
        var pairs: [UInt64] = []
        var start = 0
        while start < postings.count {
            var end = start + 1
            let value = postings[start] >> 32
            while end < postings.count && postings[end] >> 32 == value { end += 1 }
            let m = end - start
            if m > 1 && m <= max(2, maxPosting) {
                try meter.add(m * (m - 1) / 2 * MemoryLayout<UInt64>.stride)
                for x in start..<(end - 1) {
                    for y in (x + 1)..<end { pairs.append((postings[x] & 0xFFFF_FFFF) << 32 | (postings[y] & 0xFFFF_FFFF)) }
                }
                if pairs.count & 0xFFFF < m * m { try cancellation.check() }
            }
            start = end
        }
        pairs.sort()
        var out: [(UInt64, Double)] = []
        var i = 0
        while i < pairs.count {
            var j = i + 1
            while j < pairs.count && pairs[j] == pairs[i] { j += 1 }
            let shared = j - i
            let smaller = min(samples[Int(pairs[i] >> 32)].count, samples[Int(pairs[i] & 0xFFFF_FFFF)].count)
            // Two shared samples at least, unless the smaller document has only one or two.
            let estimate = Double(shared) / Double(max(1, smaller))
            if estimate >= floor && (shared >= 2 || smaller <= 2) { out.append((pairs[i], min(1, estimate))) }
            i = j
        }
        return out
    }

    /// Candidate pairs `(a << 32) | b` (positions, a < b) that share at least one band.
    static func candidatePairs(_ signatures: [[UInt32]], bands: Int, rows: Int, maxBucket: Int?,
                               cancellation: Cancellation = .none) throws(WorkLimit) -> [UInt64] {
        let meter = cancellation.meter("the candidate pairs of near-duplicates")
        let perBand = try Parallel.map(bands, chunk: 1, cancellation: cancellation) { band throws(WorkLimit) -> [UInt64] in
            var keyed: [(UInt64, UInt32)] = []
            keyed.reserveCapacity(signatures.count)
            for (d, signature) in signatures.enumerated() where signature.count >= (band + 1) * rows {
                keyed.append((bandKey(signature, band: band, rows: rows), UInt32(d)))
            }
            keyed.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
            var out: [UInt64] = []
            var start = 0
            while start < keyed.count {
                var end = start + 1
                while end < keyed.count && keyed[end].0 == keyed[start].0 { end += 1 }
                var members = keyed[start..<end].map(\.1)
                if let limit = maxBucket, members.count > limit { members = Array(members.prefix(limit)) }
                if members.count > 1 {
                    // A bucket of m documents makes m(m-1)/2 pairs: measured before they are made.
                    try meter.add(members.count * (members.count - 1) / 2 * MemoryLayout<UInt64>.stride)
                    try cancellation.check()
                    for x in 0..<(members.count - 1) {
                        for y in (x + 1)..<members.count { out.append(UInt64(members[x]) << 32 | UInt64(members[y])) }
                    }
                }
                start = end
            }
            return out
        }
        try meter.add(perBand.reduce(0) { $0 + $1.count } * MemoryLayout<UInt64>.stride)
        var all = perBand.flatMap { $0 }
        all.sort()
        var unique: [UInt64] = []
        unique.reserveCapacity(all.count)
        for p in all where unique.last != p { unique.append(p) }
        return unique
    }

    /// The LSH key of band `band` (`rows` slots) of a signature at least `(band + 1) * rows` long:
    /// documents with an equal key share a bucket.
    static func bandKey(_ signature: [UInt32], band: Int, rows: Int) -> UInt64 {
        var h = UInt64(band) &* 0x9E37_79B9_7F4A_7C15
        for r in 0..<rows { h = Shingles.mix(h ^ UInt64(signature[band * rows + r])) }
        return h
    }

    /// The passages of `a` whose shingles all occur in `b` (maximal runs), longest first.
    public static func passages(_ a: Document, sharedWith b: Document, shingleSize: Int = 5, limit: Int = 5) -> [String] {
        passages(a, sharedWith: Shingles.set(b, size: shingleSize), shingleSize: shingleSize, limit: limit)
    }

    /// `passages(_:sharedWith:)` with `b`'s shingle set already made.
    static func passages(_ a: Document, sharedWith set: [UInt32], shingleSize: Int, limit: Int) -> [String] {
        PassageSource(a, shingleSize: shingleSize).passages(sharedWith: set, limit: limit)
    }

    /// One document's shingles, word positions and token spans, made once for all its pairs.
    struct PassageSource {
        let document: Document
        let k: Int
        let hashes: [UInt64]
        let words: [Int]
        let spans: [TokenSpan]
        /// (32-bit shingle value, shingle position), sorted, to merge with another set.
        let sorted: [(UInt32, Int32)]

        init(_ document: Document, shingleSize: Int) {
            self.document = document
            k = max(1, shingleSize)
            hashes = Shingles.hashes(document, size: k)
            words = Shingles.wordPositions(document)
            spans = hashes.isEmpty ? [] : document.tokenSpans()
            sorted = hashes.enumerated().map { (UInt32(truncatingIfNeeded: $0.element >> 32), Int32($0.offset)) }
                .sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        }

        /// The passages whose shingles all occur in `set` (maximal runs), longest first.
        func passages(sharedWith set: [UInt32], limit: Int) -> [String] {
            guard !hashes.isEmpty, limit > 0, spans.count == document.terms.count else { return [] }
            // Which shingles of this document `set` holds: one merge of two sorted lists.
            var isShared = [Bool](repeating: false, count: hashes.count)
            var j = 0
            for (value, position) in sorted {
                while j < set.count && set[j] < value { j += 1 }
                if j < set.count && set[j] == value { isShared[Int(position)] = true }
            }
            var runs: [Range<Int>] = []   // word index ranges
            var runStart: Int?
            for i in 0..<hashes.count {
                let shared = isShared[i]
                if shared, runStart == nil { runStart = i }
                if !shared, let s = runStart {
                    runs.append(s..<min(words.count, i - 1 + k))
                    runStart = nil
                }
            }
            if let s = runStart { runs.append(s..<min(words.count, hashes.count - 1 + k)) }
            runs.sort { $0.count != $1.count ? $0.count > $1.count : $0.lowerBound < $1.lowerBound }
            return runs.prefix(limit).compactMap { run -> String? in
                guard let first = run.first, let last = run.last, last < words.count else { return nil }
                return document.substring(spans[words[first]].start..<spans[words[last]].end)
            }
        }
    }
}
