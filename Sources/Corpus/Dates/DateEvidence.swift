/// Chooses the dates that relative expressions are read against when a document has no date of
/// its own: the corpus's strongest date evidence, and a document date inferred from the text.
public enum DateEvidence {
    /// How far into a document (UTF-8 bytes) a weekday may stand and still count as the lead's
    /// news peg for `inferredDocumentDate` — roughly the title and first two paragraphs.
    public static let leadLength = 1_200

    /// The strongest date evidence of a corpus: the date a document with no date of its own is
    /// read against. `documentDates` holds each document's given date (nil when none);
    /// `absoluteMentions` each document's mentions (only absolute ones are used).
    ///
    /// Rule, first that applies:
    /// 1. The day-precision given date shared by the most documents (ties: the latest).
    /// 2. The latest well-supported full date written in the documents: a day (a single day or
    ///    the first day of a range, absolute, not year-less) is well supported when at least two
    ///    documents write it — or one, when only one document writes full dates at all. If no
    ///    day is well supported, the day written by the most documents (ties: the latest).
    /// 3. The month- or year-precision given date shared by the most documents (ties: the latest).
    /// Otherwise nil.
    public static func corpusAnchor(documentDates: [DateValue?], absoluteMentions: [[DateMention]]) -> DateAnchor? {
        let givenDays = documentDates.compactMap { $0 }.filter { $0.precision == .day }.map { DateValue($0.start) }
        if let day = mostCommon(givenDays) {
            return .corpusEvidence(day)
        }
        var support: [DateValue: Int] = [:]
        var writers = 0
        for mentions in absoluteMentions {
            var days = Set<DateValue>()
            for mention in mentions where !mention.isRelative {
                guard let value = mention.value, value.precision == .day else { continue }
                days.insert(DateValue(value.start))
            }
            if !days.isEmpty { writers += 1 }
            for day in days { support[day, default: 0] += 1 }
        }
        if !support.isEmpty {
            let threshold = writers >= 2 ? 2 : 1
            if let latest = support.filter({ $0.value >= threshold }).keys.max() {
                return .corpusEvidence(latest)
            }
            if let best = support.max(by: { ($0.value, $0.key) < ($1.value, $1.key) }) {
                return .corpusEvidence(best.key)
            }
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
    /// the document date.
    ///
    /// `mentions` are the document's mentions as `DateExtractor` found them (resolved or not);
    /// mentions built by hand carry no weekday and are ignored for the peg.
    public static func inferredDocumentDate(mentions: [DateMention], corpusAnchor: DateAnchor?) -> DateValue? {
        let peg = mentions.first { mention in
            if case .weekday(_, .bare) = mention.expression { return true }
            return false
        }
        guard let peg, peg.range.lowerBound < leadLength,
              case .weekday(let weekday, .bare(.past)) = peg.expression else { return nil }
        var candidates = Set<DateValue.Point>()
        for mention in mentions where !mention.isRelative {
            guard let value = mention.value, value.precision == .day else { continue }
            candidates.insert(value.start)
            if let end = value.end, end.precision == .day { candidates.insert(end) }
        }
        if let anchor = corpusAnchor?.value, anchor.precision == .day {
            candidates.insert(anchor.start)
        }
        let matching = candidates.filter { GregorianCalendar.isoWeekday(of: $0) == weekday }
        guard matching.count == 1, let day = matching.first else { return nil }
        return DateValue(day)
    }

    /// The dates of a whole corpus in one call: each document is scanned once; the corpus anchor
    /// is chosen from the given dates and absolute mentions; each document is then read against
    /// its given date, else its inferred date, else the corpus anchor.
    ///
    /// `texts[i]` and `documentDates[i]` describe the same document; a missing date counts as nil.
    public static func resolve(texts: [String], documentDates: [DateValue?]) -> [DocumentDates] {
        Cancellation.uninterrupted { token throws(WorkLimit) in try resolve(texts: texts, documentDates: documentDates, cancellation: token) }
    }

    /// `resolve(texts:documentDates:)` checking `cancellation` as the texts are scanned.
    public static func resolve(texts: [String], documentDates: [DateValue?],
                               cancellation: Cancellation) throws(WorkLimit) -> [DocumentDates] {
        let scanned = try Parallel.map(texts.count, cancellation: cancellation) { i throws(WorkLimit) in
            try DateExtractor.mentions(in: texts[i], anchor: nil, cancellation: cancellation)
        }
        let given: [DateValue?] = texts.indices.map { $0 < documentDates.count ? documentDates[$0] : nil }
        let corpus = corpusAnchor(documentDates: given, absoluteMentions: scanned)
        return scanned.indices.map { index in
            let mentions = scanned[index]
            if let date = given[index] {
                let anchor = DateAnchor.documentDate(date)
                return DocumentDates(anchor: anchor, inferredDate: nil, mentions: mentions.map { $0.resolved(against: anchor) })
            }
            if let inferred = inferredDocumentDate(mentions: mentions, corpusAnchor: corpus) {
                let anchor = DateAnchor.inferredDocumentDate(inferred)
                return DocumentDates(anchor: anchor, inferredDate: inferred, mentions: mentions.map { $0.resolved(against: anchor) })
            }
            return DocumentDates(anchor: corpus, inferredDate: nil, mentions: mentions.map { $0.resolved(against: corpus) })
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

    /// A document's dates.
    public init(anchor: DateAnchor?, inferredDate: DateValue?, mentions: [DateMention]) {
        self.anchor = anchor
        self.inferredDate = inferredDate
        self.mentions = mentions
    }
}
