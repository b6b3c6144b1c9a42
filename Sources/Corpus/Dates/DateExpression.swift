/// Whether the clause around a date expression talks about the past or the future, as far as a
/// few marker words tell (see `DateTenseDetector`).
enum DateTense: Hashable, Sendable {
    case past, future, unknown
}

/// How the words before a month or weekday name shift it.
enum DateShift: Hashable, Sendable {
    /// No shifting word ("in November", "on Wednesday"); the clause's tense decides.
    case bare(DateTense)
    /// "last November", "last Wednesday".
    case last
    /// "next November", "next Wednesday".
    case next
    /// "this November", "this Wednesday".
    case this
}

/// A day or day range written without a year ("June 18–19", "Sunday, June 18").
struct YearlessDay: Hashable, Sendable {
    var month: Int
    var day: Int
    /// For ranges into another month ("June 30–July 2").
    var endMonth: Int?
    /// For ranges.
    var endDay: Int?
    /// The clause's tense, used when the nearest year is not obvious.
    var tense: DateTense = .unknown
    /// A weekday written with the date ("Sunday, June 18"), ISO numbering.
    var weekday: Int?
    /// A year named relative to the anchor after the date: "February 24 this year" (0),
    /// "June 18 last year" (−1).
    var yearOffset: Int?

    /// The value in a given year (a range into an earlier month ends the next year); nil when
    /// the day does not exist that year.
    func value(inYear year: Int) -> DateValue? {
        guard let start = DateValue.Point(year: year, month: month, day: day) else { return nil }
        guard let endDay else { return DateValue(start) }
        let lastMonth = endMonth ?? month
        guard let end = DateValue.Point(year: lastMonth < month ? year + 1 : year, month: lastMonth, day: endDay) else {
            return nil
        }
        return DateValue(start: start, end: end)
    }
}

/// The calendar units that relative expressions count in.
enum DateUnit: Hashable, Sendable {
    /// A day ("yesterday", "two days ago").
    case day
    /// A Monday–Sunday week, as a day range ("last week").
    case week
    /// The Saturday–Sunday at the end of a Monday–Sunday week, as a day range ("this weekend").
    case weekend
    /// A calendar month ("next month").
    case month
    /// A calendar year ("next year", "later in the year").
    case year
}

/// What a date expression says, before it is read against an anchor.
///
/// The scanner produces these from text; `resolve(against:)` turns them into calendar values.
/// Keeping the unresolved form lets a corpus scan each document once and resolve its relative
/// mentions later, when the anchors are known.
enum DateExpression: Hashable, Sendable {
    /// A fully specified date: "18-6-2023", "June 18, 2023", "January 2021", "since 2019",
    /// "the 1990s".
    case absolute(DateValue)
    /// A day or day range without a year: "June 18", "June 18–19", "18-19 June", "June 30–July 2".
    case monthDay(YearlessDay)
    /// A month name without a year: "in February", "last November", "mid-June".
    case month(Int, DateShift)
    /// A month in a year named relative to the anchor: "February last year" (−1), "June this
    /// year" (0), "May next year" (+1).
    case monthInYear(month: Int, yearOffset: Int)
    /// A weekday name (ISO numbering, 1 = Monday … 7 = Sunday): "on Wednesday", "last Friday".
    case weekday(Int, DateShift)
    /// A unit counted from the anchor: "yesterday" (day −1), "last week" (week −1),
    /// "this weekend" (weekend 0), "next year" (year +1), "three months ago" (month −3).
    case unit(DateUnit, offset: Int)

    /// True when the value depends on an anchor.
    var isRelative: Bool {
        if case .absolute = self { return false }
        return true
    }

    /// The calendar value this expression stands for when read against `anchor`; nil when it
    /// needs an anchor and has none, or the anchor is too coarse (weekdays, weeks and days need a
    /// day-precision anchor; months need month precision, except as noted below).
    ///
    /// Rules (news conventions; a range anchor is read at its start):
    /// - Weekday, bare: past or unknown tense → the most recent such weekday on or before the
    ///   anchor (news copy mostly reports the past week: "told reporters on Wednesday");
    ///   future tense → the first such weekday on or after the anchor ("will arrive on Sunday",
    ///   "until Monday"). Either way the result lies within six days of the anchor.
    /// - "last Wednesday" → the most recent Wednesday strictly before the anchor;
    ///   "next Wednesday" → the first strictly after; "this Wednesday" → the Wednesday of the
    ///   anchor's Monday–Sunday week.
    /// - Month, bare: past tense → the most recent such month not after the anchor's month ("In
    ///   May", "in February"); future tense → the first such month not before it ("expected to meet
    ///   … in September"); unknown tense → the nearer of the two, the past one when they are six
    ///   months apart either way ("not to count on a second cut in July" read in June is this July).
    /// - "last November" → the most recent November strictly before the anchor's month;
    ///   "next November" → the first strictly after; "this November" → the anchor's year.
    ///   With a year-only anchor: bare and "this" months take the anchor's year, "last" the year
    ///   before, "next" the year after.
    /// - Year-less day ("June 18–19", "18-19 June"): a weekday written with it settles the year;
    ///   else the year (anchor's year, or one either side) that puts the day nearest the anchor
    ///   when that is within two months of it ("December 30" read in early January is last year's,
    ///   "payable April 20" in a March story this year's); further off, a past clause takes the
    ///   latest occurrence not more than a week after the anchor and a future clause the first not
    ///   more than a week before it ("was blamed for the September 11 attacks" read in June is last
    ///   year's), else the nearest. A year-only anchor supplies its year.
    /// - Weeks are Monday–Sunday; "this weekend" is the Saturday–Sunday ending the anchor's week
    ///   (anchor Thursday 2023-06-15 → 2023-06-17/2023-06-18; anchor Sunday 2023-06-18 → the same
    ///   weekend), "last weekend" the one seven days earlier, "next weekend" seven days later.
    /// - "N weeks ago" → the Monday–Sunday week containing the day 7·N days before the anchor.
    func resolve(against anchor: DateValue?) -> DateValue? {
        if case .absolute(let value) = self { return value }
        guard let anchor else { return nil }
        let base = anchor.start
        switch self {
        case .absolute(let value):
            return value
        case let .monthDay(yearless):
            return Self.resolveMonthDay(yearless, anchor: base)
        case let .month(month, shift):
            return Self.resolveMonth(month, shift: shift, anchor: base)
        case let .monthInYear(month, yearOffset):
            return DateValue(year: base.year + yearOffset, month: month)
        case let .weekday(weekday, shift):
            return Self.resolveWeekday(weekday, shift: shift, anchor: base)
        case let .unit(unit, offset):
            return Self.resolveUnit(unit, offset: offset, anchor: base)
        }
    }

    /// How far (days) a year-less date may lie on the "wrong" side of the anchor and still keep
    /// the tense's reading: an anchor taken from corpus evidence can be a few days off the
    /// document's real date.
    static let yearlessTolerance = 7
    /// How near (days) to the anchor a year-less date's nearest occurrence wins whatever the tense.
    static let yearlessNear = 60

    private static func resolveMonthDay(_ yearless: YearlessDay, anchor: DateValue.Point) -> DateValue? {
        if let yearOffset = yearless.yearOffset { return yearless.value(inYear: anchor.year + yearOffset) }
        guard anchor.month != nil else { return yearless.value(inYear: anchor.year) }
        let reference = anchor.firstDay
        var candidates: [(value: DateValue, offset: Int)] = []
        for year in [anchor.year - 1, anchor.year, anchor.year + 1] {
            guard let value = yearless.value(inYear: year),
                  let offset = GregorianCalendar.days(from: reference, to: value.start) else { continue }
            candidates.append((value, offset))
        }
        if let weekday = yearless.weekday {
            let matching = candidates.filter { GregorianCalendar.isoWeekday(of: $0.value.start) == weekday }
            if matching.count == 1, let only = matching.first { return only.value }
        }
        let closest = candidates.min { abs($0.offset) < abs($1.offset) }
        let nearest = closest?.value
        // Within two months of the anchor the nearest occurrence is the one meant: news writes a day without its
        // year for the current stretch of the calendar ("payable April 20", "said on Feb 20"), whatever verb
        // reports it; further off, the tense tells a day past from one ahead.
        if let closest, abs(closest.offset) <= Self.yearlessNear { return closest.value }
        switch yearless.tense {
        case .past:
            return candidates.last { $0.offset <= yearlessTolerance }?.value ?? nearest
        case .future:
            return candidates.first { $0.offset >= -yearlessTolerance }?.value ?? nearest
        case .unknown:
            return nearest
        }
    }

    private static func resolveMonth(_ month: Int, shift: DateShift, anchor: DateValue.Point) -> DateValue? {
        guard let anchorMonth = anchor.month else {
            switch shift {
            case .last: return DateValue(year: anchor.year - 1, month: month)
            case .next: return DateValue(year: anchor.year + 1, month: month)
            case .this, .bare: return DateValue(year: anchor.year, month: month)
            }
        }
        let year: Int
        switch shift {
        case .this:
            year = anchor.year
        case .last:
            year = month < anchorMonth ? anchor.year : anchor.year - 1
        case .next:
            year = month > anchorMonth ? anchor.year : anchor.year + 1
        case .bare(.future):
            year = month >= anchorMonth ? anchor.year : anchor.year + 1
        case .bare(.past):
            year = month <= anchorMonth ? anchor.year : anchor.year - 1
        case .bare(.unknown):
            // The nearer of the two: "a second cut in July" read in June is this July; "in December" read in
            // January last December. Six months either way reads as the past.
            let ahead = (month - anchorMonth + 12) % 12
            year = ahead != 0 && ahead < 6 ? (month > anchorMonth ? anchor.year : anchor.year + 1)
                : (month <= anchorMonth ? anchor.year : anchor.year - 1)
        }
        return DateValue(year: year, month: month)
    }

    private static func resolveWeekday(_ weekday: Int, shift: DateShift, anchor: DateValue.Point) -> DateValue? {
        guard let anchorWeekday = GregorianCalendar.isoWeekday(of: anchor) else { return nil }
        let back = (anchorWeekday - weekday + 7) % 7
        let forward = (weekday - anchorWeekday + 7) % 7
        let offset: Int
        switch shift {
        case .bare(.future): offset = forward
        case .bare(.past), .bare(.unknown): offset = -back
        case .last: offset = -(back == 0 ? 7 : back)
        case .next: offset = forward == 0 ? 7 : forward
        case .this: offset = weekday - anchorWeekday
        }
        return GregorianCalendar.adding(days: offset, to: anchor).map { DateValue($0) }
    }

    private static func resolveUnit(_ unit: DateUnit, offset: Int, anchor: DateValue.Point) -> DateValue? {
        switch unit {
        case .year:
            return DateValue(year: anchor.year + offset)
        case .month:
            guard let month = anchor.month else { return nil }
            let shifted = GregorianCalendar.shiftMonth(year: anchor.year, month: month, by: offset)
            return DateValue(year: shifted.year, month: shifted.month)
        case .day:
            return GregorianCalendar.adding(days: offset, to: anchor).map { DateValue($0) }
        case .week, .weekend:
            guard let monday = GregorianCalendar.mondayOfWeek(containing: anchor) else { return nil }
            let first = unit == .week ? 7 * offset : 7 * offset + 5
            let last = 7 * offset + 6
            guard let start = GregorianCalendar.adding(days: first, to: monday),
                  let end = GregorianCalendar.adding(days: last, to: monday) else { return nil }
            return DateValue(start: start, end: end)
        }
    }
}
