import Testing
@testable import Corpus

/// Stage 2: full, partial and scare quotes, and quoted headings that are nobody's words.
@Suite struct QuoteClassificationTests {
    @Test func fragmentInsideAnAttributedSentenceIsPartial() throws {
        let quotes = QuoteExtractor.quotes(in: "Qin Gang spoke on Wednesday. Qin also said that the US should respect China’s concerns on the “Taiwan issue”.")
        let q = try #require(quotes.first)
        #expect(quotes.count == 1)
        #expect(q.kind == .partial && q.partial)
        #expect(q.speakerText == "Qin")
        #expect(q.speaker?.name == "Qin Gang")
    }

    @Test func bareWordInQuotesIsAScareQuote() throws {
        let q = try #require(QuoteExtractor.quotes(in: "A Chinese balloon flew over American territory, which Washington accused of being a “spy” plane.").first)
        #expect(q.text == "spy")
        #expect(q.kind == .scare)
        #expect(q.partial)
        #expect(q.speaker == nil && q.speakerText == nil)
    }

    @Test func longerUnattributedFragmentIsPartial() throws {
        let q = try #require(QuoteExtractor.quotes(in: "Beijing has repeatedly accused the US of engaging in double standards and a “new cold war mentality” when it comes to trade sanctions.").first)
        #expect(q.kind == .partial)
        #expect(q.speakerText == nil)
    }

    @Test func lowercaseStartAfterTheWritersWordsIsPartial() throws {
        let q = try #require(QuoteExtractor.quotes(in: "The United States must abandon the illusion of dealing with China “from a position of strength.”").first)
        #expect(q.kind == .partial)
        #expect(q.text == "from a position of strength.")
    }

    @Test func quoteOpeningTheSentenceIsFull() throws {
        let q = try #require(QuoteExtractor.quotes(in: "“I think it was more embarrassing than intentional,” he added.").first)
        #expect(q.kind == .full && !q.partial)
    }

    @Test func titleUsedAsANounIsPartial() throws {
        let quotes = QuoteExtractor.quotes(in: "“Moulin Rouge” has been nominated for eight awards, and “The Others” for two.")
        #expect(quotes.map(\.kind) == [.scare, .scare])
    }

    @Test func quotedHeadingIsDropped() {
        let text = """
            He also said he hopes to meet again with President Xi Jinping.

            “Challenge of the Century”

            Speaking in Washington before leaving, Anthony Blinken wanted to be somewhat optimistic.

            “start a conversation”

            Mr. Blinken’s visit is the first by a US secretary of state to China since 2018.
            """
        #expect(QuoteExtractor.quotes(in: text).isEmpty)
    }

    @Test func headlineWithAQuoteIsDropped() {
        let text = """
            Anthony Blinken in Beijing | “The world expects the US and China to cooperate”

            US Secretary of State Antony Blinken arrived in Beijing on Sunday.
            """
        #expect(QuoteExtractor.quotes(in: text).isEmpty)
    }

    @Test func aQuoteParagraphWithItsOwnFullStopIsNotAHeading() throws {
        let text = """
            Nor will it prevent the two parties from pursuing their own agendas, said Mr. Russell, vice president of the Asia Society Policy Institute.

            “But his visit could revive much-needed face-to-face dialogue.”
            """
        let q = try #require(QuoteExtractor.quotes(in: text).first)
        #expect(q.kind == .full)
        #expect(q.speakerText == "Mr. Russell")
    }

    @Test func labelBeforeAColonDoesNotMakeAHeadlineSpeech() {
        #expect(QuoteExtractor.quotes(in: "Also Read: 'Big-time opportunities' in Saudi real estate are being anticipated by Indian investors").isEmpty)
    }
}
