/// What each compared sentence states — its subject, its names, its facts with the words around
/// them — so that claims group sentences by what they say, not by the words they happen to share.
///
/// `ClaimFinder` uses it twice on the similarity join's links:
/// - **refine**: numbers do not count in a link's score when both sentences count something with
///   them and no such pair of counts is one fact (`numbersSayOtherThings`): "20 people died on
///   the roads" and "the 20-nation bloc met" share the number 20 and nothing they state.
/// - **fact links**: sentences of different groups that state the same fact of the same subject
///   (same key and value, the same subject named in both or documents telling one story, a
///   content word around the fact in common)
///   are linked even when the rest of the sentences differ ("4,200 workers at three Michigan
///   plants walked out" / "the strike by 4,200 workers").
struct ClaimStatements: @unchecked Sendable {
    /// One sentence's statement.
    struct Statement {
        var actor: Set<String> = []
        var nameWords: Set<String> = []
        var facts: [Fact] = []
        var attributes: [FactContext.Attribute] = []
        /// The actor and names of the document's lead (its first sentence naming one): what the
        /// story is about, for sentences that name no subject or another one.
        var story: (actor: Set<String>, nameWords: Set<String>) = ([], [])

        /// Whether two sentences are about the same subject (`FactContext.sameSubject`).
        func sameSubject(as other: Statement) -> Bool? {
            FactContext.sameSubject(actor, nameWords, other.actor, other.nameWords)
        }
    }

    /// Per compared sentence (the indices of `SentenceVectors`).
    let statements: [Statement]
    /// Per feature of the vectors: whether it is a number's value.
    let numberFeature: [Bool]

    /// Fact keys too common to say two sentences state one fact (a year, a month).
    static let weakKeys: Set<String> = ["year", "month"]

    /// Fact keys that link two sentences only when more words around the fact agree
    /// (`monthWords`): "the trip was initially scheduled for February but was delayed" / "the
    /// visit had been postponed in February" (a month, the visit and its postponement).
    static let contextKeys: Set<String> = ["month"]

    /// Content words around a month fact that two sentences must share (after stemming and the
    /// paraphrase table, the nearest counting twice) for the month to link them.
    static let monthWords = 3

    /// Reads the statement of every sentence of `vectors`.
    ///
    /// A sentence's statement matters only when it states a fact, or while its document's lead
    /// is looked for (the first sentence naming a subject). The facts come from the corpus's
    /// shared reading (`FactSentences`, one per distinct text); only sentences before the lead
    /// that state no fact are read here. The others keep an empty statement with the story. The
    /// words capitalised inside a document's compared sentences count as known names
    /// (`FactContext.innerNames`), read from their term ids.
    ///
    /// `factParts`: each document's part of the shared reading, read before (`SentenceVectors`).
    init(vectors: SentenceVectors, corpus: Corpus, factParts: [FactSentences.Part]? = nil,
         cancellation: Cancellation) throws(WorkLimit) {
        // Each document's compared sentences, as runs: the vectors hold them document by document
        // (ascending), but a document listed twice would still be one group.
        var grouped: [Int32: [Int]] = [:]
        var docs: [Int32] = []
        var runStarts: [Int] = []
        var ordered = true
        for s in 0..<vectors.count where s == 0 || vectors.documents[s] != vectors.documents[s - 1] {
            if let last = docs.last, vectors.documents[s] <= last { ordered = false }
            docs.append(vectors.documents[s])
            runStarts.append(s)
        }
        runStarts.append(vectors.count)
        if !ordered {
            for s in 0..<vectors.count { grouped[vectors.documents[s], default: []].append(s) }
            docs = Array(grouped.keys).sorted()
        }
        let byDocument = grouped
        let runs = runStarts
        let documentOrder = docs
        let inRuns = ordered
        let documents = corpus.documents
        let store = try FactSentences.of(corpus, parts: factParts, cancellation: cancellation)
        let parts = try Parallel.map(documentOrder.count, chunk: 8, cancellation: cancellation) { k throws(WorkLimit) -> [(Int, Statement)] in
            let d = Int(documentOrder[k])
            let doc = documents[d]
            let members = inRuns ? Array(runs[k]..<runs[k + 1]) : byDocument[documentOrder[k]] ?? []
            let ids = members.map { store.id(document: d, sentence: Int(vectors.sentences[$0])) }
            guard ids.allSatisfy({ $0 != nil }) else { return Self.readAll(members, of: doc, vectors: vectors) }
            var inner = Set<UInt32>()
            for id in ids { if let id { inner.formUnion(store.inner(id)) } }
            var out: [(Int, Statement)] = []
            out.reserveCapacity(members.count)
            var lead: Statement?
            for (m, id) in zip(members, ids) {
                guard let id else { continue }
                let stored = store.reading(id)
                guard lead == nil || stored != nil else {
                    out.append((m, Statement()))
                    continue
                }
                // Before the lead, a sentence stating no fact is still read for its subject (its
                // facts are known to be none: the shared reading holds every sentence stating one).
                let reading = stored ?? FactReading(SentenceTokens(doc.sentenceText(Int(vectors.sentences[m]))), facts: [])
                let subject = reading.subject(firstKnown: store.firstKnown(id, in: inner))
                let statement = Statement(actor: subject.actor, nameWords: subject.nameWords, facts: reading.facts,
                                          attributes: reading.attributes)
                if lead == nil, !statement.actor.isEmpty { lead = statement }
                out.append((m, statement))
            }
            if let lead {
                for k in out.indices { out[k].1.story = (lead.actor, lead.nameWords) }
            }
            return out
        }
        var statements = [Statement](repeating: Statement(), count: vectors.count)
        for part in parts { for (s, statement) in part { statements[s] = statement } }
        self.statements = statements
        numberFeature = vectors.keys.map { $0.first.map { $0.isNumber } ?? false }
    }

    /// The statements of one document's compared sentences `members`, every one read as strings
    /// (for a document whose tokens and term ids do not line up).
    static func readAll(_ members: [Int], of doc: Document, vectors: SentenceVectors) -> [(Int, Statement)] {
        let tokens = members.map { SentenceTokens(doc.sentenceText(Int(vectors.sentences[$0]))) }
        let known = FactContext.innerNames(tokens)
        var out: [(Int, Statement)] = members.indices.map { m in
            let context = FactContext(tokens[m], known: known)
            let facts = FactExtractor.facts(tokens[m])
            return (members[m], Statement(actor: context.actor, nameWords: context.nameWords, facts: facts,
                                          attributes: facts.map { context.attribute(of: $0) }))
        }
        if let lead = out.first(where: { !$0.1.actor.isEmpty })?.1 {
            for k in out.indices { out[k].1.story = (lead.actor, lead.nameWords) }
        }
        return out
    }

    /// Whether the documents of sentences `a` and `b` tell one story: their leads are about the
    /// same subject (`FactContext.sameSubject`); nil when a lead names none.
    func sameStory(_ a: Int, _ b: Int) -> Bool? {
        let x = statements[a].story
        let y = statements[b].story
        return FactContext.sameSubject(x.actor, x.nameWords, y.actor, y.nameWords)
    }

    /// Whether both sentences count something with the same number and no such pair of counts is
    /// one fact (same key, words around them in common): "20 people died on the roads" / "the
    /// 20-nation bloc met". A number only one of them reads as a fact proves nothing.
    func numbersSayOtherThings(_ a: Int, _ b: Int) -> Bool {
        let x = statements[a]
        let y = statements[b]
        var common = false
        for (i, fa) in x.facts.enumerated() where fa.kind == .number {
            for (j, fb) in y.facts.enumerated() where fb.kind == .number && !fa.values.isDisjoint(with: fb.values) {
                common = true
                if fa.key == fb.key && !x.attributes[i].isPlacedApart(from: y.attributes[j])
                    && x.attributes[i].score(y.attributes[j]) > 0 { return false }
            }
        }
        return common
    }

    /// Whether two sentences stating one fact are about one thing: the same subject, documents
    /// telling one story, or one's subject (or its story's) among the other's names; for a
    /// specific value (`isSpecific`) a name their stories share is enough.
    func related(_ a: Int, _ b: Int, specific: Bool) -> Bool {
        let x = statements[a]
        let y = statements[b]
        if x.sameSubject(as: y) == true || sameStory(a, b) == true { return true }
        // The names of each side are its own name words and its story's, read from both sets in
        // place (no union is made per pair).
        func named(_ actor: Set<String>, in names: Set<String>, _ more: Set<String>) -> Bool {
            !actor.isEmpty && actor.allSatisfy { names.contains($0) || more.contains($0) }
        }
        if named(x.actor, in: y.nameWords, y.story.nameWords) || named(x.story.actor, in: y.nameWords, y.story.nameWords)
            || named(y.actor, in: x.nameWords, x.story.nameWords) || named(y.story.actor, in: x.nameWords, x.story.nameWords) {
            return true
        }
        guard specific else { return false }
        return !(x.nameWords.isDisjoint(with: y.nameWords) && x.nameWords.isDisjoint(with: y.story.nameWords)
            && x.story.nameWords.isDisjoint(with: y.nameWords) && x.story.nameWords.isDisjoint(with: y.story.nameWords))
    }

    /// A value few unrelated sentences share: a count of 100 or more, a fraction, or a rate
    /// ("4,200 workers", "15.8 mln barrels a day", "42 dlrs a share"); not "three years".
    static func isSpecific(_ fact: Fact) -> Bool {
        guard fact.kind == .number, let value = fact.values.first.flatMap(Double.init) else { return fact.kind == .date }
        return value >= 100 || value != value.rounded() || fact.key.contains(" a ")
    }

    /// Whether sentences `a` and `b` state one fact: the same key, compatible values, and the words
    /// around them in common (at least `shared` content words, `FactContext.Attribute.sharedWords`;
    /// with 0, any word or name), not placed at two places.
    func shareFact(_ a: Int, _ b: Int, shared: Int = 0, skipping skipped: Set<String> = []) -> Bool {
        let x = statements[a]
        let y = statements[b]
        for (i, fa) in x.facts.enumerated() where !skipped.contains(fa.key) {
            for (j, fb) in y.facts.enumerated() where fa.key == fb.key && fa.isCompatible(with: fb) {
                let wa = x.attributes[i]
                let wb = y.attributes[j]
                guard !wa.isPlacedApart(from: wb) else { continue }
                if shared == 0 ? wa.score(wb) > 0 : wa.sharedWords(wb) >= shared { return true }
            }
        }
        return false
    }

    /// The links rescored without their numbers where the numbers say other things
    /// (`numbersSayOtherThings`); links below `threshold` after that are dropped.
    /// The links are rescored in parallel chunks and come back in their order.
    func refine(_ links: [SentenceLink], vectors: SentenceVectors, threshold: Float,
                cancellation: Cancellation = .none) throws(WorkLimit) -> [SentenceLink] {
        let chunk = 4096
        let parts = try Parallel.map((links.count + chunk - 1) / chunk, chunk: 1, cancellation: cancellation,
                                     reports: false) { c -> [SentenceLink] in
            links[c * chunk..<min(links.count, (c + 1) * chunk)].compactMap { link in
                let a = Int(link.a)
                let b = Int(link.b)
                var out = link
                if numbersSayOtherThings(a, b) {
                    let (dot, numbers) = vectors.dot(a, b, marked: numberFeature)
                    if numbers > 0 { out.score = vectors.score(dot: dot - numbers, a, b) }
                }
                return out.score >= threshold ? out : nil
            }
        }
        return parts.flatMap { $0 }
    }

    /// Links between sentences of different groups stating the same fact of the same subject
    /// (see the type's comment), each scored `score`; pairs already in `existing` are skipped.
    ///
    /// Sentences are filed by fact key and value; the files are checked in parallel (each against
    /// the existing links only) and their links merged in the files' name order, a pair linked by
    /// an earlier file skipped in a later one: the links of checking the files one by one.
    func factLinks(vectors: SentenceVectors, existing: [SentenceLink], score: Float, maxFile: Int = 64,
                   cancellation: Cancellation = .none) throws(WorkLimit) -> [SentenceLink] {
        var files: [String: (list: [Int], specific: Bool)] = [:]
        for (s, statement) in statements.enumerated() where !statement.actor.isEmpty || !statement.story.actor.isEmpty {
            for fact in statement.facts where fact.kind != .name
                && (!Self.weakKeys.contains(fact.key) || Self.contextKeys.contains(fact.key)) {
                // The value as written, not its hedged range ("about 4,200 workers" files as 4200).
                let value = fact.values.isEmpty ? fact.range.map { "\($0.lowerBound)" } ?? "" : fact.values.sorted().joined(separator: "|")
                let name = fact.key + "\u{1}" + value
                files[name, default: ([], false)].list.append(s)
                files[name, default: ([], false)].specific = Self.isSpecific(fact)
            }
        }
        let checked: [(key: String, list: [Int], specific: Bool)] = files.keys.sorted().compactMap { name in
            guard let file = files[name], file.list.count >= 2, file.list.count <= maxFile else { return nil }
            return (String(name.prefix { $0 != "\u{1}" }), file.list, file.specific)
        }
        files = [:]
        try cancellation.check()
        let known = try PairSet(existing, minimumScore: score, cancellation: cancellation)
        let found = try Parallel.map(checked.count, chunk: 64, cancellation: cancellation, reports: false) { f -> [SentenceLink] in
            let (key, list, specific) = checked[f]
            // A month is common: it links only with more words around it in common.
            let isContext = Self.contextKeys.contains(key)
            let shared = isContext ? Self.monthWords : 1
            let skipped = isContext ? Self.weakKeys.subtracting([key]) : Self.weakKeys
            var out: [SentenceLink] = []
            for i in 0..<list.count {
                for j in (i + 1)..<list.count {
                    let a = list[i]
                    let b = list[j]
                    guard vectors.groups[a] != vectors.groups[b], vectors.documents[a] != vectors.documents[b] else { continue }
                    guard !known.contains(ClaimClustering.pairKey(a, b)), related(a, b, specific: specific),
                          shareFact(a, b, shared: shared, skipping: skipped) else { continue }
                    out.append(SentenceLink(a: Int32(a), b: Int32(b), score: max(score, vectors.similarity(a, b))))
                }
            }
            return out
        }
        var linked = Set<UInt64>()
        var out: [SentenceLink] = []
        for list in found {
            for link in list where linked.insert(ClaimClustering.pairKey(Int(link.a), Int(link.b))).inserted { out.append(link) }
        }
        return out
    }

    /// The pairs of sentences (`ClaimClustering.pairKey`) of links scoring at least a minimum, in
    /// shards by the pair's hash, each shard built on its own core.
    struct PairSet: Sendable {
        let shards: [Set<UInt64>]
        static let shardBits: UInt64 = 3

        init(_ links: [SentenceLink], minimumScore: Float, cancellation: Cancellation) throws(WorkLimit) {
            let count = 1 << Int(Self.shardBits)
            shards = try Parallel.map(count, chunk: 1, cancellation: cancellation, reports: false) { k -> Set<UInt64> in
                var set = Set<UInt64>(minimumCapacity: links.count / count + 16)
                for link in links where link.score >= minimumScore {
                    let pair = ClaimClustering.pairKey(Int(link.a), Int(link.b))
                    if Self.shard(pair) == k { set.insert(pair) }
                }
                return set
            }
        }

        @inline(__always)
        static func shard(_ pair: UInt64) -> Int { Int(truncatingIfNeeded: (pair &* 0x9E37_79B9_7F4A_7C15) >> (64 - shardBits)) }

        func contains(_ pair: UInt64) -> Bool { shards[Self.shard(pair)].contains(pair) }
    }
}
