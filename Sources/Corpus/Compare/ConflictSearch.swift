/// Conflicts between any two sentences of different groups about one subject and attribute,
/// whether or not a claim holds them: two desks can give one offer's price in sentences that
/// otherwise say different things ("the strikers, 3,000 of them, voted …" / "2,500 workers
/// walked out over the wage freeze"), and claims group sentences by what they state as a whole.
///
/// Every sentence with facts (`FactExtractor`) and a named subject (`FactContext.actor`) is
/// filed under each fact key and each word of its actor; a sentence is compared with the
/// sentences of other groups filed under its keys and the words of its names (`FactComparison`). A pair counts only when both
/// sentences are about the same subject (`FactContext.sameSubject` true, not unknown) and the
/// disagreeing facts share content words around them (the nearest word and one more, or three:
/// `FactContext.Attribute.sharedWords` ≥ 3): outside a claim nothing else says the two
/// sentences are about one thing. Disagreeing pairs of one key
/// that share a sentence make one report, as inside a claim.
enum ConflictSearch {
    /// A sentence with facts, as the search reads it.
    struct Entry {
        let reference: SentenceReference
        let document: Int
        let group: Int32
        let label: String
        let facts: [Fact]
        let context: FactContext
    }

    /// Files holding more sentences than this for one key and actor word are skipped: a word that
    /// common ("Australia", "police") does not say two sentences are about one thing.
    static let maxBucket = 120

    /// The conflicts between sentences of different groups of `corpus` (see the type's comment).
    static func conflicts(in corpus: Corpus, by grouping: GroupingKey, options: ConflictOptions,
                          cancellation: Cancellation) throws(WorkLimit) -> [Conflict] {
        let docs = corpus.documents
        var groupIDs: [String: Int32] = [:]
        let groups: [Int32] = docs.map { doc in
            let name = grouping.key(for: doc)
            if let id = groupIDs[name] { return id }
            let id = Int32(groupIDs.count)
            groupIDs[name] = id
            return id
        }
        let lexicon = corpus.index.lexicon
        let filter = FactSentenceFilter.shared(for: lexicon)
        let perDocument = try Parallel.map(docs.count, chunk: 8, cancellation: cancellation) { d throws(WorkLimit) in
            factSentences(of: docs[d], index: d, group: groups[d], options: options, filter: filter, lexicon: lexicon)
        }
        let entries = perDocument.flatMap { $0 }
        try cancellation.check()
        // File each entry under key + actor word.
        var files: [String: [Int]] = [:]
        for (e, entry) in entries.enumerated() {
            let keys = Set(entry.facts.map(\.key))
            for key in keys {
                for word in entry.context.actor where word.count >= 3 { files[key + "\u{1}" + word, default: []].append(e) }
            }
        }
        // Candidate pairs per key: an entry with each filed entry whose actor is among its names
        // ("Tessaly received an offer … from Harlan" meets "Harlan offered …").
        var candidates: [String: Set<Pair>] = [:]
        for (e, entry) in entries.enumerated() {
            for key in Set(entry.facts.map(\.key)) {
                for word in entry.context.nameWords where word.count >= 3 {
                    guard let list = files[key + "\u{1}" + word], list.count <= maxBucket else { continue }
                    for other in list where other != e {
                        let b = entries[other]
                        guard entry.document != b.document, entry.group != b.group else { continue }
                        candidates[key, default: []].insert(Pair(e, other))
                    }
                }
            }
        }
        try cancellation.check()
        var out: [Conflict] = []
        for key in candidates.keys.sorted() {
            guard let pairs = candidates[key] else { continue }
            var found: [(Int, Int, FactComparison)] = []
            for pair in pairs.sorted(by: { ($0.a, $0.b) < ($1.a, $1.b) }) {
                let a = entries[pair.a]
                let b = entries[pair.b]
                guard let c = FactComparison.compare(a.facts.filter { $0.key == key }, a.context,
                                                     b.facts.filter { $0.key == key }, b.context,
                                                     labels: (a.label, b.label), includeHedges: false),
                      c.differing, c.subject == true, c.strength >= 3 else { continue }
                found.append((pair.a, pair.b, c))
            }
            try cancellation.check()
            // Disagreeing pairs that share a sentence are one report.
            var parent: [Int: Int] = [:]
            func root(_ x: Int) -> Int {
                var r = x
                while let p = parent[r], p != r { r = p }
                return r
            }
            for (x, y, _) in found {
                if parent[x] == nil { parent[x] = x }
                if parent[y] == nil { parent[y] = y }
                let rx = root(x)
                let ry = root(y)
                if rx != ry { parent[max(rx, ry)] = min(rx, ry) }
            }
            var components: [Int: [(Int, Int, FactComparison)]] = [:]
            for pair in found { components[root(pair.0), default: []].append(pair) }
            for r in components.keys.sorted() {
                guard let members = components[r] else { continue }
                let ids = Array(Set(members.flatMap { [$0.0, $0.1] })).sorted {
                    let a = entries[$0]
                    let b = entries[$1]
                    return (a.document, a.reference.sentence) < (b.document, b.reference.sentence)
                }
                var local: [Int: Int] = [:]
                for (k, id) in ids.enumerated() { local[id] = k }
                let pairs = members.compactMap { m -> (Int, Int, FactComparison)? in
                    guard let x = local[m.0], let y = local[m.1] else { return nil }
                    return x < y ? (x, y, m.2) : nil
                }
                if let conflict = ConflictFinder.report(key: key, pairs: pairs, sentences: ids.map { entries[$0].reference },
                                                        facts: ids.map { entries[$0].facts }, labels: ids.map { entries[$0].label },
                                                        claim: nil, index: nil, options: options) {
                    out.append(conflict)
                }
            }
        }
        return out
    }

    /// Two entries, the smaller index first.
    struct Pair: Hashable {
        let a: Int
        let b: Int
        init(_ x: Int, _ y: Int) {
            a = min(x, y)
            b = max(x, y)
        }
    }

    /// The sentences of one document that state facts of `options.kinds` and name a subject.
    /// Only the sentences `filter` says may state a fact are read as strings (all of them when
    /// `options.extraFacts` may add facts anywhere); the words capitalised inside the others still
    /// count as known names (`FactContext.innerNames`), read from their term ids.
    static func factSentences(of doc: Document, index: Int, group: Int32, options: ConflictOptions,
                              filter: FactSentenceFilter, lexicon: Lexicon) -> [Entry] {
        let count = doc.sentenceCount
        guard count > 0 else { return [] }
        let reading = filter.read(doc)
        guard reading.aligned, reading.mayStateFact.count == count else {
            return factSentences(of: doc, index: index, group: group, options: options)
        }
        let inner = Set(reading.innerTerms)
        var out: [Entry] = []
        for s in 0..<count {
            var extra: [Fact] = []
            if let more = options.extraFacts { extra = more(doc, s).filter { options.kinds.contains($0.kind) } }
            guard reading.mayStateFact[s] || !extra.isEmpty else { continue }
            let tokens = SentenceTokens(doc.sentenceText(s))
            var facts = FactExtractor.facts(tokens).filter { options.kinds.contains($0.kind) }
            facts.append(contentsOf: extra)
            guard !facts.isEmpty else { continue }
            let context = FactContext(tokens, known: FactSentenceFilter.known(for: tokens, inner: inner, lexicon: lexicon))
            guard context.namesSubject else { continue }
            out.append(Entry(reference: SentenceReference(document: doc, sentence: s), document: index, group: group,
                             label: doc.source ?? doc.id, facts: facts, context: context))
        }
        return out
    }

    /// `factSentences` reading every sentence as strings (for a document whose tokens and term
    /// ids do not line up).
    static func factSentences(of doc: Document, index: Int, group: Int32, options: ConflictOptions) -> [Entry] {
        let count = doc.sentenceCount
        guard count > 0 else { return [] }
        let tokens = (0..<count).map { SentenceTokens(doc.sentenceText($0)) }
        let known = FactContext.innerNames(tokens)
        var out: [Entry] = []
        for s in 0..<count {
            var facts = FactExtractor.facts(tokens[s]).filter { options.kinds.contains($0.kind) }
            if let extra = options.extraFacts { facts.append(contentsOf: extra(doc, s).filter { options.kinds.contains($0.kind) }) }
            guard !facts.isEmpty else { continue }
            let context = FactContext(tokens[s], known: known)
            guard context.namesSubject else { continue }
            out.append(Entry(reference: SentenceReference(document: doc, sentence: s), document: index, group: group,
                             label: doc.source ?? doc.id, facts: facts, context: context))
        }
        return out
    }
}
