import Testing
@testable import Corpus

/// Stage 1: pairing quotation marks.
@Suite struct QuoteSpanTests {
    typealias S = QuoteFixtures.SpanSummary

    @Test func curlyMarksPairAndDropTheWritersComma() {
        #expect(QuoteFixtures.spans("“We will win,” he said, and left.")
                == [S(text: "We will win", paragraphs: 1, missingOpening: false, closed: true)])
    }

    @Test func straightMarksTakeTheirDirectionFromContext() {
        let spans = QuoteFixtures.spans(#""Yes," she said, "and no." Then "maybe"."#)
        #expect(spans.map(\.text) == ["Yes", "and no.", "maybe"])
        #expect(spans.allSatisfy { $0.closed })
    }

    @Test func apostrophesAreNotQuotationMarks() {
        #expect(QuoteFixtures.spans("Blinken’s trip, the states’ rights, it don’t matter in the ’90s.").isEmpty)
        #expect(QuoteFixtures.spans("It's the players' union and the '90s, rock 'n' roll.").isEmpty)
    }

    @Test func singleQuotesPairWhenBothEndsAreClear() {
        let spans = QuoteFixtures.spans("China’s foreign minister says US should respect the ‘Taiwan issue’")
        #expect(spans.map(\.text) == ["Taiwan issue"])
        #expect(QuoteFixtures.spans("The 'Big-time opportunities' are coming.").map(\.text) == ["Big-time opportunities"])
    }

    @Test func nestedQuotesStayInsideTheOuterOne() {
        #expect(QuoteFixtures.spans("“He told me ‘no’ twice,” she said.").map(\.text) == ["He told me ‘no’ twice"])
    }

    @Test func aQuoteLeftOpenContinuesIntoAParagraphThatReopensIt() {
        let text = """
            On Tuesday, one commentator wrote: “Since the start of the year, America has been vicious.

            “Every time they say they want to meet, the US plays tricks,” wrote Yuyuan Tantian.
            """
        let spans = QuoteFixtures.spans(text)
        #expect(spans.count == 1)
        #expect(spans.first?.paragraphs == 2)
        #expect(spans.first?.closed == true)
        #expect(spans.first?.text == "Since the start of the year, America has been vicious. Every time they say they want to meet, the US plays tricks")
    }

    @Test func aQuoteLeftOpenEndsWithItsParagraphWhenTheNextDoesNotReopen() {
        let text = """
            "The global south is China's most important audience. It's allies and partners for the US.

            There are worries that their rivalry could escalate.
            """
        #expect(QuoteFixtures.spans(text) == [S(text: "The global south is China's most important audience. It's allies and partners for the US.",
                                                 paragraphs: 1, missingOpening: false, closed: false)])
    }

    @Test func aForgottenReopeningMarkStillContinuesTheQuote() {
        let text = "“First part of it.\n\nSecond part,” she said."
        let spans = QuoteFixtures.spans(text)
        #expect(spans.count == 1)
        #expect(spans.first?.paragraphs == 2)
        #expect(spans.first?.text == "First part of it. Second part")
    }

    @Test func aStrayOpeningMarkInsideAnOpenQuoteIsSkipped() {
        let text = #"Sun said, "Xi does want to visit San Francisco. "In addition to APEC, he wants a bilateral meeting with Biden."#
        #expect(QuoteFixtures.spans(text) == [S(text: "Xi does want to visit San Francisco. In addition to APEC, he wants a bilateral meeting with Biden.",
                                                 paragraphs: 1, missingOpening: false, closed: false)])
    }

    @Test func aClosingMarkWithoutOpeningOneSpansFromTheParagraphStart() {
        let text = "I’m hoping that, over the next several months, we can get along,” Biden said."
        #expect(QuoteFixtures.spans(text) == [S(text: "I’m hoping that, over the next several months, we can get along",
                                                 paragraphs: 1, missingOpening: true, closed: true)])
        // After another quote in the paragraph, the recovered one starts at its own sentence.
        let two = "“First,” she said. Then it went on, she added.” The end."
        #expect(QuoteFixtures.spans(two).map(\.text) == ["First", "Then it went on, she added."])
    }

    @Test func aQuoteWithoutClosingMarkStopsBeforeTheWritersNarration() {
        // Paragraphs joined into one (as some feeds print them) lose the closing marks.
        let text = #""Today, justice is being done," Mr Bush said. "We still have far to go. In New York, firefighters assembled at the site. Defence Secretary Donald Rumsfeld vowed never to forget the victims. "In the skies they showed they were ready," Mr Rumsfeld said."#
        let quotes = QuoteExtractor.quotes(in: text)
        #expect(quotes.map(\.text) == ["Today, justice is being done", "We still have far to go.", "In the skies they showed they were ready"])
        #expect(quotes.map(\.speakerText) == ["Mr Bush", "Mr Bush", "Mr Rumsfeld"])
        let seles = #""This is why you play," she said. "But I want to try not to peak too early. "Seles, slow into her stride, slipped to 2-3 but recovered quickly, claiming the set."#
        #expect(QuoteExtractor.quotes(in: seles).map(\.text) == ["This is why you play", "But I want to try not to peak too early."])
    }

    @Test func guillemetsPairIncludingFrenchSpacing() {
        #expect(QuoteFixtures.spans("«Bonjour», dit-il.").map(\.text) == ["Bonjour"])
        #expect(QuoteFixtures.spans("Il a dit « bonjour » hier.").map(\.text) == ["bonjour"])
    }

    @Test func marksThatCannotPairProduceNothingOrOneSpan() {
        // A straight mark after a digit closes nothing that opened: a recovered span the extractor
        // drops, since no attribution follows; marks with spaces on both sides are ignored.
        let height = "He is 6'2\" tall and said \" nothing \" at all."
        #expect(QuoteFixtures.spans(height).map(\.missingOpening) == [true])
        #expect(QuoteExtractor.quotes(in: height).isEmpty)
        #expect(QuoteFixtures.spans("“a “b “c").count == 1)
        #expect(QuoteFixtures.spans("”””").isEmpty)
    }
}
