import Foundation
import Testing
@testable import Corpus

/// Claims grouped by what sentences state: a number shared by sentences that count different
/// things does not hold them together, and sentences stating one fact of one subject are linked
/// even when their other words differ. Texts written for these tests.
@Suite struct CompareClaimStatementTests {
    /// The vectors and statements of a corpus of one sentence per document.
    static func stage(_ texts: [(String, String)]) throws -> (SentenceVectors, ClaimStatements) {
        let corpus = CompareFixtures.corpus(texts)
        let options = ClaimOptions()
        let table = TermFeatureTable(lexicon: corpus.index.lexicon, normalizer: options.normalizer)
        let vectors = try SentenceVectors(corpus: corpus, table: table, grouping: .document, options: options)
        let statements = try ClaimStatements(vectors: vectors, corpus: corpus, cancellation: .none)
        return (vectors, statements)
    }

    @Test func aNumberCountingOtherThingsDoesNotHoldALink() throws {
        let (vectors, statements) = try Self.stage([
            ("riots", "The president resigned after 48 hours of rioting across the capital."),
            ("law", "A new law lets federal police detain terrorism suspects for 48 hours without charge."),
            ("bakery", "Brandwell Foods Ltd said 48 hours of talks with unions over the Ashford bakery had failed."),
            ("bakery2", "Union leaders said 48 hours of talks with Brandwell Foods Ltd over the Ashford bakery had failed."),
        ])
        #expect(vectors.count == 4)
        #expect(statements.numbersSayOtherThings(0, 1))
        #expect(!statements.numbersSayOtherThings(2, 3))
        let links = [SentenceLink(a: 0, b: 1, score: vectors.similarity(0, 1)),
                     SentenceLink(a: 2, b: 3, score: vectors.similarity(2, 3))]
        let refined = try statements.refine(links, vectors: vectors, threshold: 0)
        #expect(refined.count == 2)
        // Without the number the two unrelated sentences share next to nothing.
        #expect(refined[0].score < links[0].score / 2)
        // The talks that failed are one fact: the number keeps counting.
        #expect(refined[1].score == links[1].score)
    }

    @Test func oneFactOfOneSubjectLinksSentencesThatSayMore() throws {
        let (vectors, statements) = try Self.stage([
            ("a", "Brandwell Foods Ltd said 1,350 people work at the Ashford bakery it will close in March."),
            ("b", "The closure of the bakery will put 1,350 people out of work, Brandwell Foods Ltd told staff on a day of protests by union members and councillors."),
            ("c", "Harcourt Mining Corp said 1,350 people were evacuated from the town after the dam burst."),
        ])
        let links = try statements.factLinks(vectors: vectors, existing: [], score: 0.35)
        #expect(links.count == 1)
        let link = try #require(links.first)
        #expect(Set([link.a, link.b]) == [0, 1])
        #expect(link.score >= 0.35)
        // Another company's 1,350 people are another fact.
        #expect(!statements.related(0, 2, specific: false))
    }

    @Test func aMonthLinksOnlyWithTheWordsAroundItInCommon() throws {
        let (vectors, statements) = try Self.stage([
            ("a", "Officials said Tarrow's trip was initially scheduled for March but was delayed due to the discovery of a suspected leak at the port."),
            ("b", "Aides confirmed Tarrow's trip had been postponed in March due to a suspected leak incident at the port."),
            ("c", "Exports rose sharply in March, said Tarrow, as the strike ended."),
        ])
        let links = try statements.factLinks(vectors: vectors, existing: [], score: 0.35)
        // The trip, its postponement ("delayed") and the leak around "March" in both; the third
        // sentence shares only the month and the subject.
        #expect(links.map { Set([$0.a, $0.b]) } == [[0, 1]])
    }

    @Test func claimsHoldSentencesThatShareAFactAndNotOnesThatShareANumber() {
        let corpus = CompareFixtures.corpus([
            ("a", "Brandwell Foods Ltd said 1,350 people work at the Ashford bakery it will close in March. The president resigned after 48 hours of rioting across the capital."),
            ("b", "The closure of the bakery will put 1,350 people out of work, Brandwell Foods Ltd told staff on a day of protests by union members and councillors. A new law lets federal police detain terrorism suspects for 48 hours without charge."),
        ])
        let claims = ClaimFinder.claims(in: corpus, by: .document)
        #expect(claims.contains { claim in claim.sentences.count == 2 && claim.sentences.allSatisfy { $0.text.contains("1,350") } })
        #expect(!claims.contains { claim in claim.sentences.contains { $0.text.contains("48 hours") } })
    }
}
