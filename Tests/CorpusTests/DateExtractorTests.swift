import Testing
@testable import Corpus

/// One test per pattern, on a real seed sentence and on sentences written for the test.
/// Unless a test says otherwise the anchor is the document date 2023-06-18 (a Sunday).
@Suite("DateExtractor patterns")
struct DateExtractorTests {
    typealias Support = DateTestSupport

    // MARK: Numeric dates

    @Test func numericDayMonthYearDateline() throws {
        let line = try Support.paragraph(containing: "18-6-2023 (BEIJING)", in: Support.seed("002"))
        let first = try #require(try Support.mentions(line).first)
        #expect(first.text == "18-6-2023")
        #expect(first.value?.iso == "2023-06-18")
        #expect(!first.isRelative)
        #expect(first.anchor == nil)
        #expect(first.range == 0..<9)
    }

    @Test func numericForms() throws {
        #expect(try Support.pairs("The filing, dated 5/11/2021, was withdrawn.") == ["5/11/2021=2021-11-05"])
        #expect(try Support.pairs("Signed on 6/18/2023 in Washington.") == ["6/18/2023=2023-06-18"])
        #expect(try Support.pairs("Last modified: 2008-10-03 by the editor.") == ["2008-10-03=2008-10-03"])
        #expect(try Support.pairs("Timestamp 2023-06-18T10:00 UTC") == ["2023-06-18=2023-06-18"])
        #expect(try Support.pairs("Vertrag vom 18.6.2023 unterzeichnet.") == ["18.6.2023=2023-06-18"])
        #expect(try Support.pairs("Filed 2023/06/18.") == ["2023/06/18=2023-06-18"])
    }

    @Test func numbersThatAreNotDates() throws {
        #expect(try Support.mentions("Version 1.2.3 fixed it; call 555-1234; the score was 3-2.").isEmpty)
        #expect(try Support.mentions("An impossible 31-02-2023 and 2023-13-45 stay unread.").isEmpty)
        #expect(try Support.mentions("The G20 summit; 39.4C in Beijing; 2,019 people; 2019 votes; $2019.").isEmpty)
        #expect(try Support.mentions("Route 2019 crosses 1850 fields.").isEmpty)
    }

    // MARK: Month-first days

    @Test func monthDayRangeFromSeed() throws {
        let sentence = try Support.paragraph(containing: "On June 18–19", in: Support.seed("000"))
        let mention = try #require(try Support.mentions(sentence).first)
        #expect(mention.text == "June 18–19")
        #expect(mention.value?.iso == "2023-06-18/2023-06-19")
        #expect(mention.isRelative)
        #expect(mention.anchor == "document date 2023-06-18")
    }

    @Test func monthDayForms() throws {
        #expect(try Support.pairs("Talks are set for June 18-19 in Beijing.") == ["June 18-19=2023-06-18/2023-06-19"])
        #expect(try Support.pairs("Talks run June 18 to 19.") == ["June 18 to 19=2023-06-18/2023-06-19"])
        #expect(try Support.pairs("The fair runs June 30–July 2.") == ["June 30–July 2=2023-06-30/2023-07-02"])
        #expect(try Support.pairs("It opened on June 18, 2023, in Beijing.") == ["June 18, 2023=2023-06-18"])
        #expect(try Support.pairs("It opened on June 18th.") == ["June 18th=2023-06-18"])
        #expect(try Support.pairs("Nicolas Pitre, Mar 13, 2001.") == ["Mar 13, 2001=2001-03-13"])
        #expect(try Support.pairs("The deal was signed Sept. 5, 2022.") == ["Sept. 5, 2022=2022-09-05"])
        #expect(try Support.pairs("The play premiered on February 10, 1949, on Broadway.") == ["February 10, 1949=1949-02-10"])
    }

    // MARK: Day-first days

    @Test func dayFirstRangeFromSeed() throws {
        let sentence = try Support.paragraph(containing: "on 18-19 June", in: Support.seed("004"))
        #expect(try Support.pairs(sentence) == ["18-19 June=2023-06-18/2023-06-19"])
    }

    @Test func dayFirstForms() throws {
        #expect(try Support.pairs("He arrived on 18 June 2023.") == ["18 June 2023=2023-06-18"])
        #expect(try Support.pairs("He arrived on the 18th of June.") == ["18th of June=2023-06-18"])
        #expect(try Support.pairs("The festival ran 30 June–2 July 2023.") == ["30 June–2 July 2023=2023-06-30/2023-07-02"])
        #expect(try Support.pairs("It premiered at the Burgtheater on 1 May 1786.") == ["1 May 1786=1786-05-01"])
        // In a directory listing the month belongs to the day after it.
        #expect(try Support.pairs("crw-rw---- 1 root video 81,  16 Jun 19 22:22 /dev/video16") == ["Jun 19=2023-06-19"])
    }

    // MARK: Months with years

    @Test func monthYearFromSeeds() throws {
        let seed000 = try Support.paragraph(containing: "January 2021", in: Support.seed("000"))
        #expect(try Support.pairs(seed000).contains("January 2021=2021-01"))
        let seed003 = try Support.paragraph(containing: "October 2018", in: Support.seed("003"))
        #expect(try Support.pairs(seed003) == ["October 2018=2018-10"])
        let bali = try Support.paragraph(containing: "November 2022", in: Support.seed("003"))
        #expect(try Support.pairs(bali).contains("November 2022=2022-11"))
        let mention = try #require(try Support.mentions(bali).first { $0.text == "November 2022" })
        #expect(!mention.isRelative && mention.anchor == nil)
    }

    @Test func monthYearForms() throws {
        #expect(try Support.pairs("Recording took place from April to November 1982.") == ["April to November 1982=1982-04/1982-11"])
        #expect(try Support.pairs("It was published in March 1678.") == ["March 1678=1678-03"])
        #expect(try Support.pairs("Prices peaked in mid-June 2023.") == ["mid-June 2023=2023-06"])
        #expect(try Support.pairs("He has been mayor since April 2011.") == ["since April 2011=2011-04"])
    }

    // MARK: Bare and shifted months

    @Test func midMonthFromSeed() throws {
        let sentence = try Support.paragraph(containing: "mid-June", in: Support.seed("003"))
        #expect(try Support.pairs(sentence).contains("mid-June=2023-06"))
    }

    @Test func lastNovemberFromSeeds() throws {
        let seed000 = try Support.paragraph(containing: "Bali last November", in: Support.seed("000"))
        #expect(try Support.pairs(seed000) == ["last November=2022-11", "February=2023-02"])
        let seed003 = try Support.paragraph(containing: "last November", in: Support.seed("003"))
        #expect(try Support.pairs(seed003) == ["February=2023-02", "last November=2022-11"])
    }

    @Test func bareMonthsFromSeeds() throws {
        let may = try Support.paragraph(containing: "Elon Musk visited China", in: Support.seed("004"))
        #expect(try Support.pairs(may).prefix(1) == ["May=2023-05"])
        let september = try Support.paragraph(containing: "schedule in September", in: Support.seed("001"))
        #expect(try Support.pairs(september) == ["September=2023-09", "November=2023-11"])
        let indonesia = try Support.paragraph(containing: "A November meeting", in: Support.seed("002"))
        #expect(try Support.pairs(indonesia) == ["November=2022-11"])
    }

    @Test func monthWithNamedYear() throws {
        #expect(try Support.pairs("In February last year, the teenager died.") == ["February last year=2022-02"])
        #expect(try Support.pairs("He had surgery on February 24 this year.") == ["February 24 this year=2023-02-24"])
        #expect(try Support.pairs("Elections are due in May next year.") == ["May next year=2024-05"])
    }

    @Test func modalsVerbsAndNamesAreNotMonths() throws {
        let seed = try Support.paragraph(containing: "may also set the stage", in: Support.seed("002"))
        #expect(try Support.pairs(seed) == ["later in the year=2023"])
        #expect(try Support.mentions("May also set the stage for talks.").isEmpty)
        #expect(try Support.mentions("Theresa May said the March on Washington was peaceful.").isEmpty)
        #expect(try Support.mentions("April Ryan asked; June Carter sang; an August institution.").isEmpty)
        #expect(try Support.mentions("We will march; the may-pole; januaryish.").isEmpty)
        #expect(try Support.pairs("They will march again in March.") == ["March=2024-03"])
    }

    // MARK: Weekdays

    @Test func weekdayPastFromSeed() throws {
        let sentence = try Support.paragraph(containing: "told reporters on Wednesday", in: Support.seed("000"))
        let mention = try #require(try Support.mentions(sentence).first)
        #expect(mention.text == "Wednesday")
        #expect(mention.value?.iso == "2023-06-14")
        #expect(mention.anchor == "document date 2023-06-18")
    }

    @Test func weekdayUntilFromSeed() throws {
        let sentence = try Support.paragraph(containing: "until Monday", in: Support.seed("002"))
        #expect(try Support.pairs(sentence).contains("until Monday=2023-06-19"))
    }

    @Test func weekdayForms() throws {
        #expect(try Support.pairs("Blinken will arrive on Wednesday.") == ["Wednesday=2023-06-21"])
        #expect(try Support.pairs("They met last Friday.") == ["last Friday=2023-06-16"])
        #expect(try Support.pairs("They meet next Friday.") == ["next Friday=2023-06-23"])
        #expect(try Support.pairs("The vote is this Wednesday.") == ["this Wednesday=2023-06-14"])
        #expect(try Support.pairs("Blinken touched down on Sunday.") == ["Sunday=2023-06-18"])
        // A weekday written with a date takes the date's value.
        #expect(try Support.pairs("The talks opened on Sunday, June 18.") == ["Sunday, June 18=2023-06-18"])
        #expect(try Support.pairs("Wednesday's briefing was tense.") == ["Wednesday=2023-06-14"])
    }

    @Test func namesAreNotWeekdaysOrMonths() throws {
        #expect(try Support.mentions("Shops close on Good Friday; The Sunday Times reported it.").isEmpty)
        #expect(try Support.mentions("Shrove Sunday precedes Ash Wednesday; Black September struck.").isEmpty)
        #expect(try Support.mentions("Lenin led the October Revolution.").isEmpty)
        // Other capitalised words before a weekday do not make a name.
        #expect(try Support.pairs("The minister told CNN Sunday that talks failed.") == ["Sunday=2023-06-18"])
        #expect(try Support.pairs("On Wednesday Qin Gang told Blinken to stop.") == ["Wednesday=2023-06-14"])
    }

    // MARK: Weeks, weekends, months, years

    @Test func weeksFromSeed() throws {
        let seed = try Support.seed("004")
        let thisWeek = try Support.paragraph(containing: "this week", in: seed)
        #expect(try Support.pairs(thisWeek) == ["this week=2023-06-12/2023-06-18"])
        let lastWeek = try Support.paragraph(containing: "Last week", in: seed)
        #expect(try Support.pairs(lastWeek) == ["Last week=2023-06-05/2023-06-11", "since at least 2019=2019"])
    }

    @Test func weekendFromSeed() throws {
        let sentence = try Support.paragraph(containing: "this weekend", in: Support.seed("000"))
        #expect(try Support.pairs(sentence, anchor: "2023-06-15") == ["this weekend=2023-06-17/2023-06-18"])
    }

    @Test func relativeYearsFromSeeds() throws {
        let nextYear = try Support.paragraph(containing: "Next year will be", in: Support.seed("003"))
        #expect(try Support.pairs(nextYear) == ["Next year=2024"])
        let later = try Support.paragraph(containing: "later in the year", in: Support.seed("000"))
        #expect(try Support.pairs(later) == ["later in the year=2023"])
        let start = try Support.paragraph(containing: "Since the start of the year", in: Support.seed("004"))
        #expect(try Support.pairs(start) == ["Tuesday=2023-06-13", "start of the year=2023"])
    }

    @Test func relativeUnitForms() throws {
        #expect(try Support.pairs("Sales fell last year and rose this year.") == ["last year=2022", "this year=2023"])
        #expect(try Support.pairs("The report is due next month.") == ["next month=2023-07"])
        #expect(try Support.pairs("Prices rose last month.", anchor: "2023-01-10") == ["last month=2022-12"])
        #expect(try Support.pairs("Troops will deploy later this month.") == ["later this month=2023-06"])
        #expect(try Support.pairs("They meet next week.") == ["next week=2023-06-19/2023-06-25"])
        #expect(try Support.pairs("It rained last weekend.") == ["last weekend=2023-06-10/2023-06-11"])
        #expect(try Support.pairs("Results come at the end of the month.") == ["end of the month=2023-06"])
    }

    @Test func durationsAreNotDates() throws {
        let twoDays = try Support.paragraph(containing: "two days trip", in: Support.seed("001"))
        #expect(try Support.mentions(twoDays).isEmpty)
        let coming = try Support.paragraph(containing: "in the coming months", in: Support.seed("002"))
        #expect(try Support.pairs(coming) == ["later in the year=2023"])
        #expect(try Support.mentions("Over the next several months and the last week, nearly five years passed.").isEmpty)
        #expect(try Support.pairs("It happened in the last week of June.") == ["June=2023-06"])
        #expect(try Support.mentions("He left at the last minute.").isEmpty)
    }

    // MARK: Years

    @Test func sinceAtLeastFromSeed() throws {
        let sentence = try Support.paragraph(containing: "since at least 2019", in: Support.seed("004"))
        let mention = try #require(try Support.mentions(sentence).first { $0.text == "since at least 2019" })
        #expect(mention.value?.iso == "2019")
        #expect(!mention.isRelative)
        #expect(mention.anchor == nil)
    }

    @Test func yearsNeedContext() throws {
        #expect(try Support.pairs("It was built in 2019 and renovated by 2030.") == ["2019=2019", "by 2030=2030"])
        #expect(try Support.pairs("Growth slowed in mid-2019.") == ["mid-2019=2019"])
        #expect(try Support.pairs("Between 2015 and 2020, output doubled.") == ["2015 and 2020=2015/2020"])
        #expect(try Support.pairs("From 1958 to 1977, the WHO led the effort.") == ["1958 to 1977=1958/1977"])
        #expect(try Support.pairs("He played in 1995 and 2000.") == ["1995=1995", "2000=2000"])
        #expect(try Support.pairs("The population was 7.1 million as of 2022.") == ["2022=2022"])
        #expect(try Support.mentions("The company employs 2019 people in 2019 offices.").count == 1)
        #expect(try Support.mentions("It was founded in 1850.").isEmpty)
        #expect(try Support.pairs("Since the 2016 election, and the 2020 census.") == ["2016=2016", "2020=2020"])
        #expect(try Support.mentions("The 2019, the 2020.").isEmpty)
    }

    @Test func decades() throws {
        #expect(try Support.pairs("Soul music of the 1960s and the early 1990s.") == ["1960s=1960/1969", "early 1990s=1990/1999"])
    }

    // MARK: Days

    @Test func dayWords() throws {
        #expect(try Support.pairs("Yesterday it rained; today it shines; tomorrow it snows.")
            == ["Yesterday=2023-06-17", "today=2023-06-18", "tomorrow=2023-06-19"])
        #expect(try Support.mentions("USA Today reported it.").isEmpty)
    }

    @Test func countsAgo() throws {
        #expect(try Support.pairs("He was captured two days ago.") == ["two days ago=2023-06-16"])
        #expect(try Support.pairs("It was found 10 days ago.") == ["10 days ago=2023-06-08"])
        #expect(try Support.pairs("It began three weeks ago.") == ["three weeks ago=2023-05-22/2023-05-28"])
        #expect(try Support.pairs("It ended a year ago, not 2 months ago.") == ["a year ago=2022", "2 months ago=2023-04"])
    }

    // MARK: Offsets and anchors

    @Test func rangesAreUTF8OffsetsOfTheText() throws {
        let text = "“Déjà vu,” he said — on Wednesday — and again on 18 June 2023.\u{00A0}Last week too."
        let utf8 = Array(text.utf8)
        let found = try Support.mentions(text)
        #expect(found.map(\.text) == ["Wednesday", "18 June 2023", "Last week"])
        for mention in found {
            #expect(String(decoding: utf8[mention.range], as: UTF8.self) == mention.text)
        }
    }

    @Test func withoutAnchorRelativeMentionsStayUnresolved() throws {
        let found = try Support.mentions("On Wednesday, in May, on June 18, 2023 and on June 19.", anchor: nil)
        #expect(found.map(\.text) == ["Wednesday", "May", "June 18, 2023", "June 19"])
        #expect(found.map { $0.value?.iso } == [nil, nil, "2023-06-18", nil])
        #expect(found.allSatisfy { $0.anchor == nil })
        #expect(found.map(\.isRelative) == [true, true, false, true])
    }

    @Test func reResolvingAgainstAnotherAnchor() throws {
        let found = try Support.mentions("Officials met on Wednesday, last November.", anchor: nil)
        let anchor = DateAnchor.corpusEvidence(try #require(DateValue(iso: "2023-06-18")))
        let resolved = found.map { $0.resolved(against: anchor) }
        #expect(resolved.map { $0.value?.iso } == ["2023-06-14", "2022-11"])
        #expect(resolved.allSatisfy { $0.anchor == "corpus evidence 2023-06-18" })
        #expect(resolved.map(\.range) == found.map(\.range))
        let handMade = DateMention(text: "x", range: 0..<1, value: nil, isRelative: true, anchor: nil)
        #expect(handMade.resolved(against: anchor) == handMade)
    }

    @Test func coarseAnchors() throws {
        // A year-only anchor resolves years and months but not weekdays or weeks.
        #expect(try Support.pairs("On Friday, last week, last November, next year, on June 18.", anchor: "2023")
            == ["Friday=nil", "last week=nil", "last November=2022-11", "next year=2024", "June 18=2023-06-18"])
        #expect(try Support.pairs("In May and last month.", anchor: "2023-06") == ["May=2023-05", "last month=2023-05"])
    }
}
