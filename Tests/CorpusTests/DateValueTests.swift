import Testing
@testable import Corpus

@Suite("DateValue")
struct DateValueTests {
    @Test("ISO forms round-trip", arguments: [
        "2023", "2023-06", "2023-06-18", "2023-06-18/2023-06-19", "2019/2021", "2022-11/2023-01",
        "2024-02-29", "0001", "9999-12-31", "1990/1999",
    ])
    func isoRoundTrip(iso: String) throws {
        let value = try #require(DateValue(iso: iso))
        #expect(value.iso == iso)
        #expect(value.description == iso)
        #expect(DateValue(iso: value.iso) == value)
    }

    @Test("malformed or impossible ISO strings are rejected", arguments: [
        "", "2023-13", "2023-00", "2023-02-29", "2023-06-31", "2023-06-00", "23-06-18", "2023-6-18",
        "2023/", "/2023", "2023-06-19/2023-06-18", "2023/2023", "abcd", " 2023", "2023 ",
        "2023-06-18/2023-06-19/2023-06-20", "2023-06-18T10:00", "０２０２", "2023-06/2023-05-31", "0000",
    ])
    func rejectsMalformed(iso: String) {
        #expect(DateValue(iso: iso) == nil)
    }

    @Test func precisionAndParts() throws {
        let day = try #require(DateValue(iso: "2023-06-18"))
        #expect(day.precision == .day)
        #expect((day.year, day.month, day.day) == (2023, 6, 18))
        #expect(!day.isRange)
        let month = try #require(DateValue(iso: "2022-11"))
        #expect(month.precision == .month)
        #expect(month.day == nil)
        let range = try #require(DateValue(iso: "2023-06-18/2023-06-19"))
        #expect(range.isRange)
        #expect(range.start.iso == "2023-06-18")
        #expect(range.end?.iso == "2023-06-19")
        #expect(DateValue.Precision.year < .month && DateValue.Precision.month < .day)
    }

    @Test func pointValidation() {
        #expect(DateValue.Point(year: 2023, month: 2, day: 29) == nil)
        #expect(DateValue.Point(year: 2024, month: 2, day: 29) != nil)
        #expect(DateValue.Point(year: 1900, month: 2, day: 29) == nil)
        #expect(DateValue.Point(year: 2000, month: 2, day: 29) != nil)
        #expect(DateValue.Point(year: 2023, month: nil, day: 5) == nil)
        #expect(DateValue.Point(year: 0) == nil)
        #expect(DateValue.Point(year: 10_000) == nil)
        #expect(DateValue(year: 2023, month: 4, day: 31) == nil)
    }

    @Test func rangeConstruction() throws {
        let june18 = try #require(DateValue.Point(year: 2023, month: 6, day: 18))
        let june19 = try #require(DateValue.Point(year: 2023, month: 6, day: 19))
        #expect(DateValue(start: june18, end: june19)?.iso == "2023-06-18/2023-06-19")
        #expect(DateValue(start: june19, end: june18) == nil)
        // An end equal to the start collapses to the single day.
        #expect(DateValue(start: june18, end: june18) == DateValue(june18))
        #expect(DateValue(start: june18, end: nil)?.isRange == false)
    }

    @Test func firstAndLastDays() throws {
        let february = try #require(DateValue(iso: "2024-02"))
        #expect(february.firstDay.iso == "2024-02-01")
        #expect(february.lastDay.iso == "2024-02-29")
        let year = try #require(DateValue(iso: "2023"))
        #expect(year.firstDay.iso == "2023-01-01")
        #expect(year.lastDay.iso == "2023-12-31")
        let decade = try #require(DateValue(iso: "1990/1999"))
        #expect(decade.lastDay.iso == "1999-12-31")
    }

    @Test func containsAndOverlaps() throws {
        let june = try #require(DateValue(iso: "2023-06"))
        let day = try #require(DateValue(iso: "2023-06-18"))
        let visit = try #require(DateValue(iso: "2023-06-18/2023-06-19"))
        let crossing = try #require(DateValue(iso: "2023-06-30/2023-07-02"))
        #expect(june.contains(day))
        #expect(june.contains(visit))
        #expect(!june.contains(crossing))
        #expect(june.overlaps(crossing))
        #expect(!day.contains(june))
        #expect(visit.contains(day))
        #expect(!visit.overlaps(try #require(DateValue(iso: "2023-06-20"))))
    }

    @Test func timelineOrder() throws {
        let isos = ["2023-06-18", "2022-11", "2023", "2023-06", "2023-06-18/2023-06-19", "2023-06-14", "2019",
                    "2023-06-17/2023-06-18", "1990/1999"]
        let values = try isos.map { try #require(DateValue(iso: $0)) }
        #expect(values.sorted().map(\.iso) == [
            "1990/1999", "2019", "2022-11", "2023", "2023-06", "2023-06-14", "2023-06-17/2023-06-18",
            "2023-06-18/2023-06-19", "2023-06-18",
        ])
    }

    @Test func orderIsStrictAndConsistentWithEquality() throws {
        let isos = ["2023", "2023-01", "2023-01-01", "2023-01-01/2023-12-31", "2023/2024", "2023-01/2023-12",
                    "2023-01-01/2023-01-02", "2022-12-31", "2023-01-02"]
        let values = try isos.map { try #require(DateValue(iso: $0)) }
        for left in values {
            for right in values {
                let relations = [left < right, right < left, left == right].filter { $0 }.count
                #expect(relations == 1, "\(left) vs \(right)")
            }
        }
    }
}
