import Foundation
import Testing
@testable import Corpus

/// Claims: sentences of different outlets that state the same fact.
@Suite struct CompareClaimTests {
    /// The first claim whose sentences all contain one of `words` (case-insensitive) in at least `min` documents.
    static func claim(_ claims: [Claim], mentioning words: [String], sources min: Int) -> Claim? {
        claims.first { claim in
            claim.sources.count >= min && claim.sentences.allSatisfy { s in
                words.contains { s.text.lowercased().contains($0) }
            }
        }
    }

    @Test func seedClaimsSharedByThreeOutlets() throws {
        let corpus = try CompareFixtures.seedCorpus()
        let claims = ClaimFinder.claims(in: corpus, by: .source)
        let wide = claims.filter { $0.sources.count >= 3 }
        #expect(wide.count >= 5)

        // The visit was postponed from February because of the spy balloon: 001, 002 and 004, and
        // 003's "initially scheduled for February" (linked by the month and the words around it).
        let balloon = try #require(Self.claim(wide, mentioning: ["postponed", "delayed", "scheduled for february"], sources: 3))
        #expect(balloon.sentences.allSatisfy { $0.text.contains("February") })
        #expect(Set(CompareFixtures.prefixes(balloon.documents)).isSuperset(of: ["001", "002", "003", "004"]))

        // The highest-ranking official to visit since Biden took office: 000, 002 and 004.
        let highest = try #require(Self.claim(wide, mentioning: ["highest-ranking", "highest ranking"], sources: 3))
        #expect(Set(CompareFixtures.prefixes(highest.documents)) == ["000", "002", "004"])

        // Qin Gang's phone call with Blinken: 000, 001 and 004.
        let call = try #require(Self.claim(wide, mentioning: ["phone call"], sources: 3))
        #expect(Set(CompareFixtures.prefixes(call.documents)).isSuperset(of: ["000", "004"]))

        // Biden hopes to meet Xi in the coming months: 001, 002 and 003.
        let hope = try #require(Self.claim(wide, mentioning: ["months"], sources: 3))
        #expect(hope.sentences.allSatisfy { $0.text.contains("Xi") })
    }

    @Test func seedFentanylClaimJoinsTheTwoOutletsThatReportIt() throws {
        let corpus = try CompareFixtures.seedCorpus()
        let claims = ClaimFinder.claims(in: corpus, by: .source)
        // Only 000 and 002 mention fentanyl precursors and detained Americans.
        let fentanyl = try #require(Self.claim(claims, mentioning: ["fentanyl"], sources: 2))
        #expect(Set(CompareFixtures.prefixes(fentanyl.documents)) == ["000", "002"])
        #expect(fentanyl.sentences.allSatisfy { $0.text.contains("detained") && $0.text.contains("candid, direct, and constructive") })
        #expect(fentanyl.score > 0.6)
    }

    @Test func claimInvariants() throws {
        let corpus = try CompareFixtures.seedCorpus()
        let claims = ClaimFinder.claims(in: corpus, by: .source)
        #expect(!claims.isEmpty)
        for claim in claims {
            let docs = claim.documents.map(\.id)
            #expect(Set(docs).count == docs.count, "one sentence per document")
            #expect(Set(claim.sources).count == claim.sources.count)
            #expect(claim.sources.count >= 2)
            #expect(claim.text == claim.sentences[claim.central].text)
            #expect(claim.score > 0 && claim.score <= 1)
            // Documents without an outlet count as their own source.
            for doc in claim.documents { #expect(claim.sources.contains(doc.source ?? doc.id)) }
        }
        // Ordered by number of sources.
        #expect(zip(claims, claims.dropFirst()).allSatisfy { $0.sources.count >= $1.sources.count })
    }

    static let paraphrased: [(String, String)] = [
        ("a", """
            The minister postponed his trip to Paris because of the storm. Farmers in the north reported a good harvest.
            The city council approved a new budget for schools.
            """),
        ("b", """
            Because of the storm, the minister delayed his visit to Paris. A new bridge opened over the river.
            Teachers welcomed the budget for schools that the city council approved.
            """),
        ("c", """
            Engineers tested a prototype electric aircraft over the desert. The football club signed a young striker.
            Museums reported record visitor numbers during the summer holidays.
            """),
    ]

    @Test func paraphrasedSentencesGroupAndUnrelatedOnesDoNot() throws {
        let corpus = CompareFixtures.corpus(Self.paraphrased)
        let claims = ClaimFinder.claims(in: corpus, by: .document)
        let storm = try #require(claims.first { $0.text.contains("storm") })
        #expect(storm.documents.map(\.id) == ["a", "b"])
        #expect(storm.sources == ["a", "b"])
        let budget = try #require(claims.first { $0.text.contains("budget") })
        #expect(budget.documents.map(\.id) == ["a", "b"])
        // Nothing from the unrelated document, and no claim of harvest, bridge or striker.
        #expect(!claims.contains { $0.documents.contains { $0.id == "c" } })
        #expect(claims.count == 2)
    }

    @Test func sentencesSharingOnlyCommonWordsAreNotAClaim() {
        let corpus = CompareFixtures.corpus([
            ("a", "The officials said on Monday that the weather in the capital was fine for the parade."),
            ("b", "The farmers said that the harvest in the valley was fine after the heavy rain."),
        ])
        #expect(ClaimFinder.claims(in: corpus, by: .document).isEmpty)
    }

    @Test func groupingDecidesWhatCountsAsAnotherSource() {
        let corpus = CompareFixtures.corpus(Self.paraphrased)
        // One group for everything: nothing is stated by two groups.
        #expect(ClaimFinder.claims(in: corpus, by: .custom { _ in "same outlet" }).isEmpty)
        // Documents without an outlet are their own source.
        #expect(ClaimFinder.claims(in: corpus, by: .source).count == 2)
        // Three sources needed: no claim has them.
        var options = ClaimOptions()
        options.minSources = 3
        #expect(ClaimFinder.claims(in: corpus, by: .document, options: options).isEmpty)
    }

    @Test func subCorpusComparesOnlyItsDocuments() throws {
        let corpus = try CompareFixtures.seedCorpus()
        let sub = corpus.filter { !$0.id.hasPrefix("004") }
        let claims = ClaimFinder.claims(in: sub, by: .source)
        #expect(!claims.isEmpty)
        #expect(claims.allSatisfy { $0.documents.allSatisfy { !$0.id.hasPrefix("004") } })
        #expect(!claims.contains { $0.sources.contains("The Guardian") })
        let pair = CompareFixtures.corpus(Self.paraphrased).filter { $0.id != "b" }
        #expect(ClaimFinder.claims(in: pair, by: .document).isEmpty)
    }

    @Test func extraFeaturesCanJoinSentencesTheWordsAloneDoNot() {
        let corpus = CompareFixtures.corpus([
            ("a", "The envoy from Lisbon met the delegation to discuss fishing quotas and harbour fees."),
            ("b", "Portugal's representative held talks with the visitors about fishing quotas and port charges."),
        ])
        #expect(ClaimFinder.claims(in: corpus, by: .document).isEmpty)
        var options = ClaimOptions()
        options.extraFeatures = { _, _ in ["entity:portugal-envoy", "entity:delegation", "date:2023-06-14"] }
        let claims = ClaimFinder.claims(in: corpus, by: .document, options: options)
        #expect(claims.count == 1)
        #expect(claims.first?.documents.map(\.id) == ["a", "b"])
    }

    @Test func cosineIsStricterThanTheBlendedMeasure() throws {
        let corpus = try CompareFixtures.seedCorpus()
        var cosine = ClaimOptions()
        cosine.similarity = .cosine
        let blended = ClaimFinder.claims(in: corpus, by: .source)
        let strict = ClaimFinder.claims(in: corpus, by: .source, options: cosine)
        #expect(strict.reduce(0) { $0 + $1.sentences.count } < blended.reduce(0) { $0 + $1.sentences.count })
    }

    @Test func oddDocumentsDoNotBreakComparison() {
        let corpus = CompareFixtures.corpus([
            ("empty", ""),
            ("punct", "!!! ... ??? —"),
            ("crlf", "Line one of the report.\r\nLine two of the report.\r\n"),
            ("huge", String(repeating: "word ", count: 50_000)),
            ("bad", "Caf\u{FFFD} \u{0}\u{1F600} 中国 外交部"),
        ])
        let claims = ClaimFinder.claims(in: corpus, by: .document)
        #expect(claims.allSatisfy { $0.sources.count >= 2 })
        #expect(ClaimFinder.claims(in: CompareFixtures.corpus([]), by: .source).isEmpty)
    }

    /// Generated text: many documents of random words, with one fact planted in three of them
    /// in different words.
    @Test func scalesToAThousandGeneratedDocuments() throws {
        var rng = SplitMix(seed: 42)
        let vocabulary = (0..<4000).map { i in "w" + String(i, radix: 36) + ["a", "o", "e", "u"][i % 4] + "n" }
        var texts: [(String, String)] = []
        for d in 0..<1000 {
            var sentences: [String] = []
            for _ in 0..<12 {
                let words = (0..<14).map { _ in vocabulary[Int(rng.next() % UInt64(vocabulary.count))] }
                sentences.append(words.joined(separator: " ").capitalized + ".")
            }
            switch d {
            case 10: sentences.insert("The volcano on Kelvara erupted on Thursday, forcing 3,000 villagers to flee.", at: 5)
            case 500: sentences.insert("Some 3,000 villagers fled when the Kelvara volcano erupted on Thursday.", at: 2)
            case 900: sentences.insert("On Thursday the volcano of Kelvara erupted and 3,000 villagers fled.", at: 9)
            default: break
            }
            texts.append((String(format: "doc%04d", d), sentences.joined(separator: " ")))
        }
        let corpus = CompareFixtures.corpus(texts)
        let claims = ClaimFinder.claims(in: corpus, by: .document)
        let volcano = try #require(claims.first { $0.text.contains("Kelvara") })
        #expect(volcano.documents.map(\.id) == ["doc0010", "doc0500", "doc0900"])
        #expect(!claims.contains { $0.text.contains("Kelvara") == false && $0.sources.count >= 3 })
    }
}

/// A small deterministic random number generator for generated test corpora.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// A number in [0, 1) from the next 53 bits.
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
