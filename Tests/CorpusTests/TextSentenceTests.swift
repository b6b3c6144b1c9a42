import Testing
@testable import Corpus

/// Sentence rules for news prose, on sentences written for the test and quoted from the seeds.
@Suite struct TextSentenceTests {
    func sentences(_ text: String) -> [String] {
        SentenceSplitter.sentences(in: text)
    }

    @Test func fullStopsQuestionAndExclamationMarks() {
        #expect(sentences("It rained. We stayed in.") == ["It rained.", "We stayed in."])
        #expect(sentences("Did it rain? Yes! It did.") == ["Did it rain?", "Yes!", "It did."])
        #expect(sentences("Really?! No.") == ["Really?!", "No."])
    }

    @Test func aLowercaseWordAfterAQuestionContinues() {
        #expect(sentences("“Why now?” he asked. Nobody knew.") == ["“Why now?” he asked.", "Nobody knew."])
    }

    @Test func titlesDoNotEndSentences() {
        // Seed 003: "With Mr. Blinken headed to China, US President Joe Biden has downplayed this latest episode."
        let seed = "With Mr. Blinken headed to China, US President Joe Biden has downplayed this latest episode."
        #expect(sentences(seed) == [seed])
        #expect(sentences("Dr. Smith and Mrs. Jones met Gen. Lee at St. Paul’s. Then they left.")
            == ["Dr. Smith and Mrs. Jones met Gen. Lee at St. Paul’s.", "Then they left."])
        #expect(sentences("It ranked No. 1 last year.") == ["It ranked No. 1 last year."])
        #expect(sentences("Fruit, e.g. Apples, is good.") == ["Fruit, e.g. Apples, is good."])
    }

    @Test func ordinaryAbbreviationsEndOnlyBeforeAClearSentenceStart() {
        // Choice: "U.S." ends a sentence only when a capitalised function word follows.
        #expect(sentences("He flew to the U.S. The next day he left.") == ["He flew to the U.S.", "The next day he left."])
        #expect(sentences("U.S. President Joe Biden spoke. The U.N. Security Council met.")
            == ["U.S. President Joe Biden spoke.", "The U.N. Security Council met."])
        #expect(sentences("The U.S. officials said so.") == ["The U.S. officials said so."])
        #expect(sentences("They met on Jan. 5 in Beijing.") == ["They met on Jan. 5 in Beijing."])
        #expect(sentences("It bought Apple Inc. He was glad.") == ["It bought Apple Inc.", "He was glad."])
        #expect(sentences("It sells cars, bikes, etc. But not boats.") == ["It sells cars, bikes, etc.", "But not boats."])
        // At the end of a paragraph every abbreviation ends the sentence.
        #expect(sentences("He lives in the U.S.\n\nShe does not.") == ["He lives in the U.S.", "She does not."])
    }

    @Test func aLowercaseSingleLetterAbbreviationCanEndASentence() {
        #expect(sentences("The wall is 10 m. The gate is wider.") == ["The wall is 10 m.", "The gate is wider."])
        #expect(sentences("a. that it will respect the deal") == ["a. that it will respect the deal"])
    }

    @Test func aMissingSpaceAfterAFullStop() {
        #expect(TextFixtures.words("the leader.The next") == ["the", "leader", ".", "The", "next"])
        #expect(sentences("He met the leader.The next day he left.") == ["He met the leader.", "The next day he left."])
        #expect(TextFixtures.words("Amazon.com and U.S.A.") == ["Amazon.com", "and", "U.S.A."])
    }

    @Test func initialsDoNotEndSentences() {
        #expect(sentences("John F. Kennedy was shot in 1963. Few forgot.") == ["John F. Kennedy was shot in 1963.", "Few forgot."])
        #expect(sentences("Author J. K. Rowling wrote it.") == ["Author J. K. Rowling wrote it."])
    }

    @Test func decimalsDoNotEndSentences() {
        // Seed 003: "... in Beijing, at 39.4C."
        #expect(sentences("It hit 39.4C. Then it fell to 3.5 degrees.") == ["It hit 39.4C.", "Then it fell to 3.5 degrees."])
    }

    @Test func ellipses() {
        #expect(sentences("He paused… and went on.") == ["He paused… and went on."])
        #expect(sentences("He paused... and went on.") == ["He paused... and went on."])
        #expect(sentences("He paused… Then he left.") == ["He paused…", "Then he left."])
    }

    @Test func aSentenceEndingInsideAQuoteEndsAfterTheQuoteMark() {
        // Seed 000: `...managing the relationship responsibly."` then a new paragraph.
        #expect(sentences("He said \"we act responsibly.\" Then he left.") == ["He said \"we act responsibly.\"", "Then he left."])
        #expect(sentences("He said “we act responsibly.” Then he left.") == ["He said “we act responsibly.”", "Then he left."])
        // Seed 003: "... “from a position of strength.” He said China and the United States ..."
        let seed = "The United States must abandon the illusion of dealing with China “from a position of strength.” He said China and the United States should develop relations on the basis of mutual respect and equality, and respect their differences."
        #expect(sentences(seed).count == 2)
        #expect(sentences(seed).first == "The United States must abandon the illusion of dealing with China “from a position of strength.”")
        // Choice: a period inside a closing quote ends the sentence even before a lowercase word
        // (seed 003: `...where we can agree.” millimeter. Biden and Xi had ...`).
        #expect(sentences("“We can agree.” millimeter. Biden and Xi met.") == ["“We can agree.”", "millimeter.", "Biden and Xi met."])
        // A quote that continues into attribution ends in a comma and does not split.
        #expect(sentences("“We will go,” he said. “Soon.”") == ["“We will go,” he said.", "“Soon.”"])
    }

    @Test func aQuoteOpeningTheNextSentenceStartsIt() {
        // Seed 000: `Sun said, "Xi does want to visit San Francisco. "In addition to APEC, he wants a bilateral
        // meeting with Biden. That implies that the foundation must be laid now.`
        let seed = "Sun said, \"Xi does want to visit San Francisco. \"In addition to APEC, he wants a bilateral meeting with Biden. That implies that the foundation must be laid now."
        #expect(sentences(seed) == [
            "Sun said, \"Xi does want to visit San Francisco.",
            "\"In addition to APEC, he wants a bilateral meeting with Biden.",
            "That implies that the foundation must be laid now.",
        ])
    }

    @Test func linesWithoutFinalPunctuationAreSentences() {
        // Seed 001's second block: a title, a caption and an image credit on three lines.
        let block = "A Bid to Ease Tensions and Stabilize Bilateral Ties: Antony Blinken Visits China\nAntony Blinken and Qin Gang\nImage Credit: Google"
        #expect(sentences(block) == [
            "A Bid to Ease Tensions and Stabilize Bilateral Ties: Antony Blinken Visits China",
            "Antony Blinken and Qin Gang",
            "Image Credit: Google",
        ])
        // A colon inside a line does not end the sentence (seed 000: "Washington: It is unlikely ...").
        #expect(sentences("Washington: It is unlikely. Analysts agree.") == ["Washington: It is unlikely.", "Analysts agree."])
    }

    @Test func aColonAtTheEndOfALineEndsTheSentence() {
        #expect(sentences("Firstly:\nHe aims to establish mechanisms.") == ["Firstly:", "He aims to establish mechanisms."])
        #expect(sentences("He listed three goals:\nfirst, talk.") == ["He listed three goals:", "first, talk."])
        // Seed 001: "Firstly:" is a paragraph of its own.
        #expect(sentences("Firstly:\n\nHe aims to establish crisis management mechanisms between the US and China.")
            == ["Firstly:", "He aims to establish crisis management mechanisms between the US and China."])
    }

    @Test func hardWrappedLinesContinue() {
        // Inside a paragraph (the text has blank lines, so lines are not paragraphs of their own).
        #expect(sentences("The minister said that the talks\nwould continue next week.\nOfficials agreed.\n\nEnd.")
            == ["The minister said that the talks\nwould continue next week.", "Officials agreed.", "End."])
        #expect(sentences("Talks covered trade,\nTaiwan and chips.\n\nEnd.") == ["Talks covered trade,\nTaiwan and chips.", "End."])
        // A line ending in a function word continues even before a capital.
        #expect(sentences("Blinken met the\nChinese foreign minister.\n\nEnd.") == ["Blinken met the\nChinese foreign minister.", "End."])
        // A block of long lines is hard-wrapped text: its line breaks are spaces (kernel documentation style).
        let wrapped = """
            This driver supports the L3 cache PMUs found in Qualcomm Datacenter Technologies
            Centriq SoCs. The L3 cache on these SOCs is composed of multiple slices, shared
            by all cores within a socket. Each slice is exposed as a separate uncore perf
            PMU with device name l3cache.

            End.
            """
        #expect(sentences(wrapped).count == 4)
        let abbreviationAtWrap = """
            The agreement was signed by officials from both countries after a summit in the U.S.
            Treasury building, which both sides described as a constructive place to talk about
            trade and chips.
            """
        #expect(sentences(abbreviationAtWrap + "\n\nEnd.").count == 2)
        #expect(sentences(wrapped).first == "This driver supports the L3 cache PMUs found in Qualcomm Datacenter Technologies\nCentriq SoCs.")
        // Without any blank line every line is a paragraph, so the wrapped sentence is cut.
        #expect(sentences("Talks covered trade,\nTaiwan and chips.") == ["Talks covered trade,", "Taiwan and chips."])
    }

    @Test func sentencesNeverCrossParagraphs() {
        #expect(sentences("Related News\n\nJoin NewsTrack Whatsapp group") == ["Related News", "Join NewsTrack Whatsapp group"])
        #expect(sentences("He met Mr.\n\nSmith later.") == ["He met Mr.", "Smith later."])
        #expect(sentences("a. that it will respect China's domestic affairs and,\n\nb. Chinese core interests, particularly regarding Taiwan.")
            == ["a. that it will respect China's domestic affairs and,", "b. Chinese core interests, particularly regarding Taiwan."])
    }

    @Test func numberedListLabels() {
        #expect(sentences("1. Talk more.\n2. Fight less.") == ["1. Talk more.", "2. Fight less."])
    }

    @Test func spansIndexTokensAndBytes() {
        let text = "Xi spoke. Blinken listened."
        var copy = text
        let spans = copy.withUTF8 { buffer in
            SentenceSplitter.sentences(in: buffer, tokens: Tokenizer.tokens(in: buffer), paragraphs: ParagraphSplitter.paragraphs(in: buffer))
        }
        #expect(spans == [SentenceSpan(tokens: 0..<3, bytes: 0..<9), SentenceSpan(tokens: 3..<6, bytes: 10..<27)])
    }

    @Test func tokensOutsideTheGivenParagraphsBelongToNoSentence() {
        var text = "One two. Three four."
        let spans = text.withUTF8 { buffer in
            SentenceSplitter.sentences(in: buffer, tokens: Tokenizer.tokens(in: buffer), paragraphs: [9..<20])
        }
        #expect(spans == [SentenceSpan(tokens: 3..<6, bytes: 9..<20)])
    }

    /// The sentence count of every seed document, counted by reading each whole raw file (every line
    /// is text, boilerplate included; a line holding only a no-break space is blank).
    @Test(arguments: [
        // 000: 21 blocks. Two sentences each in "Washington: … weekend. Analysts …", "On June 18–19 …",
        // "US officials stated …", "There are worries …", "China's refusal …", "\"Anything … welcomed,\" …
        // Wednesday. The US officials …" and "Beijing has tried … Recently, Xi …"; three in `"The global
        // south … audience. It's allies … the US. Therefore …` and in `Sun said, "Xi … San Francisco. "In
        // addition … Biden. That implies …`. The rest are one each, including the three "Also Read:" lines,
        // "Related News" and "Join NewsTrack Whatsapp group"; the no-break-space line is blank.
        ("000", 32),
        // 001: 50 blocks, every line one sentence: the second block is three lines without final
        // punctuation (title, "Antony Blinken and Qin Gang", "Image Credit: Google"); headings ending in
        // ":" ("Firstly:", "The Spy Balloon Incident:"), "Beijing is seeking assurances from the US;",
        // the list items "a. that …" and "b. Chinese …" (the "b." label does not end a sentence),
        // "(Courtesy: Al-Jazeera)", "Post a Comment" and "0 Comments" are one each.
        ("001", 52),
        // 002: no blank lines, so 9 paragraphs (one per line) with 2, 4, 3, 3, 2, 3, 2, 2, 2 sentences;
        // "“There’s … communication,” stated …" continues after the comma-quote.
        ("002", 23),
        // 003: 26 blocks. Two each: "Because time … out. Next year …", "But it was canceled … minute.
        // Question: …" (the colon does not split), "With Mr. Blinken … episode. “I don’t …", "… from a
        // position of strength.” He said …", "But it wants … climate. Mr Blinken’s …", "For Danny Russell
        // … Taiwan. On the other hand …", "Mr. Blinken’s short visit … ones. Nor will it …" and "Your
        // email address … published. Required fields are marked *". Three in "He also said … we can
        // agree.” millimeter. Biden and Xi …" (the stray "millimeter." after a closed quote is its own).
        // One each for the title line, the quoted headings "“Challenge of the Century”" and "“start a
        // conversation”", "See also …", "Leave a Reply" and the rest.
        ("003", 36),
        // 004: 20 blocks. Three in "The buildup … exchanges. On Wednesday … affairs. Qin also said …
        // “Taiwan issue”." and "Outside of formal diplomacy … In May, Elon Musk … And Bill Gates …";
        // two in "Last week …", "The visit comes …", "In recent days … On Tuesday, … wrote: “Since …",
        // "“Every time … communicate. At the same time …", "Jessica Chen Weiss … visit. “Given …" and
        // "“I don’t think … Ward said. “The broader picture …"; one each for "Home » …", the title, the
        // standfirst ending in "‘Taiwan issue’", "Source: theguardian" and "Post navigation".
        ("004", 30),
    ])
    func seedSentenceCounts(seed: String, expected: Int) throws {
        let text = try TextFixtures.seed(seed)
        #expect(sentences(text).count == expected)
    }

    @Test func seedSentencesQuoted() throws {
        let all = sentences(try TextFixtures.seed("000"))
        #expect(all.contains("On June 18–19, Blinken will hold meetings in China and could have a meeting with Xi Jinping, according to sources."))
        #expect(all.contains("It's allies and partners for the US."))
        #expect(all.contains("Also Read:\u{00A0}\u{00A0}UN expert worried about torture supported by the Russian government in Ukraine"))
        let guardian = sentences(try TextFixtures.seed("004"))
        #expect(guardian.contains("Qin also said that the US should respect China’s concerns on the “Taiwan issue”."))
        #expect(guardian.contains("“Every time they say they want to meet, the US is keen to play tricks on China, creating the illusion that the US is eager to communicate."))
    }
}
