import Testing
@testable import Corpus

/// A one-word organisation named mostly bare: an organisation cue in one mention decides its kind,
/// also when the mention opens a sentence, since a mention without any cue says nothing. Texts
/// written for these tests.
@Suite struct EntityOrganizationVoteTests {
    @Test func aCueOpeningASentenceMakesTheNameAnOrganisation() {
        let idx = EntityFixtures.corpus([
            "Talks on the wage freeze broke down again on Monday, unions said.",
            "Corvella management and unions met for a second day. The unions say Corvella cannot ask for a freeze while it pays bonuses.",
            "Passengers were stranded when Corvella cancelled flights. A spokesman said Corvella would reimburse them.",
        ]).entityIndex
        #expect(idx.entity(named: "Corvella")?.kind == .organization)
    }
}
