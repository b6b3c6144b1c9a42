import Foundation
import Testing
@testable import Corpus

/// What is not a person: sentence-initial words, headings, list labels, boilerplate.
@Suite struct EntityNegativeTests {
    static let notNames = [
        "Despite", "While", "Both", "Question", "Firstly", "Secondly", "Thirdly", "Lastly", "Also", "Read",
        "Related", "News", "Leave", "Reply", "Post", "Comment", "Image", "Credit", "Low", "Expectations",
        "Breakthrough", "Additionally", "Recently", "Seeking", "Prior", "Outside", "Effective", "Objectives",
        "Engagement", "Efforts", "Source", "Home", "Join", "Whatsapp",
    ]

    @Test func seedsHaveNoFalsePeople() throws {
        let corpus = try EntityFixtures.seeds()
        let people = corpus.entities(kind: .person)
        for person in people {
            let words = person.name.split(separator: " ").map(String.init)
            for w in words {
                #expect(!Self.notNames.contains(w), "\(person.name)")
            }
        }
        // No entity at all is named by one of these words.
        for word in Self.notNames {
            #expect(corpus.entities().first { $0.name == word } == nil, "\(word)")
        }
    }

    @Test func headingsAndLabelsOnlyNameWhatIsKnown() {
        let text = """
        Low Expectations for Breakthrough:

        While expectations are low, the visit matters. Foreign Minister Anna Kowal met the delegation.

        Firstly:

        Both sides want calm.

        Question: A Chinese balloon flew over American territory.

        Meeting With Anna Kowal And Friends

        Related News
        """
        let index = EntityFixtures.entities(text)
        #expect(EntityFixtures.people(index) == ["Anna Kowal"])
        // The heading mentions her too, since her name is known from the body.
        #expect(index.entity(named: "Anna Kowal")?.count == 2)
        #expect(index.entities.allSatisfy { !["Friends", "Meeting", "Question", "Related News"].contains($0.name) })
    }

    @Test func sentenceInitialWordsSeenLowercaseElsewhereAreNotNames() {
        let corpus = EntityFixtures.corpus([
            "Seeking Okafor’s support, the envoy flew in. Officials were seeking calm.",
            "Despite Okafor’s warnings, talks went ahead despite the weather.",
            "Bilateral Talks resumed in Okafor’s absence, though bilateral ties are weak.",
        ])
        let names = Set(corpus.entities().map(\.name))
        #expect(names.contains("Okafor"))
        #expect(!names.contains("Seeking Okafor"))
        #expect(!names.contains("Despite Okafor"))
        #expect(!names.contains("Bilateral Talks"))
        #expect(corpus.entity(named: "Okafor")?.count == 3)
    }

    @Test func acronymsAndProductsAreNotPeople() {
        let index = EntityFixtures.entities("The official Linux driver supports the CPU. The writer API changed.")
        #expect(EntityFixtures.people(index).isEmpty)
    }

    @Test func monthsAndDaysAreNotNames() {
        let index = EntityFixtures.entities("On Wednesday the minister met reporters. In June, talks resumed. Talks end in November.")
        #expect(index.entities.isEmpty)
    }

    /// A month written short is a month before a day or a year, and a given name before a name:
    /// "Jan" opens "Jan Dahl" and "Jan Egeland" (it used to be dropped, leaving "Dahl" as other).
    @Test func aShortMonthBeforeANameIsAGivenName() throws {
        let index = EntityFixtures.entities("""
            The port will reopen next week, said Jan Dahl, the harbour master in Bergen. \
            Jan Egeland, the aid chief, said Jan 5 was the worst day. Prices rose in Jan. Talks resumed on Jan. 12.
            """)
        let dahl = try #require(index.entity(named: "Jan Dahl"))
        #expect(dahl.kind == .person)
        #expect(index.entity(named: "Jan Egeland")?.kind == .person)
        #expect(index.entity(named: "Dahl")?.name == "Jan Dahl")
        #expect(!index.entities.contains { $0.name == "Jan" || $0.name.hasPrefix("Jan 5") })
    }
}
