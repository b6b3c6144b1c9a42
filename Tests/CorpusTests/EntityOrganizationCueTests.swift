import Testing
@testable import Corpus

/// Organisations named by the words around them (issue 11, wave 6): a business noun before the
/// name, an occupation "at" it, an apposition that says what it is, its possessive before a
/// person's name, partners' names with "and", and possessives inside a firm's name. The texts are
/// written for these tests (invented firms and people).
@Suite struct EntityOrganizationCueTests {
    private func index(_ bodies: [String]) -> EntityIndex {
        EntityFixtures.corpus(bodies).entityIndex
    }

    @Test func aBusinessNounBeforeANameMakesItABusinessEvenWhenItLooksLikeAPerson() {
        let idx = index(["""
            The former finance chief of retailer Warren Tolley will face court. He acted as an \
            officer of Warren Tolley, and the original Warren Tolley business failed. The accounts \
            were checked by accountancy firm Dyson and Marsh, the court heard.
            """])
        #expect(idx.entity(named: "Warren Tolley")?.kind == .organization)
        #expect(idx.entity(named: "Dyson and Marsh")?.kind == .organization)
        #expect(EntityFixtures.people(idx).isEmpty, "\(EntityFixtures.people(idx))")
    }

    @Test func anOccupationAtANameMakesItTheEmployer() {
        let idx = index(["""
            Analysts at Brackwell cut their rating on the stock. "It was worse than feared," said \
            Nora Lindqvist, an economist with Perrin and Voss in Oslo.
            """])
        #expect(idx.entity(named: "Brackwell")?.kind == .organization)
        #expect(idx.entity(named: "Perrin and Voss")?.kind == .organization)
        #expect(idx.entity(named: "Nora Lindqvist")?.kind == .person)
    }

    @Test func anAppositionSaysWhatTheNameIs() {
        let idx = index(["""
            According to Quellnet, a leading network security company, the attack hit banks. \
            Vardo-9, the armed group in charge of the port, denied it. Tom Ashdown, a former \
            company director, said nothing.
            """])
        #expect(idx.entity(named: "Quellnet")?.kind == .organization)
        #expect(idx.entity(named: "Vardo-9")?.kind == .organization)
        #expect(idx.entity(named: "Tom Ashdown")?.kind == .person)
    }

    @Test func aPossessiveBeforeAPersonsNameIsTheEmployer() {
        let idx = index(["""
            The central bank cut rates again. Kestrabank's Bill Evans said the cut would not be the \
            last. "The door is open," Mr Evans said.
            """])
        #expect(idx.entity(named: "Kestrabank")?.kind == .organization)
        #expect(idx.entity(named: "Bill Evans")?.kind == .person)
    }

    @Test func businessNounsInOtherLanguages() {
        let idx = index([
            "El juez investiga a la empresa Ventisca, que compartía con su marido.",
            "« Nous avons été entendus », a dit la fédération Sud-Cargo, qui appelle à la grève.",
        ])
        #expect(idx.entity(named: "Ventisca")?.kind == .organization)
        #expect(idx.entity(named: "Sud-Cargo")?.kind == .organization)
    }

    @Test func partnersAfterAPersonOfTheFirmAreOneFirm() {
        let idx = index(["""
            "It makes sense now," said Ellen Marsh of Tobin, Garrity and Hale Inc. The bonds were \
            rated by Hartley's Investors Service Inc and by Dunmore and Kay's Corp.
            """])
        #expect(idx.entity(named: "Ellen Marsh")?.kind == .person)
        #expect(idx.entity(named: "Tobin, Garrity and Hale Inc")?.kind == .organization)
        #expect(idx.entity(named: "Hartley's Investors Service Inc")?.kind == .organization)
        #expect(idx.entity(named: "Dunmore and Kay's Corp")?.kind == .organization)
    }

    @Test func lowercaseBodyWordsAfterAName() {
        let idx = index(["""
            The Lindau institute kept its forecast, said Erik Dahl of the Ostmark bank, and so did \
            Velcorp founder Ann Rudd.
            """])
        #expect(idx.entity(named: "Lindau")?.kind == .organization)
        #expect(idx.entity(named: "Ostmark")?.kind == .organization)
        #expect(idx.entity(named: "Velcorp")?.kind == .organization)
        #expect(idx.entity(named: "Ann Rudd")?.kind == .person)
        #expect(idx.entity(named: "Erik Dahl")?.kind == .person)
    }

    @Test func occupationsBeforeAPersonStayPersons() {
        let idx = index(["""
            Newspaper publisher Rupert Haldane bought the title. Film producer Lisa Marne said she \
            would sue, and union leader Doug Carron, a former bank clerk, backed her.
            """])
        for name in ["Rupert Haldane", "Lisa Marne", "Doug Carron"] {
            #expect(idx.entity(named: name)?.kind == .person, "\(name)")
        }
    }
}
