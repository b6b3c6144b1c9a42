/// A document's date, where it came from, or — when the text cannot establish it — a guess and its basis.
///
/// The rule is "never confidently wrong": `date` is set only when the document itself establishes it (a metadata
/// field, a dated dateline, a date line of the text), when its dateline gives month and day and the corpus's dated
/// documents leave no doubt about the year, or when the lead's weekday matches exactly one full date the document
/// writes. Anything weaker is a `guess`, with its basis in words, and `date` stays nil.
public struct DocumentDate: Hashable, Sendable {
    /// The date (ISO `YYYY-MM-DD`) when it can be known; nil otherwise.
    public var date: String?
    /// Where `date` came from: a `DateSource` value ("field", "dateline", "dateline+corpus", "dateline+field",
    /// "text", "inferred"); nil without a date.
    public var from: String?
    /// When the date cannot be known but something points at one: the guess and why.
    public var guess: DateGuess?

    /// A date with its source, a guess, or neither.
    public init(date: String? = nil, from: String? = nil, guess: DateGuess? = nil) {
        self.date = date
        self.from = from
        self.guess = guess
    }
}

/// A date that cannot be known for certain, and what it rests on.
public struct DateGuess: Hashable, Sendable {
    /// The guessed date: ISO `YYYY-MM-DD`, or `--MM-DD` when not even the year can be guessed.
    public var date: String
    /// What the guess rests on, in words ("dateline Feb 26; the year of the corpus's dated documents, which span
    /// more than a year").
    public var basis: String

    /// A guess and its basis.
    public init(date: String, basis: String) {
        self.date = date
        self.basis = basis
    }
}

/// The year of a dateline's month and day, from the corpus's dated documents.
///
/// A collection of wire copy is usually one stretch of time: its datelines' months and days, placed on the circle of
/// the year, leave one long gap where no story was filed (between the archive's last and first day). When that gap
/// is clear — at least a month, and at least twice as long as any other — the year turns inside it, and the dated
/// documents (a dateline or date line with a year, a metadata field) fix which year each side is: a month and day
/// then gets its year from its place in that stretch ("Sept 28" in an archive that runs from Feb 26 to Oct 20, 1987
/// is 1987, even when only February's stories give the year). Without such a stretch, a month and day takes the
/// year that puts it nearest a dated document, and only when that is within `reach` days and the dated documents
/// lie within a year of each other; otherwise the year is a guess.
struct DatelineYears {
    /// How far (days) a dateline's day may lie from the nearest dated document for the year to be taken from it
    /// when the datelines do not form one clear stretch.
    static let reach = 90
    /// How far apart (days) the corpus's dated documents may lie for their year to be trusted.
    static let span = 366
    /// The shortest gap in the year that can mark where a collection's year turns.
    static let shortestTurn = 30

    /// The days of the dated documents.
    let dated: [DateValue.Point]
    /// The collection's stretch: the day of the year it starts on, and the year of that start.
    let stretch: (start: Int, year: Int)?

    /// The years for a corpus: `dated` are the days of its dated documents, `yearless` the months and days of its
    /// datelines without a year.
    init(dated: [DateValue.Point], yearless: [(month: Int, day: Int)]) {
        self.dated = dated
        self.stretch = Self.stretch(dated: dated, yearless: yearless)
    }

    /// Day of the year (0–364) of a month and day, in a year without 29 February (which counts as the 28th).
    static func dayOfYear(month: Int, day: Int) -> Int {
        let before = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]
        return before[max(0, min(11, month - 1))] + min(day, month == 2 ? 28 : 31) - 1
    }

    /// The clear stretch of the year the collection's days fall in, with the year it starts in; nil when the days
    /// leave no clear gap or the dated documents disagree with it.
    private static func stretch(dated: [DateValue.Point], yearless: [(month: Int, day: Int)]) -> (start: Int, year: Int)? {
        let datedDays = dated.compactMap { point -> (day: Int, year: Int)? in
            guard let month = point.month, let day = point.day else { return nil }
            return (dayOfYear(month: month, day: day), point.year)
        }
        guard !datedDays.isEmpty else { return nil }
        let days = Array(Set(datedDays.map(\.day) + yearless.map { dayOfYear(month: $0.month, day: $0.day) })).sorted()
        guard let firstDay = days.first, let lastDay = days.last else { return nil }
        // The gaps between neighbouring days, round the year.
        var gaps: [(length: Int, before: Int)] = []  // `before`: the day after the gap
        for k in days.indices.dropFirst() { gaps.append((days[k] - days[k - 1], days[k])) }
        gaps.append((firstDay + 365 - lastDay, firstDay))
        gaps.sort { $0.length > $1.length }
        guard let turn = gaps.first, turn.length >= shortestTurn,
            gaps.count < 2 || turn.length >= 2 * gaps[1].length
        else { return nil }
        let start = turn.before
        // Every dated document must sit in the stretch with the same starting year.
        var year: Int?
        for item in datedDays {
            let startYear = item.year - (item.day >= start ? 0 : 1)
            if let known = year, known != startYear { return nil }
            year = startYear
        }
        guard let year else { return nil }
        return (start, year)
    }

    /// The document date for a dateline's `month` and `day` (see the type's comment). `label` names the dateline in
    /// a guess's basis.
    func date(month: Int, day: Int, label: String) -> DocumentDate {
        let yearless = "--" + (month < 10 ? "0" : "") + String(month) + "-" + (day < 10 ? "0" : "") + String(day)
        if let stretch {
            let year = stretch.year + (Self.dayOfYear(month: month, day: day) >= stretch.start ? 0 : 1)
            if let point = DateValue.Point(year: year, month: month, day: day) {
                return DocumentDate(date: point.iso, from: DateSource.datelineCorpus)
            }
        }
        guard let first = dated.min(), let last = dated.max() else {
            return DocumentDate(guess: DateGuess(
                date: yearless, basis: "dateline \(label) gives month and day only, and no document of the corpus gives a year"))
        }
        // The occurrence nearest to any dated document.
        var best: (point: DateValue.Point, distance: Int)?
        for anchor in dated {
            for year in [anchor.year - 1, anchor.year, anchor.year + 1] {
                guard let point = DateValue.Point(year: year, month: month, day: day),
                    let distance = GregorianCalendar.days(from: anchor, to: point).map(abs)
                else { continue }
                if let current = best, distance >= current.distance { continue }
                best = (point, distance)
            }
        }
        guard let best else {
            return DocumentDate(guess: DateGuess(date: yearless, basis: "dateline \(label) is not a day of any nearby year"))
        }
        let spread = GregorianCalendar.days(from: first, to: last) ?? Int.max
        let range = first == last ? first.iso : "\(first.iso) to \(last.iso)"
        if spread <= Self.span && best.distance <= Self.reach {
            return DocumentDate(date: best.point.iso, from: DateSource.datelineCorpus)
        }
        let why = spread > Self.span
            ? "the corpus's dated documents (\(range)) span more than a year"
            : "the nearest dated document is \(best.distance) days away (\(range))"
        return DocumentDate(guess: DateGuess(
            date: best.point.iso, basis: "dateline \(label) with the year of the nearest dated document; \(why)"))
    }
}

/// A dateline's day with the year of the document's own metadata date.
enum DatelineFieldYear {
    /// How far (days) the dateline's day may lie from the metadata date.
    static let reach = 183

    /// The document date for a dateline's month and day when the document's metadata gives a date: the dateline's
    /// day in the year that puts it nearest the field's date (a feed may stamp the next day, or another time zone).
    static func date(month: Int, day: Int, field: DateValue.Point) -> DocumentDate? {
        var best: (point: DateValue.Point, distance: Int)?
        for year in [field.year - 1, field.year, field.year + 1] {
            guard let point = DateValue.Point(year: year, month: month, day: day),
                let distance = GregorianCalendar.days(from: field.firstDay, to: point).map(abs)
            else { continue }
            if let current = best, distance >= current.distance { continue }
            best = (point, distance)
        }
        guard let best, best.distance <= reach else { return nil }
        return DocumentDate(date: best.point.iso, from: DateSource.datelineField)
    }
}
