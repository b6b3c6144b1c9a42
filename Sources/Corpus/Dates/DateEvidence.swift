/// What the corpus knows about one document's date before its text is read: a date given by its metadata or by its
/// text (a dated dateline, a date line), and its dateline's month and day when the dateline has no year.
public struct DateInput: Hashable, Sendable {
    /// A date the document states for itself.
    public var given: DateValue?
    /// Where `given` came from (`DateSource`).
    public var givenFrom: String?
    /// The month and day of a dateline without a year ("NEW YORK, Feb 26 -").
    public var datelineMonth: Int?
    public var datelineDay: Int?
    /// The dateline as written, for the basis of a guess.
    public var datelineText: String?

    /// The inputs of one document.
    public init(given: DateValue? = nil, givenFrom: String? = nil, datelineMonth: Int? = nil, datelineDay: Int? = nil,
                datelineText: String? = nil) {
        self.given = given
        self.givenFrom = givenFrom
        self.datelineMonth = datelineMonth
        self.datelineDay = datelineDay
        self.datelineText = datelineText
    }
}

/// Decides the documents' dates and the dates their relative expressions are read against.
///
/// A document's date (`DocumentDate`) comes, first that applies, from: its given date (a metadata field, a dated
/// dateline, a date line of the text); its dateline's month and day with the year of the corpus's dated documents
/// (`DatelineYears`); the lead's weekday when it matches exactly one full date the document itself writes
/// (`inferredDocumentDate`). Weaker evidence gives a guess, never a date. The corpus anchor — what an undated
/// document's relative expressions are read against — is made of the documents' established dates only, never
/// of a date merely mentioned in a body (a deadline or an anniversary is not "today").
public enum DateEvidence {
    /// How far into a document (UTF-8 bytes) a weekday may stand and still count as the lead's
    /// news peg for `inferredDocumentDate` — roughly the title and first two paragraphs.
    public static let leadLength = 1_200

    /// The corpus anchor: the day-precision document date shared by the most documents (ties: the latest); else the
    /// month- or year-precision document date shared by the most (ties: the latest); else nil. `documentDates`
    /// holds each document's established date (nil when none).
    public static func corpusAnchor(documentDates: [DateValue?]) -> DateAnchor? {
        let givenDays = documentDates.compactMap { $0 }.filter { $0.precision == .day }.map { DateValue($0.start) }
        if let day = mostCommon(givenDays) {
            return .corpusEvidence(day)
        }
        let coarser = documentDates.compactMap { $0 }.map { DateValue($0.start) }
        if let common = mostCommon(coarser) {
            return .corpusEvidence(common)
        }
        return nil
    }

    /// A document date inferred from the document's own text when it is unambiguous, else nil.
    ///
    /// Rule (conservative): the document's first bare weekday mention ("on Sunday", not "last
    /// Sunday") must stand in the lead (the first `leadLength` bytes) in a clause marked past
    /// ("arrived in Beijing on Sunday"), the usual news peg of a report written that day. The
    /// candidates are the full days the document itself writes (absolute, including both ends of
    /// ranges) and the corpus anchor's day. If exactly one candidate falls on that weekday, it is
    /// the date — a document date only when the document writes it (`inference` tells which).
    ///
    /// `mentions` are the document's mentions as `DateExtractor` found them (resolved or not);
    /// mentions built by hand carry no weekday and are ignored for the peg.
    public static func inferredDocumentDate(mentions: [DateMention], corpusAnchor: DateAnchor?) -> DateValue? {
        inference(mentions: mentions, corpusAnchor: corpusAnchor)?.value
    }

    /// The lead weekday's date (see `inferredDocumentDate`), whether the document writes it (`own`) or only the
    /// corpus anchor offers it, and the weekday's text.
    static func inference(mentions: [DateMention], corpusAnchor: DateAnchor?) -> (value: DateValue, own: Bool, peg: String)? {
        let peg = mentions.first { mention in
            if case .weekday(_, .bare) = mention.expression { return true }
            return false
        }
        guard let peg, peg.range.lowerBound < leadLength,
              case .weekday(let weekday, .bare(.past)) = peg.expression else { return nil }
        var own = Set<DateValue.Point>()
        for mention in mentions where !mention.isRelative {
            guard let value = mention.value, value.precision == .day else { continue }
            own.insert(value.start)
            if let end = value.end, end.precision == .day { own.insert(end) }
        }
        var candidates = own
        if let anchor = corpusAnchor?.value, anchor.precision == .day {
            candidates.insert(anchor.start)
        }
        let matching = candidates.filter { GregorianCalendar.isoWeekday(of: $0) == weekday }
        guard matching.count == 1, let day = matching.first else { return nil }
        return (DateValue(day), own.contains(day), peg.text)
    }

    /// The dates of a whole corpus given only the documents' given dates (see `resolve(texts:inputs:)`).
    public static func resolve(texts: [String], documentDates: [DateValue?]) -> [DocumentDates] {
        resolve(texts: texts, inputs: documentDates.map { DateInput(given: $0, givenFrom: $0 == nil ? nil : DateSource.dateline) })
    }

    /// `resolve(texts:documentDates:)` checking `cancellation` as the texts are scanned.
    public static func resolve(texts: [String], documentDates: [DateValue?],
                               cancellation: Cancellation) throws(WorkLimit) -> [DocumentDates] {
        try resolve(texts: texts, inputs: documentDates.map { DateInput(given: $0, givenFrom: $0 == nil ? nil : DateSource.dateline) },
                    cancellation: cancellation)
    }

    /// The dates of a whole corpus in one call: each document is scanned once; each document's date is decided
    /// (see the type's comment); the corpus anchor is chosen from the established dates; each document's mentions
    /// are then read against its date, else a guessed dateline date, else the corpus anchor.
    ///
    /// `texts[i]` and `inputs[i]` describe the same document; a missing input counts as none.
    public static func resolve(texts: [String], inputs: [DateInput]) -> [DocumentDates] {
        Cancellation.uninterrupted { token throws(WorkLimit) in try resolve(texts: texts, inputs: inputs, cancellation: token) }
    }

    /// `resolve(texts:inputs:)` checking `cancellation` as the texts are scanned (a stop throws and returns nothing).
    public static func resolve(texts: [String], inputs: [DateInput],
                               cancellation: Cancellation) throws(WorkLimit) -> [DocumentDates] {
        try resolve(count: texts.count, text: { texts[$0] }, inputs: inputs, scanned: [], cancellation: cancellation)
    }

    /// `resolve(texts:inputs:cancellation:)` for `count` documents whose texts `text` gives
    /// (asked for from any thread, only for the documents scanned here). `scanned[i]`, when
    /// given, is document `i`'s mentions as `DateExtractor` finds them without an anchor (an
    /// archive's stored mentions of a document it keeps, `DateMention.resolved(against: nil)`):
    /// its text is not scanned again. Only the scan is per document; deciding the dates and the
    /// anchors reads every document's, so this is done for all of them either way.
    static func resolve(count: Int, text: @Sendable (Int) -> String, inputs: [DateInput], scanned known: [[DateMention]?],
                        cancellation: Cancellation) throws(WorkLimit) -> [DocumentDates] {
        let scanned = try Parallel.map(count, cancellation: cancellation) { i throws(WorkLimit) in
            if i < known.count, let mentions = known[i] { return mentions }
            return try DateExtractor.mentions(in: text(i), anchor: nil, cancellation: cancellation)
        }
        let input: [DateInput] = (0..<count).map { $0 < inputs.count ? inputs[$0] : DateInput() }
        // 1. What each document establishes by itself, or with the dated documents' year.
        let dated = input.compactMap(\.given).filter { $0.precision == .day }.map(\.start)
        let years = DatelineYears(
            dated: dated,
            yearless: input.compactMap { item in
                guard item.given == nil, let month = item.datelineMonth, let day = item.datelineDay else { return nil }
                return (month, day)
            })
        var dates = input.map { item -> DocumentDate in
            if let given = item.given {
                if item.givenFrom == DateSource.field, given.precision == .day, let month = item.datelineMonth,
                    let day = item.datelineDay, let fromDateline = DatelineFieldYear.date(month: month, day: day, field: given.start)
                {
                    return fromDateline
                }
                return DocumentDate(date: given.iso, from: item.givenFrom ?? DateSource.dateline)
            }
            if let month = item.datelineMonth, let day = item.datelineDay {
                return years.date(month: month, day: day, label: "\"\(item.datelineText ?? "")\"")
            }
            return DocumentDate()
        }
        // 2. The corpus anchor, from established dates only.
        let established: [DateValue?] = (0..<count).map { i in
            dates[i].date.flatMap(DateValue.init(iso:)) ?? input[i].given
        }
        let corpus = corpusAnchor(documentDates: established)
        // 3. Inference for the rest, and every document's mentions read against its anchor.
        return scanned.indices.map { index in
            let mentions = scanned[index]
            if let value = established[index] {
                let anchor = DateAnchor.documentDate(value)
                return DocumentDates(anchor: anchor, inferredDate: nil, mentions: mentions.map { $0.resolved(against: anchor) },
                                     date: dates[index])
            }
            if let found = inference(mentions: mentions, corpusAnchor: corpus) {
                if found.own {
                    let anchor = DateAnchor.inferredDocumentDate(found.value)
                    dates[index] = DocumentDate(date: found.value.iso, from: DateSource.inferred)
                    return DocumentDates(anchor: anchor, inferredDate: found.value,
                                         mentions: mentions.map { $0.resolved(against: anchor) }, date: dates[index])
                }
                if dates[index].guess == nil {
                    dates[index].guess = DateGuess(
                        date: found.value.iso,
                        basis: "the lead's \"\(found.peg)\" read as the \(found.peg) of the corpus's dated documents")
                }
            }
            var anchor = corpus
            if let guess = dates[index].guess, let value = DateValue(iso: guess.date) {
                anchor = DateAnchor(value: value, description: "guessed document date \(value.iso)")
            }
            return DocumentDates(anchor: anchor, inferredDate: nil, mentions: mentions.map { $0.resolved(against: anchor) },
                                 date: dates[index])
        }
    }

    /// The most frequent value; ties go to the latest.
    private static func mostCommon(_ values: [DateValue]) -> DateValue? {
        var counts: [DateValue: Int] = [:]
        for value in values { counts[value, default: 0] += 1 }
        return counts.max { ($0.value, $0.key) < ($1.value, $1.key) }?.key
    }
}

/// The dates of one document as `DateEvidence.resolve` read them.
public struct DocumentDates: Hashable, Sendable {
    /// What the document's relative expressions were read against (nil: nothing available).
    public var anchor: DateAnchor?
    /// The document date inferred from the text, when the document had no given date and one
    /// could be inferred.
    public var inferredDate: DateValue?
    /// The document's date mentions, resolved against `anchor`.
    public var mentions: [DateMention]
    /// The document's date, where it came from, or a guess.
    public var date: DocumentDate

    /// A document's dates.
    public init(anchor: DateAnchor?, inferredDate: DateValue?, mentions: [DateMention], date: DocumentDate = DocumentDate()) {
        self.anchor = anchor
        self.inferredDate = inferredDate
        self.mentions = mentions
        self.date = date
    }
}
