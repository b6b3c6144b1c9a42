import Testing
@testable import Corpus

/// Speakers as issue 11 asks for them: unnamed speakers kept as their description, pronouns
/// only resolved to people, organisations speaking as bodies, doubled verbs and appositions,
/// and partial only for fragments. Texts written for these tests; read as a one-document
/// corpus, so speakers come from the entity stage.
@Suite struct QuoteSpeakerKindTests {
    private func quotes(_ text: String, _ query: QuoteQuery = QuoteQuery()) throws -> [Quote] {
        try Corpus.freeText(text).quotes(matching: query).map(\.quote)
    }

    @Test func anUnnamedSpeakerIsKeptAsADescription() throws {
        let qs = try quotes("""
            Tessaly shares rose sharply.

            "The market is telling you that somebody else may come in," an arbitrageur said. "At 42 dlrs \
            this is a cheap deal."

            "The Russians have been quiet," one floor trader said.
            """)
        #expect(qs.count == 3)
        #expect(qs.map(\.speakerText) == ["an arbitrageur", "an arbitrageur", "one floor trader"])
        #expect(qs.allSatisfy { $0.speakerKind == .description && $0.speaker == nil })
        #expect(qs.map(\.who) == ["an arbitrageur", "an arbitrageur", "one floor trader"])
    }

    @Test func aLeadInDescriptionMakesAFullQuote() throws {
        let qs = try quotes("""
            A company spokesman told Reuters "We have concluded that the offer is too low."
            """)
        #expect(qs.count == 1)
        #expect(qs.first?.kind == .full)
        #expect(qs.first?.speakerText == "A company spokesman")
        #expect(qs.first?.speakerKind == .description)
    }

    @Test func aPronounAfterAnUnnamedSpeakerIsThatSpeaker() throws {
        let qs = try quotes("""
            Walter Brannock, the chairman, left early. A Kestrel spokesman told Reuters the move was a \
            local decision. "Our refineries are running at 78 pct of capacity," he said.

            One dealer said the market had expected a larger deal. "People wanted an acquisition," he said.
            """)
        #expect(qs.count == 2)
        #expect(qs[0].speakerText == "A Kestrel spokesman")
        #expect(qs[0].speakerKind == .description)
        #expect(qs[1].speakerText == "One dealer")
        #expect(qs.allSatisfy { $0.speaker == nil })
    }

    @Test func aPronounIsNeverACompanyAndNeverASpeakerByItself() throws {
        let qs = try quotes("""
            Brandt Steel Co raised its prices on Monday. "We are ready for a long fight," he said.
            """)
        #expect(qs.count == 1)
        #expect(qs[0].speaker == nil)
        #expect(qs[0].speakerKind == .pronoun)
        #expect(qs[0].speakerText == "he")
        #expect(qs[0].who == nil)
        #expect(!qs[0].matchesSpeaker("he"))
    }

    @Test func anOrganisationSpeaksAsABody() throws {
        let qs = try quotes("""
            Brandt Steel Co said on Monday that costs were rising. "Prices will rise by five pct," Brandt Steel Co said.
            """)
        #expect(qs.count == 1)
        #expect(qs[0].speakerKind == .organization)
        #expect(qs[0].speaker?.name == "Brandt Steel Co")
        #expect(try quotes("\"Prices will rise,\" Brandt Steel Co said.", QuoteQuery(speakerKind: .person)).isEmpty)
    }

    @Test func aDoubledVerbAndAnAppositionFindTheName() throws {
        let qs = try quotes("""
            "The dollar will fall further," said said Thomas McKiernan, an economist.

            "Rates must rise," said our chief economist, Lionel Brathwaite, at a client lunch.
            """)
        #expect(qs.count == 2)
        #expect(qs[0].speaker?.name == "Thomas McKiernan")
        #expect(qs[1].speaker?.name == "Lionel Brathwaite")
        #expect(qs.allSatisfy { $0.speakerKind == .person })
    }

    @Test func aNameWithParticlesIsWhole() throws {
        let qs = try quotes("""
            "There is no cheating of any significance," said Sheikh Ali al-Khalifa al-Sabah, the oil minister.
            """)
        #expect(qs.first?.speaker?.name == "Ali al-Khalifa al-Sabah")
    }

    @Test func aQuoteAcrossParagraphsIsOneQuote() throws {
        let qs = try quotes("""
            Mr. Brannock spoke after the meeting.

            "We have been patient for four weeks and the board knows it.

            "The offer stands until Friday," Brannock said.
            """)
        #expect(qs.count == 1)
        #expect(qs.first?.paragraphs == 2)
        #expect(qs.first?.speaker?.name == "Brannock")
    }

    @Test func partialOnlyForFragmentsInsideASentence() throws {
        let qs = try quotes("""
            Hansen said the scheme was "a fraud that will fail" in a letter. "We will not sign it," Hansen said.
            """)
        #expect(qs.map(\.kind) == [.partial, .full])
        #expect(qs.map(\.partial) == [true, false])
    }
}

/// Hard-wrapped wire copy: names and quotations broken across line ends are whole once the
/// text is reflowed, and an unnamed speaker on the next line still speaks.
@Suite struct QuoteWrappedWireTests {
    static let story = """
        NEW YORK, Feb 26 - Tessaly Pumps Inc said its board would meet
    next week to consider the offer and had retained Morgan Stanley
    and Co Inc as its financial adviser. The shares rose on the New
    York Stock Exchange.
        "The market is telling you that somebody else may come in
    with a higher bid before the end of the month," an arbitrageur
    said. "At 42 dlrs this is a cheap deal."
        A company spokesman told Reuters "We have concluded that the
    offer does not reflect the value of our pump business."
     Reuter
    """

    @Test func wrappedQuotesAndNamesAreWhole() throws {
        let corpus = CorpusLoader.corpus(texts: [(id: "w1", text: "TESSALY RETAINS ADVISER\n\n" + Self.story)])
        let quotes = try corpus.quotes(matching: QuoteQuery()).map(\.quote)
        #expect(quotes.count == 3)
        #expect(quotes.first?.text.hasSuffix("before the end of the month") == true)
        #expect(quotes.prefix(2).allSatisfy { $0.speakerText == "an arbitrageur" && $0.speakerKind == .description })
        #expect(quotes.last?.kind == .full)
        #expect(quotes.last?.speakerKind == .description)
        let entities = corpus.entityIndex
        #expect(entities.entity(named: "Morgan Stanley and Co Inc")?.kind == .organization)
        #expect(entities.entity(named: "New York Stock Exchange")?.kind == .organization)
        #expect(entities.entity(named: "Tessaly Pumps")?.kind == .organization)
        #expect(entities.entities.allSatisfy { $0.name != "Feb" })
    }
}
