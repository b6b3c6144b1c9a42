import Testing
@testable import Corpus

/// Organisations in business news (issue 11): legal forms, tickers, acronyms defined in
/// brackets, long names kept whole, calendar words never names, and person against company
/// decided from the words around the name. The texts are written for these tests.
@Suite struct EntityOrganizationTests {
    private func index(_ bodies: [String]) -> EntityIndex {
        EntityFixtures.corpus(bodies).entityIndex
    }

    @Test func legalFormsMakeCompanies() {
        let idx = index(["""
            Prices were raised by Brandt Steel Co and by The Tillman Co on Tuesday. Azotar SA and Kessler AG \
            followed, and the Dutch unit of Vantor NV said little. Halden and Pryce Plc kept its price.
            """])
        for name in ["Brandt Steel Co", "Tillman Co", "Azotar SA", "Kessler AG", "Vantor NV", "Halden and Pryce Plc"] {
            #expect(idx.entity(named: name)?.kind == .organization, "\(name)")
        }
        #expect(EntityFixtures.people(idx).isEmpty)
    }

    @Test func twoCompaniesJoinedByAndAreTwo() {
        let idx = index(["Orders went to Hitachi Ltd and Toshiba Corp, and to Salomon Brothers and Merrill Lynch for the bonds."])
        #expect(idx.entity(named: "Hitachi Ltd")?.kind == .organization)
        #expect(idx.entity(named: "Toshiba Corp")?.kind == .organization)
        #expect(idx.entity(named: "Salomon Brothers")?.kind == .organization)
        #expect(idx.entities.allSatisfy { !$0.name.contains(" and ") })
    }

    @Test func partnersListedWithCommasAreOneFirm() {
        let idx = index(["The notes were placed by Kidder, Peabody and Co, said Ann Fisk, who advised Morgan Stanley and Co Inc."])
        #expect(idx.entity(named: "Kidder, Peabody and Co")?.kind == .organization)
        #expect(idx.entity(named: "Morgan Stanley and Co Inc")?.kind == .organization)
        #expect(idx.entity(named: "Ann Fisk")?.kind == .person)
    }

    @Test func aLegalFormEndsTheName() {
        let idx = index(["The offer was made by Harlan Marine Corp. on Thursday after a long fight."])
        #expect(idx.entity(named: "Harlan Marine Corp.")?.kind == .organization)
        #expect(idx.entities.allSatisfy { !$0.name.contains("Thursday") })
    }

    @Test func tickersAndBracketedAcronymsAreAliases() {
        let idx = index(["""
            Harlan Marine Corp <HMC> bid for Tessaly. The Northern Grain Exporters Federation (NGEF) \
            backed the bid, and NGEF members said HMC would pay cash.
            """])
        let harlan = idx.entity(named: "Harlan Marine Corp")
        #expect(harlan?.kind == .organization)
        #expect(idx.entity(named: "HMC")?.id == harlan?.id)
        let federation = idx.entity(named: "Northern Grain Exporters Federation")
        #expect(federation?.kind == .organization)
        #expect(idx.entity(named: "NGEF")?.id == federation?.id)
    }

    @Test func longNamesStayWholeAndAreFoundByTheirName() {
        let idx = index([
            "American Express Co said its card unit grew. Shares rose on the New York Stock Exchange.",
            "Analysts said American Express would gain. Corning Glass Works and the Bank of Canada were quiet.",
        ])
        let amex = idx.entity(named: "American Express")
        #expect(amex?.kind == .organization)
        #expect(amex?.name == "American Express Co")
        #expect((amex?.mentions.count ?? 0) == 2)
        #expect(idx.entity(named: "New York Stock Exchange")?.kind == .organization)
        #expect(idx.entity(named: "Corning Glass Works")?.kind == .organization)
        #expect(idx.entity(named: "Bank of Canada")?.kind == .organization)
        #expect(idx.entities.allSatisfy { $0.name != "Express" && $0.name != "Stock Exchange" })
    }

    @Test func aCompanyNamedLikeAPersonIsACompany() {
        let idx = index([
            "The bonds were sold by Merrill Lynch Capital Markets. Ashby Cole Corp bought Dunbar for cash.",
            "Merrill Lynch said demand was strong, and Ashby Cole said it would cut jobs.",
        ])
        #expect(idx.entity(named: "Merrill Lynch")?.kind == .organization)
        #expect(idx.entity(named: "Ashby Cole")?.kind == .organization)
        #expect(EntityFixtures.people(idx).isEmpty)
    }

    @Test func theWordsAroundAOneWordNameSayItIsACompany() {
        let idx = index(["""
            On Monday, Delvane engineers walked out, and shares of Corvex fell, while rival Marbury said it \
            would hire them. Passengers said Amtrak trains ran late. The TSA said checks were normal.
            """])
        for name in ["Delvane", "Corvex", "Marbury", "Amtrak", "TSA"] {
            #expect(idx.entity(named: name)?.kind == .organization, "\(name)")
        }
    }

    @Test func abbreviationsOfThingsAreNotCompaniesWhateverIsAroundThem() {
        let idx = index(["""
            The new laptops ship this month. Its CPU units run cooler, and each USB plant on the board draws less power. \
            Analysts said CPU shipments will rise. Shares of Corvex rose, and Corvex engineers said the API services \
            were ready. The TSA said checks were normal.
            """])
        for name in ["CPU", "USB", "API"] {
            #expect(idx.entity(named: name).map(\.kind) != .organization, "\(name)")
        }
        // The words around a name still make a company of a name that is not such an abbreviation.
        #expect(idx.entity(named: "Corvex")?.kind == .organization)
        #expect(idx.entity(named: "TSA")?.kind == .organization)
    }

    @Test func calendarWordsAreNeverEntities() {
        let idx = index(["""
            NEW YORK, Feb 26 - Sales rose in Jan and Feb, and the fund pays on Sept 30 and Oct 1. \
            Trading resumes Monday; the Tues session was short.
            """])
        let names = Set(idx.entities.map(\.name))
        for word in ["Feb", "Jan", "Sept", "Oct", "Monday", "Tues"] { #expect(!names.contains(word), "\(word)") }
    }

    @Test func otherIsRareAndAPersonStaysAPerson() {
        let idx = index(["""
            Tom Harkavy, a senator, said the bill was flawed. Harkavy spokesman Lee Dunn said Harkavy would vote no. \
            Mr. Okabe of MITI agreed.
            """])
        #expect(idx.entity(named: "Tom Harkavy")?.kind == .person)
        #expect(idx.entity(named: "Lee Dunn")?.kind == .person)
        #expect(idx.entity(named: "MITI")?.kind == .organization)
    }

    @Test func arabicNamesWithParticlesStayWhole() {
        let idx = index(["Sheikh Ali al-Khalifa al-Sabah, the oil minister, said output would fall."])
        #expect(idx.entity(named: "Ali al-Khalifa al-Sabah")?.kind == .person)
        #expect(idx.entities.allSatisfy { $0.name != "Ali" })
    }
}
