import Foundation
import Testing

@testable import Corpus

/// Document dates you can trust: a dateline's day with the year of the corpus's dated documents, where each date came
/// from, guesses instead of confident errors, the corpus anchor made of document dates only, the year of a bare
/// month and day from tense and direction, and the plausible range of timeline events. Texts written for the tests.
@Suite("DocumentDate")
struct DateDocumentTests {
    private func corpus(_ texts: [(String, String)]) -> Corpus {
        CorpusLoader.corpus(texts: texts.map { (id: $0.0, text: $0.1) })
    }

    private func wire(_ headline: String, _ dateline: String, _ body: String) -> String {
        "\(headline)\n\n    \(dateline) - \(body)\n Reuter\n"
    }

    /// A wire collection: one story with a dated dateline, the others with month and day only.
    private var wireCorpus: Corpus {
        corpus([
            ("dated", wire("ORBITAL GEAR NET RISES", "COMMACK, N.Y., Feb 26, 1987", "<Orbital Gear Inc> said its\nfourth quarter net rose 12 pct.")),
            ("next", wire("GRAIN FUTURES LOWER", "CHICAGO, Feb 27", "Wheat futures closed lower on\nprofit taking, traders said.")),
            ("deadline", wire("BRIXHAM BIDS FOR KELSO", "LONDON, March 3", "Brixham Holdings Plc said it will\npay 40 pct more by June 30, 1987, if the board agrees.")),
        ])
    }

    @Test func datelineDayTakesTheYearOfTheDatedDocuments() throws {
        let c = wireCorpus
        let dated = try c.document("dated")
        #expect(dated.date == "1987-02-26")
        #expect(dated.dateFrom == "dateline")
        let next = try c.document("next")
        #expect(next.dateline?.date == "--02-27")
        #expect(next.date == "1987-02-27")
        #expect(next.dateFrom == "dateline+corpus")
        #expect(next.dateGuess == nil)
        // A full date in the body ("by June 30, 1987") is not the document's date, nor the corpus's "today".
        let deadline = try c.document("deadline")
        #expect(deadline.date == "1987-03-03")
        #expect(c.dates.documents[deadline.index].anchor?.value.iso == "1987-03-03")
    }

    @Test func withoutDatedDocumentsTheYearIsNotGuessed() throws {
        let c = corpus([
            ("a", wire("GRAIN FUTURES LOWER", "CHICAGO, Feb 27", "Wheat futures closed lower on\nprofit taking, traders said on Friday.")),
            ("b", wire("BRIXHAM BIDS FOR KELSO", "LONDON, March 3", "Brixham Holdings Plc said it will\npay 40 pct more by June 30, 1987.")),
        ])
        let a = try c.document("a")
        #expect(a.date == nil)
        #expect(a.dateFrom == nil)
        #expect(a.dateGuess?.date == "--02-27")
        #expect(a.dateGuess?.basis.contains("month and day only") == true)
        // No corpus anchor from the body's "June 30, 1987": relative dates stay unresolved.
        #expect(c.dates.documents[a.index].anchor == nil)
        #expect(c.dates.mentions(of: a).first { $0.text == "Friday" }?.value == nil)
    }

    @Test func datedDocumentsOfSeveralYearsGiveOnlyAGuess() throws {
        let c = corpus([
            ("old", "Old page\n\nPublished: 15 April 2019\n\nThe museum reopened.\n"),
            ("new", "New page\n\nPublished: 18 June 2023\n\nThe bridge opened.\n"),
            ("wire", "Talks resume\n\nSEOUL, Aug. 20 (Yonhap) -- Talks resumed on Tuesday.\n"),
        ])
        let doc = try c.document("wire")
        #expect(doc.date == nil)
        let guess = try #require(doc.dateGuess)
        #expect(guess.date.hasSuffix("-08-20"))
        #expect(guess.basis.contains("span more than a year"))
        let old = try c.document("old")
        #expect(old.date == "2019-04-15")
        #expect(old.dateFrom == "text")
    }

    @Test func aDatelineFarFromTheDatedDocumentsIsAGuess() throws {
        let c = corpus([
            ("dated", wire("ORBITAL GEAR NET RISES", "COMMACK, N.Y., Feb 26, 1987", "Orbital Gear said its\nnet rose.")),
            ("far", wire("HARVEST BEGINS", "DES MOINES, Iowa, Sept 28", "Farmers began the\ncorn harvest.")),
        ])
        let far = try c.document("far")
        #expect(far.date == nil)
        #expect(far.dateGuess?.date == "1986-09-28" || far.dateGuess?.date == "1987-09-28")
        #expect(far.dateGuess?.basis.contains("days away") == true)
    }

    @Test func weekdayInference() throws {
        // The lead's weekday matches a date the text writes: inferred.
        let own = corpus([("own", "Talks\n\nThe ministers met in Vienna on Sunday. The meeting, set for June 18, 2023, had been delayed twice.\n")])
        let doc = try #require(own.documents.first)
        #expect(doc.date == "2023-06-18")
        #expect(doc.dateFrom == "inferred")
        // It matches only the corpus's dated document: a guess.
        let c = corpus([
            ("dated", "Vote\n\nSTRASBOURG, June 11, 2024 (AFP) - Lawmakers voted on a budget.\n"),
            ("undated", "Vote\n\nBRUSSELS (AP) — The committee voted 19-8 on Tuesday to back the plan.\n"),
        ])
        let undated = try c.document("undated")
        #expect(undated.date == nil)
        #expect(undated.dateGuess?.date == "2024-06-11")
        #expect(undated.dateGuess?.basis.contains("Tuesday") == true)
    }

    @Test func theYearOfABareMonthAndDayFollowsTenseAndDirection() throws {
        func resolved(_ body: String, dateline: String, _ text: String) throws -> String? {
            let c = corpus([("d", "Headline\n\n\(dateline) - \(body)\n")])
            let doc = try #require(c.documents.first)
            return c.dates.mentions(of: doc).first { $0.text.contains(text) }?.value?.iso
        }
        // A deadline ahead, in a clause with "is extended" and "said" in it.
        #expect(try resolved("The offer, which expires March 25 unless it is extended, is conditioned on approval, the company said.",
                             dateline: "NEW YORK, Feb 26, 1987", "March 25") == "1987-03-25")
        #expect(try resolved("Talks broke off on Feb 20 when the company proposed a wage cut.",
                             dateline: "DETROIT, Feb 26, 1987", "Feb 20") == "1987-02-20")
        #expect(try resolved("The union said on Dec 28 that it would strike.",
                             dateline: "DETROIT, Jan 3, 1988", "Dec 28") == "1987-12-28")
        #expect(try resolved("The two sides will meet again on Jan 10 to resume talks.",
                             dateline: "DETROIT, Dec 20, 1987", "Jan 10") == "1988-01-10")
        #expect(try resolved("Talks resume on March 9, the company said.",
                             dateline: "DETROIT, Feb 27, 1987", "March 9") == "1987-03-09")
        #expect(try resolved("The dividend is payable April 1 to holders of record March 13.",
                             dateline: "COMMACK, N.Y., Feb 26, 1987", "April 1") == "1987-04-01")
        #expect(try resolved("The deficit for the fiscal year starting April 1 was too high, critics said.",
                             dateline: "OTTAWA, March 5, 1987", "April 1") == "1987-04-01")
        // A reporting verb further back does not make the day past.
        #expect(try resolved("The bank declared a three-for-two stock split payable April 20 to holders of record.",
                             dateline: "MIAMI, March 16, 1987", "April 20") == "1987-04-20")
        #expect(try resolved("It said it had paid the interest due on Dec 31 but stopped payments on Feb 20.",
                             dateline: "BRASILIA, March 18, 1987", "Dec 31") == "1986-12-31")
    }

    @Test func aComparisonIsNotAnArrangement() throws {
        let c = corpus([("d", "Headline\n\nCHICAGO, March 5, 1987 - Sales were better than expected after a weak January.\n")])
        let doc = try #require(c.documents.first)
        #expect(c.dates.mentions(of: doc).first { $0.text == "January" }?.value?.iso == "1987-01")
    }

    @Test func implausibleTimelineEventsAreLeftOut() throws {
        let c = corpus([
            ("d", "Museum\n\nPublished: 18 June 2023\n\nThe charter, signed on May 4, 1650, is on show. A copy from May 1650 is lost. The museum plans a new wing by March 2090 and another in 2031.\n"),
        ])
        let timeline = c.dates.timeline(c).map(\.mention.text)
        #expect(timeline.contains("May 4, 1650"))  // a full date with a year is always an event
        #expect(!timeline.contains("May 1650"))
        #expect(!timeline.contains { $0.contains("2090") })
        #expect(timeline.contains { $0.contains("2031") })
        // The mentions themselves are kept.
        let doc = try #require(c.documents.first)
        #expect(c.dates.mentions(of: doc).contains { $0.text == "May 1650" })
    }

    @Test func datesInDigitsOnlyMustBePlausible() throws {
        let c = corpus([
            ("d", "Tuners\n\nPublished: 18 June 2023\n\nThe council met on 2023-06-12 and again on 12 June 2023. The old counter wraps on 2446-05-10, "
                + "and the supported tuner table lists 9885/6/7 beside its part numbers. The abbey was founded on 12 March 1088.\n"),
        ])
        let timeline = c.dates.timeline(c).map(\.mention.text)
        #expect(timeline.contains("2023-06-12"))  // digits only, but within the corpus's years
        #expect(timeline.contains("12 June 2023"))
        #expect(timeline.contains("12 March 1088"))  // a month written in words: a full date, always an event
        #expect(!timeline.contains { $0.contains("2446") }, "\(timeline)")
        #expect(!timeline.contains { $0.contains("9885") }, "\(timeline)")
        // The mentions themselves are kept.
        let doc = try #require(c.documents.first)
        #expect(c.dates.mentions(of: doc).contains { $0.text.contains("2446") })
    }

    @Test func documentDateWithoutACorpus() {
        let cleaned = Cleaner.clean("Headline\n\nCOMMACK, N.Y., Feb 26, 1987 - The company said.\n")
        #expect(cleaned.date == "1987-02-26")
        #expect(cleaned.dateFrom == "dateline")
        let yearless = Cleaner.clean("Headline\n\nCOMMACK, N.Y., Feb 26 - The company said.\n")
        #expect(yearless.date == nil)
        #expect(yearless.dateline?.date == "--02-26")
    }
}
