/// The `date` analysis file: every document's date and date mentions. A document without a date
/// of its own is read against the corpus's evidence (`DateEvidence`), so the file is written for
/// the whole archive. Sections: 0 scalars (u64: documents); 1–2 one record per document
/// (`RecordWriter`, a blob and its offsets, u64): the anchor (optional: value, description),
/// the inferred date (optional value), the document date (optional date, optional source,
/// optional guess: date, basis), then the mentions: text, first byte, end byte, value
/// (optional), relative flag, anchor description (optional), expression (optional, tagged).
/// A value is its ISO form (`2023-06-18`, `2023-06/2023-07`).
enum DateFile {
    static let kind = "date"

    static func write(_ dates: CorpusDates) -> StorageFileWriter {
        let records = dates.documents.map { d -> [UInt8] in
            var w = RecordWriter()
            w.flag(d.anchor != nil)
            if let anchor = d.anchor {
                w.string(anchor.value.iso)
                w.string(anchor.description)
            }
            w.optional(d.inferredDate?.iso)
            w.optional(d.date.date)
            w.optional(d.date.from)
            w.flag(d.date.guess != nil)
            if let guess = d.date.guess {
                w.string(guess.date)
                w.string(guess.basis)
            }
            w.int(d.mentions.count)
            for m in d.mentions {
                w.string(m.text)
                w.int(m.range.lowerBound)
                w.int(m.range.upperBound)
                w.optional(m.value?.iso)
                w.flag(m.isRelative)
                w.optional(m.anchor)
                w.flag(m.expression != nil)
                if let e = m.expression { w.expression(e) }
            }
            return w.out
        }
        var w = StorageFileWriter(kind: kind)
        w.add([UInt64(dates.documents.count)])
        let store = TextStore(records: records)
        w.add(store.blob)
        w.add(store.offsets)
        return w
    }

    static func read(_ file: StorageFileReader, documents: [Document]) throws(ArchiveError) -> CorpusDates {
        let scalars = try file.column(0, of: UInt64.self)
        guard scalars.count == 1, scalars[0] == UInt64(documents.count) else {
            throw file.corrupted("its counts do not match the archive's \(documents.count) documents")
        }
        let records = try TextStore(file, blob: 1, offsets: 2, expectedCount: documents.count)
        var out: [DocumentDates] = []
        out.reserveCapacity(documents.count)
        for (i, document) in documents.enumerated() {
            let dates = records.withBytes(i) { bytes -> DocumentDates? in
                var r = RecordReader(bytes: bytes)
                let dates = r.documentDates(textBytes: document.textByteCount)
                return r.overrun || !r.atEnd ? nil : dates
            }
            guard let dates else { throw file.corrupted("the dates of document \(i + 1) are damaged") }
            out.append(dates)
        }
        return CorpusDates(documents: out)
    }
}

extension RecordWriter {
    fileprivate mutating func expression(_ e: DateExpression) {
        switch e {
        case .absolute(let value):
            int(0)
            string(value.iso)
        case .monthDay(let d):
            int(1)
            int(d.month)
            int(d.day)
            optionalInt(d.endMonth)
            optionalInt(d.endDay)
            tense(d.tense)
            optionalInt(d.weekday)
            optionalInt(d.yearOffset)
        case .month(let month, let shift):
            int(2)
            int(month)
            self.shift(shift)
        case .monthInYear(let month, let yearOffset):
            int(3)
            int(month)
            int(yearOffset)
        case .weekday(let day, let shift):
            int(4)
            int(day)
            self.shift(shift)
        case .unit(let unit, let offset):
            int(5)
            int(DateFile.units.firstIndex(of: unit) ?? 0)
            int(offset)
        }
    }

    private mutating func tense(_ t: DateTense) { int(DateFile.tenses.firstIndex(of: t) ?? 0) }

    private mutating func shift(_ s: DateShift) {
        switch s {
        case .bare(let t):
            int(0)
            tense(t)
        case .last: int(1)
        case .next: int(2)
        case .this: int(3)
        }
    }
}

extension DateFile {
    static let units: [DateUnit] = [.day, .week, .weekend, .month, .year]
    static let tenses: [DateTense] = [.past, .future, .unknown]
}

extension RecordReader {
    /// Marks the record damaged and gives nil.
    private mutating func fail<T>() -> T? {
        markDamaged()
        return nil
    }

    /// A number in `range`, else the record is damaged (keeps arithmetic on stored values from
    /// overflowing or indexing out of a table).
    private mutating func int(in range: ClosedRange<Int>) -> Int? {
        let v = int()
        return range.contains(v) ? v : fail()
    }

    private mutating func optionalInt(in range: ClosedRange<Int>) -> Int?? {
        guard flag() else { return .some(nil) }
        return int(in: range).map { .some($0) } ?? nil
    }

    private mutating func value() -> DateValue? {
        let iso = string()
        guard let v = DateValue(iso: iso) else { return fail() }
        return v
    }


    fileprivate mutating func documentDates(textBytes: Int) -> DocumentDates? {
        var anchor: DateAnchor?
        if flag() {
            guard let v = value() else { return nil }
            anchor = DateAnchor(value: v, description: string())
        }
        var inferred: DateValue?
        if flag() {
            guard let v = value() else { return nil }
            inferred = v
        }
        let date = optional(), from = optional()
        var guess: DateGuess?
        if flag() { guess = DateGuess(date: string(), basis: string()) }
        let count = self.count()
        var mentions: [DateMention] = []
        mentions.reserveCapacity(count)
        for _ in 0..<count {
            let text = string()
            let lower = int(), upper = int()
            guard lower >= 0, lower <= upper, upper <= textBytes else { return fail() }
            var value: DateValue?
            if flag() {
                guard let v = self.value() else { return nil }
                value = v
            }
            let relative = flag()
            let anchorText = optional()
            var expression: DateExpression?
            if flag() {
                guard let e = self.expression() else { return nil }
                expression = e
            }
            guard !overrun else { return nil }
            mentions.append(DateMention(text: text, range: lower..<upper, value: value, isRelative: relative,
                                        anchor: anchorText, expression: expression))
        }
        return DocumentDates(anchor: anchor, inferredDate: inferred, mentions: mentions,
                             date: DocumentDate(date: date, from: from, guess: guess))
    }

    private mutating func tense() -> DateTense? {
        let t = int()
        return t >= 0 && t < DateFile.tenses.count ? DateFile.tenses[t] : fail()
    }

    private mutating func shift() -> DateShift? {
        switch int() {
        case 0: return tense().map { .bare($0) }
        case 1: return .last
        case 2: return .next
        case 3: return .this
        default: return fail()
        }
    }

    private mutating func expression() -> DateExpression? {
        let months = 1...12, days = 1...31, offsets = -10_000...10_000
        switch int() {
        case 0: return value().map { .absolute($0) }
        case 1:
            guard let month = int(in: months), let day = int(in: days), let endMonth = optionalInt(in: months),
                  let endDay = optionalInt(in: days), let tense = tense(), let weekday = optionalInt(in: 1...7),
                  let yearOffset = optionalInt(in: offsets) else { return fail() }
            return .monthDay(YearlessDay(month: month, day: day, endMonth: endMonth, endDay: endDay, tense: tense,
                                         weekday: weekday, yearOffset: yearOffset))
        case 2:
            guard let month = int(in: months), let shift = shift() else { return fail() }
            return .month(month, shift)
        case 3:
            guard let month = int(in: months), let offset = int(in: offsets) else { return fail() }
            return .monthInYear(month: month, yearOffset: offset)
        case 4:
            guard let day = int(in: 1...7), let shift = shift() else { return fail() }
            return .weekday(day, shift)
        case 5:
            guard let unit = int(in: 0...(DateFile.units.count - 1)), let offset = int(in: offsets) else { return fail() }
            return .unit(DateFile.units[unit], offset: offset)
        default: return fail()
        }
    }
}
