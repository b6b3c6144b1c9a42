import Foundation
import Testing

@testable import Corpus

/// Titles, datelines, dates, sources and the outlet table, on text written for the tests.
@Suite struct CleaningMetadataTests {
    @Test func titleIsAHeadlineFirstLine() {
        #expect(Cleaner.clean("Xi meets Blinken as ties thaw\n\nBody text.\n").title == "Xi meets Blinken as ties thaw")
        #expect(Cleaner.clean("Is the thaw real?\n\nBody text.\n").title == "Is the thaw real?")
        // A sentence is body text, not a title.
        let sentence = Cleaner.clean("Blinken arrived in Beijing on Sunday.\n\nHe met Qin Gang.\n")
        #expect(sentence.title == nil)
        #expect(sentence.text == "Blinken arrived in Beijing on Sunday.\n\nHe met Qin Gang.")
        // A dateline paragraph is body text.
        #expect(Cleaner.clean("(Beijing) Blinken arrived on Sunday\n\nMore.\n").title == nil)
        // Names ending in an abbreviation are headlines.
        #expect(Cleaner.clean("Washington, D.C.\n\nWashington, D.C., is the capital.\n").title == "Washington, D.C.")
        // A lead that repeats its first line makes that line the title even with a full stop.
        let lead = Cleaner.clean("A third case of mad cow disease has been confirmed.\n\nA third case of mad cow disease has been confirmed. Officials said more.\n")
        #expect(lead.title == "A third case of mad cow disease has been confirmed.")
    }

    @Test func titleFromBreadcrumb() {
        // The breadcrumb's page name is the title when the next line is body text.
        let text = "Home » Blinken visit seeks to ease fraught relationship\n\nIn a long-awaited visit, the secretary of state arrived.\n"
        let cleaned = Cleaner.clean(text)
        #expect(cleaned.title == "Blinken visit seeks to ease fraught relationship")
        #expect(cleaned.boilerplate.map(\.reason) == ["navigation"])
        #expect(cleaned.text == "In a long-awaited visit, the secretary of state arrived.")
        // A section path is not a title.
        #expect(Cleaner.clean("Home › Asia\n\nThe secretary of state arrived on Sunday.\n").title == nil)
    }

    @Test func datelineForms() {
        func dateline(_ text: String) -> Dateline? { Cleaner.clean("Headline here\n\n" + text + "\n").dateline }
        #expect(dateline("Washington:\u{A0} It is unlikely that talks will succeed.")
            == Dateline(text: "Washington:", place: "Washington", date: nil))
        #expect(dateline("NEW DELHI: India and the US signed a pact.")
            == Dateline(text: "NEW DELHI:", place: "New Delhi", date: nil))
        #expect(dateline("(Beijing, June 18, 2023) Blinken arrived.")
            == Dateline(text: "(Beijing, June 18, 2023)", place: "Beijing", date: "2023-06-18"))
        #expect(dateline("2023-06-18 (TOKYO) Officials met.")
            == Dateline(text: "2023-06-18 (TOKYO)", place: "Tokyo", date: "2023-06-18"))
        #expect(dateline("18 June 2023 (Beijing) Officials met.")
            == Dateline(text: "18 June 2023 (Beijing)", place: "Beijing", date: "2023-06-18"))
        #expect(dateline("WASHINGTON — The White House said the trip would go ahead.")
            == Dateline(text: "WASHINGTON —", place: "Washington", date: nil))
        #expect(dateline("BEIJING (Reuters) - Chinese President Xi Jinping met Blinken.")
            == Dateline(text: "BEIJING (Reuters) -", place: "Beijing", date: nil, agency: "Reuters"))
        // Labels and ordinary openings are not datelines.
        #expect(dateline("Note: this article was updated.") == nil)
        #expect(dateline("Question: A Chinese balloon flew over the US.") == nil)
        #expect(dateline("Beijing, which hosts the talks, is hot.") == nil)
        #expect(dateline("The visit comes at a low point.") == nil)
        #expect(dateline("(not a place) text") == nil)
    }

    @Test func datelineIsCutFromTheBodyOnly() {
        let cleaned = Cleaner.clean("Headline here\n\n(Beijing) US Secretary of State Antony Blinken arrived.\n\nSecond.\n")
        #expect(cleaned.text == "US Secretary of State Antony Blinken arrived.\n\nSecond.")
        // A dateline-like opening inside the body (not the first line) stays.
        let later = Cleaner.clean("Headline here\n\nFirst paragraph.\n\nWashington: more text here.\n")
        #expect(later.dateline == nil)
        #expect(later.text.hasSuffix("Washington: more text here."))
        // The subject of a Wikipedia-style opening is not a place when it repeats the title.
        let subject = Cleaner.clean("Madame Bovary\n\nMadame Bovary: Provincial Manners is the debut novel of Flaubert.\n")
        #expect(subject.dateline == nil)
    }

    @Test func dates() {
        func iso(_ text: String) -> String? {
            let bytes = Array(text.utf8)
            return Cleaner.parseDate(bytes[...], at: 0)?.iso
        }
        #expect(iso("18-6-2023") == "2023-06-18")
        #expect(iso("18/06/2023") == "2023-06-18")
        #expect(iso("2023-06-18") == "2023-06-18")
        #expect(iso("June 18, 2023") == "2023-06-18")
        #expect(iso("Jun. 18 2023") == "2023-06-18")
        #expect(iso("18 June 2023") == "2023-06-18")
        #expect(iso("18th June, 2023") == "2023-06-18")
        // Ambiguous numeric dates are read day first; impossible day-first ones month first.
        #expect(iso("6-7-2023") == "2023-07-06")
        #expect(iso("6-18-2023") == "2023-06-18")
        // Impossible dates are refused.
        #expect(iso("31-2-2023") == nil)
        #expect(iso("29-2-2024") == "2024-02-29")
        #expect(iso("29-2-2023") == nil)
        #expect(iso("June 18") == nil)
        #expect(iso("Junebug 18, 2023") == nil)
    }

    @Test func dateFromADateOnlyLine() {
        let cleaned = Cleaner.clean("Headline here\n\nPublished: 18 June 2023 10:30 IST\n\nThe visit began.\n")
        #expect(cleaned.date == "2023-06-18")
        #expect(cleaned.dateline == nil)
        #expect(Cleaner.clean("Headline here\n\nThe visit began on 18 June 2023.\n").date == nil)
    }

    @Test func sources() {
        func source(_ footer: String) -> String? {
            Cleaner.clean("Headline here\n\nBody text of the story.\n\n\(footer)\n").source
        }
        #expect(source("Source: theguardian") == "The Guardian")
        #expect(source("Source: guardian.com") == "The Guardian")
        #expect(source("(Courtesy: Al-Jazeera)") == "Al-Jazeera")  // unknown spelling kept as written
        #expect(source("Source: aljazeera") == "Al Jazeera")
        #expect(source("Join NewsTrack Whatsapp group") == "NewsTrack")
        #expect(source("Source: https://www.example-news.org/world/1234") == "example-news.org")
        #expect(source("Image Credit: Google") == nil)
        #expect(source("Join our WhatsApp channel") == nil)
        // A credit line outranks a share prompt, whatever the order.
        #expect(source("Join NewsTrack Whatsapp group\n\nSource: Reuters") == "Reuters")
        // A dateline's agency is the fallback.
        #expect(Cleaner.clean("Headline here\n\nBEIJING (AFP) - Officials met.\n").source == "AFP")
    }

    @Test func outletTable() {
        let standard = OutletTable.standard
        #expect(standard.count > 50)
        #expect(standard.displayName(for: "theguardian") == "The Guardian")
        #expect(standard.displayName(for: " https://www.TheGuardian.com/world ") == "The Guardian")
        #expect(standard.displayName(for: "The Guardian") == "The Guardian")
        #expect(standard.displayName(for: "bbc.co.uk") == "BBC News")
        #expect(standard.displayName(for: "Al-Jazeera") == nil)
        #expect(standard.displayName(for: "") == nil)
        // A plugin's table: comments, bad lines and several spellings per line.
        let plugin = OutletTable(lines: [
            "# local outlets", "dailyplanet, dailyplanet.com = The Daily Planet", "no equals sign here", " = Nameless",
            "theguardian = Guardian (UK)",
        ])
        #expect(plugin.count == 3)
        #expect(plugin.displayName(for: "DailyPlanet.com") == "The Daily Planet")
        let merged = standard.merging(plugin)
        #expect(merged.displayName(for: "dailyplanet") == "The Daily Planet")
        #expect(merged.displayName(for: "theguardian") == "Guardian (UK)")
        #expect(merged.displayName(for: "reuters") == "Reuters")
        let cleaned = Cleaner.clean("Headline\n\nBody.\n\nSource: dailyplanet\n", outlets: merged)
        #expect(cleaned.source == "The Daily Planet")
    }
}
