/// A disagreement: sentences of different documents state different dates, numbers or names for
/// the same detail of the same subject ("on Tuesday" / "On Wednesday" for the same phone call).
public struct Conflict: Sendable {
    /// Date, number or name.
    public var kind: Fact.Kind
    /// The detail they disagree on ("weekday", "number of year", "spelling", "role: foreign minister").
    public var key: String
    /// The differing values as written, one per distinct reading, in sentence order.
    public var values: [String]
    /// The claim the sentences belong to; for a conflict found outside the claims, a claim made of
    /// the conflict's sentences (`claimIndex` nil).
    public var claim: Claim
    /// The claim's position in the list of claims the conflicts were found in; nil when the
    /// sentences are in no claim (found by comparing every sentence about the subject), and then
    /// `claim` holds just the conflict's sentences.
    public var claimIndex: Int?
    /// The sentences that state the detail (those that disagree, and any that agree with one side).
    public var sentences: [SentenceReference]
    /// True when the values cannot all be true; false when they only differ in precision or
    /// hedging ("nearly five years" / "five years", "this weekend" / "Sunday").
    public var certain: Bool
    /// A one-line explanation ("weekday: Tuesday (NewsTrack) vs Wednesday (The Guardian)").
    public var reason: String
}

/// Settings of `ConflictFinder`.
public struct ConflictOptions: Sendable {
    /// Also report details that differ only in precision or hedging (`certain == false`).
    public var includeHedges = false
    /// The kinds of detail to check.
    public var kinds: Set<Fact.Kind> = Set(Fact.Kind.allCases)
    /// More facts per sentence, e.g. from entity resolution or date normalisation; compared like
    /// the built-in ones (same key, incompatible values → conflict).
    public var extraFacts: (@Sendable (Document, Int) -> [Fact])?

    /// Default options.
    public init() {}
}

/// Finds claims whose sentences disagree on a detail.
///
/// For each claim, every sentence's facts (`FactExtractor`) are grouped by key. Two sentences
/// disagree on a key when none of the first one's facts for it is compatible with any of the
/// second's (different weekdays, days, years, counts of the same unit, names for the same
/// titled role). Names spelled differently ("Antony" / "Anthony": same first letter, edit
/// distance 1–2, both at least four letters) are reported as kind `name`, key `spelling`.
/// A sentence that does not mention the detail never disagrees.
public enum ConflictFinder {
    /// The conflicts within `claims`, in claim order.
    /// The same disagreement found in two claims that share its sentences is reported once.
    public static func conflicts(in claims: [Claim], options: ConflictOptions = ConflictOptions()) -> [Conflict] {
        Cancellation.uninterrupted { token throws(WorkLimit) in try conflicts(in: claims, options: options, cancellation: token) }
    }

    /// `conflicts(in:options:)` checking `cancellation` as the claims are compared.
    public static func conflicts(in claims: [Claim], options: ConflictOptions = ConflictOptions(),
                                 cancellation: Cancellation) throws(WorkLimit) -> [Conflict] {
        try conflicts(in: claims, options: options, shared: nil, cancellation: cancellation)
    }

    /// `conflicts(in:options:cancellation:)` reading the claims' sentences from `shared` (the
    /// shared reading of the corpus the claims were found in) where it holds them.
    static func conflicts(in claims: [Claim], options: ConflictOptions, shared: (store: FactSentences, corpus: Corpus)?,
                          cancellation: Cancellation) throws(WorkLimit) -> [Conflict] {
        let found = try Parallel.map(claims.count, chunk: 16, cancellation: cancellation) { i throws(WorkLimit) in
            if let shared, options.extraFacts == nil, let read = stored(claims[i], store: shared.store, corpus: shared.corpus) {
                return conflicts(in: claims[i], index: i, options: options, read: read)
            }
            return conflicts(in: claims[i], index: i, options: options)
        }
        var seen = Set<[String]>()
        var out: [Conflict] = []
        for list in found {
            for conflict in list {
                let identity = [conflict.key] + conflict.values
                    + conflict.sentences.map { "\($0.document.index):\($0.sentence)" }
                if seen.insert(identity).inserted { out.append(conflict) }
            }
        }
        return out
    }

    /// The conflicts of `corpus`: those inside its claims, and those between any two sentences
    /// of different groups about one subject and attribute (`ConflictSearch`), each once.
    public static func conflicts(in corpus: Corpus, by grouping: GroupingKey = .source,
                                 claimOptions: ClaimOptions = ClaimOptions(),
                                 options: ConflictOptions = ConflictOptions()) -> [Conflict] {
        Cancellation.uninterrupted { token throws(WorkLimit) in
            let claims = try ClaimFinder.claims(in: corpus, by: grouping, options: claimOptions, cancellation: token)
            return try conflicts(in: corpus, claims: claims, by: grouping, options: options, cancellation: token)
        }
    }

    /// The conflicts inside `claims` (the claims of `corpus` by `grouping`, found before), then
    /// those `ConflictSearch` finds between sentences about one subject and attribute that no
    /// conflict inside a claim already reports. A conflict found outside the claims gets the
    /// claim holding all its sentences, if one does.
    public static func conflicts(in corpus: Corpus, claims: [Claim], by grouping: GroupingKey = .source,
                                 options: ConflictOptions = ConflictOptions(),
                                 cancellation: Cancellation) throws(WorkLimit) -> [Conflict] {
        // An archive's stored conflicts answer the default question about its stored claims.
        if let saved = corpus.savedConflicts(claims: claims, by: grouping, options: options) { return saved }
        let store = try options.extraFacts == nil ? FactSentences.of(corpus, cancellation: cancellation) : nil
        var out = try conflicts(in: claims, options: options, shared: store.map { (store: $0, corpus: corpus) }, cancellation: cancellation)
        var covered: [String: Set<SentenceReference>] = [:]
        for c in out { covered[c.key, default: []].formUnion(c.sentences) }
        var claimsOf: [SentenceReference: [Int]] = [:]
        for (i, claim) in claims.enumerated() { for s in claim.sentences { claimsOf[s, default: []].append(i) } }
        for var conflict in try ConflictSearch.conflicts(in: corpus, by: grouping, options: options, cancellation: cancellation) {
            if let known = covered[conflict.key], conflict.sentences.allSatisfy(known.contains) { continue }
            var holders = Set(claimsOf[conflict.sentences[0]] ?? [])
            for s in conflict.sentences.dropFirst() { holders.formIntersection(claimsOf[s] ?? []) }
            if let i = holders.min() {
                conflict.claim = claims[i]
                conflict.claimIndex = i
            }
            covered[conflict.key, default: []].formUnion(conflict.sentences)
            out.append(conflict)
        }
        // The shared reading served the claims' statements and these conflicts: it is let go.
        FactSentences.release(corpus)
        if corpus.parent == nil, case .source = grouping, options.isDefault {
            corpus.analysisWriteBack?.conflictsComputed(out, in: claims)
        }
        return out
    }

    /// The conflicts of one claim.
    ///
    /// Two facts of sentences of different documents are compared when they have the same key,
    /// their sentences are about the same subject (`FactContext.sameSubject`) and the facts share an
    /// attribute word (or one has none). Per key, the pairs of sentences whose compared facts are
    /// all incompatible disagree; the conflict is `certain` when one such pair names the subject and
    /// the attribute in both sentences and neither value is hedged.
    static func conflicts(in claim: Claim, index: Int, options: ConflictOptions) -> [Conflict] {
        let sentences = claim.sentences
        let tokens = sentences.map { SentenceTokens($0.text) }
        // A sentence whose terms can start no fact (`FactSentenceFilter`) is not searched for one.
        let filter = sentences.first.map { FactSentenceFilter.shared(for: $0.document.lexicon) }
        var facts: [[Fact]] = zip(sentences, tokens).map { s, t in
            filter?.mayStateFact(s.document, sentence: s.sentence, tokens: t) == false ? [] : FactExtractor.facts(t)
        }
        if let extra = options.extraFacts {
            for (k, s) in sentences.enumerated() { facts[k].append(contentsOf: extra(s.document, s.sentence)) }
        }
        let known = FactContext.innerNames(tokens)
        // Only sentences with facts are compared, so only they need their context.
        let sides: [FactSide?] = zip(tokens, facts).map { t, f in f.isEmpty ? nil : FactSide(facts: f, context: FactContext(t, known: known)) }
        // Sentences alike (the same text stating the same facts, with the same first-word
        // reading; the outlet only names them in a doubt) compare alike.
        var classIDs: [ClaimSentenceLikeness: Int] = [:]
        let classOf: [Int] = sentences.indices.map { x in
            let t = tokens[x]
            let firstKnown = t.firstWord >= 0 && known.contains(t.norms[t.firstWord])
            let likeness = ClaimSentenceLikeness(text: sentences[x].text, firstKnown: firstKnown, facts: facts[x])
            if let c = classIDs[likeness] { return c }
            classIDs[likeness] = classIDs.count
            return classIDs.count - 1
        }
        let read = ClaimReading(facts: facts, sides: sides, classOf: classOf, classCount: classIDs.count,
                                names: options.kinds.contains(.name) ? tokens.map(FactExtractor.names) : [])
        return conflicts(in: claim, index: index, options: options, read: read)
    }

    /// A claim's sentences as its conflicts are found from them: per sentence its facts, what
    /// `FactComparison` compares (nil without facts), its class of alike sentences, its names.
    struct ClaimReading {
        var facts: [[Fact]]
        var sides: [FactSide?]
        var classOf: [Int]
        var classCount: Int
        /// Per sentence, for spelling variants (empty when names are not compared).
        var names: [[String]]
    }

    /// A claim's sentences read from the corpus's shared reading (`FactSentences`): nil when one
    /// of them is not in it (then they are read as strings). A first word counts as a known name
    /// when some sentence of the claim capitalises it inside, as `FactContext.innerNames` reads it.
    static func stored(_ claim: Claim, store: FactSentences, corpus: Corpus) -> ClaimReading? {
        var ids: [Int] = []
        ids.reserveCapacity(claim.sentences.count)
        for s in claim.sentences {
            guard let d = corpus.position(of: s.document), let id = store.id(document: d, sentence: s.sentence) else { return nil }
            ids.append(id)
        }
        var known = Set<UInt32>()
        for id in ids { known.formUnion(store.inner(id)) }
        var facts: [[Fact]] = []
        var sides: [FactSide?] = []
        var classOf: [Int] = []
        var classIDs: [Int: Int] = [:]
        for id in ids {
            guard let reading = store.reading(id) else {
                facts.append([])
                sides.append(nil)
                // Sentences without facts are never compared: one class for all of them.
                if classIDs[-1] == nil { classIDs[-1] = classIDs.count }
                classOf.append(classIDs[-1] ?? 0)
                continue
            }
            let firstKnown = reading.firstWordMatters && store.firstKnown(id, in: known)
            facts.append(reading.facts)
            sides.append(reading.side(firstKnown: firstKnown))
            let code = Int(store.readingOf[id]) * 2 + (firstKnown ? 1 : 0)
            if let c = classIDs[code] { classOf.append(c) } else {
                classIDs[code] = classIDs.count
                classOf.append(classIDs.count - 1)
            }
        }
        // Names for spelling variants, once per distinct text of the claim.
        var namesOf: [String: [String]] = [:]
        let names: [[String]] = claim.sentences.map { s in
            let text = s.text
            if let known = namesOf[text] { return known }
            let found = FactExtractor.names(in: text)
            namesOf[text] = found
            return found
        }
        return ClaimReading(facts: facts, sides: sides, classOf: classOf, classCount: classIDs.count, names: names)
    }

    /// The conflicts of one claim read as `read`.
    static func conflicts(in claim: Claim, index: Int, options: ConflictOptions, read: ClaimReading) -> [Conflict] {
        let sentences = claim.sentences
        let facts = read.facts
        let classOf = read.classOf
        let classCount = read.classCount
        let someAlike = classCount < sentences.count
        let label = labels(claim)
        var out: [Conflict] = []
        var keys: [String] = []
        for list in facts {
            for fact in list where options.kinds.contains(fact.kind) && !keys.contains(fact.key) { keys.append(fact.key) }
        }
        for key in keys {
            // Only sentences stating the key compare (a pair with one side silent never does),
            // so a big claim costs its stating pairs, not all pairs.
            var holders: [(Int, FactSide)] = []
            for x in 0..<facts.count {
                guard let stated = read.sides[x]?.only(key: key), !stated.facts.isEmpty else { continue }
                holders.append((x, stated))
            }
            var pairs: [(Int, Int, FactComparison)] = []
            var compared: [Int: FactComparison?] = [:]
            for i in holders.indices {
                let (x, sx) = holders[i]
                for (y, sy) in holders[(i + 1)...] where sentences[x].document !== sentences[y].document {
                    let code = classOf[x] * classCount + classOf[y]
                    let result: FactComparison?
                    if someAlike, let known = compared[code] { result = known } else {
                        result = FactComparison.compare(sx, sy, includeHedges: options.includeHedges)
                        if someAlike { compared[code] = result }
                    }
                    if let c = result { pairs.append((x, y, c)) }
                }
            }
            if let conflict = report(key: key, pairs: pairs, sentences: sentences, facts: facts, labels: label,
                                     claim: claim, index: index, options: options) {
                out.append(conflict)
            }
        }
        if options.kinds.contains(.name) {
            out.append(contentsOf: spellings(claim, index: index, names: read.names, label: label))
        }
        return out
    }

    /// One conflict from the compared pairs of sentences of one key (nil when none disagrees, or
    /// when they give four or more values: a list told on one template, not outlets disagreeing).
    static func report(key: String, pairs: [(Int, Int, FactComparison)], sentences: [SentenceReference],
                       facts: [[Fact]], labels label: [String], claim: Claim?, index: Int?,
                       options: ConflictOptions) -> Conflict? {
        var involved: [Int] = []
        var isInvolved = Set<Int>()
        var shown: [Int: [Fact]] = [:]
        var contradiction = false
        var certain = false
        var doubts: [String] = []
        for (x, y, c) in pairs {
            for k in [x, y] where isInvolved.insert(k).inserted { involved.append(k) }
            for (fa, fb, _) in c.compared {
                if !(shown[x]?.contains(fa) ?? false) { shown[x, default: []].append(fa) }
                if !(shown[y]?.contains(fb) ?? false) { shown[y, default: []].append(fb) }
            }
            guard c.differing else { continue }
            contradiction = true
            if c.certain { certain = true } else if let doubt = c.doubt { doubts.append(doubt.text(labels: (label[x], label[y]))) }
        }
        guard !involved.isEmpty, contradiction || options.includeHedges else { return nil }
        // Four or more different values of one detail are a list of different things told on
        // one template (popes' reigns, Nobel years, counts of awards), not outlets disagreeing.
        var readings = Set<String>()
        for k in involved { for f in shown[k] ?? [] { readings.insert(f.range.map { "\($0)" } ?? f.values.sorted().joined(separator: "|")) } }
        guard readings.count <= 3 else { return nil }
        involved.sort()
        let values = distinct(involved.map { (shown[$0] ?? []).map(\.text).joined(separator: ", ") })
        guard values.count >= 2 else { return nil }
        let kind = facts[involved[0]].first { $0.key == key }?.kind ?? .number
        var reason = key + ": " + involved.map { "\((shown[$0] ?? []).map(\.text).joined(separator: ", ")) (\(label[$0]))" }
            .joined(separator: " vs ")
        let isCertain = contradiction && certain
        if !isCertain {
            let why = contradiction ? distinct(doubts).joined(separator: "; ") : "they differ only in precision"
            reason += " — not certain: " + why
        }
        let refs = involved.map { sentences[$0] }
        let holder = claim ?? Claim(text: refs[0].text, sentences: refs, sources: distinct(involved.map { label[$0] }),
                                    score: 0, central: 0)
        return Conflict(kind: kind, key: key, values: values, claim: holder, claimIndex: index,
                        sentences: refs, certain: isCertain, reason: reason)
    }

    /// Names spelled differently in two sentences of a claim.
    static func spellings(_ claim: Claim, index: Int, names: [[String]], label: [String]) -> [Conflict] {
        var out: [Conflict] = []
        var reported = Set<String>()
        // A big claim repeats its names in many sentences: names are numbered, and each pair of
        // them is judged once.
        var numbers: [String: Int] = [:]
        var distinct: [String] = []
        let coded: [[Int]] = names.map { list in
            list.map { name in
                if let n = numbers[name] { return n }
                numbers[name] = distinct.count
                distinct.append(name)
                return distinct.count - 1
            }
        }
        var judged: [Int: Bool] = [:]
        func variant(_ a: Int, _ b: Int) -> Bool {
            let pair = a * distinct.count + b
            if let known = judged[pair] { return known }
            let answer = isVariant(distinct[a], distinct[b])
            judged[pair] = answer
            return answer
        }
        // A sentence naming exactly the names of an earlier one finds only what that one found
        // (its pairs with later sentences were all visited from the earlier one), and in one row
        // a sentence repeating an earlier one's names adds nothing: both are skipped, so a claim
        // holding one story n times costs its distinct name lists, not n² pairs.
        var listIDs: [[Int]: Int] = [:]
        let listOf: [Int] = coded.map { list in
            if let id = listIDs[list] { return id }
            listIDs[list] = listIDs.count
            return listIDs.count - 1
        }
        var visitedIn = [Int](repeating: -1, count: listIDs.count)
        var rowOf = [Int](repeating: -1, count: listIDs.count)
        for x in 0..<coded.count {
            guard visitedIn[listOf[x]] < 0 else { continue }
            visitedIn[listOf[x]] = x
            guard !coded[x].isEmpty else { continue }
            for y in (x + 1)..<coded.count {
                guard rowOf[listOf[y]] != x else { continue }
                rowOf[listOf[y]] = x
                for ia in coded[x] where !coded[y].contains(ia) {
                    for ib in coded[y] where !coded[x].contains(ib) && variant(ia, ib) {
                        let a = distinct[ia]
                        let b = distinct[ib]
                        let pair = [a, b].sorted().joined(separator: "|")
                        guard reported.insert(pair).inserted else { continue }
                        out.append(Conflict(kind: .name, key: "spelling", values: [a, b], claim: claim, claimIndex: index,
                                            sentences: [claim.sentences[x], claim.sentences[y]], certain: false,
                                            reason: "spelling: \(a) (\(label[x])) vs \(b) (\(label[y]))"
                                                + " — not certain: two similar names may be two people"))
                    }
                }
            }
        }
        return out
    }

    /// Whether two capitalised words look like one name spelled two ways.
    static func isVariant(_ a: String, _ b: String) -> Bool {
        let x = Array(a.lowercased())
        let y = Array(b.lowercased())
        guard x.count >= 4, y.count >= 4, x.first == y.first, x != y else { return false }
        // Plurals, possessives and a place's adjective ("Australia"/"Australian", "Israel"/"Israeli",
        // "Africa"/"African") are not spellings.
        let (shorter, longer) = x.count <= y.count ? (x, y) : (y, x)
        if longer.starts(with: shorter), ["s", "n", "an", "i", "ian", "ese", "ish", "'s"].contains(String(longer[shorter.count...])) {
            return false
        }
        if WordStemmer.stem(String(x)) == WordStemmer.stem(String(y)) { return false }
        let limit = min(2, min(x.count, y.count) / 4)
        guard limit >= 1, abs(x.count - y.count) <= limit else { return false }
        return editDistance(x, y, limit: limit) <= limit
    }

    /// Levenshtein distance, stopping early above `limit`.
    static func editDistance(_ a: [Character], _ b: [Character], limit: Int) -> Int {
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMin = current[0]
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                rowMin = min(rowMin, current[j])
            }
            if rowMin > limit { return rowMin }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// What a claim sentence's comparisons depend on: its text, whether its first word counts as
    /// a known name (`FactContext`) and its facts.
    struct ClaimSentenceLikeness: Hashable {
        let text: String
        let firstKnown: Bool
        let facts: [Fact]
    }

    /// Per claim sentence, the name to show it by: its document's outlet, or the document id.
    static func labels(_ claim: Claim) -> [String] {
        let docs = claim.sentences.map(\.document)
        return docs.map { $0.source ?? $0.id }
    }

    static func distinct(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0.lowercased()).inserted }
    }
}
