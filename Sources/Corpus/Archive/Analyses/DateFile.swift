/// The `date` analysis file (version 2): every document's date and date mentions, and the
/// timeline in order, as fixed-width columns read in place. A document without a date of its own
/// is read against the corpus's evidence (`DateEvidence`), so the file is written for the whole
/// archive. Reading it back parses nothing: a document's dates are decoded from its rows when they
/// are asked for, and `corpus:timeline()` walks the stored order instead of sorting.
///
/// Sections: 0–1 strings (`StringTable`: mention texts, anchor descriptions, document dates,
/// their sources, guesses); 2 scalars (u64: documents, mentions, timeline entries, the latest
/// document year + 1 (0 none), the latest full date's year + 1 (0 none), the
/// `latestPlausibleYear` the timeline was ordered with); 3 each document's first mention (u32 ×
/// documents + 1); 4 documents (u32 × 9 each: anchor start and end, anchor description (string
/// id, `none` without an anchor), inferred date start and end, date, its source, guess date,
/// guess basis (string ids or `none`)); 5 mentions (u32 × 9 each: first byte, end byte, text,
/// value start and end, anchor description (string id or `none`), a word of flags (bit 0
/// relative, bits 1–3 the expression's kind, 0 for none; above them its small fields), and the
/// expression's two wide fields); 6 the timeline (u32 pairs: document, mention number within it),
/// the resolved plausible mentions in timeline order.
///
/// A calendar point is one u32: year << 9 | month << 5 | day (0 for a missing month or day; 0
/// for no point at all, since years start at 1).
enum DateFile {
    static let kind = "date"
    /// The layout's version, kept in the manifest (`ArchiveManifest.Analyses.versions`): a file
    /// of another version is not served (its dates are computed).
    static let version = 2
    static let documentFields = 9
    static let mentionFields = 9
    static let none = StringTable.none

    static func write(_ dates: CorpusDates, timeline: [(document: Int, mention: Int)]) -> StorageFileWriter {
        let documents = dates.documents
        var strings = StringTable()
        var first: [UInt32] = [0]
        var rows: [UInt32] = []
        var mentions: [UInt32] = []
        rows.reserveCapacity(documentFields * documents.count)
        var documentYear: Int?, writtenYear: Int?
        for d in documents {
            let anchor = d.anchor.map { pack($0.value) } ?? (0, 0)
            let inferred = d.inferredDate.map(pack) ?? (0, 0)
            rows += [anchor.0, anchor.1, strings.optional(d.anchor?.description), inferred.0, inferred.1,
                     strings.optional(d.date.date), strings.optional(d.date.from),
                     strings.optional(d.date.guess?.date), strings.optional(d.date.guess?.basis)]
            if let year = d.date.date.flatMap(DateValue.init(iso:))?.start.year { documentYear = max(documentYear ?? year, year) }
            for m in d.mentions {
                let value = m.value.map(pack) ?? (0, 0)
                let e = m.expression.map(pack) ?? (0, 0, 0)
                mentions += [UInt32(m.range.lowerBound), UInt32(m.range.upperBound), strings.id(m.text), value.0, value.1,
                             strings.optional(m.anchor), (m.isRelative ? 1 : 0) | e.0 << 1, e.1, e.2]
                if !m.isRelative, let v = m.value, v.precision == .day { writtenYear = max(writtenYear ?? v.start.year, v.start.year) }
            }
            first.append(UInt32(mentions.count / mentionFields))
        }
        var w = StorageFileWriter(kind: kind)
        strings.add(to: &w)
        w.add([UInt64(documents.count), UInt64(mentions.count / mentionFields), UInt64(timeline.count),
               UInt64((documentYear ?? -1) + 1), UInt64((writtenYear ?? -1) + 1), UInt64(dates.latestPlausibleYear)])
        w.add(first)
        w.add(rows)
        w.add(mentions)
        w.add(timeline.flatMap { [UInt32($0.document), UInt32($0.mention)] })
        return w
    }

    /// The timeline of a whole corpus as (document, mention number) pairs, in the order
    /// `CorpusDates.timeline` gives.
    static func timelineOrder(_ dates: CorpusDates, documents: [Document]) -> [(document: Int, mention: Int)] {
        var items: [(document: Int, mention: Int, value: DateMention)] = []
        for doc in documents {
            for (i, m) in dates.mentions(of: doc).enumerated() where m.value != nil && dates.isPlausibleEvent(m) {
                items.append((doc.index, i, m))
            }
        }
        return DateTimeline.sorted(items) { $0.value }.map { ($0.document, $0.mention) }
    }

    /// The mentions a `date` file stored before the archive changed (`--add`, `--remove`) for
    /// the documents it kept, as `DateExtractor` finds them (no anchor: `CorpusDates.build` reads
    /// them against the changed archive's anchors), by current position (`match`: the
    /// documents' places then and now); nil for an added document, and for one a mention of
    /// which cannot be resolved again (stored without its expression), whose text is scanned.
    /// Throws when the file is damaged (then every text is scanned).
    static func keptMentions(_ file: StorageFileReader, match: PlaceMatch,
                             documents: [Document]) throws(ArchiveError) -> [[DateMention]?] {
        let toNew = match.toNew
        let stored = try StoredDateColumns.mentionsOnly(file, count: toNew.count) { o in
            toNew[o] >= 0 ? UInt32(clamping: documents[toNew[o]].textByteCount) : UInt32.max
        }
        var kept = [[DateMention]?](repeating: nil, count: documents.count)
        for (p, o) in match.fromOld.enumerated() where o >= 0 {
            let mentions = stored.mentions(o)
            guard mentions.allSatisfy({ !$0.isRelative || $0.expression != nil }) else { continue }
            kept[p] = mentions.map { $0.resolved(against: nil) }
        }
        return kept
    }

    /// The stored dates, every row checked against `documents` (offsets, string ids, calendar
    /// values) before any is served.
    static func read(_ file: StorageFileReader, documents: [Document]) throws(ArchiveError) -> CorpusDates {
        CorpusDates(stored: try StoredDateColumns(file, documents: documents))
    }

    // MARK: Packing

    static func pack(_ p: DateValue.Point) -> UInt32 {
        UInt32(p.year) << 9 | UInt32(p.month ?? 0) << 5 | UInt32(p.day ?? 0)
    }

    static func pack(_ v: DateValue) -> (UInt32, UInt32) { (pack(v.start), v.end.map(pack) ?? 0) }

    static func point(_ packed: UInt32) -> DateValue.Point? {
        let month = Int(packed >> 5 & 15), day = Int(packed & 31)
        return DateValue.Point(year: Int(packed >> 9), month: month == 0 ? nil : month, day: day == 0 ? nil : day)
    }

    /// The value of a start and end; nil for (0, 0); `.some(nil)` for a damaged pair.
    static func value(_ start: UInt32, _ end: UInt32) -> DateValue?? {
        if start == 0 && end == 0 { return .some(nil) }
        guard let s = point(start) else { return nil }
        if end == 0 { return .some(DateValue(s)) }
        guard let e = point(end), let v = DateValue(start: s, end: e) else { return nil }
        return .some(v)
    }

    static let units: [DateUnit] = [.day, .week, .weekend, .month, .year]
    static let tenses: [DateTense] = [.past, .future, .unknown]

    private static func code(_ t: DateTense) -> UInt32 { UInt32(tenses.firstIndex(of: t) ?? 0) }

    private static func code(_ s: DateShift) -> UInt32 {
        switch s {
        case .bare(let t): return code(t)
        case .last: return 3
        case .next: return 4
        case .this: return 5
        }
    }

    private static func wide(_ n: Int) -> UInt32 { UInt32(bitPattern: Int32(clamping: n)) }

    /// An expression as its kind and small fields (one word, below the flags' relative bit) and
    /// two wide fields.
    static func pack(_ e: DateExpression) -> (UInt32, UInt32, UInt32) {
        switch e {
        case .absolute(let value):
            let v = pack(value)
            return (1, v.0, v.1)
        case .monthDay(let d):
            let small = UInt32(d.month) | UInt32(d.day) << 4 | UInt32(d.endMonth ?? 0) << 9 | UInt32(d.endDay ?? 0) << 13
                | code(d.tense) << 18 | UInt32(d.weekday ?? 0) << 20
            return (2 | small << 3, d.yearOffset == nil ? 0 : 1, wide(d.yearOffset ?? 0))
        case .month(let month, let shift):
            return (3 | (UInt32(month) | code(shift) << 4) << 3, 0, 0)
        case .monthInYear(let month, let yearOffset):
            return (4 | UInt32(month) << 3, 0, wide(yearOffset))
        case .weekday(let day, let shift):
            return (5 | (UInt32(day) | code(shift) << 4) << 3, 0, 0)
        case .unit(let unit, let offset):
            return (6 | UInt32(units.firstIndex(of: unit) ?? 0) << 3, 0, wide(offset))
        }
    }

    private static func tense(_ code: UInt32) -> DateTense? { code < 3 ? tenses[Int(code)] : nil }

    private static func shift(_ code: UInt32) -> DateShift? {
        switch code {
        case 0...2: return tense(code).map { .bare($0) }
        case 3: return .last
        case 4: return .next
        case 5: return .this
        default: return nil
        }
    }

    /// The expression of a mention's flags word (shifted past the relative bit) and wide fields;
    /// `.some(nil)` for none, nil when damaged.
    static func expression(_ word: UInt32, _ e1: UInt32, _ e2: UInt32) -> DateExpression?? {
        let small = word >> 3
        let offsets = -10_000...10_000
        let offset = Int(Int32(bitPattern: e2))
        func month(_ m: UInt32) -> Int? { (1...12).contains(m) ? Int(m) : nil }
        switch word & 7 {
        case 0: return .some(nil)
        case 1:
            guard let v = value(e1, e2), let v else { return nil }
            return .absolute(v)
        case 2:
            let endMonth = small >> 9 & 15, endDay = small >> 13 & 31, weekday = small >> 20 & 7
            guard let m = month(small & 15), case let day = Int(small >> 4 & 31), (1...31).contains(day),
                  endMonth <= 12, let tense = tense(small >> 18 & 3), weekday <= 7, e1 <= 1,
                  e1 == 0 || offsets.contains(offset), small >> 23 == 0 else { return nil }
            return .monthDay(YearlessDay(month: m, day: day, endMonth: endMonth == 0 ? nil : Int(endMonth),
                                         endDay: endDay == 0 ? nil : Int(endDay), tense: tense,
                                         weekday: weekday == 0 ? nil : Int(weekday), yearOffset: e1 == 0 ? nil : offset))
        case 3:
            guard let m = month(small & 15), let s = shift(small >> 4), e1 == 0, e2 == 0 else { return nil }
            return .month(m, s)
        case 4:
            guard let m = month(small), e1 == 0, offsets.contains(offset) else { return nil }
            return .monthInYear(month: m, yearOffset: offset)
        case 5:
            guard (1...7).contains(small & 15), let s = shift(small >> 4), e1 == 0, e2 == 0 else { return nil }
            return .weekday(Int(small & 15), s)
        case 6:
            guard small < units.count, e1 == 0, offsets.contains(offset) else { return nil }
            return .unit(units[Int(small)], offset: offset)
        default: return nil
        }
    }
}

/// An archive's `date` file, opened: every document's dates decoded from its rows on demand
/// (`StoredDates`). Every row is checked when the file is opened, so decoding cannot fail later.
struct StoredDateColumns: StoredDates {
    let count: Int
    let latestDocumentYear: Int?
    let latestWrittenYear: Int?
    let timelineYear: Int
    private let strings: TextStore
    private let first: Column<UInt32>
    private let rows: Column<UInt32>
    private let mentionRows: Column<UInt32>
    private let order: Column<UInt32>
    private let documents: [Document]

    init(_ file: StorageFileReader, documents: [Document]) throws(ArchiveError) {
        try self.init(file, count: documents.count, documents: documents) { UInt32(clamping: documents[$0].textByteCount) }
    }

    /// A file's columns for `count` documents, each mention checked to lie within `textBytes(d)`
    /// bytes of its document `d`; `documents` are the ones `timeline(_:)` serves (empty for a
    /// file read only for its mentions, `DateFile.keptMentions`).
    private init(_ file: StorageFileReader, count n: Int, documents: [Document],
                 textBytes: (Int) -> UInt32) throws(ArchiveError) {
        strings = try TextStore(file, blob: 0, offsets: 1)
        let scalars = try file.analysisScalars(count: 6, documentsAt: 0, documents: n, counts: [1])
        guard scalars[2] <= scalars[1], scalars[3] <= 10_000, scalars[4] <= 10_000, scalars[5] <= 100_000 else {
            throw file.corrupted("its counts do not match the archive's \(n) documents")
        }
        let m = Int(scalars[1]), t = Int(scalars[2])
        count = n
        latestDocumentYear = scalars[3] == 0 ? nil : Int(scalars[3]) - 1
        latestWrittenYear = scalars[4] == 0 ? nil : Int(scalars[4]) - 1
        timelineYear = Int(scalars[5])
        first = try file.column(3, of: UInt32.self)
        rows = try file.column(4, of: UInt32.self)
        mentionRows = try file.column(5, of: UInt32.self)
        order = try file.column(6, of: UInt32.self)
        self.documents = documents
        guard first.count == n + 1, Lists.ascending(first, upTo: m), rows.count == DateFile.documentFields * n,
              mentionRows.count == DateFile.mentionFields * m, order.count == 2 * t else {
            throw file.corrupted("its date columns do not fit together")
        }
        try check(file, textBytes: textBytes)
    }

    /// The columns of a `date` file written for `count` documents, read for their mentions only
    /// (`timeline(_:)` must not be asked); `textBytes(d)` bounds document `d`'s mentions.
    static func mentionsOnly(_ file: StorageFileReader, count: Int, textBytes: (Int) -> UInt32) throws(ArchiveError) -> StoredDateColumns {
        try StoredDateColumns(file, count: count, documents: [], textBytes: textBytes)
    }

    /// Checks every row: string ids, byte offsets within the document's text, calendar values,
    /// expressions, and the timeline's references.
    private func check(_ file: StorageFileReader, textBytes: (Int) -> UInt32) throws(ArchiveError) {
        let strings = UInt32(self.strings.count)
        func string(_ id: UInt32, optional: Bool = true) -> Bool { id < strings || (optional && id == DateFile.none) }
        for d in 0..<count {
            let r = DateFile.documentFields * d
            guard DateFile.value(rows[r], rows[r + 1]) != nil, string(rows[r + 2]),
                  (rows[r] == 0) == (rows[r + 2] == DateFile.none),
                  DateFile.value(rows[r + 3], rows[r + 4]) != nil,
                  string(rows[r + 5]), string(rows[r + 6]), string(rows[r + 7]), string(rows[r + 8]),
                  (rows[r + 7] == DateFile.none) == (rows[r + 8] == DateFile.none) else {
                throw file.corrupted("the date of document \(d + 1) is damaged")
            }
            let textBytes = textBytes(d)
            for i in Int(first[d])..<Int(first[d + 1]) {
                let b = DateFile.mentionFields * i
                let flags = mentionRows[b + 6]
                guard mentionRows[b] <= mentionRows[b + 1], mentionRows[b + 1] <= textBytes,
                      string(mentionRows[b + 2], optional: false), DateFile.value(mentionRows[b + 3], mentionRows[b + 4]) != nil,
                      string(mentionRows[b + 5]),
                      DateFile.expression(flags >> 1, mentionRows[b + 7], mentionRows[b + 8]) != nil else {
                    throw file.corrupted("date mention \(i - Int(first[d]) + 1) of document \(d + 1) is damaged")
                }
            }
        }
        for k in 0..<(order.count / 2) {
            let d = Int(order[2 * k]), i = Int(order[2 * k + 1])
            guard d < count, i < Int(first[d + 1]) - Int(first[d]),
                  mentionRows[DateFile.mentionFields * (Int(first[d]) + i) + 3] != 0 else {
                throw file.corrupted("timeline entry \(k + 1) names a date mention that does not exist")
            }
        }
    }

    private func string(_ id: UInt32) -> String? {
        id == DateFile.none || Int(id) >= strings.count ? nil : strings.string(Int(id))
    }

    private func value(_ start: UInt32, _ end: UInt32) -> DateValue? {
        DateFile.value(start, end) ?? nil
    }

    func documentDate(_ index: Int) -> DocumentDate {
        let r = DateFile.documentFields * index
        var guess: DateGuess?
        if let date = string(rows[r + 7]) { guess = DateGuess(date: date, basis: string(rows[r + 8]) ?? "") }
        return DocumentDate(date: string(rows[r + 5]), from: string(rows[r + 6]), guess: guess)
    }

    private func mention(_ i: Int) -> DateMention {
        let b = DateFile.mentionFields * i
        let flags = mentionRows[b + 6]
        return DateMention(text: string(mentionRows[b + 2]) ?? "", range: Int(mentionRows[b])..<Int(mentionRows[b + 1]),
                           value: value(mentionRows[b + 3], mentionRows[b + 4]), isRelative: flags & 1 != 0,
                           anchor: string(mentionRows[b + 5]),
                           expression: DateFile.expression(flags >> 1, mentionRows[b + 7], mentionRows[b + 8]) ?? nil)
    }

    func mentions(_ index: Int) -> [DateMention] {
        (Int(first[index])..<Int(first[index + 1])).map(mention)
    }

    func dates(ofDocument index: Int) -> DocumentDates {
        let r = DateFile.documentFields * index
        let anchor = value(rows[r], rows[r + 1]).map { DateAnchor(value: $0, description: string(rows[r + 2]) ?? "") }
        return DocumentDates(anchor: anchor, inferredDate: value(rows[r + 3], rows[r + 4]), mentions: mentions(index),
                             date: documentDate(index))
    }

    /// The stored order, for the whole archive or a sub-corpus whose documents keep the archive's
    /// order (the order a sort of its own mentions gives, since the sort is stable); nil for a
    /// sub-corpus in another order.
    func timeline(_ corpus: Corpus) -> [(document: Document, mention: DateMention)]? {
        let members = corpus.documents
        var keep: [Bool]?
        if corpus.parent != nil || members.count != count || members.first !== documents.first {
            var previous = -1
            var flags = [Bool](repeating: false, count: count)
            for doc in members {
                guard doc.index > previous, doc.index < count, documents[doc.index] === doc else { return nil }
                previous = doc.index
                flags[doc.index] = true
            }
            keep = flags
        }
        var items: [(document: Document, mention: DateMention)] = []
        items.reserveCapacity(keep == nil ? order.count / 2 : 0)
        for k in 0..<(order.count / 2) {
            let d = Int(order[2 * k])
            if let keep, !keep[d] { continue }
            items.append((documents[d], mention(Int(first[d]) + Int(order[2 * k + 1]))))
        }
        return items
    }
}
