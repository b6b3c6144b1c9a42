import Testing
@testable import Corpus

/// Paragraph detection: blank-line blocks, or one paragraph per line when there are no blank lines.
@Suite struct TextParagraphTests {
    /// The paragraphs of `text` as strings.
    func paragraphs(_ text: String) -> [String] {
        let utf8 = Array(text.utf8)
        return ParagraphSplitter.paragraphs(in: text).map { String(decoding: utf8[$0], as: UTF8.self) }
    }

    @Test func blankLinesSeparateBlocks() {
        #expect(paragraphs("One.\nStill one.\n\nTwo.") == ["One.\nStill one.", "Two."])
        #expect(paragraphs("  One.  \n\n\n\t Two.\t\n") == ["One.", "Two."])
    }

    @Test func whitespaceOnlyLinesAreBlank() {
        // Seed 000 and 001 separate their footers with a line holding one no-break space.
        #expect(paragraphs("One.\n\u{00A0}\nTwo.") == ["One.", "Two."])
        #expect(paragraphs("One.\n \u{2009}\u{202F}\t\nTwo.") == ["One.", "Two."])
    }

    @Test func withoutBlankLinesEveryLineIsAParagraph() {
        #expect(paragraphs("Title\nFirst line.\nSecond line.") == ["Title", "First line.", "Second line."])
        // Trailing or leading blank lines do not count as separators.
        #expect(paragraphs("\n\nA\nB\n\n") == ["A", "B"])
    }

    @Test func aSentenceBrokenOverTwoLinesStaysOneParagraph() {
        // Without blank lines, a line that stops mid-sentence before a lower-case line is one sentence.
        #expect(paragraphs("The board will meet again\nin March to vote.\nShares rose.")
            == ["The board will meet again\nin March to vote.", "Shares rose."])
        // Not: short lines, a capital after the break, a contact line, a line that ends a sentence.
        #expect(paragraphs("Press office\ncity hall") == ["Press office", "city hall"])
        #expect(paragraphs("The board will meet\nIn March it votes.") == ["The board will meet", "In March it votes."])
        #expect(paragraphs("Write to the press office\npress@example.org") == ["Write to the press office", "press@example.org"])
        #expect(paragraphs("The board met on Monday.\nshares rose.") == ["The board met on Monday.", "shares rose."])
    }

    @Test func crlfAndLoneCR() {
        #expect(paragraphs("One.\r\nStill.\r\n\r\nTwo.\r\n") == ["One.\r\nStill.", "Two."])
        #expect(paragraphs("A\rB") == ["A", "B"])
    }

    @Test func trimmingRemovesUnicodeSpaces() {
        #expect(paragraphs("\u{00A0}Washington:\u{00A0}It is.\u{00A0}\u{2009}") == ["Washington:\u{00A0}It is."])
    }

    @Test func emptyAndBlankTextHaveNoParagraphs() {
        #expect(paragraphs("").isEmpty)
        #expect(paragraphs(" \n\t\r\n\u{00A0}\n").isEmpty)
    }

    @Test func seedParagraphs() throws {
        // Counted by reading the files: seed 001 has 50 blocks (its second block holds three lines:
        // the title again, a caption and an image credit); seed 002 has no blank line, so each of
        // its 9 lines is a paragraph; seed 004 has 20 blocks.
        #expect(ParagraphSplitter.paragraphs(in: try TextFixtures.seed("001")).count == 50)
        #expect(ParagraphSplitter.paragraphs(in: try TextFixtures.seed("002")).count == 9)
        #expect(ParagraphSplitter.paragraphs(in: try TextFixtures.seed("004")).count == 20)
        let text = try TextFixtures.seed("001")
        let second = try #require(paragraphs(text).dropFirst().first)
        #expect(second == "A Bid to Ease Tensions and Stabilize Bilateral Ties: Antony Blinken Visits China\nAntony Blinken and Qin Gang\nImage Credit: Google")
    }
}
