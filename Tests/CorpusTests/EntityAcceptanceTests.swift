import Foundation
import Testing
@testable import Corpus

/// The acceptance examples and traps, on the seeds.
@Suite struct EntityAcceptanceTests {
    @Test func surnameResolvesToTheFullName() throws {
        let corpus = try EntityFixtures.seeds()
        #expect(corpus.entity(named: "Sun")?.name == "Yun Sun")
        #expect(corpus.entity(named: "Sun")?.kind == .person)
    }

    @Test func spellingsOfBlinkenAreOnePerson() throws {
        let corpus = try EntityFixtures.seeds()
        let anthony = try #require(corpus.entity(named: "Anthony Blinken"))
        let mister = try #require(corpus.entity(named: "Mr. Blinken"))
        #expect(anthony === mister)
        #expect(anthony.name == "Antony Blinken")
        #expect(corpus.entity(named: "Blinken") === anthony)
        #expect(corpus.entity(named: "Antony Blinken") === anthony)
        #expect(anthony.roles.contains("US Secretary of State"))
        // Every document names him, whichever spelling it used.
        #expect(anthony.documents == Array(0..<corpus.count))
        #expect(anthony.mentionedDocuments.map(\.id) == corpus.documents.map(\.id))
        for form in ["Blinken", "Mr. Blinken", "Anthony Blinken", "Mr Blinken"] {
            #expect(anthony.aliases.contains(form), "\(form)")
        }
    }

    @Test func qinGangIsForeignMinister() throws {
        let corpus = try EntityFixtures.seeds()
        let qin = try #require(corpus.entity(named: "Qin"))
        #expect(qin.name == "Qin Gang")
        #expect(qin.roles.contains("Foreign Minister"))
    }

    @Test func theUnitedStatesIsOnePlaceUnderEveryName() throws {
        let corpus = try EntityFixtures.seeds()
        let us = try #require(corpus.entity(named: "US"))
        #expect(us.kind == .place)
        for name in ["U.S.", "United States", "America"] {
            #expect(corpus.entity(named: name) === us, "\(name)")
        }
        // Doc 004 writes "America has been a bit vicious"; doc 001 "United States Secretary of State".
        #expect(us.aliases.contains("America"))
        #expect(us.mentions.contains { $0.text == "United States" })
    }

    @Test func kindsOfTheTraps() throws {
        let corpus = try EntityFixtures.seeds()
        let expected: [(String, EntityKind)] = [
            ("Xi", .person), ("Beijing", .place), ("Washington", .place), ("White House", .organization),
            ("State Department", .organization), ("Chinese Communist party", .organization),
            ("Cornell University", .organization), ("German Marshall Fund", .organization),
            ("Stimson Centre", .organization), ("CCTV", .organization), ("Reuters", .organization),
            ("Al-Jazeera", .organization), ("G20", .event), ("APEC", .event), ("Cold War", .event),
            ("The Decisive Decade", .other), ("Asia-Pacific", .place), ("Taiwan", .place),
            ("Biden administration", .organization), ("Jessica Chen Weiss", .person), ("Yuyuan Tantian", .person),
            ("Wang Yi", .person), ("Wang Wenbin", .person), ("Stephane Dujarric", .person), ("Danny Russell", .person),
        ]
        for (name, kind) in expected {
            #expect(corpus.entity(named: name)?.kind == kind, "\(name)")
        }
        #expect(corpus.entity(named: "Xi")?.name == "Xi Jinping")
        #expect(corpus.entity(named: "Biden")?.name == "Joe Biden")
    }

    @Test func rolesFromAppositions() throws {
        let corpus = try EntityFixtures.seeds()
        #expect(corpus.entity(named: "Jessica Chen Weiss")?.roles.contains("Professor") == true)
        #expect(corpus.entity(named: "Yuyuan Tantian")?.roles.contains("CCTV-affiliated blogger") == true)
        #expect(corpus.entity(named: "Janet Yellen")?.roles.contains("US Treasury Secretary") == true)
        #expect(corpus.entity(named: "Mr. Russell")?.roles.contains("Vice President") == true)
        #expect(corpus.entity(named: "Kritenbrink")?.roles.contains("Diplomat") == true)
    }

    @Test func thePeopleOfTheSeeds() throws {
        let corpus = try EntityFixtures.seeds()
        let people = Set(corpus.entities(kind: .person).map(\.name))
        let expected: Set<String> = [
            "Antony Blinken", "Xi Jinping", "Joe Biden", "Qin Gang", "Daniel Kritenbrink", "Danny Russell",
            "Gina Raimondo", "Janet Yellen", "Jonathan Ward", "Yun Sun", "Andrew Small", "Bill Gates",
            "Donald Trump", "Elon Musk", "Emanuel Macron", "Jake Sullivan", "Jessica Chen Weiss", "Mike Pompeo",
            "Stephane Dujarric", "Vivian Balakrishnan", "Wang Wenbin", "Wang Yi", "Yuyuan Tantian",
        ]
        #expect(people == expected)
    }

    @Test func demonymsAreNotMentions() throws {
        let corpus = try EntityFixtures.seeds()
        let china = try #require(corpus.entity(named: "China"))
        #expect(!china.mentions.contains { $0.text == "Chinese" })
        #expect(!corpus.entities().contains { $0.name == "Chinese" || $0.name == "American" })
    }
}
