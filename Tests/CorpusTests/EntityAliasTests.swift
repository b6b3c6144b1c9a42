import Foundation
import Testing
@testable import Corpus

/// Corpus-wide alias resolution on articles written for the tests.
@Suite struct EntityAliasTests {
    @Test func surnameInAnotherDocumentResolvesToTheFullName() throws {
        let corpus = EntityFixtures.corpus([
            "Defence Minister Kofi Mensah-Baptiste visited the port on Monday. He met dock workers.",
            "The talks stalled again. Mensah-Baptiste said the government would not give way.",
            "Critics were unconvinced. Mr. Mensah-Baptiste has rejected their figures before.",
        ])
        let minister = try #require(corpus.entity(named: "Mensah-Baptiste"))
        #expect(minister.name == "Kofi Mensah-Baptiste")
        #expect(minister.kind == .person)
        #expect(minister.documents == [0, 1, 2])
        #expect(minister.roles.contains("Defence Minister"))
        #expect(corpus.entity(named: "Mr. Mensah-Baptiste") === minister)
        #expect(minister.aliases.contains("Mr. Mensah-Baptiste"))
    }

    @Test func nearSpellingsOfOnePersonMerge() throws {
        let corpus = EntityFixtures.corpus([
            "Foreign Minister Andrzej Kowalczyk arrived in Vilnius. Kowalczyk spoke briefly.",
            "Poland’s foreign minister Andrej Kowalczyk, who arrived late, declined to comment.",
        ])
        let people = corpus.entities(kind: .person)
        #expect(people.count == 1)
        let minister = try #require(people.first)
        #expect(minister.name == "Andrzej Kowalczyk")
        #expect(minister.aliases.contains("Andrej Kowalczyk"))
        #expect(corpus.entity(named: "Andrej Kowalczyk") === minister)
        #expect(minister.documents == [0, 1])
    }

    @Test func differentFirstNamesDoNotMerge() {
        let corpus = EntityFixtures.corpus([
            "Senator Jake Sullivan spoke first, then Senator Jane Sullivan replied.",
        ])
        #expect(Set(corpus.entities(kind: .person).map(\.name)) == ["Jake Sullivan", "Jane Sullivan"])
    }

    @Test func familyNameFirstResolvesForChineseNames() throws {
        let corpus = EntityFixtures.corpus([
            "Premier Li Qiang opened the forum in Tianjin.",
            "The forum ended on Friday. Li said growth would recover.",
        ])
        let li = try #require(corpus.entity(named: "Li Qiang"))
        #expect(li.count == 2)
        #expect(li.documents == [0, 1])
    }

    @Test func aGivenNameAloneElsewhereIsNotTakenForSomeone() {
        let corpus = EntityFixtures.corpus([
            "The lawyer Andrew Fenwick, a partner at the firm, filed the appeal.",
            "Nobody called back. Later, Andrew wrote that the hearing was over.",
        ])
        let fenwick = corpus.entity(named: "Andrew Fenwick")
        #expect(fenwick?.count == 1)
        #expect(fenwick?.documents == [0])
    }

    @Test func aMiddleNameLeftOutIsTheSamePerson() throws {
        let corpus = EntityFixtures.corpus([
            "Jessica Chen Weiss, a professor at Cornell University, said progress would be modest.",
            "Jessica Weiss, who studies Chinese nationalism, was not surprised.",
        ])
        let weiss = try #require(corpus.entity(named: "Jessica Weiss"))
        #expect(weiss.name == "Jessica Chen Weiss")
        #expect(weiss.count == 2)
    }

    @Test func namesOfTheSameCountryAreOnePlace() throws {
        let corpus = EntityFixtures.corpus([
            "The US and China talked. U.S. officials were cautious.",
            "The United States wants calm. America has been a bit vicious, one commentator wrote.",
        ])
        let us = try #require(corpus.entity(named: "US"))
        #expect(us.name == "United States")
        #expect(us.kind == .place)
        #expect(us.count == 4)
        for form in ["U.S.", "United States", "America", "USA", "the United States"] {
            #expect(corpus.entity(named: form) === us, "\(form)")
        }
    }

    @Test func lookupsIgnoreCaseCourtesyTitlesAndPossessives() throws {
        let corpus = EntityFixtures.corpus(["Treasury Secretary Janet Yellen arrived. Ms. Yellen’s visit was short."])
        let yellen = try #require(corpus.entity(named: "janet yellen"))
        #expect(corpus.entity(named: "Ms Yellen") === yellen)
        #expect(corpus.entity(named: "Yellen’s") === yellen)
        #expect(corpus.entity(named: "  Yellen  ") === yellen)
        #expect(corpus.entity(named: "Nobody Atall") == nil)
        #expect(corpus.entity(named: "") == nil)
    }
}
