import Foundation
import Testing

@testable import Corpus

/// Wire conventions: the datelines of the agencies and papers, and the credits taken out of the text (bylines,
/// sign-offs, reporting lines, contributor lines, desk initials, press-release contacts). Texts written for the tests.
@Suite struct CleaningWireTests {
    private func dateline(_ first: String) -> Dateline? {
        Cleaner.clean("A headline for the story\n\n" + first + "\n\nA second paragraph follows here.\n").dateline
    }

    @Test func datelinesWithAndWithoutAYear() {
        #expect(dateline("LONDON, March 2 (Reuters) - Shares in Britain's banks fell.")
            == Dateline(text: "LONDON, March 2 (Reuters) -", place: "London", date: "--03-02", agency: "Reuters"))
        #expect(dateline("WASHINGTON (AP) — The Senate voted on Tuesday.")
            == Dateline(text: "WASHINGTON (AP) —", place: "Washington", date: nil, agency: "Associated Press"))
        #expect(dateline("PARIS, 12 juin (AFP) - Le gouvernement a annoncé mardi un plan.")
            == Dateline(text: "PARIS, 12 juin (AFP) -", place: "Paris", date: "--06-12", agency: "AFP"))
        #expect(dateline("COMMACK, N.Y., Feb 26, 1987 - <Orbital Gear Inc> said its net rose.")
            == Dateline(text: "COMMACK, N.Y., Feb 26, 1987 -", place: "Commack, N.Y.", date: "1987-02-26"))
        #expect(dateline("(CNN) -- Heavy snow closed schools across the state.")
            == Dateline(text: "(CNN) --", place: nil, date: nil, agency: "CNN"))
        #expect(dateline("BEIJING, June 5 (Xinhua) -- China's exports grew in May.")
            == Dateline(text: "BEIJING, June 5 (Xinhua) --", place: "Beijing", date: "--06-05", agency: "Xinhua"))
        #expect(dateline("NEW YORK, Feb 26 - Grain futures closed lower.")
            == Dateline(text: "NEW YORK, Feb 26 -", place: "New York", date: "--02-26"))
    }

    @Test func datelinesWithStatesCountriesAndWires() {
        #expect(dateline("TULSA, Okla., March 3 - The refiner cut its prices.")?.place == "Tulsa, Okla.")
        #expect(dateline("GDANSK, Poland, June 11 (Reuters) - A fire broke out.")
            == Dateline(text: "GDANSK, Poland, June 11 (Reuters) -", place: "Gdansk, Poland", date: "--06-11", agency: "Reuters"))
        #expect(dateline("SEOUL, Aug. 20 (Yonhap) -- The ministry said on Tuesday.")?.date == "--08-20")
        #expect(dateline("FRANKFURT, Germany (AP) — The bank cut rates.")?.place == "Frankfurt, Germany")
        let release = dateline("CHICAGO, May 3, 2024 /PRNewswire/ -- Halvard Tools Inc. today announced a merger.")
        #expect(release == Dateline(text: "CHICAGO, May 3, 2024 /PRNewswire/ --", place: "Chicago", date: "2024-05-03",
                                    agency: "PR Newswire"))
        let businessWire = dateline("SAN JOSE, Calif.--(BUSINESS WIRE)--Quarry Labs today released its results.")
        #expect(businessWire?.agency == "Business Wire")
        #expect(businessWire?.place == "San Jose, Calif.")
        #expect(dateline("LONDON, March 2, 1987 - <Brixham Holdings Plc> said it would buy a rival.")?.date == "1987-03-02")
        #expect(dateline("MADRID, 4 mayo (EFE).- El Gobierno aprobó hoy el plan.")?.date == "--05-04")
        #expect(dateline("BERLIN, 12. Juni (dpa) - Die Regierung hat beschlossen.")?.date == "--06-12")
        #expect(dateline("MEXICO CITY, 3 de marzo (Reuters) - El banco central.")?.date == "--03-03")
        // An agency the outlet table does not know, several places, the old AP underscore dash.
        #expect(dateline("LONDON (Reuters Breakingviews) - Banks face a test.")?.agency == "Reuters Breakingviews")
        #expect(dateline("LONDON/NEW YORK, March 3 (Reuters) - Oil fell.")?.place == "London/New York")
        #expect(dateline("ATLANTA (AP) _ The storm moved east.")?.place == "Atlanta")
        #expect(dateline("Chicago (the windy city) - was cold.") == nil)
    }

    @Test func datelinesOfChineseAndJapaneseAgencies() {
        #expect(dateline("新华社上海3月8日电 记者8日从市政府获悉，新的规定已经实施。")
            == Dateline(text: "新华社上海3月8日电", place: "上海", date: "--03-08", agency: "Xinhua"))
        #expect(dateline("【3月9日 AFP】東京で9日、大規模な集会が開かれた。")
            == Dateline(text: "【3月9日 AFP】", place: nil, date: "--03-09", agency: "AFP"))
    }

    @Test func aDatelineMayCloseItsLine() {
        let raw = "QUARRY CORP <QRY> 1ST QTR NET\n\n    TOLEDO, Ohio, April 9 -\n    Shr 22 cts vs 19 cts\n    Net 3.1 mln vs 2.7 mln\n"
        let cleaned = Cleaner.clean(raw)
        #expect(cleaned.dateline?.text == "TOLEDO, Ohio, April 9 -")
        let utf8 = Array(cleaned.text.utf8)
        #expect(ParagraphSplitter.paragraphs(in: cleaned.text).map { String(decoding: utf8[$0], as: UTF8.self) }
            == ["Shr 22 cts vs 19 cts", "Net 3.1 mln vs 2.7 mln"])
    }

    @Test func notDatelines() {
        // A masthead with its date is a title, not a dateline.
        let masthead = Cleaner.clean("OIL WEEKLY -- Monday, May 6, 2024\n\nOSLO, May 6 - Output rose.\n")
        #expect(masthead.title == "OIL WEEKLY -- Monday, May 6, 2024")
        #expect(masthead.dateline?.place == "Oslo")
        #expect(masthead.date == "2024-05-06")
        // Ordinary openings.
        #expect(dateline("Chicago, which hosts the fair, is busy - and hot.") == nil)
        #expect(dateline("Sales rose, March figures showed - a surprise.") == nil)
        #expect(dateline("London (a city of nine million) - it is big.") == nil)
    }

    @Test func aDatelineAfterAPromptOrStandfirst() {
        let raw = "Storm hits the coast\n\nShare your pictures of the storm with us.\n\n(CNN) -- A storm hit the coast on Sunday.\n\nMore later.\n"
        let cleaned = Cleaner.clean(raw)
        #expect(cleaned.dateline?.agency == "CNN")
        #expect(cleaned.text.hasPrefix("Share your pictures"))
        #expect(cleaned.text.contains("\n\nA storm hit the coast"))
        // An ordinary "Place:" opening is only a dateline at the very start.
        let late = Cleaner.clean("Title here\n\nFirst paragraph is short.\n\nBoston: the city woke up to snow.\n")
        #expect(late.dateline == nil)
    }

    // MARK: - Credits

    @Test func reutersCredits() {
        let old = Cleaner.clean("TITLE OF A STORY\n\n    NEW YORK, Feb 26 - The company said it\nwould buy a rival.\n Reuter\n")
        #expect(old.credits == ["Reuter"])
        #expect(old.text == "The company said it would buy a rival.")
        let modern = """
            Retailer cuts outlook

            LONDON, March 4 (Reuters) - A British retailer cut its profit forecast on Monday.

            Its shares fell 9%.

            (Reporting by Jane Fairweather; Editing by Tom Ashdown and Lucy Marr)
            """
        let cleaned = Cleaner.clean(modern)
        #expect(cleaned.credits == ["(Reporting by Jane Fairweather; Editing by Tom Ashdown and Lucy Marr)"])
        #expect(cleaned.text == "A British retailer cut its profit forecast on Monday.\n\nIts shares fell 9%.")
        // A newsletter's dashed credit, wrapped over two lines.
        let letter = """
            Gas notes

            Norway's gas output rose in May, the regulator said on Tuesday,
            as two fields came back from maintenance earlier than planned.

            -- Reporting by Ingrid Halvorsen in Oslo; Editing by Mark
            Penrose
            """
        #expect(Cleaner.clean(letter).credits == ["-- Reporting by Ingrid Halvorsen in Oslo; Editing by Mark Penrose"])
    }

    @Test func apBylinesAndContributors() {
        let raw = """
            Mill Town Votes to Keep Its Library
            By HAROLD PEMBERTON
            Associated Press Writer

            MILLBROOK, Maine (AP) - Voters in this mill town decided on Tuesday to keep their library open.

            The vote was 412 to 388.

            ___

            Associated Press writer Lena Ortiz in Portland contributed to this report.
            """
        let cleaned = Cleaner.clean(raw)
        #expect(cleaned.title == "Mill Town Votes to Keep Its Library")
        #expect(cleaned.credits == [
            "By HAROLD PEMBERTON", "Associated Press Writer",
            "Associated Press writer Lena Ortiz in Portland contributed to this report.",
        ])
        #expect(cleaned.dateline?.place == "Millbrook, Maine")
        #expect(cleaned.text == "Voters in this mill town decided on Tuesday to keep their library open.\n\nThe vote was 412 to 388.")
        #expect(cleaned.boilerplate.map(\.line) == ["___"])
    }

    @Test func aHeadlineInCapitalsWithADashIsATitle() {
        let cleaned = Cleaner.clean("U.S. GRAIN EXPORTS SEEN LOWER - USDA\n    WASHINGTON, March 10 - Grain exports will fall\nthis year, the department said.\n Reuter\n")
        #expect(cleaned.title == "U.S. GRAIN EXPORTS SEEN LOWER - USDA")
        #expect(cleaned.dateline?.place == "Washington")
        #expect(cleaned.text == "Grain exports will fall this year, the department said.")
        // A story opening in capitals is still a dateline and a body.
        #expect(Cleaner.clean("WASHINGTON - The Senate voted on Tuesday to extend the program.\n\nMore.\n").title == nil)
    }

    @Test func aBylineIsNotATitle() {
        let cleaned = Cleaner.clean("By MARTA VELEZ\nAssociated Press Writer\n\nLIMA, Peru (AP) - The congress voted.\n")
        #expect(cleaned.title == nil)
        #expect(cleaned.credits == ["By MARTA VELEZ", "Associated Press Writer"])
        #expect(cleaned.dateline?.place == "Lima, Peru")
        #expect(cleaned.text == "The congress voted.")
    }

    @Test func otherAgencyCredits() {
        let afp = Cleaner.clean("Titre\n\nPARIS, 11 juin (AFP) - Le trafic sera perturbé.\n\nfb-lmt/rs\n")
        #expect(afp.credits == ["fb-lmt/rs"])
        #expect(afp.text == "Le trafic sera perturbé.")
        let cnn = Cleaner.clean("Storm\n\n(CNN) -- Snow fell.\n\nCNN's Ana Rivas and Paul Drury contributed to this report.\n")
        #expect(cnn.credits == ["CNN's Ana Rivas and Paul Drury contributed to this report."])
        let chinese = Cleaner.clean("标题\n\n新华社北京3月8日电 正文。\n\n（编辑：王小明）\n")
        #expect(chinese.credits == ["（编辑：王小明）"])
        let dashed = Cleaner.clean("A title here\n\nThe council met.\n\n-- By Maria Lopez Follow @mlopez\n")
        #expect(dashed.credits == ["-- By Maria Lopez Follow @mlopez"])
    }

    @Test func pressReleaseContactsAndSource() {
        let raw = """
            Halvard Tools to Acquire Brenner Gauge

            CHICAGO, May 3, 2024 /PRNewswire/ -- Halvard Tools Inc. (NYSE: HVT) today announced that it will acquire Brenner Gauge Co. for $120 million.

            About Halvard Tools

            Halvard Tools makes hand tools for trades in 40 countries.

            Media contact:
            Dana Whitlock
            +1 312 555 0199
            press@halvard.example.com

            SOURCE Halvard Tools Inc.
            """
        let cleaned = Cleaner.clean(raw)
        #expect(cleaned.credits == ["Media contact:", "Dana Whitlock", "+1 312 555 0199", "press@halvard.example.com",
                                    "SOURCE Halvard Tools Inc."])
        #expect(cleaned.text.hasSuffix("Halvard Tools makes hand tools for trades in 40 countries."))
        #expect(cleaned.date == "2024-05-03")
        #expect(cleaned.dateline?.agency == "PR Newswire")
    }

    @Test func archiveEndMarksAndRightsNotices() {
        // An archive's end-of-text mark after the sign-off.
        let archived = Cleaner.clean("    PARIS, March 9 - The bank said its\nprofit rose 8 pct in 1986.\n Reuter\n&#3;\n")
        #expect(archived.credits == ["Reuter"])
        #expect(archived.text == "The bank said its profit rose 8 pct in 1986.")
        #expect(Cleaner.clean("Title here\n\nThe bank said its profit rose.\n Reuter \u{3}\n").credits == ["Reuter \u{3}"])
        // A rights notice and a standards line are credit lines; the notice's holder is the source.
        let notice = Cleaner.clean("A title\n\nSALEM, Ore. (AP) - The vote passed.\n\nCopyright 2024 The Associated Press. All rights reserved.\n")
        #expect(notice.credits == ["Copyright 2024 The Associated Press. All rights reserved."])
        #expect(notice.text == "The vote passed.")
        #expect(notice.source == "Associated Press")
        let standards = Cleaner.clean("A title\n\nThe vote passed.\n\n(Reporting by Ann Lee; Editing by Bo Park)\n\nOur Standards: The Thomson Reuters Trust Principles.\n")
        #expect(standards.credits.count == 2)
        #expect(standards.text == "The vote passed.")
        #expect(Cleaner.clean("A title\n\nCopyright of the archive belongs to the city, the clerk said.\n").credits.isEmpty)
    }

    @Test func creditsBoilerplateLinesAreCreditsToo() {
        let cleaned = Cleaner.clean("A title here\n\nThe minister spoke.\n\n(With inputs from PTI)\n")
        #expect(cleaned.credits == ["(With inputs from PTI)"])
    }

    @Test func sentencesAreNotCredits() {
        // Sentences that look like credit lines stay in the text.
        let raw = """
            A headline here

            The council said reporting by local papers had been unfair.

            By the end of the day the roads were clear.

            Reporting by the state's agencies is slow, the auditor said in a report that ran to more than two hundred pages and named eleven departments.

            Three reporters contributed to the union's fund, she said.
            """
        let cleaned = Cleaner.clean(raw)
        #expect(cleaned.credits.isEmpty)
        #expect(cleaned.text.hasSuffix("Three reporters contributed to the union's fund, she said."))
        #expect(Cleaner.clean("Reuters\n\nThe agency Reuters said.\n").credits.isEmpty)
    }

    @Test func creditPatterns() {
        func bytes(_ s: String) -> ArraySlice<UInt8> { Array(s.utf8)[...] }
        #expect(Cleaner.isByline(bytes("By JANE DOE")))
        #expect(Cleaner.isByline(bytes("By Jane Doe and John Roe")))
        #expect(!Cleaner.isByline(bytes("By the end of the day")))
        #expect(!Cleaner.isByline(bytes("By Friday, the talks had failed.")))
        #expect(Cleaner.isDeskInitials(bytes("abc-mjp/phv")))
        #expect(!Cleaner.isDeskInitials(bytes("see www.example.com/a")))
        #expect(Cleaner.isContributorLine(bytes("Associated Press writer Lena Ortiz contributed.")))
        #expect(!Cleaner.isContributorLine(bytes("Three reporters contributed to the fund, she said.")))
        #expect(Cleaner.isFootRule(bytes("___")))
        #expect(Cleaner.isFootRule(bytes("###")))
        #expect(Cleaner.isFootRule(bytes("-30-")))
        #expect(Cleaner.isContactHeading(bytes("Media Contacts:")))
        #expect(!Cleaner.isContactHeading(bytes("Contact with the rebels was lost on Monday.")))
    }
}
