/// A disagreement inside a claim: its sentences state different dates, numbers or names for the
/// same detail ("on Tuesday" / "On Wednesday" for the same phone call).
public struct Conflict: Sendable {
    /// Date, number or name.
    public var kind: Fact.Kind
    /// The detail they disagree on ("weekday", "number of year", "spelling", "role: foreign minister").
    public var key: String
    /// The differing values as written, one per distinct reading, in sentence order.
    public var values: [String]
    /// The claim the sentences belong to.
    public var claim: Claim
    /// The claim's position in the list of claims the conflicts were found in.
    public var claimIndex: Int
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
        let found = try Parallel.map(claims.count, chunk: 16, cancellation: cancellation) { i throws(WorkLimit) in
            conflicts(in: claims[i], index: i, options: options)
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

    /// Finds the claims of `corpus` and the conflicts within them.
    public static func conflicts(in corpus: Corpus, by grouping: GroupingKey = .source,
                                 claimOptions: ClaimOptions = ClaimOptions(),
                                 options: ConflictOptions = ConflictOptions()) -> [Conflict] {
        conflicts(in: ClaimFinder.claims(in: corpus, by: grouping, options: claimOptions), options: options)
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
        var facts: [[Fact]] = tokens.map(FactExtractor.facts)
        if let extra = options.extraFacts {
            for (k, s) in sentences.enumerated() { facts[k].append(contentsOf: extra(s.document, s.sentence)) }
        }
        let known = FactContext.innerNames(tokens)
        let contexts = tokens.map { FactContext($0, known: known) }
        let label = labels(claim)
        var out: [Conflict] = []
        var keys: [String] = []
        for list in facts {
            for fact in list where options.kinds.contains(fact.kind) && !keys.contains(fact.key) { keys.append(fact.key) }
        }
        for key in keys {
            var involved: [Int] = []
            var shown: [Int: [Fact]] = [:]
            var contradiction = false
            var certain = false
            var doubts: [String] = []
            for x in 0..<facts.count {
                for y in (x + 1)..<facts.count where sentences[x].document !== sentences[y].document {
                    let a = facts[x].filter { $0.key == key }
                    let b = facts[y].filter { $0.key == key }
                    guard !a.isEmpty, !b.isEmpty else { continue }
                    let subject = contexts[x].sameSubject(as: contexts[y])
                    if subject == false && !(a + b).allSatisfy({ $0.span == nil }) { continue }
                    // Each fact against the other sentence's fact about the same attribute (the one
                    // sharing most words around it): a sentence may give dates of two events.
                    let wa = a.map { contexts[x].attribute(of: $0) }
                    let wb = b.map { contexts[y].attribute(of: $0) }
                    var compared: [(Fact, Fact, Bool)] = []
                    // Without a named subject on one side, only facts told in the same words compare
                    // (the same nearest word and one more: "would pay a dividend of …").
                    let least = subject == nil && !(a + b).allSatisfy({ $0.span == nil }) ? 5 : 0
                    func best(_ w: FactContext.Attribute, among others: [FactContext.Attribute]) -> [Int] {
                        var scores: [Int] = others.map { w.score($0) }
                        let top = scores.max() ?? 0
                        if top == 0 {
                            // Unnamed attributes may still be the same one; named and different are not.
                            scores = others.map { o in w.isNamed && o.isNamed ? 0 : 1 }
                            return scores.indices.filter { scores[$0] == 1 }
                        }
                        return scores.indices.filter { scores[$0] == top }
                    }
                    for (ia, fa) in a.enumerated() {
                        let matches = best(wa[ia], among: wb).filter { wa[ia].score(wb[$0]) >= least }
                        guard !matches.isEmpty else { continue }
                        let named = wa[ia].isNamed && matches.allSatisfy { wb[$0].isNamed }
                        if let agreeing = matches.first(where: { fa.isCompatible(with: b[$0]) }) {
                            compared.append((fa, b[agreeing], named))
                        } else {
                            compared.append((fa, b[matches[0]], named))
                        }
                    }
                    for (ib, fb) in b.enumerated() {
                        let matches = best(wb[ib], among: wa).filter { wb[ib].score(wa[$0]) >= least }
                        guard !matches.isEmpty, !compared.contains(where: { $0.1 == fb }) else { continue }
                        let named = wb[ib].isNamed && matches.allSatisfy { wa[$0].isNamed }
                        let other = matches.first(where: { a[$0].isCompatible(with: fb) }) ?? matches[0]
                        compared.append((a[other], fb, named))
                    }
                    guard !compared.isEmpty else { continue }
                    // A mismatch does not count when either fact agrees, at least as closely, with
                    // another fact of the other sentence ("1986 profit … from … in 1985" / "1986
                    // profit … a year earlier": 1985 is about something else).
                    func agreesElsewhere(_ f: Fact, _ w: FactContext.Attribute, with others: [Fact],
                                         _ ws: [FactContext.Attribute], closerThan score: Int) -> Bool {
                        others.indices.contains { k in
                            let s = w.score(ws[k])
                            return f.isCompatible(with: others[k]) && (s >= score && (s > 0 || !w.isNamed || !ws[k].isNamed))
                        }
                    }
                    let disagreeing = compared.filter { pair in
                        guard !pair.0.isCompatible(with: pair.1), let ia = a.firstIndex(of: pair.0),
                              let ib = b.firstIndex(of: pair.1) else { return false }
                        let score = wa[ia].score(wb[ib])
                        return !agreesElsewhere(pair.0, wa[ia], with: b, wb, closerThan: score)
                            && !agreesElsewhere(pair.1, wb[ib], with: a, wa, closerThan: score)
                    }
                    let differing: Bool
                    if disagreeing.isEmpty {
                        // They agree; with hedges, report agreeing values of different precision.
                        guard options.includeHedges, !compared.contains(where: { $0.0.isSame(as: $0.1) }) else { continue }
                        differing = false
                    } else {
                        differing = true
                        contradiction = true
                        compared = disagreeing
                    }
                    for k in [x, y] where !involved.contains(k) { involved.append(k) }
                    for (fa, fb, _) in compared {
                        if !(shown[x]?.contains(fa) ?? false) { shown[x, default: []].append(fa) }
                        if !(shown[y]?.contains(fb) ?? false) { shown[y, default: []].append(fb) }
                    }
                    guard differing else { continue }
                    let named = compared.contains { $0.2 }
                    let hedged = compared.contains { $0.0.hedged || $0.1.hedged }
                    // A fact plugged in from elsewhere is about what its key says.
                    let plugged = compared.allSatisfy { $0.0.span == nil && $0.1.span == nil }
                    if (subject == true || plugged) && named && !hedged {
                        certain = true
                    } else if subject == nil {
                        let missing = [x, y].filter { !contexts[$0].namesSubject }.map { label[$0] }
                        doubts.append("no subject named in " + missing.joined(separator: ", "))
                    } else if !named {
                        doubts.append("what the value is of is not named (\(label[x]), \(label[y]))")
                    } else {
                        doubts.append("a hedged value")
                    }
                }
            }
            guard !involved.isEmpty, contradiction || options.includeHedges else { continue }
            // Four or more different values of one detail are a list of different things told on
            // one template (popes' reigns, Nobel years, counts of awards), not outlets disagreeing.
            var readings = Set<String>()
            for k in involved { for f in shown[k] ?? [] { readings.insert(f.range.map { "\($0)" } ?? f.values.sorted().joined(separator: "|")) } }
            guard readings.count <= 3 else { continue }
            involved.sort()
            let values = distinct(involved.map { (shown[$0] ?? []).map(\.text).joined(separator: ", ") })
            guard values.count >= 2 else { continue }
            let kind = facts[involved[0]].first { $0.key == key }?.kind ?? .number
            var reason = key + ": " + involved.map { "\((shown[$0] ?? []).map(\.text).joined(separator: ", ")) (\(label[$0]))" }
                .joined(separator: " vs ")
            let isCertain = contradiction && certain
            if !isCertain {
                let why = contradiction ? distinct(doubts).joined(separator: "; ") : "they differ only in precision"
                reason += " — not certain: " + why
            }
            out.append(Conflict(kind: kind, key: key, values: values, claim: claim, claimIndex: index,
                                sentences: involved.map { sentences[$0] }, certain: isCertain, reason: reason))
        }
        if options.kinds.contains(.name) {
            out.append(contentsOf: spellings(claim, index: index, names: tokens.map(FactExtractor.names), label: label))
        }
        return out
    }

    /// Names spelled differently in two sentences of a claim.
    static func spellings(_ claim: Claim, index: Int, names: [[String]], label: [String]) -> [Conflict] {
        var out: [Conflict] = []
        var reported = Set<String>()
        for x in 0..<names.count {
            for y in (x + 1)..<names.count {
                for a in names[x] where !names[y].contains(a) {
                    for b in names[y] where !names[x].contains(b) && isVariant(a, b) {
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
