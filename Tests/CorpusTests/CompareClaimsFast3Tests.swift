import Foundation
import Testing
@testable import Corpus

/// The claims' stages made parallel or allocation-free must find what the plain computation
/// finds: the fact links checked file by file in parallel equal those of checking the files one
/// by one, `related` read from the sets in place equals the rule on their unions, and the term
/// table's parallel interning gives every term the ids of its own features. Texts: the seed
/// corpus and the fact-sentence stories of `CompareFactSentencesTests`, with every sentence of
/// a document as its own group so that many pairs are checked.
@Suite struct CompareClaimsFast3Tests {
    static func staged(_ corpus: Corpus) throws -> (SentenceVectors, ClaimStatements, [SentenceLink]) {
        let vectors = try CompareClaimsFastTests.vectors(corpus)
        let statements = try ClaimStatements(vectors: vectors, corpus: corpus, cancellation: .none)
        let joined = try SimilarityJoin.links(vectors, threshold: 0.2, maxFrequency: nil, maxLinks: 10)
        return (vectors, statements, joined)
    }

    /// `ClaimStatements.factLinks` as it was written before: one file after another, each pair
    /// linked at most once, with the names and keys made per pair.
    static func oneByOne(_ st: ClaimStatements, vectors: SentenceVectors, existing: [SentenceLink], score: Float,
                         maxFile: Int) -> [SentenceLink] {
        var files: [String: [Int]] = [:]
        var specific: [String: Bool] = [:]
        for (s, statement) in st.statements.enumerated() where !statement.actor.isEmpty || !statement.story.actor.isEmpty {
            for fact in statement.facts where fact.kind != .name
                && (!ClaimStatements.weakKeys.contains(fact.key) || ClaimStatements.contextKeys.contains(fact.key)) {
                let value = fact.values.isEmpty ? fact.range.map { "\($0.lowerBound)" } ?? "" : fact.values.sorted().joined(separator: "|")
                files[fact.key + "\u{1}" + value, default: []].append(s)
                specific[fact.key + "\u{1}" + value] = ClaimStatements.isSpecific(fact)
            }
        }
        var known = Set<UInt64>()
        for link in existing where link.score >= score { known.insert(ClaimClustering.pairKey(Int(link.a), Int(link.b))) }
        var out: [SentenceLink] = []
        for name in files.keys.sorted() {
            guard let list = files[name], list.count >= 2, list.count <= maxFile else { continue }
            for i in 0..<list.count {
                for j in (i + 1)..<list.count {
                    let a = list[i]
                    let b = list[j]
                    guard vectors.groups[a] != vectors.groups[b], vectors.documents[a] != vectors.documents[b] else { continue }
                    let pair = ClaimClustering.pairKey(a, b)
                    guard !known.contains(pair), unionRelated(st, a, b, specific: specific[name] ?? false) else { continue }
                    let key = String(name.prefix { $0 != "\u{1}" })
                    if ClaimStatements.contextKeys.contains(key) {
                        guard st.shareFact(a, b, shared: ClaimStatements.monthWords,
                                           skipping: ClaimStatements.weakKeys.subtracting([key])) else { continue }
                    } else {
                        guard st.shareFact(a, b, shared: 1, skipping: ClaimStatements.weakKeys) else { continue }
                    }
                    known.insert(pair)
                    out.append(SentenceLink(a: Int32(a), b: Int32(b), score: max(score, vectors.similarity(a, b))))
                }
            }
        }
        return out
    }

    /// `ClaimStatements.related` as it was written before, on the unions of the name sets.
    static func unionRelated(_ st: ClaimStatements, _ a: Int, _ b: Int, specific: Bool) -> Bool {
        let x = st.statements[a]
        let y = st.statements[b]
        if x.sameSubject(as: y) == true || st.sameStory(a, b) == true { return true }
        let xNames = x.nameWords.union(x.story.nameWords)
        let yNames = y.nameWords.union(y.story.nameWords)
        for (actor, names) in [(x.actor, yNames), (x.story.actor, yNames), (y.actor, xNames), (y.story.actor, xNames)]
            where !actor.isEmpty && actor.isSubset(of: names) { return true }
        return specific && !xNames.isDisjoint(with: yNames)
    }

    @Test func factLinksCheckedInParallelEqualThoseCheckedOneByOne() throws {
        for corpus in try CompareClaimsFastTests.corpora() {
            let (vectors, statements, joined) = try Self.staged(corpus)
            // No links known, the join's links known (some pairs skipped), small files only.
            for (existing, maxFile) in [([SentenceLink](), 64), (joined, 64), (joined, 3)] {
                let found = try statements.factLinks(vectors: vectors, existing: existing, score: 0.35, maxFile: maxFile)
                let expected = Self.oneByOne(statements, vectors: vectors, existing: existing, score: 0.35, maxFile: maxFile)
                #expect(found.map { [$0.a, $0.b] } == expected.map { [$0.a, $0.b] }, "max file \(maxFile)")
                #expect(found.map(\.score.bitPattern) == expected.map(\.score.bitPattern))
            }
            // Fact links are found at all on these texts (the comparison above is not of two empty lists).
            if corpus.documents.count > 20 {
                #expect(!(try statements.factLinks(vectors: vectors, existing: [], score: 0.35)).isEmpty)
            }
        }
    }

    @Test func relatedReadInPlaceEqualsTheRuleOnUnions() throws {
        for corpus in try CompareClaimsFastTests.corpora() {
            let (vectors, statements, _) = try Self.staged(corpus)
            let stating = (0..<vectors.count).filter { !statements.statements[$0].facts.isEmpty }.prefix(400)
            var agreed = 0
            for a in stating {
                for b in stating where b > a {
                    for specific in [false, true] {
                        let expected = Self.unionRelated(statements, a, b, specific: specific)
                        #expect(statements.related(a, b, specific: specific) == expected, "\(a) \(b) \(specific)")
                        if expected { agreed += 1 }
                    }
                }
            }
            if corpus.documents.count > 20 { #expect(agreed > 0) }
        }
    }

    @Test func theTermTableGivesEveryTermItsOwnFeatures() throws {
        let corpus = try CompareFixtures.seedCorpus()
        let lexicon = corpus.index.lexicon
        let normalizer = ClaimOptions().normalizer
        let table = TermFeatureTable(lexicon: lexicon, normalizer: normalizer)
        #expect(table.termCount == lexicon.count)
        #expect(table.starts.count == lexicon.count + 1)
        var idOf: [String: UInt32] = [:]
        for (i, key) in table.keys.enumerated() { idOf[key] = UInt32(i) }
        for t in 0..<lexicon.count {
            let draft = normalizer.draft(term: lexicon.term(t), kind: lexicon.kind(t))
            let ids = table.ids[Int(table.starts[t])..<Int(table.starts[t + 1])]
            #expect(ids.map { table.keys[Int($0)] } == draft.features, "term \(t)")
            #expect(table.stems[t] == (draft.stem.flatMap { idOf[$0] } ?? TermFeatureTable.noStem), "term \(t)")
            #expect(table.flags[t] == draft.flags)
        }
    }
}
