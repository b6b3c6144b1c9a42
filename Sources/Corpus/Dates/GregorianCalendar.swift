import Foundation

/// Day arithmetic on `DateValue.Point`s: weekdays, adding days, week boundaries.
///
/// Weekday and day arithmetic go through Foundation's Gregorian calendar pinned to UTC, so a
/// calendar day maps to one midnight instant and no daylight-saving shift can move a day.
/// Month lengths are plain arithmetic (they are needed on every parsed date and are trivial).
enum GregorianCalendar {
    /// Gregorian calendar in UTC, shared (Calendar is a Sendable value type).
    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        if let utc = TimeZone(secondsFromGMT: 0) { calendar.timeZone = utc }
        calendar.firstWeekday = 2  // ISO weeks start on Monday
        return calendar
    }()

    /// True for Gregorian leap years.
    static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// Days in a month (month 1...12); 0 for an invalid month.
    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: return 31
        case 4, 6, 9, 11: return 30
        case 2: return isLeapYear(year) ? 29 : 28
        default: return 0
        }
    }

    /// The instant of the day's UTC midnight; nil for points coarser than a day.
    static func date(of point: DateValue.Point) -> Date? {
        guard let month = point.month, let day = point.day else { return nil }
        return calendar.date(from: DateComponents(year: point.year, month: month, day: day))
    }

    /// The day-precision point of an instant.
    static func point(of date: Date) -> DateValue.Point? {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        guard let year = parts.year, let month = parts.month, let day = parts.day else { return nil }
        return DateValue.Point(year: year, month: month, day: day)
    }

    /// ISO weekday of a day: 1 = Monday … 7 = Sunday. Nil for points coarser than a day.
    static func isoWeekday(of point: DateValue.Point) -> Int? {
        guard let date = date(of: point) else { return nil }
        let foundationWeekday = calendar.component(.weekday, from: date)  // 1 = Sunday … 7 = Saturday
        return (foundationWeekday + 5) % 7 + 1
    }

    /// The day `days` days after (negative: before) a day-precision point.
    static func adding(days: Int, to point: DateValue.Point) -> DateValue.Point? {
        guard let date = date(of: point),
              let moved = calendar.date(byAdding: .day, value: days, to: date) else { return nil }
        return self.point(of: moved)
    }

    /// Whole days from `from` to `to` (negative when `to` is earlier); nil unless both are days.
    static func days(from: DateValue.Point, to: DateValue.Point) -> Int? {
        guard let start = date(of: from), let end = date(of: to) else { return nil }
        return Int(((end.timeIntervalSince(start)) / 86_400).rounded())
    }

    /// The Monday starting the ISO week of a day.
    static func mondayOfWeek(containing point: DateValue.Point) -> DateValue.Point? {
        guard let weekday = isoWeekday(of: point) else { return nil }
        return adding(days: 1 - weekday, to: point)
    }

    /// The month `offset` months after (negative: before) a year and month.
    static func shiftMonth(year: Int, month: Int, by offset: Int) -> (year: Int, month: Int) {
        let index = year * 12 + (month - 1) + offset
        let newYear = index >= 0 ? index / 12 : (index - 11) / 12
        return (newYear, index - newYear * 12 + 1)
    }
}
