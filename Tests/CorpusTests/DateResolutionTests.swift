import Testing
@testable import Corpus

/// Resolution rules with explicit anchors. 2023-06-18 is a Sunday, 2023-06-15 a Thursday,
/// 2024-01-02 a Tuesday.
@Suite("Date resolution")
struct DateResolutionTests {
    typealias Support = DateTestSupport

    @Test func briefExamples() throws {
        #expect(try Support.pairs("Officials said on Wednesday that talks would continue.") == ["Wednesday=2023-06-14"])
        #expect(try Support.pairs("They met in Bali last November.") == ["last November=2022-11"])
        #expect(try Support.pairs("Elections come next year.") == ["next year=2024"])
        #expect(try Support.pairs("He travels to Beijing this weekend.", anchor: "2023-06-15")
            == ["this weekend=2023-06-17/2023-06-18"])
    }

    @Test func weekdaysStayWithinSixDaysOfTheAnchor() throws {
        let names = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
        let anchor = try #require(DateValue(iso: "2023-06-18"))
        for name in names {
            let past = try #require(try Support.mentions("He spoke on \(name).").first?.value)
            let future = try #require(try Support.mentions("He will speak on \(name).").first?.value)
            let back = try #require(GregorianCalendar.days(from: past.start, to: anchor.start))
            let ahead = try #require(GregorianCalendar.days(from: anchor.start, to: future.start))
            #expect((0...6).contains(back), "\(name): \(past)")
            #expect((0...6).contains(ahead), "\(name): \(future)")
            #expect(GregorianCalendar.isoWeekday(of: past.start) == names.firstIndex(of: name).map { $0 + 1 })
            #expect(GregorianCalendar.isoWeekday(of: future.start) == names.firstIndex(of: name).map { $0 + 1 })
        }
    }

    @Test func weekdayAcrossYearBoundary() throws {
        #expect(try Support.pairs("The market fell on Friday.", anchor: "2024-01-02") == ["Friday=2023-12-29"])
        #expect(try Support.pairs("The market will reopen on Friday.", anchor: "2024-01-02") == ["Friday=2024-01-05"])
        #expect(try Support.pairs("Talks resume next week.", anchor: "2023-12-28") == ["next week=2024-01-01/2024-01-07"])
    }

    @Test func weekendsAroundASundayAnchor() throws {
        #expect(try Support.pairs("He travels this weekend.") == ["this weekend=2023-06-17/2023-06-18"])
        #expect(try Support.pairs("He travelled last weekend.") == ["last weekend=2023-06-10/2023-06-11"])
        #expect(try Support.pairs("He travels next weekend.") == ["next weekend=2023-06-24/2023-06-25"])
    }

    @Test func bareMonthsFollowTheClause() throws {
        #expect(try Support.pairs("The summit will be held in November.") == ["November=2023-11"])
        #expect(try Support.pairs("The summit was held in November.") == ["November=2022-11"])
        // No marker at all: the nearer of the two (the past one at six months either way).
        #expect(try Support.pairs("The summit takes place in November.") == ["November=2023-11"])
        #expect(try Support.pairs("Markets count on a second cut in July.") == ["July=2023-07"])
        #expect(try Support.pairs("Markets count on a cut in December.") == ["December=2022-12"])
        #expect(try Support.pairs("Markets recall the cut in January.") == ["January=2023-01"])
        #expect(try Support.pairs("Prices rose in June.") == ["June=2023-06"])
        #expect(try Support.pairs("Blinken's trip was initially scheduled for February but was delayed.") == ["February=2023-02"])
        #expect(try Support.pairs("The vote is scheduled for November.") == ["November=2023-11"])
        #expect(try Support.pairs("Leaders are expected to meet in September.") == ["September=2023-09"])
        #expect(try Support.pairs("The meeting was postponed until March.") == ["until March=2023-03"])
        #expect(try Support.pairs("Nothing has changed since March.") == ["since March=2023-03"])
    }

    @Test func shiftedMonthsAroundTheAnchorMonth() throws {
        #expect(try Support.pairs("They met last November.", anchor: "2023-12-01") == ["last November=2023-11"])
        #expect(try Support.pairs("They met last November.", anchor: "2023-11-20") == ["last November=2022-11"])
        #expect(try Support.pairs("They meet next November.", anchor: "2023-11-05") == ["next November=2024-11"])
        #expect(try Support.pairs("They meet next November.", anchor: "2023-06-18") == ["next November=2023-11"])
        #expect(try Support.pairs("They meet this November.", anchor: "2023-12-20") == ["this November=2023-11"])
        #expect(try Support.pairs("It happened in December.", anchor: "2024-01-02") == ["December=2023-12"])
        #expect(try Support.pairs("It will happen in January.", anchor: "2023-12-20") == ["January=2024-01"])
    }

    @Test func yearlessDaysPickTheYear() throws {
        // No tense: the nearest; past clause: the latest not more than a week after the anchor.
        #expect(try Support.pairs("Officials recall the September 11 attacks.", anchor: "2002-06-18")
            == ["September 11=2002-09-11"])
        #expect(try Support.pairs("Al Qaeda was blamed for the September 11 attacks.", anchor: "2002-06-18")
            == ["September 11=2001-09-11"])
        // Future clause read against an anchor a day late still keeps this year's date.
        #expect(try Support.pairs("On June 18–19, Blinken will hold meetings.", anchor: "2023-06-19")
            == ["June 18–19=2023-06-18/2023-06-19"])
        // No tense: the nearest.
        #expect(try Support.pairs("Receipts from December 30 onwards.", anchor: "2024-01-05") == ["December 30=2023-12-30"])
        // A written weekday settles the year.
        #expect(try Support.pairs("The talks opened on Sunday, June 18.", anchor: "2024-01-10")
            == ["Sunday, June 18=2023-06-18"])
        // A range into the next month and year.
        #expect(try Support.pairs("Closed December 30–January 2.", anchor: "2023-12-15")
            == ["December 30–January 2=2023-12-30/2024-01-02"])
        #expect(try Support.pairs("Born on February 29.", anchor: "2024-03-01") == ["February 29=2024-02-29"])
    }

    @Test func tenseMarkers() throws {
        // "will" two words before flips a weekday to the coming one.
        #expect(try Support.pairs("Blinken will meet Qin on Monday.") == ["Monday=2023-06-19"])
        // "won't" is future; "won" alone is past.
        #expect(try Support.pairs("They won't vote until Friday.") == ["until Friday=2023-06-23"])
        #expect(try Support.pairs("Labour won on Friday.") == ["Friday=2023-06-16"])
        // "'ll" is future.
        #expect(try Support.pairs("We'll know on Friday.") == ["Friday=2023-06-23"])
        // "due to" means "because of"; "is due to" is future.
        #expect(try Support.pairs("It is due to open on Friday.") == ["Friday=2023-06-23"])
        #expect(try Support.pairs("Flights stopped due to fog on Friday.") == ["Friday=2023-06-16"])
        // A sentence end stops the search for markers.
        #expect(try Support.pairs("Talks will resume. Officials arrive on Friday.") == ["Friday=2023-06-16"])
        #expect(try Support.pairs("Talks will resume as officials arrive on Friday.") == ["Friday=2023-06-23"])
    }
}
