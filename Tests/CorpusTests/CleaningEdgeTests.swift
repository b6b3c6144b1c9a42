import Foundation
import Testing

@testable import Corpus

/// Odd inputs: nothing, only boilerplate, no blank lines, a huge line, only a title, unusual characters.
@Suite struct CleaningEdgeTests {
    @Test func emptyText() {
        let cleaned = Cleaner.clean("")
        #expect(cleaned.text.isEmpty && cleaned.title == nil && cleaned.boilerplate.isEmpty)
        #expect(cleaned.dateline == nil && cleaned.source == nil && cleaned.date == nil)
        #expect(Cleaner.clean("\n\n\n").text.isEmpty)
    }

    @Test func onlyBoilerplate() {
        let cleaned = Cleaner.clean("Related News\n\nJoin NewsTrack Whatsapp group\n\n\u{A0}\n\nPost a Comment\n\n0 Comments")
        #expect(cleaned.text.isEmpty)
        #expect(cleaned.title == nil)
        #expect(cleaned.boilerplate.map(\.reason)
            == ["related link", "share prompt", "empty filler", "comment widget", "comment widget"])
        #expect(cleaned.source == "NewsTrack")
    }

    @Test func onlyATitle() {
        let cleaned = Cleaner.clean("Blinken visit seeks to ease fraught US relationship with China\n")
        #expect(cleaned.title == "Blinken visit seeks to ease fraught US relationship with China")
        #expect(cleaned.text.isEmpty)
        #expect(cleaned.boilerplate.isEmpty)
    }

    @Test func noBlankLines() {
        let text = "Ties thaw\nFirst paragraph here.\nAlso Read: Other story here\nSecond paragraph here.\nSource: Reuters"
        let cleaned = Cleaner.clean(text)
        #expect(cleaned.title == "Ties thaw")
        #expect(cleaned.text == "First paragraph here.\nSecond paragraph here.")
        #expect(cleaned.boilerplate.map(\.reason) == ["related link", "credit line"])
        // Stock phrases count between single-newline paragraphs, but not inside wrapped prose.
        let footer = Cleaner.clean("Ties thaw\nLast paragraph.\nRelated News\nJoin NewsTrack Whatsapp group\n0 Comments")
        #expect(footer.text == "Last paragraph.")
        #expect(footer.boilerplate.map(\.reason) == ["related link", "share prompt", "comment widget"])
        let wrapped = Cleaner.clean("Ties thaw\nThe officials said the\nComments\nwere unhelpful.\n")
        #expect(wrapped.boilerplate.isEmpty)
    }

    @Test func fillerLinesSeparateParagraphs() {
        let cleaned = Cleaner.clean("Ties thaw\nFirst paragraph.\n&nbsp;\nSecond paragraph.\n\u{A0}\nThird.")
        #expect(cleaned.text == "First paragraph.\n\nSecond paragraph.\n\nThird.")
    }

    @Test func paragraphSpacing() {
        // A sentence broken over two lines is joined, blank-line runs become one blank line, removed lines leave no gap.
        let text = "Title\n\n\nLine one of a paragraph\nline two of it.\n\n\n\nNext paragraph.\nAlso Read: Some Story\nSame block.\n\n   \n\nLast.   \n\n\n"
        #expect(Cleaner.clean(text).text
            == "Line one of a paragraph line two of it.\n\nNext paragraph.\nSame block.\n\nLast.")
    }

    @Test func spacesAreNormalised() {
        let text = "Title\n\nA\u{A0}no-break\u{A0} space,\u{2009}a thin space,\u{3000}ideographic,\u{200B}zero width.\u{A0}\n\tcode\tline  kept\n"
        let cleaned = Cleaner.clean(text)
        #expect(cleaned.text == "A no-break space, a thin space, ideographic,zero width.\n\tcode\tline  kept")
    }

    @Test func aOneMegabyteLine() {
        let sentence = "The talks went on for hours and covered trade, Taiwan and fentanyl. "
        let huge = String(repeating: sentence, count: 1_048_576 / sentence.utf8.count + 1)
        let cleaned = Cleaner.clean("Title\n\n" + huge + "\n\nSource: Reuters\n")
        #expect(cleaned.text == huge.trimmingCharacters(in: .whitespaces))
        #expect(cleaned.source == "Reuters")
        // And as the first line: too long for a title.
        let first = Cleaner.clean(huge)
        #expect(first.title == nil)
        #expect(first.text.utf8.count == huge.utf8.count - 1)
    }

    @Test func unusualCharactersNeverCrash() {
        let samples = [
            "\u{FEFF}", "\r", "\r\n\r\n", "é\u{301}", "👩‍👩‍👧 family\n\n", "(", ")", "(((", "Home »", "Home »  ",
            "Source:", "Source: ", "(Courtesy:", "18-6-", "18-6-2023 (", "June", "Also Read:", "\u{A0}\u{A0}\u{A0}",
            "\u{2028}line\u{2029}", "\u{0}\u{1}\u{1B}", String(repeating: "»", count: 500), "- ", "— ", "0 ",
            "Washington:", "WASHINGTON —", "(Beijing)", "\u{E2}\u{80}",
        ]
        for sample in samples {
            let cleaned = Cleaner.clean(sample)
            #expect(!cleaned.text.hasPrefix("\n"))
            let again = Cleaner.clean("Title\n\n" + sample + "\n\nBody.")
            #expect(again.text.hasSuffix("Body."))
        }
    }

    @Test func cleaningIsStable() throws {
        // Cleaning a clean body again changes nothing: nothing in it looks like boilerplate any more.
        for prefix in ["000", "001", "003", "004"] {
            let once = Cleaner.clean(try CleaningFixtures.seed(prefix))
            let twice = Cleaner.clean(once.text)
            #expect(twice.boilerplate.isEmpty)
        }
    }
}
