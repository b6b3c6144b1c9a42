import Foundation
import Testing

@testable import Corpus

/// Whole articles written for the tests (not copied from the seeds), full of lines that look like boilerplate
/// but are body text, and page furniture in forms the seeds do not use.
@Suite struct CleaningArticleTests {
    static let article = """
        Home › World › Asia
        \u{A0}
        Xi meets Blinken as ties thaw

        Xi meets Blinken as ties thaw

        BEIJING (Reuters) - Chinese President Xi Jinping met US Secretary of State Antony Blinken on Monday.

        Read more:\u{A0}Blinken lands in Beijing for rare visit

        Xi Jinping and Antony Blinken
        Photo:\u{A0}AFP

        Home Secretary-level talks were not on the agenda, officials said.
        Source: a senior official told reporters the talks were long and productive.
        Follow the money, one analyst said on Twitter.

        Comments made by Qin Gang were brief.
        Share prices in Shanghai rose 2 per cent.

        The Spy Balloon Incident:

        Photo: the two men shook hands for the cameras before the talks began in the Great Hall.

        “Related issues will be discussed,” Wang said.

        Share this article

        Follow us on Twitter for the latest updates

        12\u{A0}Comments

        Leave a Comment

        Previous article: Rain floods southern China
        """

    @Test func removesFurnitureAndKeepsEverySentence() {
        let cleaned = Cleaner.clean(Self.article)
        #expect(cleaned.title == "Xi meets Blinken as ties thaw")
        #expect(cleaned.dateline == Dateline(text: "BEIJING (Reuters) -", place: "Beijing", date: nil, agency: "Reuters"))
        #expect(cleaned.source == "Reuters")
        let removed = cleaned.boilerplate.map { "\($0.lineNumber) \($0.reason)" }
        #expect(removed == [
            "1 navigation", "2 empty filler", "5 repeated title", "9 related link", "11 caption", "12 image credit",
            "27 share prompt", "29 share prompt", "31 comment widget", "33 comment widget", "35 navigation",
        ])
        #expect(cleaned.text == """
            Chinese President Xi Jinping met US Secretary of State Antony Blinken on Monday.

            Home Secretary-level talks were not on the agenda, officials said.
            Source: a senior official told reporters the talks were long and productive.
            Follow the money, one analyst said on Twitter.

            Comments made by Qin Gang were brief.
            Share prices in Shanghai rose 2 per cent.

            The Spy Balloon Incident:

            Photo: the two men shook hands for the cameras before the talks began in the Great Hall.

            “Related issues will be discussed,” Wang said.
            """)
    }

    @Test func singleNewlineArticle() {
        let text = """
            NEW DELHI:\u{A0}India and the US signed a defence pact on Tuesday.
            The deal covers jet engines and drones.
            ALSO READ | Modi to visit Washington next week
            Officials said talks would continue.
            (With inputs from PTI)
            Join our WhatsApp channel for more updates
            """
        let cleaned = Cleaner.clean(text)
        #expect(cleaned.title == nil)
        #expect(cleaned.dateline == Dateline(text: "NEW DELHI:", place: "New Delhi", date: nil))
        #expect(cleaned.text == """
            India and the US signed a defence pact on Tuesday.
            The deal covers jet engines and drones.
            Officials said talks would continue.
            """)
        #expect(cleaned.boilerplate.map(\.reason) == ["related link", "credit line", "share prompt"])
    }
}
