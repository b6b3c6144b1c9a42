/// Two sentences' facts of one key, compared: whether they disagree, on which facts, and how
/// sure that is. `ConflictFinder` uses it for the sentences of a claim and for every pair of
/// sentences about one subject (`ConflictSearch`).
struct FactComparison {
    /// The facts compared, each with its counterpart, and whether both name their attribute.
    var compared: [(Fact, Fact, Bool)]
    /// True when some compared facts cannot both be true; false when they agree (then `compared`
    /// only holds facts of different precision, reported with hedges).
    var differing: Bool
    /// Whether the sentences are about the same subject (nil: one names none).
    var subject: Bool?
    /// Both name the subject and the attribute, and no value is hedged.
    var certain: Bool
    /// Why it is not certain, when it is not (`Doubt.text(labels:)` says it with the sentences' outlets).
    var doubt: Doubt?
    /// The most content words the disagreeing facts share around them (`FactContext.Attribute.sharedWords`).
    var strength: Int

    /// Why a disagreement is not certain. It holds no outlet names, so that sentences alike from
    /// different outlets share one comparison; `text(labels:)` names them.
    enum Doubt: Hashable {
        /// One side or both name no subject (`first`, `second`: which).
        case noSubject(first: Bool, second: Bool)
        /// What the value is of is not named.
        case unnamedAttribute
        /// A value is hedged.
        case hedged

        /// The explanation, naming the two sentences by `labels` (their outlets).
        func text(labels: (String, String)) -> String {
            switch self {
            case let .noSubject(first, second):
                return "no subject named in " + [(first, labels.0), (second, labels.1)].filter(\.0).map(\.1).joined(separator: ", ")
            case .unnamedAttribute:
                return "what the value is of is not named (\(labels.0), \(labels.1))"
            case .hedged:
                return "a hedged value"
            }
        }
    }

    /// Compares the facts `a` (of the sentence read by `ca`) with `b` (of `cb`), all of one key.
    /// Nil when nothing is comparable (another subject, other attributes), or when they agree and
    /// `includeHedges` is false or they say exactly the same. The result depends only on the facts
    /// and the contexts (not on the sentences' outlets).
    static func compare(_ a: [Fact], _ ca: FactContext, _ b: [Fact], _ cb: FactContext,
                        includeHedges: Bool) -> FactComparison? {
        compare(FactSide(facts: a, context: ca), FactSide(facts: b, context: cb), includeHedges: includeHedges)
    }

    /// `compare` on two sentences' facts of one key as read before (`FactReading`, `FactSide`):
    /// what the contexts would say of them is stored with them.
    static func compare(_ sa: FactSide, _ sb: FactSide, includeHedges: Bool) -> FactComparison? {
        let a = sa.facts
        let b = sb.facts
        guard !a.isEmpty, !b.isEmpty else { return nil }
        let plugged = (a + b).allSatisfy { $0.span == nil }
        let subject = FactContext.sameSubject(sa.actor, sa.nameWords, sb.actor, sb.nameWords)
        if subject == false && !plugged { return nil }
        // Each fact against the other sentence's fact about the same attribute (the one sharing
        // most words around it): a sentence may give dates of two events.
        let wa = sa.attributes
        let wb = sb.attributes
        var compared: [(Fact, Fact, Bool)] = []
        // Without a named subject on one side, only facts told in the same words compare
        // (the same nearest word and one more: "would pay a dividend of …").
        let least = subject == nil && !plugged ? 5 : 0
        // Facts placed at different places are about two things (`Attribute.isPlacedApart`).
        func otherThings(_ x: FactContext.Attribute, _ y: FactContext.Attribute) -> Bool { x.isPlacedApart(from: y) }
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
            let matches = best(wa[ia], among: wb).filter { wa[ia].score(wb[$0]) >= least && !otherThings(wa[ia], wb[$0]) }
            guard !matches.isEmpty else { continue }
            let named = wa[ia].isNamed && matches.allSatisfy { wb[$0].isNamed }
            if let agreeing = matches.first(where: { fa.isCompatible(with: b[$0]) }) {
                compared.append((fa, b[agreeing], named))
            } else {
                compared.append((fa, b[matches[0]], named))
            }
        }
        for (ib, fb) in b.enumerated() {
            let matches = best(wb[ib], among: wa).filter { wb[ib].score(wa[$0]) >= least && !otherThings(wa[$0], wb[ib]) }
            guard !matches.isEmpty, !compared.contains(where: { $0.1 == fb }) else { continue }
            let named = wb[ib].isNamed && matches.allSatisfy { wa[$0].isNamed }
            let other = matches.first(where: { a[$0].isCompatible(with: fb) }) ?? matches[0]
            compared.append((a[other], fb, named))
        }
        guard !compared.isEmpty else { return nil }
        // A mismatch does not count when either fact agrees, at least as closely, with another
        // fact of the other sentence ("1986 profit … from … in 1985" / "1986 profit … a year
        // earlier": 1985 is about something else).
        func agreesElsewhere(_ f: Fact, _ w: FactContext.Attribute, with others: [Fact],
                             _ ws: [FactContext.Attribute], closerThan score: Int) -> Bool {
            others.indices.contains { k in
                let s = w.score(ws[k])
                return f.isCompatible(with: others[k]) && (s >= score && (s > 0 || !w.isNamed || !ws[k].isNamed))
            }
        }
        var strength = 0
        let disagreeing = compared.filter { pair in
            guard !pair.0.isCompatible(with: pair.1), let ia = a.firstIndex(of: pair.0),
                  let ib = b.firstIndex(of: pair.1) else { return false }
            // A running total told at two times is not a disagreement ("A total of 14 yachts have
            // now retired" / "Seven yachts have been forced to retire").
            if sa.runningTotals[ia] || sb.runningTotals[ib] { return false }
            let score = wa[ia].score(wb[ib])
            let counts = !agreesElsewhere(pair.0, wa[ia], with: b, wb, closerThan: score)
                && !agreesElsewhere(pair.1, wb[ib], with: a, wa, closerThan: score)
            if counts { strength = max(strength, wa[ia].sharedWords(wb[ib])) }
            return counts
        }
        if disagreeing.isEmpty {
            // They agree; with hedges, report agreeing values of different precision.
            guard includeHedges, !compared.contains(where: { $0.0.isSame(as: $0.1) }) else { return nil }
            return FactComparison(compared: compared, differing: false, subject: subject, certain: false,
                                  doubt: nil, strength: 0)
        }
        let named = disagreeing.contains { $0.2 }
        let hedged = disagreeing.contains { $0.0.hedged || $0.1.hedged }
        // A fact plugged in from elsewhere is about what its key says.
        let pluggedPair = disagreeing.allSatisfy { $0.0.span == nil && $0.1.span == nil }
        var doubt: Doubt?
        var certain = false
        if (subject == true || pluggedPair) && named && !hedged {
            certain = true
        } else if subject == nil {
            doubt = .noSubject(first: !sa.namesSubject, second: !sb.namesSubject)
        } else if !named {
            doubt = .unnamedAttribute
        } else {
            doubt = .hedged
        }
        return FactComparison(compared: disagreeing, differing: true, subject: subject, certain: certain,
                              doubt: doubt, strength: strength)
    }
}
