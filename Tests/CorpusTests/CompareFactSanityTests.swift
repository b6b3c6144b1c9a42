import Testing
@testable import Corpus

/// Facts that are not values to compare, and lines that are not statements: sanity seen on
/// real text.
@Suite struct CompareFactSanityTests {
    @Test func distancesThatNameRacesAreNotValues() {
        // Two races, not two lengths of one (ABC sport, 2001).
        let a = "Huegill bettered the Australian record in the 100 metres butterfly at the World Cup in Melbourne."
        let b = "Huegill set a world record in the 50 metres butterfly at the World Cup in Melbourne."
        #expect(FactExtractor.facts(in: a).filter { $0.key == "number of metre" }.isEmpty)
        #expect(FactExtractor.facts(in: b).filter { $0.key == "number of metre" }.isEmpty)
        #expect(FactExtractor.facts(in: "Elka Graham won the women's 300 metres freestyle.").filter { $0.kind == .number }.isEmpty)
        let corpus = CompareFixtures.corpus([("a", a), ("b", b)])
        #expect(ConflictFinder.conflicts(in: corpus).isEmpty)
        // A distance that is an amount still is one.
        #expect(FactExtractor.facts(in: "She swam 100 metres under water.").first { $0.key == "number of metre" }?.values == ["100"])
        #expect(FactExtractor.facts(in: "He told me to close my eyes in the last 25 metres.").contains { $0.key == "number of metre" })
    }

    @Test func headerLinesLeftInABodyAreNoClaim() {
        let corpus = CompareFixtures.corpus([
            ("a", "Date: 1 June 2023\n\nFlood waters receded in the river town of Tarrow on Thursday after a week of rain."),
            ("b", "Date: 1 June 2023\n\nThe council opened a new library in the market town of Bexley with a reading by local children."),
        ])
        let claims = ClaimFinder.claims(in: corpus, by: .document)
        #expect(!claims.contains { $0.sentences.contains { $0.text.contains("Date:") } })
        #expect(HeaderLine.labels.contains("updated"))
    }
}
