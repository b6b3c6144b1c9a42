import Testing
@testable import Corpus

/// Fragments quoted by a verb of naming ("called the bill “…”") and Spanish agency attribution
/// (`«…», dijo X`). Texts written for these tests.
@Suite struct QuoteNamingAttributionTests {
    private func only(_ text: String, verbs: AttributionVerbs = .news) throws -> Quote {
        try QuoteFixtures.only(text, verbs: verbs)
    }

    @Test func theSubjectOfANamingVerbSpeaksTheFragment() throws {
        let called = try only("Senator Ruth Calloway called the bill “a gift to polluters” in a speech on Monday.")
        #expect(called.speakerText?.contains("Calloway") == true)
        #expect(called.kind == .partial)
        let labeled = try only("Dr. Amos Pereira, a geologist at Halden University, has long doubted the plan. Last year he labeled the survey “a whitewash” because it skipped the northern wells.")
        #expect(labeled.speakerText == "he")
        #expect(labeled.speaker?.name.contains("Pereira") == true)
        let described = try only("Economists at Harlow Bank described the outlook as “fragile but improving” in their quarterly note.")
        #expect(described.speakerText?.contains("Economists") == true)
    }

    @Test func phrasalAndDistantUsesDoNotAttribute() throws {
        // "called for" asks for something; the statement, not the chairman, said it.
        let phrasal = try only("A statement issued after a meeting chaired by Governor Ellis Mahon called for a “swift return to talks” before the winter.")
        #expect(phrasal.speakerText == nil)
        // "called" with a long complement before the quote is telephoning, not naming.
        let far = try only("Mr Dorsey had called all the ministers of his party to a meeting on Wednesday about the minister's claim that the plan was “dead in the water”.")
        #expect(far.speakerText?.contains("Dorsey") != true)
    }

    @Test func spanishAttributionAfterTheQuote() throws {
        let dijo = try only("«No habrá más recortes este año», dijo Ramírez a los periodistas.")
        #expect(dijo.speakerText == "Ramírez")
        #expect(dijo.verb == "dijo")
        let sostenia = try only("«Las pruebas no bastan», sostenía Elena Ruiz, la fiscal del caso.")
        #expect(sostenia.speakerText?.contains("Elena Ruiz") == true)
        // The English table alone does not read Spanish.
        #expect(try only("«No habrá más recortes este año», dijo Ramírez a los periodistas.", verbs: .english).speakerText == nil)
    }
}
