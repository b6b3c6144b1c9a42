/// Reading the dates that datelines and date lines carry: "18-6-2023", "2023-06-18", "June 18, 2023", "18 June 2023".
///
/// Numeric dates with the year last are read day first ("6-7-2023" is 6 July 2023), the order used by the outlets
/// that write them that way; when day-first is impossible ("6-18-2023") they are read month first.
extension Cleaner {
    /// A date found at the start of some text.
    struct DateMatch {
        /// ISO "yyyy-mm-dd", or nil when the text gives no year ("June 18").
        var iso: String?
        /// Index just after the date.
        var end: Int
    }

    static let monthNames: [(StaticString, Int)] = [
        ("january", 1), ("february", 2), ("march", 3), ("april", 4), ("may", 5), ("june", 6), ("july", 7),
        ("august", 8), ("september", 9), ("october", 10), ("november", 11), ("december", 12), ("jan", 1), ("feb", 2),
        ("mar", 3), ("apr", 4), ("jun", 6), ("jul", 7), ("aug", 8), ("sept", 9), ("sep", 9), ("oct", 10), ("nov", 11),
        ("dec", 12),
    ]

    /// Reads a date at `i` in `s`, or nil.
    static func parseDate(_ s: ArraySlice<UInt8>, at i: Int) -> DateMatch? {
        guard i < s.endIndex else { return nil }
        if Bytes.isDigit(s[i]) {
            return numericDate(s, at: i) ?? dayMonthYear(s, at: i)
        }
        return monthDayYear(s, at: i)
    }

    /// "18-6-2023", "18/06/2023", "18.6.2023", "2023-06-18".
    private static func numericDate(_ s: ArraySlice<UInt8>, at i: Int) -> DateMatch? {
        guard let (a, afterA, digitsA) = number(s, at: i, maxDigits: 4), afterA < s.endIndex else { return nil }
        let sep = s[afterA]
        guard sep == 0x2D || sep == 0x2F || sep == 0x2E else { return nil }
        guard let (b, afterB, digitsB) = number(s, at: afterA + 1, maxDigits: 2), afterB < s.endIndex,
            s[afterB] == sep, let (c, afterC, digitsC) = number(s, at: afterB + 1, maxDigits: 4)
        else { return nil }
        if afterC < s.endIndex, Bytes.isAlnum(s[afterC]) { return nil }
        if digitsA == 4 {
            guard digitsC <= 2, let iso = isoDate(year: a, month: b, day: c) else { return nil }
            return DateMatch(iso: iso, end: afterC)
        }
        guard digitsC == 4, digitsA <= 2, digitsB <= 2 else { return nil }
        if let iso = isoDate(year: c, month: b, day: a) { return DateMatch(iso: iso, end: afterC) }
        if let iso = isoDate(year: c, month: a, day: b) { return DateMatch(iso: iso, end: afterC) }
        return nil
    }

    /// "18 June 2023", "18th June, 2023".
    private static func dayMonthYear(_ s: ArraySlice<UInt8>, at i: Int) -> DateMatch? {
        guard let (day, afterDay, _) = number(s, at: i, maxDigits: 2) else { return nil }
        var k = skipOrdinal(s, at: afterDay)
        guard k < s.endIndex, Bytes.isSpace(s[k]) else { return nil }
        k = Bytes.skipSpaces(s, from: k)
        guard let (month, afterMonth) = monthName(s, at: k) else { return nil }
        k = afterMonth
        if k < s.endIndex, s[k] == 0x2C { k += 1 }
        let y = Bytes.skipSpaces(s, from: k)
        guard y > k || (k > afterMonth), let (year, afterYear, digits) = number(s, at: y, maxDigits: 4), digits == 4,
            let iso = isoDate(year: year, month: month, day: day)
        else { return nil }
        return DateMatch(iso: iso, end: afterYear)
    }

    /// "June 18, 2023", "Jun. 18 2023", "June 18" (no year: iso nil).
    private static func monthDayYear(_ s: ArraySlice<UInt8>, at i: Int) -> DateMatch? {
        guard let (month, afterMonth) = monthName(s, at: i) else { return nil }
        var k = afterMonth
        guard k < s.endIndex, Bytes.isSpace(s[k]) else { return nil }
        k = Bytes.skipSpaces(s, from: k)
        guard let (day, afterDay, _) = number(s, at: k, maxDigits: 2), (1...31).contains(day) else { return nil }
        k = skipOrdinal(s, at: afterDay)
        let dayEnd = k
        if k < s.endIndex, s[k] == 0x2C { k += 1 }
        let y = Bytes.skipSpaces(s, from: k)
        if y > k || k > dayEnd, let (year, afterYear, digits) = number(s, at: y, maxDigits: 4), digits == 4 {
            guard let iso = isoDate(year: year, month: month, day: day) else { return nil }
            return DateMatch(iso: iso, end: afterYear)
        }
        if dayEnd < s.endIndex, Bytes.isAlnum(s[dayEnd]) { return nil }
        return DateMatch(iso: nil, end: dayEnd)
    }

    /// A month name or abbreviation (optionally with a full stop) at `i`: (month, index after it).
    static func monthName(_ s: ArraySlice<UInt8>, at i: Int) -> (Int, Int)? {
        guard i < s.endIndex, Bytes.isLetter(s[i]) else { return nil }
        for (name, month) in monthNames {
            guard let end = Bytes.match(s, at: i, name) else { continue }
            if end < s.endIndex, Bytes.isLetter(s[end]) { continue }
            if end < s.endIndex, s[end] == 0x2E { return (month, end + 1) }
            return (month, end)
        }
        return nil
    }

    /// Skips "st", "nd", "rd", "th" after a day number.
    private static func skipOrdinal(_ s: ArraySlice<UInt8>, at i: Int) -> Int {
        for suffix: StaticString in ["st", "nd", "rd", "th"] {
            if let end = Bytes.match(s, at: i, suffix), end >= s.endIndex || !Bytes.isLetter(s[end]) { return end }
        }
        return i
    }

    /// Decimal digits at `i` (1...maxDigits of them, not followed by another digit): (value, end, digit count).
    private static func number(_ s: ArraySlice<UInt8>, at i: Int, maxDigits: Int) -> (Int, Int, Int)? {
        var k = i
        var value = 0
        while k < s.endIndex, Bytes.isDigit(s[k]), k - i < maxDigits {
            value = value * 10 + Int(s[k] - 0x30)
            k += 1
        }
        guard k > i, k >= s.endIndex || !Bytes.isDigit(s[k]) else { return nil }
        return (value, k, k - i)
    }

    /// "yyyy-mm-dd" for a real calendar date between the years 1000 and 2999, else nil.
    static func isoDate(year: Int, month: Int, day: Int) -> String? {
        guard (1000...2999).contains(year), (1...12).contains(month), day >= 1 else { return nil }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard day <= days[month - 1] else { return nil }
        func pad(_ n: Int, _ width: Int) -> String {
            let digits = String(n)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// A line that is only a date, perhaps with a label and a time: "June 18, 2023", "Published: 18-6-2023 10:30 IST".
    static func dateOnlyLine(_ c: ArraySlice<UInt8>) -> String? {
        guard c.count <= 60, let first = c.first, Bytes.isAlnum(first) else { return nil }
        var k = c.startIndex
        for label: StaticString in [
            "first published on", "first published", "last updated on", "last updated", "published on", "published",
            "updated on", "updated", "posted on", "posted", "dated", "date",
        ] {
            if let end = Bytes.prefix(c, label) {
                k = Bytes.skipSpaces(c, from: end)
                if k < c.endIndex, c[k] == 0x3A { k = Bytes.skipSpaces(c, from: k + 1) }
                break
            }
        }
        if let (_, afterDay) = weekday(c, at: k) { k = afterDay }
        guard let match = parseDate(c, at: k), let iso = match.iso else { return nil }
        // What follows may only be a time and a zone: digits, ":", ".", "|", "-", am/pm, capitals.
        for b in c[match.end...] {
            let allowed = Bytes.isDigit(b) || Bytes.isSpace(b) || Bytes.isUpper(b) || b == 0x3A || b == 0x2E || b == 0x7C
                || b == 0x2D || b == 0x2C || b == 0x28 || b == 0x29 || b == 0x61 || b == 0x70 || b == 0x6D
            if !allowed { return nil }
        }
        return iso
    }

    /// A weekday name ("Sunday, ", "Sun ") at `i`: index after it and its separator.
    private static func weekday(_ c: ArraySlice<UInt8>, at i: Int) -> (Int, Int)? {
        for (n, name) in ([
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        ] as [StaticString]).enumerated() {
            if let end = Bytes.match(c, at: i, name) {
                var k = end
                if k < c.endIndex, c[k] == 0x2C { k += 1 }
                return (n, Bytes.skipSpaces(c, from: k))
            }
        }
        return nil
    }
}
