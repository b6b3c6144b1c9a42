import Foundation
import Testing
@testable import Corpus

/// The similarity join scores one sentence of each class of identical vectors (`VectorClasses`)
/// and hands the result to every member: its links must be those of joining sentence by
/// sentence (the join as it was written before, kept here), in the same order, with the same
/// scores to the bit, and the same `maxLinks` strongest kept when scores tie. Texts: the seed
/// corpus and the fact-sentence stories of `CompareFactSentencesTests`, each also three times
/// over (copies as separate documents), grouped by document, by copy and by copy number.
@Suite struct CompareJoinClassesTests {
    /// The join sentence by sentence: each against the sentences before it of other groups.
    static func oneByOne(_ v: SentenceVectors, threshold: Double, cap: Int, maxLinks: Int) -> [SentenceLink] {
        let n = v.count
        guard n > 1 else { return [] }
        let featureCount = v.documentFrequency.count
        var postings: [[(Int, Float)]] = Array(repeating: [], count: featureCount)
        var mass = [Float](repeating: 0, count: n)
        var masks = [UInt64](repeating: 0, count: n)
        for s in 0..<n {
            for p in v.range(s) {
                let f = Int(v.features[p])
                let df = Int(v.documentFrequency[f])
                if df >= 2 && df <= cap {
                    postings[f].append((s, v.weights[p]))
                } else if df > cap {
                    mass[s] += v.weights[p] * v.weights[p]
                    masks[s] |= SimilarityJoin.bit(f)
                }
            }
        }
        let limit = Float(threshold)
        var accumulator = [Float](repeating: 0, count: n)
        var out: [SentenceLink] = []
        for s in 0..<n {
            var touched: [Int] = []
            for p in v.range(s) {
                for (other, weight) in postings[Int(v.features[p])] {
                    if other >= s { break }
                    guard v.groups[other] != v.groups[s] else { continue }
                    if accumulator[other] == 0 { touched.append(other) }
                    accumulator[other] += v.weights[p] * weight
                }
            }
            var best: [SentenceLink] = []
            for o in touched {
                let partial = accumulator[o]
                accumulator[o] = 0
                let score: Float
                if masks[s] & masks[o] == 0 {
                    score = v.score(dot: partial, s, o)
                } else {
                    guard v.score(dot: partial + (mass[s] * mass[o]).squareRoot(), s, o) >= limit else { continue }
                    score = v.similarity(s, o)
                }
                if score >= limit { best.append(SentenceLink(a: Int32(o), b: Int32(s), score: score)) }
            }
            if best.count > maxLinks {
                best.sort { $0.score > $1.score }
                best.removeLast(best.count - maxLinks)
            }
            out.append(contentsOf: best)
        }
        return out
    }

    /// `corpus`'s texts `times` over, copy k of document "x" as "x#k".
    static func copies(_ corpus: Corpus, times: Int) -> Corpus {
        var texts: [(String, String)] = []
        for k in 0..<times { for doc in corpus.documents { texts.append(("\(doc.id)#\(k)", doc.text)) } }
        return CompareFixtures.corpus(texts)
    }

    static func corpora() throws -> [Corpus] {
        let seed = try CompareFixtures.seedCorpus()
        let stories = CompareFixtures.corpus(CompareFactSentencesTests.texts)
        return [seed, stories, copies(seed, times: 3), copies(stories, times: 3)]
    }

    static let groupings: [GroupingKey] = [
        .document,
        .custom { String($0.id.split(separator: "#").first ?? "") },
        .custom { String($0.id.split(separator: "#").last ?? "") },
    ]

    @Test func classesHoldExactlyTheIdenticalVectors() throws {
        for corpus in try Self.corpora() {
            let v = try CompareClaimsFastTests.vectors(corpus)
            let classes = try VectorClasses(v)
            #expect(classes.members.count == v.count)
            for c in 0..<classes.count {
                let members = Array(classes.of(c))
                #expect(members == members.sorted())
                #expect(members.allSatisfy { classes.classOf[Int($0)] == Int32(c) })
                #expect(members.allSatisfy { VectorClasses.same(v, classes.leader(c), Int($0)) })
                if c > 0 { #expect(classes.leader(c - 1) < classes.leader(c)) }
            }
            // Leaders differ from each other.
            var seen = Set<[UInt64]>()
            for c in 0..<classes.count {
                let key = v.range(classes.leader(c)).flatMap { [UInt64(v.features[$0]), UInt64(v.weights[$0].bitPattern)] }
                #expect(seen.insert(key).inserted)
            }
        }
        let repeated = try VectorClasses(CompareClaimsFastTests.vectors(Self.copies(try CompareFixtures.seedCorpus(), times: 3)))
        #expect(repeated.count < repeated.members.count)
    }

    @Test func theJoinByClassesEqualsTheJoinSentenceBySentence() throws {
        for corpus in try Self.corpora() {
            for grouping in Self.groupings {
                let v = try CompareClaimsFastTests.vectors(corpus, grouping: grouping)
                for cap in [2, 8, 1_000] {
                    for maxLinks in [1, 3, 10_000] {
                        let found = try SimilarityJoin.links(v, threshold: 0.2, maxFrequency: cap, maxLinks: maxLinks)
                        let expected = Self.oneByOne(v, threshold: 0.2, cap: cap, maxLinks: maxLinks)
                        #expect(found.count == expected.count, "cap \(cap), maxLinks \(maxLinks)")
                        let same = zip(found, expected).allSatisfy {
                            $0.a == $1.a && $0.b == $1.b && $0.score.bitPattern == $1.score.bitPattern
                        }
                        #expect(same, "cap \(cap), maxLinks \(maxLinks)")
                    }
                }
            }
        }
    }
}
