import Foundation

/// The dates of a loaded corpus: every document's date (or a guess), and its date mentions, resolved against the
/// document's date or the corpus's anchor (see `DateEvidence`).
public final class CorpusDates: @unchecked Sendable {
    /// Per document (corpus index). For dates read back from an archive this decodes every
    /// document's: use `documentDate(of:)`, `mentions(of:)` and `timeline(_:)`, which decode only
    /// what they return.
    public var documents: [DocumentDates] {
        guard let stored else { return computed }
        return (0..<stored.count).map { stored.dates(ofDocument: $0) }
    }
    /// The latest year a timeline event may have unless it is written as a full date with a year: the corpus's
    /// latest document date (or, without one, its latest full date written) plus `plausibleYearsAhead`.
    public let latestPlausibleYear: Int
    /// The earliest year of a timeline event unless it is written as a full date with a year.
    public static let earliestPlausibleYear = 1800
    /// How many years after the corpus's latest date a bare year or month may still be an event ("by 2030").
    public static let plausibleYearsAhead = 10

    /// The dates as computed (empty when `stored` holds them).
    private let computed: [DocumentDates]
    /// The dates as an archive stores them, decoded per document on demand.
    private let stored: (any StoredDates)?

    init(documents: [DocumentDates]) {
        computed = documents
        stored = nil
        let documentYears = documents.compactMap { $0.date.date.flatMap(DateValue.init(iso:))?.start.year }
        let writtenYears = documents.flatMap(\.mentions).compactMap { mention -> Int? in
            guard !mention.isRelative, let value = mention.value, value.precision == .day else { return nil }
            return value.start.year
        }
        latestPlausibleYear = Self.latestPlausibleYear(documentYear: documentYears.max(), writtenYear: writtenYears.max())
    }

    /// Dates read back from an archive (`DateFile`).
    init(stored: any StoredDates) {
        computed = []
        self.stored = stored
        latestPlausibleYear = Self.latestPlausibleYear(documentYear: stored.latestDocumentYear, writtenYear: stored.latestWrittenYear)
    }

    /// `latestPlausibleYear` from the corpus's latest document year and latest full date written.
    static func latestPlausibleYear(documentYear: Int?, writtenYear: Int?) -> Int {
        let thisYear = GregorianCalendar.point(of: Date())?.year ?? 2100
        let latest = documentYear ?? writtenYear.map { min($0, thisYear) } ?? thisYear
        return latest + plausibleYearsAhead
    }

    /// Scans every document (in parallel), decides their dates and resolves the mentions.
    public static func build(_ documents: [Document], cancellation: Cancellation = .none) throws(WorkLimit) -> CorpusDates {
        try build(documents, scanned: [], cancellation: cancellation)
    }

    /// `build`, with the mentions of some documents known already as `DateExtractor` finds them
    /// (`scanned[i]` for document `i`, nil: scan it; an archive's stored mentions of the documents
    /// a write kept): only the others' texts are read and scanned, and every document's date and
    /// anchor are decided again, since they depend on the whole corpus. The result is the one
    /// `build` gives.
    static func build(_ documents: [Document], scanned: [[DateMention]?],
                      cancellation: Cancellation) throws(WorkLimit) -> CorpusDates {
        let inputs = documents.map { doc -> DateInput in
            let metadata = doc.metadata
            var input = DateInput(given: metadata.givenDate.flatMap(DateValue.init(iso:)), givenFrom: metadata.givenDateFrom)
            if let dateline = metadata.dateline, let written = dateline.date, written.hasPrefix("--") || input.givenFrom == DateSource.field,
                let monthDay = dateline.monthDay
            {
                input.datelineMonth = monthDay.month
                input.datelineDay = monthDay.day
                input.datelineText = dateline.text
            }
            return input
        }
        return CorpusDates(documents: try DateEvidence.resolve(count: documents.count, text: { documents[$0].text }, inputs: inputs,
                                                               scanned: scanned, cancellation: cancellation))
    }

    /// The date of a document (ISO), when it can be known: see `DocumentDate`.
    public func date(of document: Document) -> String? {
        documentDate(of: document).date
    }

    /// A document's date, where it came from, or a guess.
    public func documentDate(of document: Document) -> DocumentDate {
        if let stored, document.index < stored.count { return stored.documentDate(document.index) }
        guard document.index < computed.count else {
            return DocumentDate(date: document.metadata.givenDate, from: document.metadata.givenDateFrom)
        }
        return computed[document.index].date
    }

    /// True when a mention may stand in a timeline: a full date with a year that names its month in words
    /// ("22 April 1073"), and other values between `earliestPlausibleYear` and `latestPlausibleYear` (a bare
    /// "1073" or "9885" is not a news event, nor is a date written in digits only, "9885/6/7" in a table of
    /// part numbers or "2446-05-10" in a list of clock ranges).
    public func isPlausibleEvent(_ mention: DateMention) -> Bool {
        guard let value = mention.value else { return true }
        if !mention.isRelative, value.precision == .day, Self.namesMonthInWords(mention.text) { return true }
        let last = value.end ?? value.start
        return value.start.year >= Self.earliestPlausibleYear && last.year <= latestPlausibleYear
    }

    /// Whether a date as written holds a word of letters (its month's name), not only digits and separators.
    static func namesMonthInWords(_ text: String) -> Bool {
        var letters = 0
        for u in text.utf8 {
            if (u >= 0x41 && u <= 0x5A) || (u >= 0x61 && u <= 0x7A) || u >= 0x80 {
                letters += 1
                if letters >= 3 { return true }
            } else {
                letters = 0
            }
        }
        return false
    }

    /// The mentions of a document in text order.
    public func mentions(of document: Document) -> [DateMention] {
        if let stored { return document.index < stored.count ? stored.mentions(document.index) : [] }
        guard document.index < computed.count else { return [] }
        return computed[document.index].mentions
    }

    /// The resolved mentions of `corpus`'s documents that are plausible events (`isPlausibleEvent`), sorted by
    /// date (ranges by their start; wider values first), each with its document.
    public func timeline(_ corpus: Corpus) -> [(document: Document, mention: DateMention)] {
        // An archive written before a rule was tightened may store more: its order is kept, its events checked again.
        if let stored, stored.timelineYear == latestPlausibleYear, let items = stored.timeline(corpus) {
            return items.filter { isPlausibleEvent($0.mention) }
        }
        var items: [(document: Document, mention: DateMention)] = []
        for doc in corpus.documents {
            for m in mentions(of: doc) where m.value != nil && isPlausibleEvent(m) { items.append((doc, m)) }
        }
        return DateTimeline.sorted(items) { $0.mention }
    }
}

/// Dates stored rather than computed (an archive's `date` file): every document's dates decoded
/// on demand, and the timeline already in order.
protocol StoredDates: Sendable {
    /// Documents.
    var count: Int { get }
    /// The latest year of a document's date, and of a full date written (what
    /// `CorpusDates.latestPlausibleYear` is computed from).
    var latestDocumentYear: Int? { get }
    var latestWrittenYear: Int? { get }
    /// The `latestPlausibleYear` the stored timeline was ordered with.
    var timelineYear: Int { get }
    func dates(ofDocument index: Int) -> DocumentDates
    func documentDate(_ index: Int) -> DocumentDate
    func mentions(_ index: Int) -> [DateMention]
    /// `CorpusDates.timeline(corpus)` from the stored order; nil when it cannot answer for `corpus`.
    func timeline(_ corpus: Corpus) -> [(document: Document, mention: DateMention)]?
}

extension Corpus {
    /// The corpus's dates, computed on first use and shared with sub-corpora.
    public var dates: CorpusDates {
        Cancellation.uninterrupted { token throws(WorkLimit) in try dates(cancellation: token) }
    }

    /// `dates`, built checking `cancellation` when they are not yet (a stopped build keeps
    /// nothing: the next call builds again).
    public func dates(cancellation: Cancellation) throws(WorkLimit) -> CorpusDates {
        let root = self.root
        return try root.annotations.value(CorpusDates.self) { () throws(WorkLimit) in
            if let saved = root.savedAnalyses?.dates(documents: root.documents) { return saved }
            let dates = try cancellation.working(on: "dates") { () throws(WorkLimit) in
                try CorpusDates.build(root.documents, cancellation: cancellation)
            }
            root.analysisWriteBack?.store("dates") {
                DateFile.write(dates, timeline: DateFile.timelineOrder(dates, documents: root.documents))
            }
            return dates
        }
    }

    /// A document's date when it can be known (see `DocumentDate`).
    public func date(of document: Document) -> String? {
        dates.date(of: document)
    }
}
