/// A calendar value at year, month or day precision, or a range of two of them.
///
/// News copy names dates at different grains ("2019", "November 2022", "June 18") and as spans
/// ("June 18–19", "last week"). One value type holds them all so a timeline can sort, print and
/// compare them together. Values are plain proleptic Gregorian calendar values: no time of day,
/// no time zone.
///
/// The ISO form is the value's identity: `2023`, `2023-06`, `2023-06-18`, and for ranges two of
/// those joined by a slash, `2023-06-18/2023-06-19` (ISO 8601 interval notation).
public struct DateValue: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// How finely a calendar point is known. Ordered from coarse to fine.
    public enum Precision: Int, Hashable, Comparable, Sendable {
        case year, month, day

        /// Coarse precisions sort first.
        public static func < (lhs: Precision, rhs: Precision) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// One calendar point: a year, a month of a year, or a day of a month.
    ///
    /// Points compare by (year, month, day) with a missing month or day sorting before any
    /// present one, so a year sorts before its months and a month before its days.
    public struct Point: Hashable, Comparable, Sendable, CustomStringConvertible {
        /// The year, 1...9999.
        public let year: Int
        /// The month 1...12, or nil at year precision.
        public let month: Int?
        /// The day of the month, or nil at year or month precision.
        public let day: Int?

        /// A validated point; nil when the year is outside 1...9999, the month outside 1...12,
        /// the day not in its month (February 29 only in leap years), or a day is given without
        /// a month.
        public init?(year: Int, month: Int? = nil, day: Int? = nil) {
            guard (1...9999).contains(year) else { return nil }
            if let month {
                guard (1...12).contains(month) else { return nil }
                if let day {
                    guard day >= 1, day <= GregorianCalendar.daysInMonth(year: year, month: month) else {
                        return nil
                    }
                }
            } else if day != nil {
                return nil
            }
            self.year = year
            self.month = month
            self.day = day
        }

        /// How finely this point is known.
        public var precision: Precision {
            if day != nil { return .day }
            if month != nil { return .month }
            return .year
        }

        /// `2023`, `2023-06` or `2023-06-18`.
        public var iso: String {
            var text = Self.padded(year, width: 4)
            if let month {
                text += "-" + Self.padded(month, width: 2)
                if let day { text += "-" + Self.padded(day, width: 2) }
            }
            return text
        }

        /// The ISO form.
        public var description: String { iso }

        /// The first day this point covers (the point itself at day precision).
        public var firstDay: Point {
            Point(checkedYear: year, month: month ?? 1, day: day ?? 1)
        }

        /// The last day this point covers (the point itself at day precision).
        public var lastDay: Point {
            let lastMonth = month ?? 12
            let lastDay = day ?? GregorianCalendar.daysInMonth(year: year, month: lastMonth)
            return Point(checkedYear: year, month: lastMonth, day: lastDay)
        }

        /// Orders by year, then month, then day; a missing component sorts first.
        public static func < (lhs: Point, rhs: Point) -> Bool {
            (lhs.year, lhs.month ?? 0, lhs.day ?? 0) < (rhs.year, rhs.month ?? 0, rhs.day ?? 0)
        }

        /// For components already known to be valid (derived from a validated point).
        init(checkedYear year: Int, month: Int?, day: Int?) {
            self.year = year
            self.month = month
            self.day = day
        }

        private static func padded(_ value: Int, width: Int) -> String {
            let digits = String(value)
            return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
        }
    }

    /// The point the value starts at (the whole value when it is not a range).
    public let start: Point
    /// The last point of a range, or nil for a single point.
    public let end: Point?

    /// A single point.
    public init(_ point: Point) {
        self.init(unchecked: point, end: nil)
    }

    private init(unchecked start: Point, end: Point?) {
        self.start = start
        self.end = end
    }

    /// A range from `start` to `end` (both included). Nil when `end` begins before `start` or
    /// finishes before it. An `end` equal to `start` (or nil) gives a single point.
    public init?(start: Point, end: Point?) {
        guard let end, end != start else {
            self.init(start)
            return
        }
        guard end.firstDay.dayTuple >= start.firstDay.dayTuple,
              end.lastDay.dayTuple >= start.lastDay.dayTuple else { return nil }
        self.init(unchecked: start, end: end)
    }

    /// A single validated point (see `Point.init(year:month:day:)`).
    public init?(year: Int, month: Int? = nil, day: Int? = nil) {
        guard let point = Point(year: year, month: month, day: day) else { return nil }
        self.init(point)
    }

    /// Parses `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or two of those joined by `/` for a range.
    /// Strict: four-digit years, two-digit months and days, no surrounding spaces.
    public init?(iso: String) {
        let parts = iso.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        switch parts.count {
        case 1:
            guard let point = Self.parsePoint(parts[0]) else { return nil }
            self.init(point)
        case 2:
            guard let first = Self.parsePoint(parts[0]), let last = Self.parsePoint(parts[1]),
                  first != last else { return nil }
            self.init(start: first, end: last)
        default:
            return nil
        }
    }

    /// The start's year.
    public var year: Int { start.year }
    /// The start's month, if known.
    public var month: Int? { start.month }
    /// The start's day, if known.
    public var day: Int? { start.day }
    /// The start's precision.
    public var precision: Precision { start.precision }
    /// True for a span of two points.
    public var isRange: Bool { end != nil }

    /// `2023`, `2023-06`, `2023-06-18`, or `2023-06-18/2023-06-19` for a range.
    public var iso: String {
        if let end { return start.iso + "/" + end.iso }
        return start.iso
    }

    /// The ISO form.
    public var description: String { iso }

    /// The first day the value covers.
    public var firstDay: Point { start.firstDay }
    /// The last day the value covers.
    public var lastDay: Point { (end ?? start).lastDay }

    /// True when every day of `other` lies within this value ("2023-06" contains "2023-06-18").
    public func contains(_ other: DateValue) -> Bool {
        firstDay.dayTuple <= other.firstDay.dayTuple && other.lastDay.dayTuple <= lastDay.dayTuple
    }

    /// True when the two values share at least one day.
    public func overlaps(_ other: DateValue) -> Bool {
        firstDay.dayTuple <= other.lastDay.dayTuple && other.firstDay.dayTuple <= lastDay.dayTuple
    }

    /// Timeline order: by start (a year before its months, a month before its days); for equal
    /// starts the wider value first (a range before the single day it starts on), so a heading
    /// such as "2022-11" comes before the events inside it.
    public static func < (lhs: DateValue, rhs: DateValue) -> Bool {
        if lhs.start != rhs.start { return lhs.start < rhs.start }
        switch (lhs.end, rhs.end) {
        case (nil, nil): return false
        case (.some, nil): return true
        case (nil, .some): return false
        case let (.some(left), .some(right)):
            if left.lastDay != right.lastDay { return left.lastDay.dayTuple > right.lastDay.dayTuple }
            return right < left
        }
    }

    private static func parsePoint<Bytes: Sequence<UInt8>>(_ sequence: Bytes) -> Point? {
        let bytes = Array(sequence)
        func number(_ slice: ArraySlice<UInt8>) -> Int? {
            var value = 0
            for byte in slice {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return slice.isEmpty ? nil : value
        }
        let dash = UInt8(ascii: "-")
        switch bytes.count {
        case 4:
            guard let year = number(bytes[0..<4]) else { return nil }
            return Point(year: year)
        case 7:
            guard bytes[4] == dash, let year = number(bytes[0..<4]), let month = number(bytes[5..<7]) else {
                return nil
            }
            return Point(year: year, month: month)
        case 10:
            guard bytes[4] == dash, bytes[7] == dash, let year = number(bytes[0..<4]),
                  let month = number(bytes[5..<7]), let day = number(bytes[8..<10]) else { return nil }
            return Point(year: year, month: month, day: day)
        default:
            return nil
        }
    }
}

extension DateValue.Point {
    /// (year, month, day) with missing parts as 0, for comparing first/last days.
    var dayTuple: (Int, Int, Int) { (year, month ?? 0, day ?? 0) }
}
