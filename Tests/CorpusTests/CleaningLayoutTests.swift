import Foundation
import Testing

@testable import Corpus

/// Layout of plain text: hard-wrapped text is reflowed into paragraphs (indent-marked, blank-line and short-line
/// paragraphs), names and quotations broken at a line end join back, tables and lists keep their lines, and text
/// that is not wrapped keeps its lines. All texts are written for the tests.
@Suite struct CleaningLayoutTests {
    /// The paragraphs of the clean body, as a document's layout splits them.
    private func paragraphs(_ raw: String) -> [String] {
        let text = Cleaner.clean(raw).text
        let utf8 = Array(text.utf8)
        return ParagraphSplitter.paragraphs(in: text).map { String(decoding: utf8[$0], as: UTF8.self) }
    }

    /// A 1980s agency story: wrapped at about 60 columns, paragraphs opened by a four-space indent, no blank lines.
    static let indentMarked = """
        ORCHARD MILLS SEES LOWER FIRST QUARTER EARNINGS

            ROCHESTER, N.Y., April 7 - Orchard Mills Inc said its
        first quarter earnings would fall short of the 1.10 dlrs a
        share it earned a year ago because of a strike at its Geneva
        plant.
            "The strike cost us about three weeks of output in the
        quarter," chief financial officer Margaret
        Ellingsworth told analysts in a conference call.
            The company will report results on April 22.
         Reuter
        """

    @Test func indentMarkedParagraphsAreReflowed() {
        let cleaned = Cleaner.clean(Self.indentMarked)
        #expect(cleaned.title == "ORCHARD MILLS SEES LOWER FIRST QUARTER EARNINGS")
        #expect(paragraphs(Self.indentMarked) == [
            "Orchard Mills Inc said its first quarter earnings would fall short of the 1.10 dlrs a share it earned a year ago because of a strike at its Geneva plant.",
            "\"The strike cost us about three weeks of output in the quarter,\" chief financial officer Margaret Ellingsworth told analysts in a conference call.",
            "The company will report results on April 22.",
        ])
        // A name broken at a line end is whole again; the sign-off is a credit.
        #expect(cleaned.text.contains("Margaret Ellingsworth told"))
        #expect(cleaned.credits == ["Reuter"])
        #expect(!cleaned.text.contains("Reuter"))
    }

    @Test func blankLineParagraphsAreJoinedInside() {
        let raw = """
            Weekly grain report

            Farmers in the northern counties finished planting wheat a
            week ahead of the average, the state agriculture office said,
            helped by a dry and warm April.

            "We have not had a spring like this in ten years," said Tom
            Barrowcliffe, who farms 900 acres near the river. "The soil
            is in perfect shape."

            Corn planting is about a third done.
            """
        #expect(paragraphs(raw) == [
            "Farmers in the northern counties finished planting wheat a week ahead of the average, the state agriculture office said, helped by a dry and warm April.",
            "\"We have not had a spring like this in ten years,\" said Tom Barrowcliffe, who farms 900 acres near the river. \"The soil is in perfect shape.\"",
            "Corn planting is about a third done.",
        ])
    }

    @Test func shortLastLinesMarkParagraphsWithoutBlankLinesOrIndents() {
        let raw = """
            Harbour report

            The port authority said container traffic rose nine percent in
            the first half of the year, led by shipments of machinery and
            cars to the Baltic states.
            Bulk cargo fell for the fourth year in a row as coal imports
            dried up.
            The authority expects to finish dredging the outer channel by
            the end of October.
            """
        #expect(paragraphs(raw) == [
            "The port authority said container traffic rose nine percent in the first half of the year, led by shipments of machinery and cars to the Baltic states.",
            "Bulk cargo fell for the fourth year in a row as coal imports dried up.",
            "The authority expects to finish dredging the outer channel by the end of October.",
        ])
    }

    @Test func onePerLineTextIsUnchanged() {
        let raw = """
            Council approves new cycle lanes
            The city council voted 31 to 12 on Monday to build 40 kilometres of protected cycle lanes over the next three years, at a cost of about 60 million euros.
            "This is the biggest change to our streets since the trams came back," the deputy mayor said after the vote.
            Shopkeepers on two of the affected avenues have said they will challenge the plan in court.
            """
        let cleaned = Cleaner.clean(raw)
        #expect(cleaned.title == "Council approves new cycle lanes")
        #expect(paragraphs(raw).count == 3)
        #expect(cleaned.text.split(separator: "\n").count == 3)  // still one line per paragraph, no blank lines added
    }

    @Test func aWrappedQuotationIsOneSpan() {
        let cleaned = Cleaner.clean(Self.indentMarked)
        #expect(cleaned.text.contains("\"The strike cost us about three weeks of output in the quarter,\""))
    }

    @Test func hyphenatedLineEndsKeepTheirHyphen() {
        let raw = """
            Plant closing

            The company said the Ohio-
            based unit would close in June and its 400 workers would be
            offered jobs at the group's other plants in the region.
            It gave no figure for the cost of the closure, which analysts
            put at about 20 million dlrs.
            """
        let text = Cleaner.clean(raw).text
        #expect(text.contains("the Ohio-based unit would close"))
    }

    @Test func earningsTableKeepsOneRowPerParagraph() {
        let raw = """
            LAKEVIEW FOODS <LKF> 2ND QTR NET

                MILWAUKEE, Wis., July 16 -
                Shr 41 cts vs 37 cts
                Net 6.2 mln vs 5.5 mln
                Revs 188.0 mln vs 171.3 mln
                Six mths shr 80 cts vs 71 cts
                NOTE: Net includes a gain of 400,000 dlrs from the sale of
            a warehouse in the second quarter.
             Reuter
            """
        let cleaned = Cleaner.clean(raw)
        #expect(cleaned.dateline?.text == "MILWAUKEE, Wis., July 16 -")
        #expect(paragraphs(raw) == [
            "Shr 41 cts vs 37 cts", "Net 6.2 mln vs 5.5 mln", "Revs 188.0 mln vs 171.3 mln",
            "Six mths shr 80 cts vs 71 cts",
            "NOTE: Net includes a gain of 400,000 dlrs from the sale of a warehouse in the second quarter.",
        ])
    }

    @Test func columnTablesAndListsKeepTheirLines() {
        let raw = """
            Quarterly figures

            Revenue at the chain rose in every region in the quarter, the
            company said on Thursday, helped by longer opening hours and a
            new range of ready meals in its larger stores.

            Region        2023     2022
            North         41.2     38.0
            South         29.7     27.5

            The board proposed three changes to the articles of the
            company, which shareholders will vote on in May:
            - a smaller board of seven directors
            - a second vice chairman
            - annual elections for every director
            """
        let text = Cleaner.clean(raw).text
        #expect(text.contains("Region        2023     2022\nNorth         41.2     38.0\nSouth         29.7     27.5"))
        #expect(text.contains("vote on in May:\n- a smaller board of seven directors\n- a second vice chairman\n- annual"))
        #expect(text.contains("Revenue at the chain rose in every region in the quarter, the company said on Thursday,"))
    }

    @Test func shortLinesThatAreNotProseStay() {
        // An address block and a poem-like sequence of short lines are not wrapped prose.
        let raw = "Contact details\n\nPress office\nCity Hall\n12 Market Square\n\nCall before noon.\n"
        #expect(Cleaner.clean(raw).text == "Press office\nCity Hall\n12 Market Square\n\nCall before noon.")
    }

    @Test func indentedCodeIsNotReflowed() {
        let raw = """
            Using the tool

            Run the command below to build the index of a folder of files:

                dossier index --out index.db ./articles
                dossier search --index index.db "interest rates"

            The second command prints the ten best matches.
            """
        let text = Cleaner.clean(raw).text
        #expect(text.contains("    dossier index --out index.db ./articles\n    dossier search --index index.db \"interest rates\""))
    }

    @Test func aRemovedLinesWrappedContinuationGoesWithIt() {
        let raw = """
            MARKETS BRIEFING -- Friday, March 8, 2024

            Shares in Asia rose for a third day on Friday as investors bet
            that the Bank of Japan would keep its policy unchanged at its
            meeting next week, traders said.

            To unsubscribe from this briefing, reply to this message with
            the word STOP in the subject line.
            """
        let cleaned = Cleaner.clean(raw)
        #expect(!cleaned.text.contains("unsubscribe"))
        #expect(!cleaned.text.contains("subject line"))
        #expect(cleaned.boilerplate.count == 2)
        #expect(cleaned.title == "MARKETS BRIEFING -- Friday, March 8, 2024")
        #expect(cleaned.date == "2024-03-08")
        #expect(cleaned.dateFrom == "text")
    }

    @Test func cjkTextIsNotReflowed() {
        let raw = "标题\n\n第一段的文字。\n第二段的文字。\n第三段的文字。\n"
        #expect(paragraphs(raw) == ["第一段的文字。", "第二段的文字。", "第三段的文字。"])
    }

    @Test func lineFeatures() {
        func bytes(_ s: String) -> ArraySlice<UInt8> { Array(s.utf8)[...] }
        #expect(Cleaner.isListItem(bytes("1. Boil the water")))
        #expect(Cleaner.isListItem(bytes("2.) Sell the plant")))
        #expect(Cleaner.isListItem(bytes("(b) the second case")))
        #expect(Cleaner.isListItem(bytes("- item")))
        #expect(Cleaner.isListItem(bytes("• item")))
        #expect(!Cleaner.isListItem(bytes("1987 was a good year")))
        #expect(!Cleaner.isListItem(bytes("A. Smith said")))
        #expect(!Cleaner.isListItem(bytes("-- Reporting by Jane Doe")))
        #expect(Cleaner.isTableRow(bytes("North         41.2     38.0")))
        #expect(Cleaner.isTableRow(bytes("Name\tValue")))
        #expect(!Cleaner.isTableRow(bytes("He left.  Then he came back.")))
        #expect(!Cleaner.isTableRow(bytes("An ordinary line of prose.")))
        // Long lines (scanned eight bytes at a time), the run at every position of a block.
        let prose = "A line of prose that runs on for well over sixteen bytes before it stops"
        #expect(!Cleaner.isTableRow(bytes(prose)))
        for cut in [10, 15, 16, 17, 23, 24, 40] {
            let words = Array(prose.utf8)
            let padded = Array(words[..<cut]) + Array("   ".utf8) + Array(words[cut...])
            #expect(Cleaner.isTableRow(padded[...]), "three spaces at \(cut)")
        }
        #expect(!Cleaner.isTableRow(bytes("The first sentence ends here.  The second one follows it after two spaces.")))
        #expect(Cleaner.isTableRow(bytes("The first column of a row of text\tThe second column of the same row")))
        #expect(Cleaner.lineEndsSentence(bytes("he said.\"")))
        #expect(!Cleaner.lineEndsSentence(bytes("come in,\"")))
        #expect(Cleaner.endsInWordHyphen(bytes("the Ohio-")))
        #expect(!Cleaner.endsInWordHyphen(bytes("NEW YORK, Feb 26 -")))
    }

    @Test func offsetsPointIntoTheStoredText() throws {
        // A corpus keeps the reflowed body as `text` and the file as `raw`; sentence and token offsets are offsets
        // of `text`.
        let corpus = CorpusLoader.corpus(texts: [(id: "wire", text: Self.indentMarked)])
        let doc = try #require(corpus.documents.first)
        #expect(doc.raw == Self.indentMarked)
        #expect(doc.credits == ["Reuter"])
        for i in 0..<doc.sentenceCount {
            let text = doc.sentenceText(i)
            #expect(!text.contains("\n"))
            #expect(doc.text.contains(text))
        }
        #expect(doc.paragraphCount == 3)
    }
}
