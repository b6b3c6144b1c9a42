import Foundation

/// Every comparable sentence of a corpus as a sparse weighted vector of content features.
///
/// Weights are IDF over the sentences compared (`log(1 + N / df)`, so a word in few sentences
/// counts more), times a boost for names (capitalised words not opening the sentence), numbers
/// and extra features. Feature ids are sorted per sentence so two vectors merge in one pass.
struct SentenceVectors: @unchecked Sendable {
    /// Per sentence: position of its document in `corpus.documents`.
    var documents: [Int32] = []
    /// Per sentence: its index in the document.
    var sentences: [Int32] = []
    /// Per sentence: its group id.
    var groups: [Int32] = []
    /// Features of sentence s: `features[starts[s] ..< starts[s + 1]]`, ascending.
    var starts: [Int] = [0]
    var features: [UInt32] = []
    var weights: [Float] = []
    /// Per sentence: Euclidean norm of its weights.
    var norms: [Float] = []
    /// Per feature: number of sentences holding it.
    var documentFrequency: [UInt32] = []
    /// Feature keys (for inspection and tests).
    var keys: [String] = []
    /// Group names by group id.
    var groupNames: [String] = []

    var count: Int { norms.count }

    func range(_ s: Int) -> Range<Int> { starts[s]..<starts[s + 1] }

    /// How similar two sentences are (see `SentenceSimilarity`).
    var measure: SentenceSimilarity = .blended

    /// The weighted dot product of two sentences (the weight they share).
    func dot(_ a: Int, _ b: Int) -> Float { dot(a, b, marked: []).0 }

    /// The weighted dot product of two sentences, and the part of it from features `marked`.
    func dot(_ a: Int, _ b: Int, marked: [Bool]) -> (Float, Float) {
        let ra = range(a)
        let rb = range(b)
        var i = ra.lowerBound
        var j = rb.lowerBound
        var dot: Float = 0
        var part: Float = 0
        while i < ra.upperBound && j < rb.upperBound {
            let fa = features[i]
            let fb = features[j]
            if fa == fb {
                let w = weights[i] * weights[j]
                dot += w
                if Int(fa) < marked.count && marked[Int(fa)] { part += w }
                i += 1
                j += 1
            } else if fa < fb {
                i += 1
            } else {
                j += 1
            }
        }
        return (dot, part)
    }

    /// The similarity of two sentences from their shared weight `dot`.
    func score(dot: Float, _ a: Int, _ b: Int) -> Float {
        let na = norms[a]
        let nb = norms[b]
        guard na > 0, nb > 0 else { return 0 }
        switch measure {
        case .cosine: return min(1, dot / (na * nb))
        case .blended:
            // cosine × sqrt(longer / shorter), the factor capped at 1.5 so a very short sentence
            // inside a long one does not count as the same fact.
            let cosine = dot / (na * nb)
            return min(1, cosine * min(1.5, (max(na, nb) / min(na, nb)).squareRoot()))
        }
    }

    /// The similarity of two sentences.
    func similarity(_ a: Int, _ b: Int) -> Float { score(dot: dot(a, b), a, b) }

    /// The features one document contributes: per kept sentence, its index and (feature, boost) pairs.
    struct DocumentDraft: Sendable {
        var sentences: [Int32] = []
        var starts: [Int] = [0]
        var features: [UInt32] = []
        var boosts: [Float] = []
        var extra: [[String]] = []
    }

    /// What each document contributes to the corpus's shared reading of fact sentences
    /// (`FactSentences`), read from the same tokens as the vectors when `init` was given a
    /// filter; empty otherwise. Taken by the caller and emptied.
    var factParts: [FactSentences.Part] = []

    /// Builds the vectors of every sentence of `corpus` with at least `options.minFeatures` features.
    ///
    /// `factFilter`: when given, each document's tokens are also read by it (`factParts`), so
    /// the shared reading of fact sentences does not tokenise every document a second time.
    init(corpus: Corpus, table: TermFeatureTable, grouping: GroupingKey, options: ClaimOptions,
         factFilter: FactSentenceFilter? = nil, cancellation: Cancellation = .none) throws(WorkLimit) {
        let docs = corpus.documents
        let lexicon = corpus.index.lexicon
        let both = try Parallel.map(docs.count, cancellation: cancellation) { d throws(WorkLimit) in
            Self.draft(docs[d], table: table, options: options, factFilter: factFilter, lexicon: lexicon)
        }
        let drafts = both.map(\.0)
        if factFilter != nil { factParts = both.map { $0.1 ?? FactSentences.Part() } }
        // Groups.
        var groupIDs: [String: Int32] = [:]
        var docGroups = [Int32](repeating: 0, count: docs.count)
        for (d, doc) in docs.enumerated() {
            let name = grouping.key(for: doc)
            if let id = groupIDs[name] {
                docGroups[d] = id
            } else {
                let id = Int32(groupNames.count)
                groupIDs[name] = id
                groupNames.append(name)
                docGroups[d] = id
            }
        }
        // Concatenate, interning extra features after the table's keys.
        keys = table.keys
        var extraIDs: [String: UInt32] = [:]
        var boosts: [Float] = []
        let extraBoost = Float(options.extraBoost)
        for (d, draft) in drafts.enumerated() {
            for k in 0..<draft.sentences.count {
                let range = draft.starts[k]..<draft.starts[k + 1]
                // A sentence's own features come sorted and unique from its draft; only extra
                // features need merging in.
                if k >= draft.extra.count || draft.extra[k].isEmpty {
                    guard range.count >= options.minFeatures else { continue }
                    documents.append(Int32(d))
                    sentences.append(draft.sentences[k])
                    groups.append(docGroups[d])
                    features.append(contentsOf: draft.features[range])
                    boosts.append(contentsOf: draft.boosts[range])
                    starts.append(features.count)
                    continue
                }
                var local: [(UInt32, Float)] = []
                for p in range { local.append((draft.features[p], draft.boosts[p])) }
                if k < draft.extra.count {
                    for key in draft.extra[k] {
                        let id: UInt32
                        if let known = extraIDs[key] {
                            id = known
                        } else {
                            id = UInt32(keys.count)
                            keys.append("=" + key)
                            extraIDs[key] = id
                        }
                        local.append((id, extraBoost))
                    }
                }
                let merged = Self.sortedUnique(local)
                guard merged.count >= options.minFeatures else { continue }
                documents.append(Int32(d))
                sentences.append(draft.sentences[k])
                groups.append(docGroups[d])
                for (f, b) in merged {
                    features.append(f)
                    boosts.append(b)
                }
                starts.append(features.count)
            }
        }
        // IDF over the kept sentences.
        documentFrequency = [UInt32](repeating: 0, count: keys.count)
        for f in features { documentFrequency[Int(f)] += 1 }
        let n = Double(max(1, sentences.count))
        let idf = documentFrequency.map { $0 == 0 ? Float(0) : Float(log(1 + n / Double($0))) }
        weights = zip(features, boosts).map { idf[Int($0.0)] * $0.1 }
        norms = (0..<sentences.count).map { s in
            var sum: Float = 0
            for p in starts[s]..<starts[s + 1] { sum += weights[p] * weights[p] }
            return sum.squareRoot()
        }
    }

    /// Sorts (feature, boost) pairs by feature, keeping the largest boost of a repeated feature.
    static func sortedUnique(_ pairs: [(UInt32, Float)]) -> [(UInt32, Float)] {
        let sorted = pairs.sorted { $0.0 < $1.0 }
        var out: [(UInt32, Float)] = []
        out.reserveCapacity(sorted.count)
        for pair in sorted {
            if let last = out.last, last.0 == pair.0 {
                if pair.1 > last.1 { out[out.count - 1].1 = pair.1 }
            } else {
                out.append(pair)
            }
        }
        return out
    }

    /// Scans one document's sentences.
    static func draft(_ doc: Document, table: TermFeatureTable, options: ClaimOptions) -> DocumentDraft {
        draft(doc, table: table, options: options, factFilter: nil, lexicon: doc.lexicon).0
    }

    /// Scans one document's sentences, and reads them with `factFilter` (when given) from the
    /// same tokens.
    static func draft(_ doc: Document, table: TermFeatureTable, options: ClaimOptions,
                      factFilter: FactSentenceFilter?, lexicon: Lexicon) -> (DocumentDraft, FactSentences.Part?) {
        var draft = DocumentDraft()
        let terms = doc.terms
        let spans = doc.tokenSpans()
        let textBytes = Array(doc.text.utf8)
        let part = factFilter.map { filter in
            textBytes.withUnsafeBufferPointer { bytes in
                FactSentences.part(of: doc, reading: filter.read(doc, spans: spans, bytes: bytes), lexicon: lexicon,
                                   bytes: bytes)
            }
        }
        guard !terms.isEmpty else { return (draft, part) }
        let nameBoost = Float(options.nameBoost)
        let numberBoost = Float(options.numberBoost)
        func capitalised(_ i: Int) -> Bool {
            guard spans.count == terms.count, i < spans.count, spans[i].start < textBytes.count else { return false }
            let b = textBytes[spans[i].start]
            if b < 0x80 { return b &- UInt8(ascii: "A") < 26 }
            let end = min(textBytes.count, spans[i].start + 4)
            return String(decoding: textBytes[spans[i].start..<end], as: UTF8.self).first?.isUppercase ?? false
        }
        var local: [(UInt32, Float)] = []
        let layout = doc.layout(tokens: spans)
        for s in 0..<layout.sentenceCount {
            let range = layout.sentenceTokens(s)
            if HeaderLine.isField(textBytes, spans: spans, range) { continue }
            local.removeAll(keepingCapacity: true)
            var i = range.lowerBound
            var first = true
            while i < range.upperBound {
                let t = Int(terms[i])
                guard t < table.termCount else { i += 1; continue }
                if i + 1 < range.upperBound {
                    let t2 = Int(terms[i + 1])
                    if t2 < table.termCount, table.stems[t] != TermFeatureTable.noStem, table.stems[t2] != TermFeatureTable.noStem,
                       let f = table.phrases[UInt64(table.stems[t]) << 32 | UInt64(table.stems[t2])] {
                        local.append((f, !first && capitalised(i) ? nameBoost : 1))
                        first = false
                        i += 2
                        continue
                    }
                }
                let flags = table.flags[t]
                let featureRange = Int(table.starts[t])..<Int(table.starts[t + 1])
                let isWord = table.stems[t] != TermFeatureTable.noStem || flags & TermFeatureTable.numberFlag != 0
                if flags & TermFeatureTable.usFlag != 0 && !capitalised(i) {
                    // "us" the pronoun, not the country
                } else if !featureRange.isEmpty {
                    let boost: Float = flags & TermFeatureTable.numberFlag != 0 ? numberBoost
                        : (!first && capitalised(i) ? nameBoost : 1)
                    for p in featureRange { local.append((table.ids[p], boost)) }
                }
                if isWord { first = false }
                i += 1
            }
            guard !local.isEmpty else { continue }
            // Sorted and made unique here, in the parallel pass, rather than when concatenating.
            local = Self.sortedUnique(local)
            draft.sentences.append(Int32(s))
            for (f, b) in local {
                draft.features.append(f)
                draft.boosts.append(b)
            }
            draft.starts.append(draft.features.count)
            if let extra = options.extraFeatures { draft.extra.append(extra(doc, s)) }
        }
        return (draft, part)
    }
}
