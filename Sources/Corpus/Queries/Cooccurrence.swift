import Foundation

/// `corpus.cooccurrence(_:)`: which entities (or terms) appear together in the same sentence,
/// paragraph or document, how often, and how much more often than chance.
///
///     var query = CooccurrenceQuery()
///     query.kinds = [.organization]
///     query.within = .sentence
///     query.minimumCount = 2
///     for pair in try corpus.cooccurrence(query) { print(pair.a, pair.b, pair.count, pair.pmi) }
public struct CooccurrenceQuery: Sendable {
    /// What is paired.
    public enum Items: String, Sendable, CaseIterable {
        /// Named entities (one item per entity, whatever name a mention uses).
        case entities
        /// Word terms (normalised forms), stopwords left out unless `stopwords` is nil.
        case terms
    }

    /// The span two items must share.
    public enum Span: String, Sendable, CaseIterable {
        case sentence, paragraph, document
    }

    /// How rows are ranked.
    public enum Ranking: String, Sendable, CaseIterable {
        /// Signed log-likelihood (G²): how sure the attraction is.
        case llr
        /// Pointwise mutual information: how exclusive the pair is.
        case pmi
        /// Spans shared.
        case count
    }

    public var items: Items = .entities
    /// Entities only: only these kinds (both members of a pair); nil for all.
    public var kinds: Set<EntityKind>?
    /// Entities only: only pairs of these entities (`Entity.id`); nil for all.
    public var entityIDs: Set<Int>?
    public var within: Span = .sentence
    /// Fewest spans a pair must share.
    public var minimumCount = 2
    /// Most rows returned; nil for all.
    public var limit: Int? = 100
    public var ranking: Ranking = .llr
    /// Terms only: terms to leave out; nil keeps all.
    public var stopwords: Stopwords? = .english

    public init() {}
}

/// One pair of a co-occurrence table: `a` and `b` (in first-name order), the spans they share
/// and the association scores, computed over the spans of the corpus (N) with `countA` and
/// `countB` the spans holding each.
public struct CooccurrencePair: @unchecked Sendable {
    public var a: String
    public var b: String
    /// The entities, when entities are paired.
    public var entityA: Entity?
    public var entityB: Entity?
    /// Spans holding both.
    public var count: Int
    public var countA: Int
    public var countB: Int
    /// log2(count · N / (countA · countB)).
    public var pmi: Double
    /// Signed log-likelihood (G²) of the pair's 2×2 table.
    public var llr: Double
    /// The documents holding both, in corpus order.
    public var documents: [Document] = []
    /// The pair's two ids packed (for the second pass that finds documents and examples).
    var key: UInt64 = 0
    /// The first sentence holding both (document and 0-based sentence index), when the span
    /// is a sentence.
    public var example: (document: Document, sentence: Int)?
}

extension Corpus {
    /// The pairs a `CooccurrenceQuery` asks for, best first. Reads the entity index (or the term
    /// ids of the token index): one pass over the corpus's spans, counting each pair once per
    /// span. `cancellation` is checked as documents are visited.
    public func cooccurrence(_ query: CooccurrenceQuery, cancellation: Cancellation = .none) throws(WorkLimit) -> [CooccurrencePair] {
        var spans = 0
        var single: [Int: Int] = [:]
        var pairs: [UInt64: Int] = [:]
        var ticker = cancellation.every(64)
        var names: [Int: String] = [:]
        var entityIndex: EntityIndex?
        // The tables are measured against the memory budget as they grow (about 40 bytes a pair).
        let meter = cancellation.meter("the co-occurrence table")
        var accounted = 0
        func measure() throws(WorkLimit) {
            let bytes = pairs.count * 40 + single.count * 32
            if bytes > accounted {
                try meter.add(bytes - accounted)
                accounted = bytes
            }
        }

        func count(_ members: inout [Int], singles: Bool = true, pairing: Bool = true) {
            members.sort()
            var previous = -1
            var distinct: [Int] = []
            for m in members where m != previous { distinct.append(m); previous = m }
            if singles { for m in distinct { single[m, default: 0] += 1 } }
            guard pairing, distinct.count > 1 else { return }
            for i in 0..<(distinct.count - 1) {
                let high = UInt64(UInt32(truncatingIfNeeded: distinct[i])) << 32
                for j in (i + 1)..<distinct.count {
                    pairs[high | UInt64(UInt32(truncatingIfNeeded: distinct[j])), default: 0] += 1
                }
            }
        }

        switch query.items {
        case .entities:
            let index = try self.entityIndex(cancellation: cancellation)
            entityIndex = index
            for doc in documents {
                try ticker.tick()
                let mentions = index.mentions(in: doc.index).filter { entity, _ in
                    (query.kinds?.contains(entity.kind) ?? true) && (query.entityIDs?.contains(entity.id) ?? true)
                }
                let starts = query.within == .paragraph ? doc.paragraphs.map(\.lowerBound) : []
                var current = -1
                var members: [Int] = []
                for (entity, mention) in mentions {
                    let key: Int
                    switch query.within {
                    case .sentence: key = mention.sentence
                    case .paragraph: key = Self.position(of: mention.range.lowerBound, in: starts)
                    case .document: key = 0
                    }
                    if key != current, !members.isEmpty { count(&members); members.removeAll(keepingCapacity: true) }
                    current = key
                    members.append(entity.id)
                }
                if !members.isEmpty { count(&members) }
                try measure()
                switch query.within {
                case .sentence: spans += doc.sentenceCount
                case .paragraph: spans += max(1, doc.paragraphCount)
                case .document: spans += 1
                }
            }
            for id in single.keys where id < index.entities.count { names[id] = index.entities[id].name }
        case .terms:
            let lexicon = index.lexicon
            let mask = TermMask(lexicon: lexicon, kinds: [.word], stopwords: query.stopwords)
            // The spans of every document as term-id lists, handed to `visit`.
            func spansOf(_ doc: Document, _ keep: (Int) -> Bool, _ visit: (inout [Int]) -> Void) {
                let terms = doc.terms.array
                let starts = query.within == .paragraph ? doc.paragraphs.map(\.lowerBound) : []
                var members: [Int] = []
                var current = -1
                for s in 0..<doc.sentenceCount {
                    let key: Int
                    switch query.within {
                    case .sentence: key = s
                    case .paragraph: key = Self.position(of: doc.sentenceBytes(s).lowerBound, in: starts)
                    case .document: key = 0
                    }
                    if key != current, !members.isEmpty { visit(&members); members.removeAll(keepingCapacity: true) }
                    current = key
                    for t in doc.sentenceTokens(s) where t < terms.count {
                        let id = Int(terms[t])
                        if keep(id) { members.append(id) }
                    }
                }
                if !members.isEmpty { visit(&members) }
            }
            // First the spans each term is in; then pairs of the terms in enough spans to make
            // a pair of `minimumCount` (most hapaxes never enter the pair table).
            for doc in documents {
                try ticker.tick()
                spansOf(doc, { mask[$0] }) { count(&$0, pairing: false) }
                switch query.within {
                case .sentence: spans += doc.sentenceCount
                case .paragraph: spans += max(1, doc.paragraphCount)
                case .document: spans += 1
                }
            }
            let least = max(1, query.minimumCount)
            var often = [Bool](repeating: false, count: lexicon.count)
            for (id, n) in single where n >= least && id < often.count { often[id] = true }
            for doc in documents {
                try ticker.tick()
                spansOf(doc, { often[$0] }) { count(&$0, singles: false) }
                try measure()
            }
            for id in single.keys where often[id] { names[id] = lexicon.term(id) }
        }

        let n = Double(max(spans, 1))
        var rows: [CooccurrencePair] = []
        for (key, shared) in pairs where shared >= max(1, query.minimumCount) {
            let x = Int(key >> 32), y = Int(key & 0xFFFF_FFFF)
            let cx = single[x] ?? shared, cy = single[y] ?? shared
            let table = ContingencyTable(Double(shared), Double(cx - shared), Double(cy - shared),
                                         n - Double(cx) - Double(cy) + Double(shared))
            let pmi = log2(Double(shared) * n / (Double(cx) * Double(cy)))
            var pair = CooccurrencePair(a: names[x] ?? "", b: names[y] ?? "", entityA: nil, entityB: nil, count: shared,
                                        countA: cx, countB: cy, pmi: pmi, llr: table.signedLogLikelihood)
            pair.key = key
            if let entityIndex {
                pair.entityA = entityIndex.entities[x]
                pair.entityB = entityIndex.entities[y]
            }
            rows.append(pair)
        }
        func score(_ p: CooccurrencePair) -> Double {
            switch query.ranking {
            case .llr: return p.llr
            case .pmi: return p.pmi
            case .count: return Double(p.count)
            }
        }
        rows.sort { l, r in
            let sl = score(l), sr = score(r)
            if sl != sr { return sl > sr }
            if l.count != r.count { return l.count > r.count }
            if l.a != r.a { return l.a.utf8.lexicographicallyPrecedes(r.a.utf8) }
            return l.b.utf8.lexicographicallyPrecedes(r.b.utf8)
        }
        if let limit = query.limit, rows.count > limit { rows.removeSubrange(limit...) }
        try findDocuments(&rows, query, entityIndex: entityIndex, cancellation: cancellation)
        // A sub-corpus shows its own copies of the entities (counts restricted to it).
        if parent != nil, entityIndex != nil, !rows.isEmpty {
            let own = Dictionary(entities().map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            for i in rows.indices {
                rows[i].entityA = rows[i].entityA.map { own[$0.id] ?? $0 }
                rows[i].entityB = rows[i].entityB.map { own[$0.id] ?? $0 }
            }
        }
        return rows
    }

    /// Second pass, over the kept rows only: the documents holding each pair, and the first
    /// sentence holding it when the span is a sentence.
    private func findDocuments(_ rows: inout [CooccurrencePair], _ query: CooccurrenceQuery, entityIndex: EntityIndex?,
                               cancellation: Cancellation) throws(WorkLimit) {
        guard !rows.isEmpty else { return }
        var members: [Int: [Int]] = [:]  // id → rows it takes part in
        for (i, row) in rows.enumerated() {
            members[Int(row.key >> 32), default: []].append(i)
            members[Int(row.key & 0xFFFF_FFFF), default: []].append(i)
        }
        var ticker = cancellation.every(64)
        for doc in documents {
            try ticker.tick()
            // The spans of this document, each as the sorted distinct ids it holds.
            var spans: [Int: Set<Int>] = [:]
            if let entityIndex {
                let starts = query.within == .paragraph ? doc.paragraphs.map(\.lowerBound) : []
                for (entity, mention) in entityIndex.mentions(in: doc.index) where members[entity.id] != nil {
                    let key: Int
                    switch query.within {
                    case .sentence: key = mention.sentence
                    case .paragraph: key = Self.position(of: mention.range.lowerBound, in: starts)
                    case .document: key = 0
                    }
                    spans[key, default: []].insert(entity.id)
                }
            } else {
                let terms = doc.terms.array
                let starts = query.within == .paragraph ? doc.paragraphs.map(\.lowerBound) : []
                for s in 0..<doc.sentenceCount {
                    let key: Int
                    switch query.within {
                    case .sentence: key = s
                    case .paragraph: key = Self.position(of: doc.sentenceBytes(s).lowerBound, in: starts)
                    case .document: key = 0
                    }
                    for t in doc.sentenceTokens(s) where t < terms.count && members[Int(terms[t])] != nil {
                        spans[key, default: []].insert(Int(terms[t]))
                    }
                }
            }
            var inDocument = Set<Int>()
            for (span, ids) in spans.sorted(by: { $0.key < $1.key }) where ids.count > 1 {
                for id in ids {
                    for i in members[id] ?? [] {
                        let key = rows[i].key
                        let x = Int(key >> 32), y = Int(key & 0xFFFF_FFFF)
                        guard id == x, ids.contains(y) else { continue }
                        if inDocument.insert(i).inserted { rows[i].documents.append(doc) }
                        if query.within == .sentence, rows[i].example == nil { rows[i].example = (doc, span) }
                    }
                }
            }
        }
    }

    /// The index of the last start at or before `offset` (0 when before the first).
    static func position(of offset: Int, in starts: [Int]) -> Int {
        var low = 0, high = starts.count
        while low < high {
            let mid = (low + high) / 2
            if starts[mid] <= offset { low = mid + 1 } else { high = mid }
        }
        return max(0, low - 1)
    }
}
