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
        /// The facts with what `FactComparison` reads around them, and the sentence's subject.
        let side: FactSide
        /// What the entry's comparisons depend on: entries alike in it compare alike.
        let likeness: Likeness

        /// The sentence as written, whether its first word counts as a known name (the only use
        /// `FactContext` makes of the document's other sentences) and the facts. The outlet is
        /// not part of it: it only names the sentences in a doubt (`FactComparison.Doubt`).
        /// A sentence of the shared reading (`FactSentences`) is known by its reading's number
        /// (one per distinct text) instead of its text and facts.
        struct Likeness: Hashable {
            let text: String
            let reading: Int32
            let firstKnown: Bool
            let facts: [Fact]
        }

        var actor: Set<String> { side.actor }
        var nameWords: Set<String> { side.nameWords }
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
        // The corpus's shared reading of its fact sentences, unless facts are plugged in per
        // sentence (`extraFacts`): then every sentence is read here, as before.
        let store = try options.extraFacts == nil ? FactSentences.of(corpus, cancellation: cancellation) : nil
        let perDocument = try Parallel.map(docs.count, chunk: 8, cancellation: cancellation) { d throws(WorkLimit) in
            if let store, store.aligned[d] {
                return factSentences(of: docs[d], index: d, group: groups[d], options: options, store: store)
            }
            return factSentences(of: docs[d], index: d, group: groups[d], options: options, filter: filter, lexicon: lexicon)
        }
        let entries = perDocument.flatMap { $0 }
        try cancellation.check()
        // Entries that read alike (the same sentence text: a story copied from desk to desk, or
        // one archive loaded twice) compare alike, so the files, the
        // candidate pairs and the comparisons are made per class of alike entries; the pairs of
        // entries are unfolded only where a comparison disagrees. Without this, a corpus holding
        // every story n times makes n² times the pairs.
        var classOf = [Int32](repeating: 0, count: entries.count)
        var members: [[Int]] = []
        var classIDs: [Entry.Likeness: Int32] = [:]
        for (e, entry) in entries.enumerated() {
            if let c = classIDs[entry.likeness] {
                classOf[e] = c
                members[Int(c)].append(e)
            } else {
                let c = Int32(members.count)
                classIDs[entry.likeness] = c
                classOf[e] = c
                members.append([e])
            }
        }
        classIDs = [:]
        // File each class under key + actor word, counting the entries filed.
        var files: [String: (classes: [Int32], entries: Int)] = [:]
        for (c, list) in members.enumerated() {
            let entry = entries[list[0]]
            for key in Set(entry.facts.map(\.key)) {
                for word in entry.actor where word.count >= 3 {
                    files[key + "\u{1}" + word, default: ([], 0)].classes.append(Int32(c))
                    files[key + "\u{1}" + word, default: ([], 0)].entries += list.count
                }
            }
        }
        // Candidate pairs of classes per key: a class with each filed class whose actor is among
        // its names ("Tessaly received an offer … from Harlan" meets "Harlan offered …"), gathered
        // in arrays, then sorted and made unique.
        var candidates: [String: [UInt64]] = [:]
        for (c, list) in members.enumerated() {
            let entry = entries[list[0]]
            for key in Set(entry.facts.map(\.key)) {
                for word in entry.nameWords where word.count >= 3 {
                    guard let file = files[key + "\u{1}" + word], file.entries <= maxBucket else { continue }
                    for other in file.classes { candidates[key, default: []].append(ClassPair(Int32(c), other).code) }
                }
            }
            if c % 4096 == 0 { try cancellation.check() }
        }
        files = [:]
        try cancellation.check()
        var out: [Conflict] = []
        for key in candidates.keys.sorted() {
            guard var classPairs = candidates[key] else { continue }
            classPairs.sort()
            var found: [(Int, Int, FactComparison)] = []
            // One comparison per ordered pair of classes (the entry of smaller index first, as
            // each pair of entries is compared).
            var compared: [UInt64: FactComparison?] = [:]
            func comparison(_ x: Int, _ y: Int) -> FactComparison? {
                let code = ClassPair.ordered(classOf[x], classOf[y])
                if let known = compared[code] { return known }
                let a = entries[x]
                let b = entries[y]
                var result = FactComparison.compare(a.side.only(key: key), b.side.only(key: key), includeHedges: false)
                if let c = result, !(c.differing && c.subject == true && c.strength >= 3) { result = nil }
                compared[code] = result
                return result
            }
            var previous: UInt64?
            for code in classPairs where code != previous {
                previous = code
                let pair = ClassPair(code: code)
                let first = members[Int(pair.a)]
                let second = members[Int(pair.b)]
                for x in first {
                    for y in second where x != y && (pair.a != pair.b || x < y) {
                        let a = entries[x]
                        let b = entries[y]
                        guard a.document != b.document, a.group != b.group else { continue }
                        let (p, q) = x < y ? (x, y) : (y, x)
                        if let c = comparison(p, q) { found.append((p, q, c)) }
                    }
                }
            }
            found.sort { ($0.0, $0.1) < ($1.0, $1.1) }
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

    /// Two classes of alike entries, unordered (the smaller id first), packed in one integer so
    /// that the candidates sort and deduplicate as plain numbers.
    struct ClassPair {
        let a: Int32
        let b: Int32
        init(_ x: Int32, _ y: Int32) {
            a = min(x, y)
            b = max(x, y)
        }
        init(code: UInt64) {
            a = Int32(truncatingIfNeeded: code >> 32)
            b = Int32(truncatingIfNeeded: code & 0xFFFF_FFFF)
        }
        var code: UInt64 { UInt64(UInt32(bitPattern: a)) << 32 | UInt64(UInt32(bitPattern: b)) }
        /// The code of the ordered pair (`x`, `y`), for caching a comparison one way round.
        static func ordered(_ x: Int32, _ y: Int32) -> UInt64 { UInt64(UInt32(bitPattern: x)) << 32 | UInt64(UInt32(bitPattern: y)) }
    }

    /// The sentences of document `index` that state facts of `options.kinds` and name a subject,
    /// from the corpus's shared reading (`FactSentences`): no sentence is read as strings here.
    /// A first word counts as a known name when the document capitalises it inside a sentence.
    static func factSentences(of doc: Document, index: Int, group: Int32, options: ConflictOptions,
                              store: FactSentences) -> [Entry] {
        let count = doc.sentenceCount
        guard count > 0, let first = store.id(document: index, sentence: 0) else { return [] }
        var inner: Set<UInt32>?
        let allKinds = options.kinds.count == Fact.Kind.allCases.count
        var out: [Entry] = []
        for s in 0..<count {
            let id = first + s
            guard let reading = store.reading(id) else { continue }
            var firstKnown = false
            if reading.firstWordMatters {
                if inner == nil { inner = Set(store.innerTerms[Int(store.innerStarts[first])..<Int(store.innerStarts[first + count])]) }
                firstKnown = store.firstKnown(id, in: inner ?? [])
            }
            let side = allKinds ? reading.side(firstKnown: firstKnown) : reading.side(firstKnown: firstKnown) { options.kinds.contains($0.kind) }
            guard !side.facts.isEmpty, side.namesSubject else { continue }
            out.append(Entry(reference: SentenceReference(document: doc, sentence: s), document: index, group: group,
                             label: doc.source ?? doc.id, facts: side.facts, side: side,
                             likeness: Entry.Likeness(text: "", reading: store.readingOf[id], firstKnown: firstKnown, facts: [])))
        }
        return out
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
            let text = doc.sentenceText(s)
            let tokens = SentenceTokens(text)
            var facts = FactExtractor.facts(tokens).filter { options.kinds.contains($0.kind) }
            facts.append(contentsOf: extra)
            guard !facts.isEmpty else { continue }
            let known = FactSentenceFilter.known(for: tokens, inner: inner, lexicon: lexicon)
            let context = FactContext(tokens, known: known)
            guard context.namesSubject else { continue }
            let label = doc.source ?? doc.id
            out.append(Entry(reference: SentenceReference(document: doc, sentence: s), document: index, group: group,
                             label: label, facts: facts, side: FactSide(facts: facts, context: context),
                             likeness: Entry.Likeness(text: text, reading: -1, firstKnown: !known.isEmpty, facts: facts)))
        }
        return out
    }

    /// `factSentences` reading every sentence as strings (for a document whose tokens and term
    /// ids do not line up).
    static func factSentences(of doc: Document, index: Int, group: Int32, options: ConflictOptions) -> [Entry] {
        let count = doc.sentenceCount
        guard count > 0 else { return [] }
        let texts = (0..<count).map { doc.sentenceText($0) }
        let tokens = texts.map(SentenceTokens.init)
        let known = FactContext.innerNames(tokens)
        var out: [Entry] = []
        for s in 0..<count {
            var facts = FactExtractor.facts(tokens[s]).filter { options.kinds.contains($0.kind) }
            if let extra = options.extraFacts { facts.append(contentsOf: extra(doc, s).filter { options.kinds.contains($0.kind) }) }
            guard !facts.isEmpty else { continue }
            let context = FactContext(tokens[s], known: known)
            guard context.namesSubject else { continue }
            let first = tokens[s].firstWord
            let label = doc.source ?? doc.id
            out.append(Entry(reference: SentenceReference(document: doc, sentence: s), document: index, group: group,
                             label: label, facts: facts, side: FactSide(facts: facts, context: context),
                             likeness: Entry.Likeness(text: texts[s], reading: -1,
                                                      firstKnown: first >= 0 && known.contains(tokens[s].norms[first]), facts: facts)))
        }
        return out
    }
}
