import Testing
@testable import Corpus

/// The acceptance cases on the five seed articles, through `QuoteExtractor` with the built-in
/// resolver.
@Suite struct QuoteSeedTests {
    @Test func everyWardQuotationIsHis() throws {
        let quotes = try QuoteFixtures.seedQuotes("004")
        let ward = quotes.filter { $0.speaker?.name == "Jonathan Ward" }
        #expect(ward.map { String($0.text.prefix(20)) } == ["dangerous future ahe", "I don’t think any pa", "The broader picture "])
        let broader = try #require(QuoteFixtures.quote(quotes, "The broader picture is"))
        #expect(broader.kind == .full)
        #expect(broader.text.hasSuffix("woken up to this very recently."))
        let first = try #require(QuoteFixtures.quote(quotes, "I don’t think any particular meeting"))
        #expect(first.speakerText == "Ward" && first.verb == "said" && !first.partial)
        #expect(try #require(QuoteFixtures.quote(quotes, "dangerous future ahead")).partial)
    }

    @Test func bidenThroughThePreviousParagraph() throws {
        let quotes = try QuoteFixtures.seedQuotes("003")
        let q = try #require(QuoteFixtures.quote(quotes, "I think it was more embarrassing than intentional"))
        #expect(q.speaker?.name == "Joe Biden")
        #expect(q.speakerText == "he")
        #expect(q.verb == "added")
        #expect(q.kind == .full)
        #expect(QuoteFixtures.quote(quotes, "I don’t think the leaders knew")?.speaker?.name == "Joe Biden")
    }

    @Test func sunsQuoteRunsOnWithoutItsClosingMark() throws {
        let quotes = try QuoteFixtures.seedQuotes("000")
        let q = try #require(QuoteFixtures.quote(quotes, "Xi does want to visit San Francisco."))
        #expect(q.speakerText == "Sun")
        #expect(q.speaker?.name == "Yun Sun")
        #expect(q.verb == "said")
        #expect(q.text.contains("In addition to APEC, he wants a bilateral meeting with Biden."))
        #expect(q.text.hasSuffix("the foundation must be laid now."))
        #expect(!q.text.contains("\""))
    }

    @Test func unclosedQuoteAfterAccordingToContinuesSmallsSpeech() throws {
        let quotes = try QuoteFixtures.seedQuotes("000")
        let lead = try #require(QuoteFixtures.quote(quotes, "both sides want to show"))
        #expect(lead.speaker?.name == "Andrew Small" && lead.verb == "according to" && lead.kind == .full)
        let q = try #require(QuoteFixtures.quote(quotes, "The global south is China's most important audience."))
        #expect(q.speaker?.name == "Andrew Small")
        #expect(q.kind == .full)
        #expect(q.paragraphs == 1)
        #expect(q.text.hasSuffix("some benefit for Beijing and Washington."))
    }

    @Test func cctvCommentaryOverTwoParagraphs() throws {
        let quotes = try QuoteFixtures.seedQuotes("004")
        let q = try #require(QuoteFixtures.quote(quotes, "Since the start of the year, America has been a bit vicious"))
        #expect(q.paragraphs == 2)
        #expect(q.text.contains("Every time they say they want to meet"))
        #expect(q.text.hasSuffix("provoked China’s bottom line"))
        #expect(q.verb == "wrote")
        #expect(q.speaker?.name == "Yuyuan Tantian")
    }

    @Test func seniorOfficialStatedIt() throws {
        let quotes = try QuoteFixtures.seedQuotes("002")
        let q = try #require(QuoteFixtures.quote(quotes, "There’s a recognition on both sides"))
        #expect(q.verb == "stated")
        #expect(q.speakerText == "a senior State Department official")
        #expect(q.kind == .full)
        let next = try #require(QuoteFixtures.quote(quotes, "That we are at an important point"))
        #expect(next.speakerText == "the official" && next.verb == "added")
    }

    @Test func fragmentsAndScareQuotesArePartial() throws {
        let taiwan = try QuoteFixtures.seedQuotes("004").filter { $0.text == "Taiwan issue" }
        #expect(taiwan.count == 2)
        #expect(taiwan.allSatisfy { $0.partial })
        #expect(try QuoteFixtures.seedQuotes("003").filter { $0.text == "spy" }.map(\.partial) == [true])
        #expect(try QuoteFixtures.seedQuotes("004").filter { $0.text == "new cold war mentality" }.map(\.partial) == [true])
        for id in ["000", "002"] {
            let candid = try QuoteFixtures.seedQuotes(id).filter { $0.text == "candid, direct, and constructive" }
            #expect(candid.map(\.partial) == [true], "\(id)")
        }
    }

    @Test func headingsAndHeadlinesAreNobodysWords() throws {
        let quotes = try QuoteFixtures.seedQuotes("003")
        #expect(!quotes.contains { $0.text.contains("Challenge of the Century") })
        #expect(!quotes.contains { $0.text.contains("start a conversation") })
        let corpus = try #require(QuoteFixtures.seeds)
        let raw = QuoteExtractor.quotes(in: try corpus.document("003").raw)
        #expect(!raw.contains { $0.text.contains("The world expects the US and China to cooperate") })
        #expect(raw.contains { $0.text.hasPrefix("I think it was more embarrassing") })
    }

    @Test func missingOpeningMarkRecoveredForBiden() throws {
        let quotes = try QuoteFixtures.seedQuotes("001")
        let q = try #require(QuoteFixtures.quote(quotes, "I’m hoping that, over the next several months"))
        #expect(q.speaker?.name == "Joe Biden")
        #expect(q.kind == .full)
        #expect(q.text.hasSuffix("how there’s areas we can get along"))
    }

    @Test func quotesPointIntoTheirDocument() throws {
        let corpus = try #require(QuoteFixtures.seeds)
        for doc in corpus.documents {
            let quotes = QuoteExtractor.quotes(in: doc)
            #expect(quotes.map(\.range.lowerBound) == quotes.map(\.range.lowerBound).sorted())
            for q in quotes {
                #expect(!q.text.isEmpty)
                #expect(q.document == doc.index)
                #expect(q.range.upperBound <= doc.text.utf8.count)
                #expect(q.sentence < doc.sentenceCount)
                // The quote starts in its sentence, and its first words are the text's.
                #expect(doc.sentenceBytes(q.sentence).contains(q.range.lowerBound))
                #expect(doc.substring(q.range).hasPrefix(q.text.prefix(10)))
            }
        }
    }
}
