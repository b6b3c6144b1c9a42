import Foundation
import Testing
@testable import Corpus

/// One test per recognition pattern, each on a sentence from the seeds or written for it.
@Suite struct EntityPatternTests {
    @Test func titleBeforeTheName() throws {
        let index = EntityFixtures.entities("Washington: It is unlikely that US Secretary of State Antony Blinken will resolve the disagreements.")
        let blinken = try #require(index.entity(named: "Antony Blinken"))
        #expect(blinken.kind == .person)
        #expect(blinken.roles.contains("US Secretary of State"))
        #expect(blinken.roles.contains("Secretary of State"))
        #expect(index.entity(named: "US")?.name == "United States")
        // The title is not part of the name.
        #expect(blinken.mentions.first?.text == "Antony Blinken")
    }

    @Test func lowercaseTitleWithAQualifier() throws {
        let index = EntityFixtures.entities("“Anything that would lead to greater cooperation is to be welcomed,” UN spokesman Stephane Dujarric told reporters on Wednesday.")
        let dujarric = try #require(index.entity(named: "Dujarric"))
        #expect(dujarric.name == "Stephane Dujarric")
        #expect(dujarric.roles.contains("UN spokesman"))
        #expect(index.entity(named: "UN")?.kind == .organization)
    }

    @Test func possessiveQualifierBeforeTheTitle() throws {
        let index = EntityFixtures.entities("“Trip is essential, but not sufficient”, Singapore’s foreign minister Vivian Balakrishnan was quoted by Al-Jazeera as saying.")
        let minister = try #require(index.entity(named: "Vivian Balakrishnan"))
        #expect(minister.roles.contains("Singapore’s foreign minister"))
        #expect(minister.roles.contains("Foreign Minister"))
        #expect(index.entity(named: "Al Jazeera")?.kind == .organization)
    }

    @Test func appositionWithAnArticle() throws {
        let index = EntityFixtures.entities("According to Andrew Small, a senior fellow with the German Marshall Fund’s Asia programme, both sides want to show restraint.")
        let small = try #require(index.entity(named: "Andrew Small"))
        #expect(small.kind == .person)
        #expect(small.roles.contains("Senior Fellow"))
        #expect(index.entity(named: "German Marshall Fund")?.kind == .organization)
        #expect(index.entity(named: "Asia")?.kind == .place)
    }

    @Test func appositionWithAnOfComplement() throws {
        let index = EntityFixtures.entities("According to Yun Sun, director of the China Programme at the Stimson Centre, Beijing agreed to the visit.")
        let sun = try #require(index.entity(named: "Yun Sun"))
        #expect(sun.roles.contains("director of the China Programme"))
        #expect(sun.roles.contains("Director"))
        #expect(index.entity(named: "Stimson Centre")?.kind == .organization)
    }

    @Test func appositionAfterTheNameWithAPossessive() throws {
        let index = EntityFixtures.entities("On Wednesday Qin Gang, China’s foreign minister, told Blinken in a phone call that the US should stop interfering.")
        let qin = try #require(index.entity(named: "Qin Gang"))
        #expect(qin.roles.contains("China’s foreign minister"))
        // "On Wednesday" is not part of the name.
        #expect(qin.mentions.first?.text == "Qin Gang")
    }

    @Test func titleThenCommaThenName() throws {
        let index = EntityFixtures.entities("In Beijing, the US secretary of state, Antony Blinken, met senior officials.")
        let blinken = try #require(index.entity(named: "Blinken"))
        #expect(blinken.roles.contains("Secretary of State"))
    }

    @Test func demonymQualifiesTheTitleAndIsNotAPlaceMention() throws {
        let index = EntityFixtures.entities("Biden wants to meet Chinese President Xi Jinping again.")
        let xi = try #require(index.entity(named: "Xi"))
        #expect(xi.name == "Xi Jinping")
        #expect(xi.roles.contains("Chinese President"))
        #expect(index.entity(named: "China") == nil)
    }

    @Test func courtesyTitleMarksAPersonAndStaysInTheMention() throws {
        let index = EntityFixtures.entities("Danny Russell spoke first. Mr. Russell said the visit would not solve the big problems.")
        let russell = try #require(index.entity(named: "Mr. Russell"))
        #expect(russell.name == "Danny Russell")
        #expect(russell.count == 2)
        #expect(russell.mentions.map(\.text) == ["Danny Russell", "Mr. Russell"])
    }

    @Test func speechVerbAtASentenceStartResolvesASurname() throws {
        let text = "According to Yun Sun, director of the China Programme, the visit matters.\n\nSun said, “Xi does want to visit San Francisco.”"
        let index = EntityFixtures.entities(text)
        let sun = try #require(index.entity(named: "Yun Sun"))
        #expect(sun.count == 2)
        #expect(index.entity(named: "San Francisco")?.kind == .place)
    }

    @Test func organisationPlaceAndEventWords() {
        let index = EntityFixtures.entities("Researchers at Tufts University and the Northfield Policy Institute watched the Kaltenberg Jousting Festival near the Spratly Islands.")
        #expect(EntityFixtures.kind(of: "Tufts University", in: index) == .organization)
        #expect(EntityFixtures.kind(of: "Northfield Policy Institute", in: index) == .organization)
        #expect(EntityFixtures.kind(of: "Kaltenberg Jousting Festival", in: index) == .event)
        #expect(EntityFixtures.kind(of: "Spratly Islands", in: index) == .place)
        #expect(EntityFixtures.people(index).isEmpty)
    }

    @Test func titleOfAWorkIsOther() {
        let index = EntityFixtures.entities("Jonathan Ward, author of The Decisive Decade, a book about US competition with China, said the outlook was dangerous.")
        #expect(EntityFixtures.kind(of: "The Decisive Decade", in: index) == .other)
        #expect(index.entity(named: "Jonathan Ward")?.roles.contains("author of The Decisive Decade") == true)
    }

    @Test func acronymInBracketsBecomesAnAlias() throws {
        let text = "Analysts at the Northfield Institute for Energy Security (NIES) disagreed. Later NIES said the data were incomplete."
        let index = EntityFixtures.entities(text)
        let institute = try #require(index.entity(named: "NIES"))
        #expect(institute.name == "Northfield Institute for Energy Security")
        #expect(institute.kind == .organization)
        #expect(institute.count == 3)
    }

    @Test func hyphenatedPlacesAreMentionsOfEachPlace() throws {
        let text = "Sino-US relations shape the US-China relationship."
        let index = EntityFixtures.entities(text)
        let us = try #require(index.entity(named: "United States"))
        #expect(us.count == 2)
        #expect(index.entity(named: "China")?.count == 1)  // "Sino" is an adjective, not a mention
        let bytes = Array(text.utf8)
        for m in us.mentions {
            #expect(String(decoding: bytes[m.range], as: UTF8.self) == "US")
        }
    }

    @Test func administrationIsAnOrganisation() {
        let index = EntityFixtures.entities("Beijing is frustrated with what it sees as the Biden administration’s use of economic policies as weapons.")
        #expect(EntityFixtures.kind(of: "Biden administration", in: index) == .organization)
        #expect(EntityFixtures.people(index).isEmpty)
    }

    @Test func givenNameListMakesAPerson() {
        let index = EntityFixtures.entities("In May, Elon Musk visited China, meeting senior officials.")
        #expect(EntityFixtures.kind(of: "Elon Musk", in: index) == .person)
        #expect(index.entity(named: "May") == nil)
    }

    @Test func gazetteerMatchIgnoresCaseAfterTheFirstWord() {
        let index = EntityFixtures.entities("The broader picture is that the Chinese Communist party has a clear strategy.")
        #expect(index.entity(named: "Chinese Communist party")?.name == "Chinese Communist Party")
    }
}
