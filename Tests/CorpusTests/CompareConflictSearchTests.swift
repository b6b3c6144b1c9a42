import Foundation
import Testing
@testable import Corpus

/// Conflicts looked for over every sentence about a subject, not only inside claims, and the
/// rules that keep that precise: same named subject, the same attribute told in shared words,
/// places apart, running totals. Texts written for these tests.
@Suite struct CompareConflictSearchTests {
    static func search(_ texts: [(String, String)]) throws -> [Conflict] {
        let corpus = CompareFixtures.corpus(texts)
        return try ConflictSearch.conflicts(in: corpus, by: .document, options: ConflictOptions(), cancellation: .none)
    }

    @Test func aFigureInSentencesThatSayOtherThingsIsFound() throws {
        let texts = [
            ("a", "Dunmore Mills Inc said on Tuesday that 3,000 workers at its Carlow plant will lose their jobs when the plant closes in June, the biggest cut in the company's history."),
            ("b", "Unions reacted angrily after Dunmore Mills Inc confirmed that 2,500 workers at its Carlow plant will lose their jobs, and promised a campaign of protests across the county."),
        ]
        let found = try Self.search(texts)
        let jobs = try #require(found.first { $0.key == "number of people" })
        #expect(jobs.values == ["3,000 workers", "2,500 workers"])
        #expect(jobs.certain)
        #expect(Set(jobs.sentences.map(\.document.id)) == ["a", "b"])
        // Through the public entry point it is reported once, whether or not a claim holds it.
        let all = ConflictFinder.conflicts(in: CompareFixtures.corpus(texts), by: .document)
        #expect(all.filter { $0.key == "number of people" }.count == 1)
    }

    /// Repeated stories are compared once per pair of alike sentences (`ConflictSearch`'s
    /// classes), but every copy is still a sentence of the conflict, each named by its own outlet.
    @Test func repeatedStoriesGiveOneConflictHoldingEveryCopy() throws {
        let first = "Dunmore Mills Inc said on Tuesday that 3,000 workers at its Carlow plant will lose their jobs when the plant closes in June, the biggest cut in the company's history."
        let second = "Unions reacted angrily after Dunmore Mills Inc confirmed that 2,500 workers at its Carlow plant will lose their jobs, and promised a campaign of protests across the county."
        let found = try Self.search([("a1", first), ("b1", second), ("a2", first), ("b2", second), ("a3", first)])
        let jobs = found.filter { $0.key == "number of people" }
        #expect(jobs.count == 1)
        let conflict = try #require(jobs.first)
        #expect(conflict.values == ["3,000 workers", "2,500 workers"])
        #expect(conflict.sentences.map(\.document.id) == ["a1", "b1", "a2", "b2", "a3"])
        for id in ["a1", "b1", "a2", "b2", "a3"] { #expect(conflict.reason.contains("(\(id))")) }
        // The same texts inside one claim: every copy is kept there too.
        let claimed = ConflictFinder.conflicts(in: CompareFixtures.corpus([("a1", first), ("b1", second), ("a2", first), ("b2", second)]),
                                               by: .document)
        #expect(claimed.filter { $0.key == "number of people" }.count == 1)
    }

    @Test func figuresOfOneSubjectAboutOtherThingsAreNoConflict() throws {
        let found = try Self.search([
            ("a", "Tessaly Pumps Inc earned 31.2 mln dlrs in 1986 on sales of 402 mln dlrs."),
            ("b", "Tessaly Pumps Inc's stock jumped $6.25 to close at $40.75 after the offer was announced."),
        ])
        #expect(found.isEmpty)
    }

    @Test func twoSubjectsDoNotMeetInTheSearch() throws {
        let found = try Self.search([
            ("a", "Corliss Paper Co said 400 workers at its Fenwick mill will be laid off next month."),
            ("b", "Halden Pryce Ltd said 250 workers at its Fenwick mill will be laid off next month."),
        ])
        #expect(found.isEmpty)
    }

    @Test func countsAtDifferentPlacesAreNoConflict() {
        let corpus = CompareFixtures.corpus([
            ("a", "Over the holiday period 11 people died on Victoria roads, police said on Monday."),
            ("b", "Over the holiday period six people died on Queensland roads, police said on Monday."),
        ])
        let found = ConflictFinder.conflicts(in: corpus, by: .document)
        #expect(!found.contains { $0.key == "number of people" })
    }

    @Test func aRunningTotalIsNoConflict() {
        let corpus = CompareFixtures.corpus([
            ("a", "A total of 14 yachts have now retired from the Cape Otway ocean race after a storm overnight."),
            ("b", "Nine yachts have retired from the Cape Otway ocean race after a storm overnight."),
        ])
        #expect(!ConflictFinder.conflicts(in: corpus, by: .document).contains { $0.key == "number of yacht" })
        let tokens = SentenceTokens("The toll has now risen to 30 people, and 12 people are missing so far.")
        let context = FactContext(tokens, known: [])
        let counts = FactExtractor.facts(tokens).filter { $0.kind == .number }
        #expect(counts.map { context.isRunningTotal($0) } == [true, true])
        let plain = SentenceTokens("Seven people died in the fire.")
        #expect(FactExtractor.facts(plain).allSatisfy { !FactContext(plain, known: []).isRunningTotal($0) })
    }

    @Test func actorsSharingAWordAreTwoSubjects() {
        func context(_ text: String) -> FactContext { FactContext(SentenceTokens(text), known: []) }
        let africa = context("Yesterday South Africa began a four-day match against New South Wales in Sydney.")
        let wales = context("Yesterday New South Wales hosted a conference on the republic.")
        #expect(africa.sameSubject(as: wales) == false)
        let harlan = context("Yesterday Harlan Marine Corp offered 42 dlrs a share for Tessaly Pumps Inc.")
        let short = context("Yesterday Harlan raised its offer for Tessaly.")
        #expect(harlan.sameSubject(as: short) == true)
    }

    @Test func dozensMultiply() throws {
        let facts = FactExtractor.facts(in: "Bombers killed two dozen Israelis at the weekend.")
        let count = try #require(facts.first { $0.kind == .number })
        #expect(count.values == ["24"])
        #expect(count.key == "number of israelis")
    }
}
