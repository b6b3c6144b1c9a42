import Testing
@testable import Corpus

/// Stage 4: pronouns, surnames and descriptions resolved from the context.
@Suite struct QuoteResolutionTests {
    private func speakers(_ text: String) -> [String?] {
        QuoteExtractor.quotes(in: text).map { $0.speaker?.name }
    }

    @Test func pronounFromThePreviousParagraphsAttribution() {
        let text = """
            With Mr. Blinken headed to China, US President Joe Biden has downplayed this latest episode. “I don’t think the leaders knew where it was,” he told reporters on Saturday.

            “I think it was more embarrassing than intentional,” he added.
            """
        #expect(speakers(text) == ["Joe Biden", "Joe Biden"])
    }

    @Test func pronounPrefersTheLastSpeakerOverANameInPassing() {
        let text = "“We will win,” said Maria Lopez after meeting Tom Baker in Madrid.\n\n“It is hard,” she added."
        #expect(speakers(text) == ["Maria Lopez", "Maria Lopez"])
    }

    @Test func pronounFollowsANewSubject() {
        let text = "“We will win,” Maria Lopez said.\n\nTom Baker, however, disagreed. “It is hard,” he said."
        #expect(speakers(text) == ["Maria Lopez", "Tom Baker"])
    }

    @Test func pronounAfterSomeoneWhoSpeaks() {
        let text = "Rain fell on Tuesday. But the Bureau of Meteorology's Claire Richards says the rain has done little. “The falls have been quite isolated,” she said."
        #expect(speakers(text) == ["Claire Richards"])
    }

    @Test func surnameTitledFormAndFamilyNameFirst() {
        #expect(speakers("Jonathan Ward wrote a book.\n\n“It matters,” Ward said.") == ["Jonathan Ward"])
        #expect(speakers("Danny Russell is a former official. “It will help,” said Mr. Russell.") == ["Danny Russell"])
        #expect(speakers("Xi Jinping arrived on Friday. “We welcome him,” Xi said.") == ["Xi Jinping"])
    }

    @Test func titleAndSingleNameIsSomeone() {
        #expect(speakers("The Foreign Minister, Dr Abdullah, spoke. “There is already the agreement,” he said.") == ["Abdullah"])
    }

    @Test func definiteDescriptionsFollowTheirAntecedent() {
        let unnamed = "“There’s a recognition on both sides,” stated a senior State Department official. “That we are at an important point,” the official added."
        let quotes = QuoteExtractor.quotes(in: unnamed)
        #expect(quotes.map(\.speakerText) == ["a senior State Department official", "the official"])
        #expect(quotes.map(\.speaker) == [nil, nil])
        let named = "Qin Gang, China’s foreign minister, spoke on Wednesday. “We are ready,” the minister said."
        #expect(speakers(named) == ["Qin Gang"])
    }

    @Test func institutionsAndGroupsAreNotPeople() {
        let text = "Since then, the Biden administration has said it will keep a “hard line” on chips. “We are ready,” US officials said."
        let quotes = QuoteExtractor.quotes(in: text)
        #expect(quotes.map(\.speakerText) == ["the Biden administration", "US officials"])
        // The administration is an organisation of the entity stage; officials are nobody named.
        #expect(quotes.map(\.speakerKind) == [.organization, .description])
        #expect(quotes.map(\.speaker?.name) == ["Biden administration", nil])
    }

    @Test func theBuiltInResolverIsTheEntityStage() {
        let text = """
            With Mr. Blinken headed to China, US President Joe Biden has downplayed this latest episode.
            Chinese Foreign Ministry spokesperson Wang Wenbin spoke in Beijing; Foreign Minister Qin Gang did not.
            Blinken will attend the APEC summit in San Francisco with Anthony Blinken's team.
            """
        let resolver = EntitySpeakerResolver(index: Corpus.freeText(text).entityIndex)
        let persons = resolver.persons(in: 0, bytes: 0..<text.utf8.count).map(\.person.name)
        #expect(persons.contains("Joe Biden"))
        #expect(persons.contains("Wang Wenbin"))
        #expect(persons.contains("Qin Gang"))
        #expect(!persons.contains("San Francisco"))
        // Mentions are listed where they are written, in text order.
        let named = resolver.persons(in: 0, bytes: 0..<text.utf8.count)
        #expect(named.map(\.range.lowerBound) == named.map(\.range.lowerBound).sorted())
        #expect(resolver.resolve("Biden", in: 0, near: 0)?.name == "Joe Biden")
        #expect(resolver.resolve("Mr. Blinken", in: 0, near: text.utf8.count)?.name == "Anthony Blinken")
        #expect(resolver.resolve("US President Joe Biden", in: 0, near: 0)?.name == "Joe Biden")
        #expect(resolver.resolve("the APEC summit", in: 0, near: 0) == nil)
        #expect(resolver.lastPerson(before: text.utf8.count, in: 0)?.name == "Anthony Blinken")
        #expect(resolver.lastPerson(before: 0, in: 0) == nil)
    }

    @Test func freeTextQuotesUseTheEntityStage() {
        let quotes = QuoteExtractor.quotes(in: "“It matters,” Sheikh Ali al-Khalifa al-Sabah said. “So does this,” he added.")
        #expect(quotes.map { $0.speaker?.name } == ["Ali al-Khalifa al-Sabah", "Ali al-Khalifa al-Sabah"])
    }

    /// A resolver standing in for an entity stage.
    private struct DirectoryResolver: SpeakerResolving {
        func resolve(_ phrase: String, in document: Int, near offset: Int) -> ResolvedSpeaker? {
            phrase.hasSuffix("Ward") ? ResolvedSpeaker(id: 42, name: "Jonathan Ward (entity)") : nil
        }
        func lastPerson(before offset: Int, in document: Int) -> ResolvedSpeaker? {
            ResolvedSpeaker(id: 42, name: "Jonathan Ward (entity)")
        }
    }

    @Test func anotherResolverCanBePluggedIn() {
        let quotes = QuoteExtractor.quotes(in: "“It matters,” Ward said. “So does this,” he added.", resolver: DirectoryResolver())
        #expect(quotes.map { $0.speaker?.id } == [42, 42])
    }
}
