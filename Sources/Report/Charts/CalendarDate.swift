/// An ISO 8601 calendar date at year, month or day precision, as used by `TimelineEvent`, with
/// day arithmetic in the proleptic Gregorian calendar (no time zones, no Foundation calendars,
/// so results never depend on the machine's settings).
struct CalendarDate: Hashable {
    /// How much of the date was given.
    enum Precision: Int { case year, month, day }

    var year: Int
    var month: Int
    var day: Int
    var precision: Precision

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                             "August", "September", "October", "November", "December"]
    static let monthAbbreviations = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Reads `"YYYY"`, `"YYYY-MM"` or `"YYYY-MM-DD"` (surrounding spaces and anything after the
    /// date, such as `T10:00Z`, are ignored). Returns nil for anything else or an impossible date.
    init?(iso text: String) {
        let bytes = Array(text.utf8.drop { $0 == 0x20 })
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count else { return nil }
            var n = 0
            for b in bytes[range] {
                guard b >= 0x30 && b <= 0x39 else { return nil }
                n = n * 10 + Int(b - 0x30)
            }
            return n
        }
        func isEnd(_ i: Int) -> Bool {
            i == bytes.count || bytes[i] == UInt8(ascii: "T") || bytes[i] == 0x20
        }
        guard let y = number(0..<4) else { return nil }
        if isEnd(4) {
            self.init(year: y, month: 1, day: 1, precision: .year)
            return
        }
        guard bytes[4] == UInt8(ascii: "-"), let m = number(5..<7), (1...12).contains(m) else { return nil }
        if isEnd(7) {
            self.init(year: y, month: m, day: 1, precision: .month)
            return
        }
        guard bytes[7] == UInt8(ascii: "-"), let d = number(8..<10), isEnd(10),
              (1...CalendarDate.daysIn(month: m, year: y)).contains(d) else { return nil }
        self.init(year: y, month: m, day: d, precision: .day)
    }

    init(year: Int, month: Int, day: Int, precision: Precision) {
        self.year = year
        self.month = month
        self.day = day
        self.precision = precision
    }

    /// The date at day precision from a day number (days since 1970-01-01).
    init(dayNumber: Int) {
        // Howard Hinnant's civil_from_days.
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d, precision: .day)
    }

    /// Days since 1970-01-01 of the first day of `month` of `year` plus `day - 1`.
    static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The first day of the period this date names.
    var firstDay: Int { CalendarDate.dayNumber(year: year, month: month, day: day) }

    /// The day after the last day of the period this date names (a year, a month or one day).
    var dayAfterPeriod: Int {
        switch precision {
        case .year: return CalendarDate.dayNumber(year: year + 1, month: 1, day: 1)
        case .month: return month == 12 ? CalendarDate.dayNumber(year: year + 1, month: 1, day: 1)
                                         : CalendarDate.dayNumber(year: year, month: month + 1, day: 1)
        case .day: return firstDay + 1
        }
    }

    /// Human-readable form: "2023", "June 2023", "18 June 2023".
    var readable: String {
        switch precision {
        case .year: return String(year)
        case .month: return "\(CalendarDate.monthNames[month - 1]) \(year)"
        case .day: return "\(day) \(CalendarDate.monthNames[month - 1]) \(year)"
        }
    }
}
