import Foundation
import Testing

@testable import Corpus
@testable import NewsText

/// One test per boilerplate rule: a line from the seeds, lines written for the test (some with no-break spaces),
/// and look-alike body sentences that must stay.
@Suite struct CleaningRuleTests {
    private func alone(_ line: String) -> String? { CleaningFixtures.reasonAlone(line) }

    @Test func relatedLinks() {
        // Seed 000 and 003 (with their no-break spaces).
        #expect(alone("Also Read:\u{A0} 'Big-time opportunities' in Saudi real estate are being anticipated") == "related link")
        #expect(alone("Also Read:\u{A0} \u{A0} American detained after killing one woman") == "related link")
        #expect(alone("See also\u{A0}  The United Nations agrees to raise Iraq's compensation to Kuwait") == "related link")
        #expect(alone("Related News") == "related link")
        // Written for the test.
        #expect(alone("ALSO READ | Modi to visit Washington next week") == "related link")
        #expect(alone("Read more: Blinken lands in Beijing for rare visit") == "related link")
        #expect(alone("Read\u{A0}Also:\u{A0}Heatwave grips northern China") == "related link")
        #expect(alone("Related Articles") == "related link")
        #expect(alone("You may also like") == "related link")
        #expect(alone("Related: Five things to know about the spy balloon") == "related link")
    }

    @Test func relatedLinkLookalikesStay() {
        #expect(alone("See also the official statement, which was published on Monday.") == nil)
        #expect(alone("Also read the :ref:`guidelines <doc_guide>`.") == nil)
        #expect(alone("See also") == nil)  // a bare heading in documentation
        #expect(alone("Read more about the visit in our earlier report.") == nil)
        #expect(alone("Related issues, such as trade, will be discussed.") == nil)
    }

    @Test func sharePrompts() {
        #expect(alone("Join NewsTrack Whatsapp group") == "share prompt")  // seed 000
        #expect(alone("Follow us on Twitter for the latest updates") == "share prompt")
        #expect(alone("Join\u{A0}our\u{A0}Telegram channel") == "share prompt")
        #expect(alone("Subscribe to our newsletter") == "share prompt")
        #expect(alone("Share this article") == "share prompt")
        #expect(alone("Click here to join our WhatsApp group") == "share prompt")
    }

    @Test func sharePromptLookalikesStay() {
        #expect(alone("Follow the money, he said on Twitter.") == nil)
        #expect(alone("Share prices fell after the Facebook announcement.") == nil)
        #expect(alone("Join talks with Beijing, Biden urged allies on Twitter.") == nil)
        // "share" alone inside a hard-wrapped paragraph is prose, not a button.
        let wrapped = Cleaner.clean("Title here\n\nThe two sides agreed to\nshare\nintelligence on fentanyl.\n")
        #expect(wrapped.boilerplate.isEmpty)
    }

    @Test func commentWidgets() {
        #expect(alone("Post a Comment") == "comment widget")  // seed 001
        #expect(alone("0 Comments") == "comment widget")  // seed 001
        #expect(alone("Leave a Reply") == "comment widget")  // seed 003
        #expect(alone("Your email address will not be published. Required fields are marked *") == "comment widget")
        #expect(alone("12\u{A0}comments") == "comment widget")
        #expect(alone("Leave a Comment") == "comment widget")
        #expect(alone("Comments") == "comment widget")
        #expect(alone("Save my name, email, and website in this browser for the next time I comment.") == "comment widget")
    }

    @Test func commentLookalikesStay() {
        #expect(alone("Comments from the State Department were brief.") == nil)
        #expect(alone("12 comments were filed with the regulator before the deadline.") == nil)
        // An RST heading that happens to be "Comments".
        let heading = Cleaner.clean("Doc title\n\nSome text here.\n\nComments\n--------\n\nMore text.\n")
        #expect(heading.boilerplate.isEmpty)
        // Indented lines are code or quotes.
        #expect(Cleaner.clean("Doc title\n\nText.\n\n   Comments:\n\nMore.\n").boilerplate.isEmpty)
    }

    @Test func navigation() {
        #expect(alone("Post navigation") == "navigation")  // seed 004
        #expect(alone("Home \u{A0}» Blinken visit seeks to ease fraught US relationship with China") == "navigation")
        #expect(alone("Home › World › Asia") == "navigation")
        #expect(alone("Home > News > Blinken in Beijing") == "navigation")
        #expect(alone("Next article: Rain floods southern China") == "navigation")
        #expect(alone("Previous Post") == "navigation")
        #expect(alone("Skip to content") == "navigation")
    }

    @Test func navigationLookalikesStay() {
        #expect(alone("Home Secretary Suella Braverman said the visit was welcome.") == nil)
        #expect(alone("Home prices in Beijing rose for a third month.") == nil)
        #expect(alone("Next, the ministers discussed trade.") == nil)
    }

    @Test func imageCreditsAndCaptions() {
        // Seed 001: the caption sits directly above the credit.
        let seedLike = Cleaner.clean(
            "Headline of the piece\n\nAntony Blinken and Qin Gang\nImage Credit: Google\n\nUnited States Secretary of State Antony Blinken has embarked on a trip.\n")
        #expect(CleaningFixtures.reason(for: "Image Credit: Google", in: seedLike) == "image credit")
        #expect(CleaningFixtures.reason(for: "Antony Blinken and Qin Gang", in: seedLike) == "caption")
        // Written for the test: caption after the credit, no-break spaces, a caption carrying its own credit.
        let written = Cleaner.clean(
            "Headline of the piece\n\nPhoto:\u{A0}AFP\nXi\u{A0}Jinping and Antony\u{A0}Blinken in Beijing\n\nThe two men spoke for 35 minutes.\n\nBlinken meets Qin on Sunday (Photo: AP)\n\nThe end.\n")
        #expect(CleaningFixtures.reason(for: "Photo: AFP", in: written) == "image credit")
        #expect(CleaningFixtures.reason(for: "Xi Jinping and Antony Blinken in Beijing", in: written) == "caption")
        #expect(CleaningFixtures.reason(for: "Blinken meets Qin on Sunday (Photo: AP)", in: written) == "caption")
        #expect(alone("(Photo: Reuters)") == "image credit")
        #expect(alone("Photo Credit: Getty Images") == "image credit")
        #expect(alone("File photo") == "image credit")
    }

    @Test func captionsNeverTakeSentences() {
        // A real sentence next to a credit stays.
        let text = "Headline of the piece\n\nPhoto: AFP\nBlinken arrived in Beijing on Sunday, officials said.\n\nMore text.\n"
        let cleaned = Cleaner.clean(text)
        #expect(CleaningFixtures.reason(for: "Photo: AFP", in: cleaned) == "image credit")
        #expect(cleaned.text.contains("Blinken arrived in Beijing on Sunday, officials said."))
        // Lower-case wrapped prose that starts with "image source" is not a credit.
        let prose = "Sensors\n\nThe chip connects to\nimage source devices such as image sensors. The devices feature an\nanalogue converter.\n"
        #expect(Cleaner.clean(prose).boilerplate.isEmpty)
        #expect(alone("Photo: Blinken shakes hands with Qin Gang at the Diaoyutai state guesthouse in Beijing on Sunday after talks that lasted hours.") == nil)
    }

    @Test func creditLines() {
        #expect(alone("Source: theguardian") == "credit line")  // seed 004
        #expect(alone("(Courtesy: Al-Jazeera)") == "credit line")  // seed 001
        #expect(alone("Source:\u{A0}Reuters") == "credit line")
        #expect(alone("Courtesy of The Straits Times") == "credit line")
        #expect(alone("(With inputs from PTI)") == "credit line")
        #expect(alone("Source: https://www.reuters.com/world/china/") == "credit line")
        #expect(alone("(Reuters)") == "credit line")
    }

    @Test func creditLookalikesStay() {
        #expect(alone("Source: a senior official told reporters the talks were productive and long.") == nil)
        #expect(alone("source::") == nil)
        #expect(alone("Source: drivers/gpu/drm/i915") == nil)
        #expect(alone("Sources said the meeting could take place in November.") == nil)
        #expect(alone("(Beijing)") == nil)  // a place is not an outlet
    }

    @Test func repeatedTitle() {
        // Seed 001: the title again two lines down.
        let text = "A Bid to Ease Tensions: Blinken Visits China\n\nA Bid to Ease Tensions: Blinken Visits China\n\nBody text.\n"
        let cleaned = Cleaner.clean(text)
        #expect(cleaned.boilerplate.map(\.reason) == ["repeated title"])
        #expect(cleaned.boilerplate.first?.lineNumber == 3)
        // Case, spaces and punctuation do not matter.
        let loose = Cleaner.clean("Xi meets Blinken as ties thaw\n\nXI MEETS\u{A0}BLINKEN, AS TIES THAW!\n\nBody text.\n")
        #expect(loose.boilerplate.map(\.reason) == ["repeated title"])
        // A line that only starts like the title is body text.
        let lead = Cleaner.clean("Hundreds flee bushfire\n\nHundreds flee bushfire near Sydney as winds rise.\n")
        #expect(lead.boilerplate.isEmpty)
        #expect(lead.text == "Hundreds flee bushfire near Sydney as winds rise.")
    }

    @Test func emptyFiller() {
        let cleaned = Cleaner.clean("Title line\n\nFirst paragraph.\n\n\u{A0} \n\n&nbsp;\n\n\u{200B}\nSecond paragraph.\n")
        #expect(cleaned.boilerplate.map(\.reason) == ["empty filler", "empty filler", "empty filler"])
        #expect(cleaned.boilerplate.map(\.lineNumber) == [5, 7, 9])
        #expect(cleaned.text == "First paragraph.\n\nSecond paragraph.")
        // Plain blank lines are just paragraph breaks, not recorded.
        #expect(Cleaner.clean("Title line\n\n   \n\t\nBody.\n").boilerplate.isEmpty)
    }

    @Test func reasonsAreTheFixedVocabulary() {
        #expect(BoilerplateReason.all.count == 9)
        #expect(Set(BoilerplateReason.all).count == 9)
        for reason in Cleaner.Reason.allCases { #expect(BoilerplateReason.all.contains(reason.text)) }
    }
}
