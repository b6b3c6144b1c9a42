import Foundation
import Testing
@testable import Corpus

/// The gazetteer: data files, their format, and extension at run time.
@Suite struct EntityGazetteerTests {
    @Test func standardListsAreLoadedFromTheDataFiles() throws {
        let g = Gazetteer.standard
        let us = try #require(g.entry(named: "U.S."))
        #expect(us.name == "United States")
        #expect(us.kind == .place)
        #expect(us.demonyms.contains("American"))
        #expect(g.entry(named: "China")?.demonyms.contains("Chinese") == true)
        #expect(g.entry(named: "Beijing")?.kind == .place)
        #expect(g.entry(named: "UN")?.kind == .organization)
        #expect(g.entry(named: "State Department")?.kind == .organization)
        #expect(g.entry(named: "APEC")?.kind == .event)
        #expect(g.entry(named: "G20")?.kind == .event)
        #expect(g.roles.contains { $0.title == "Secretary of State" })
        #expect(g.roles.contains { $0.title == "General" && $0.capitalizedOnly })
        #expect(g.givenNames.contains("jessica"))
        #expect(g.familyNames.contains("xi"))
        #expect(g.nonNames.contains("firstly"))
    }

    @Test func fileFormatAliasesDemonymsSectionsAndComments() {
        var g = Gazetteer()
        g.addEntries(kind: .place, fileText: """
            # a comment
            Freedonia | Fredonia | FRD ; Freedonian | Freedonians

            Sylvania
            """)
        g.addRoles(fileText: "Grand Vizier\nMarshal *\n# Chief")
        g.addNameWords(fileText: "Rufus Hector\n[family]\nFirefly\n[given]\nGloria")
        g.addNonNames(fileText: "Hereby Whereas")
        #expect(g.entries.count == 2)
        #expect(g.entries[0].aliases == ["Fredonia", "FRD"])
        #expect(g.entries[0].demonyms == ["Freedonian", "Freedonians"])
        #expect(g.roles.map(\.title) == ["Grand Vizier", "Marshal"])
        #expect(g.roles.map(\.capitalizedOnly) == [false, true])
        #expect(g.givenNames == ["rufus", "hector", "gloria"])
        #expect(g.familyNames == ["firefly"])
        #expect(g.nonNames == ["hereby", "whereas"])
    }

    @Test func addingTheSameEntryTwiceMergesItsAliases() {
        var g = Gazetteer()
        g.add(kind: .organization, name: "NewsTrack", aliases: ["News Track"])
        g.add(kind: .organization, name: "newstrack", aliases: ["NT News", "News Track"])
        #expect(g.entries.count == 1)
        #expect(g.entries[0].aliases == ["News Track", "NT News"])
        g.add(kind: .organization, name: "   ")
        #expect(g.entries.count == 1)
    }

    @Test func aPluginAddsAnOrganisationAndATitleAtRunTime() throws {
        let corpus = EntityFixtures.corpus([
            "Readers of Zorblat Weekly wrote in. Grand Vizier Mirela Dragomir answered them.",
        ])
        // Without the additions, "Zorblat Weekly" is an unknown name and the title is unknown.
        #expect(corpus.entity(named: "Zorblat Weekly")?.kind != .organization)
        #expect(corpus.entity(named: "Dragomir")?.roles.isEmpty != false)
        corpus.extendGazetteer { g in
            g.add(kind: .organization, name: "Zorblat Weekly", aliases: ["ZW"])
            g.addRole("Grand Vizier")
        }
        let weekly = try #require(corpus.entity(named: "ZW"))
        #expect(weekly.name == "Zorblat Weekly")
        #expect(weekly.kind == .organization)
        let vizier = try #require(corpus.entity(named: "Dragomir"))
        #expect(vizier.name == "Mirela Dragomir")
        #expect(vizier.roles == ["Grand Vizier"])
        #expect(corpus.gazetteer.entry(named: "Zorblat Weekly") != nil)
    }

    @Test func anAddedPersonCollectsItsAliases() throws {
        var g = Gazetteer.standard
        g.add(kind: .person, name: "Xi Jinping", aliases: ["Chairman Xi"])
        let index = EntityFixtures.entities("Chairman Xi spoke. Later Xi Jinping left.", gazetteer: g)
        let xi = try #require(index.entity(named: "Xi Jinping"))
        #expect(xi.kind == .person)
        #expect(xi.count == 2)
    }

    @Test func anEmptyGazetteerStillFindsPeopleByPattern() {
        let index = EntityFixtures.entities("Mr. Aldous Quibble spoke. Quibble, a lawyer, said no.", gazetteer: Gazetteer())
        #expect(index.entity(named: "Quibble")?.name == "Aldous Quibble")
        #expect(index.entity(named: "Quibble")?.kind == .person)
    }
}
