import Foundation
import Testing
@testable import Corpus

/// The claims' shortcuts must find what the plain computation finds: the similarity join's links
/// scored without a dot product (no frequent feature in common) equal the exact scores, the
/// shared reading of fact sentences read from the vectors' tokens equals the one read on its
/// own, a first word no known name can change is read once, and the parallel stages keep their
/// order. Texts: the seed corpus and the fact-sentence stories of `CompareFactSentencesTests`.
@Suite struct CompareClaimsFastTests {
    static func corpora() throws -> [Corpus] {
        [try CompareFixtures.seedCorpus(), CompareFixtures.corpus(CompareFactSentencesTests.texts)]
    }

    static func vectors(_ corpus: Corpus, grouping: GroupingKey = .document,
                        factFilter: FactSentenceFilter? = nil) throws -> SentenceVectors {
        let options = ClaimOptions()
        let table = TermFeatureTable(lexicon: corpus.index.lexicon, normalizer: options.normalizer)
        return try SentenceVectors(corpus: corpus, table: table, grouping: grouping, options: options, factFilter: factFilter)
    }

    @Test func joinLinksAreEveryCandidateAboveTheThresholdWithItsExactScore() throws {
        for corpus in try Self.corpora() {
            let v = try Self.vectors(corpus)
            // Low caps make most features frequent, so both the shortcut and the dot product run.
            for cap in [2, 3, 8, 1_000] {
                let links = try SimilarityJoin.links(v, threshold: 0.2, maxFrequency: cap, maxLinks: 10_000)
                var expected: [UInt64: Float] = [:]
                for s in 0..<v.count {
                    for o in 0..<s where v.groups[o] != v.groups[s] {
                        let rare = Set(v.range(o).map { v.features[$0] }).contains { f in
                            v.range(s).contains { v.features[$0] == f } && Int(v.documentFrequency[Int(f)]) <= cap
                        }
                        let score = v.similarity(o, s)
                        if rare && score >= 0.2 { expected[ClaimClustering.pairKey(o, s)] = score }
                    }
                }
                var found: [UInt64: Float] = [:]
                for link in links { found[ClaimClustering.pairKey(Int(link.a), Int(link.b))] = link.score }
                #expect(found.count == expected.count, "cap \(cap)")
                for (pair, score) in expected {
                    // Bit for bit: the shortcut sums the same products in the same order.
                    #expect(found[pair]?.bitPattern == score.bitPattern, "cap \(cap), pair \(pair)")
                }
            }
        }
    }

    @Test func theStoreReadFromTheVectorsTokensEqualsTheOneReadAlone() throws {
        for corpus in try Self.corpora() {
            let lexicon = corpus.index.lexicon
            let v = try Self.vectors(corpus, factFilter: FactSentenceFilter.shared(for: lexicon))
            #expect(v.factParts.count == corpus.documents.count)
            let given = try FactSentences(documents: corpus.documents, lexicon: lexicon, parts: v.factParts, cancellation: .none)
            let alone = try FactSentences(documents: corpus.documents, lexicon: lexicon, cancellation: .none)
            #expect(given.aligned == alone.aligned)
            #expect(given.sentenceStarts == alone.sentenceStarts)
            #expect(given.readingOf == alone.readingOf)
            #expect(given.firstTerms == alone.firstTerms)
            #expect(given.innerStarts == alone.innerStarts)
            #expect(given.innerTerms == alone.innerTerms)
            #expect(given.readings.map(\.facts) == alone.readings.map(\.facts))
            #expect(given.textsRead == alone.textsRead && given.textsRead > 0)
            // Without a filter the vectors read no parts.
            #expect(try Self.vectors(corpus).factParts.isEmpty)
        }
    }

    @Test func aFirstWordNoKnownNameCanChangeIsReadOnce() throws {
        var texts = CompareFactSentencesTests.texts.map(\.1)
        texts += ["The talks failed on Monday.", "Tuesday's talks with Merkel failed.", "Seven yachts retired.",
                  "March came and went.", "Tessaly said no.", "Tessaly's board said no.", "NEW YORK, Feb 26 - Harlan said no."]
        for doc in try CompareFixtures.seedCorpus().documents {
            for s in 0..<doc.sentenceCount { texts.append(doc.sentenceText(s)) }
        }
        var changed = 0
        for text in texts {
            let tokens = SentenceTokens(text)
            let first = tokens.firstWord
            guard first >= 0 else { continue }
            let plain = FactContext(tokens, known: [])
            let known = FactContext(tokens, known: [tokens.norms[first]])
            let same = plain.actor == known.actor && plain.nameWords == known.nameWords && plain.names == known.names
            if !FactContext.firstWordMayBeKnownName(tokens) { #expect(same, "\(text)") }
            if !same { changed += 1 }
        }
        // The rule matters somewhere ("Tessaly said no."), so the check above is not empty-handed.
        #expect(changed > 0)
    }

    @Test func neighboursKeepTheLinksOrder() {
        let links = [SentenceLink(a: 0, b: 2, score: 0.5), SentenceLink(a: 1, b: 2, score: 0.4),
                     SentenceLink(a: 2, b: 3, score: 0.9), SentenceLink(a: 0, b: 3, score: 0.3)]
        let n = ClaimClustering.Neighbours(count: 5, links: links)
        #expect(Array(n.of(0)) == [2, 3])
        #expect(Array(n.of(2)) == [0, 1, 3])
        #expect(Array(n.of(3)) == [2, 0])
        #expect(Array(n.of(4)).isEmpty)
    }

    @Test func claimsAreTheSameRunAgainAndAcrossGroupings() throws {
        // The parallel stages (attach, near repeats, claims, refine) come back in order: two runs agree.
        for corpus in try Self.corpora() {
            for grouping in [GroupingKey.source, .document] {
                let a = ClaimFinder.claims(in: corpus, by: grouping)
                let b = ClaimFinder.claims(in: corpus, by: grouping)
                #expect(a.map(\.text) == b.map(\.text))
                #expect(a.map(\.score) == b.map(\.score))
                #expect(a.map { $0.sentences.map(\.sentence) } == b.map { $0.sentences.map(\.sentence) })
            }
        }
    }
}
