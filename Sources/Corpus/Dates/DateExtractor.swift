/// Finds the date expressions of a text and resolves them.
///
/// Recognised (English news conventions):
/// - Numeric: "18-6-2023", "18/6/2023", "18.6.2023" (day first, unless the second number cannot
///   be a month: "6/18/2023"), "2023-06-18", "2023/06/18".
/// - Named: "June 18, 2023", "18 June 2023", "June 18th", "18th of June", "Sunday, June 18";
///   ranges "June 18–19" (en dash, hyphen, "to", "through"), "18-19 June", "June 30–July 2";
///   "January 2021", "mid-June 2023". Abbreviations ("Sept. 5") only with a day or year.
/// - Years 1900–2099 only in context: "in 2019", "since at least 2019", "by 2030", "mid-2019",
///   "between 2019 and 2021", "2019–2021", "the 2016 election", and decades ("the 1990s"). A
///   four-digit number alone is not a year. Years written with a month or day may be 1000–2999;
///   a date followed by an era before Christ ("15 April 1154 BC") is left out.
/// - Relative: weekdays ("on Wednesday", "last Friday", "until Monday"), bare months ("in
///   February", "A November meeting", "last November", "mid-June"), "last/this/next
///   week/weekend/month/year", "later this year", "later in the year", "start of the year",
///   "today", "yesterday", "tomorrow", "two days ago", "a year ago".
/// Month and weekday names must be capitalised. "May", "March", "April", "June" and "August"
/// without a day or year need a preposition before them ("in May"), so the modal verb ("May
/// also set the stage"), the verb and first names are not read as months.
/// Not dates here: durations ("two days", "nearly five years"), vague spans ("in the coming
/// months", "the next several months"), seasons, times of day.
public enum DateExtractor {
    /// Texts are scanned in pieces of about this many bytes (cut at a line break or space), so a
    /// huge text never needs one huge token array.
    static let chunkSize = 1 << 20

    /// Finds date expressions in `text`, in order, not overlapping. Relative expressions (and
    /// year-less ones like "June 18–19") are resolved against `anchor`; without one their `value`
    /// is nil. See `DateExpression.resolve(against:)` for the resolution rules.
    public static func mentions(in text: String, anchor: DateAnchor?) -> [DateMention] {
        Cancellation.uninterrupted { token throws(WorkLimit) in try mentions(in: text, anchor: anchor, cancellation: token) }
    }

    /// `mentions(in:anchor:)` checking `cancellation` as the text is scanned (a stop throws).
    public static func mentions(in text: String, anchor: DateAnchor?, cancellation: Cancellation) throws(WorkLimit) -> [DateMention] {
        var copy = text
        copy.makeContiguousUTF8()
        var failure: WorkLimit?
        let found = copy.withUTF8 { bytes -> [DateMention] in
            do throws(WorkLimit) {
                return try mentions(in: bytes, anchor: anchor, cancellation: cancellation)
            } catch {
                failure = error
                return []
            }
        }
        if let failure { throw failure }
        return found
    }

    /// Finds date expressions in UTF-8 bytes (offsets in the result are offsets in `bytes`).
    static func mentions(in bytes: UnsafeBufferPointer<UInt8>, anchor: DateAnchor?) -> [DateMention] {
        Cancellation.uninterrupted { token throws(WorkLimit) in try mentions(in: bytes, anchor: anchor, cancellation: token) }
    }

    /// `mentions(in:anchor:)` checking `cancellation` before each piece of the text.
    static func mentions(in bytes: UnsafeBufferPointer<UInt8>, anchor: DateAnchor?,
                         cancellation: Cancellation) throws(WorkLimit) -> [DateMention] {
        var result: [DateMention] = []
        var chunkStart = 0
        while chunkStart < bytes.count {
            try cancellation.check()
            let chunkEnd = chunkBoundary(bytes, from: chunkStart)
            let tokens = DateTokenizer.tokenize(bytes, range: chunkStart..<chunkEnd)
            var scanner = DateScanner(bytes: bytes, tokens: tokens)
            for match in scanner.scan() {
                let start = tokens[match.start].start
                let end = tokens[match.end - 1].end
                // "15 April 1154 BC" is no date of this calendar: leave it out rather than read it as AD.
                if isFollowedByEraBeforeChrist(bytes, at: end) { continue }
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                result.append(DateMention(text: text, range: start..<end, expression: match.expression, anchor: anchor))
            }
            chunkStart = chunkEnd
        }
        return result
    }

    /// True when `BC`, `BCE`, `B.C.` or `B.C.E.` (one space or none before it, no letter after
    /// it) follows the byte offset `end`: the expression before it is a date before Christ.
    static func isFollowedByEraBeforeChrist(_ bytes: UnsafeBufferPointer<UInt8>, at end: Int) -> Bool {
        var i = end
        if i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0xA0 { i += 1 }
        for era in ["B.C.E.", "B.C.", "BCE", "BC"] {
            let pattern = Array(era.utf8)
            guard i + pattern.count <= bytes.count else { continue }
            guard (0..<pattern.count).allSatisfy({ bytes[i + $0] == pattern[$0] }) else { continue }
            let after = i + pattern.count
            if after == bytes.count { return true }
            let next = bytes[after]
            let isLetter = (next | 0x20) >= 0x61 && (next | 0x20) <= 0x7A
            if !isLetter && next < 0x80 { return true }
        }
        return false
    }

    /// The end of the chunk starting at `start`: the whole rest when short, else just after the
    /// last line break (or else space) in the second half of a `chunkSize` window, or else at a
    /// character boundary.
    private static func chunkBoundary(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let limit = start + chunkSize
        guard limit < bytes.count else { return bytes.count }
        let floor = start + chunkSize / 2
        var index = limit
        while index > floor {
            if bytes[index - 1] == 0x0A { return index }
            index -= 1
        }
        index = limit
        while index > floor {
            if bytes[index - 1] == 0x20 { return index }
            index -= 1
        }
        index = limit
        while index > start + 1, bytes[index] & 0xC0 == 0x80 { index -= 1 }
        return index
    }
}
