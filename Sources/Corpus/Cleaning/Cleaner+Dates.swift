/// Reading the dates that datelines and date lines carry: "18-6-2023", "2023-06-18", "June 18, 2023", "18 June 2023",
/// and in datelines also without a year: "Feb 26", "11 juin", "12. Juni", "12 de junio".
///
/// Numeric dates with the year last are read day first ("6-7-2023" is 6 July 2023), the order used by the outlets
/// that write them that way; when day-first is impossible ("6-18-2023") they are read month first. Month names are
/// English, French, Spanish, German, Italian and Portuguese, full or abbreviated (a dateline's date is short).
extension Cleaner {
    /// A date found at the start of some text.
    struct DateMatch {
        /// ISO "yyyy-mm-dd", or nil when the text gives no year ("June 18").
        var iso: String?
        /// Index just after the date.
        var end: Int
        /// The month and day (also without a year).
        var month = 0
        var day = 0

        /// The date in ISO 8601: "2023-06-18", or "--06-18" without a year.
        var written: String {
            if let iso { return iso }
            return "--" + (month < 10 ? "0" : "") + String(month) + "-" + (day < 10 ? "0" : "") + String(day)
        }
    }

    /// Month names and abbreviations, longest spelling first where one is a prefix of another; each is matched as a
    /// whole word, ASCII case-insensitive (accented letters as written in lower case, or in capitals for the first).
    static let monthNames: [(StaticString, Int)] = [
        // English
        ("january", 1), ("february", 2), ("march", 3), ("april", 4), ("may", 5), ("june", 6), ("july", 7),
        ("august", 8), ("september", 9), ("october", 10), ("november", 11), ("december", 12), ("jan", 1), ("feb", 2),
        ("mar", 3), ("apr", 4), ("jun", 6), ("jul", 7), ("aug", 8), ("sept", 9), ("sep", 9), ("oct", 10), ("nov", 11),
        ("dec", 12),
        // French
        ("janvier", 1), ("février", 2), ("fevrier", 2), ("mars", 3), ("avril", 4), ("mai", 5), ("juin", 6),
        ("juillet", 7), ("août", 8), ("aout", 8), ("septembre", 9), ("octobre", 10), ("novembre", 11),
        ("décembre", 12), ("decembre", 12), ("janv", 1), ("févr", 2), ("fevr", 2), ("avr", 4), ("juil", 7),
        ("déc", 12),
        // Spanish
        ("enero", 1), ("febrero", 2), ("marzo", 3), ("abril", 4), ("mayo", 5), ("junio", 6), ("julio", 7),
        ("agosto", 8), ("septiembre", 9), ("setiembre", 9), ("octubre", 10), ("noviembre", 11), ("diciembre", 12),
        ("ene", 1), ("abr", 4), ("ago", 8), ("dic", 12),
        // German
        ("januar", 1), ("jänner", 1), ("februar", 2), ("märz", 3), ("maerz", 3), ("juni", 6), ("juli", 7),
        ("oktober", 10), ("dezember", 12), ("okt", 10), ("dez", 12),
        // Italian
        ("gennaio", 1), ("febbraio", 2), ("aprile", 4), ("maggio", 5), ("giugno", 6), ("luglio", 7),
        ("settembre", 9), ("ottobre", 10), ("dicembre", 12), ("genn", 1), ("giu", 6), ("lug", 7), ("sett", 9),
        ("ott", 10),
        // Portuguese
        ("janeiro", 1), ("fevereiro", 2), ("março", 3), ("marco", 3), ("maio", 5), ("junho", 6), ("julho", 7),
        ("setembro", 9), ("outubro", 10), ("novembro", 11), ("dezembro", 12), ("fev", 2), ("set", 9), ("out", 10),
    ]

    /// `monthNames` by their first letter (a–z), in the same order.
    static let monthNamesByInitial: [[(StaticString, Int)]] = (0..<26).map { letter in
        monthNames.filter { Bytes.firstByte($0.0) == UInt8(0x61 + letter) }
    }

    /// Reads a date at `i` in `s`, or nil. With `yearless`, a day and month without a year ("11 juin") count too
    /// (a month and day, "June 18", always do).
    static func parseDate(_ s: ArraySlice<UInt8>, at i: Int, yearless: Bool = false) -> DateMatch? {
        guard i < s.endIndex else { return nil }
        if Bytes.isDigit(s[i]) {
            return numericDate(s, at: i) ?? dayMonthYear(s, at: i, yearless: yearless)
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
            return DateMatch(iso: iso, end: afterC, month: b, day: c)
        }
        guard digitsC == 4, digitsA <= 2, digitsB <= 2 else { return nil }
        if let iso = isoDate(year: c, month: b, day: a) { return DateMatch(iso: iso, end: afterC, month: b, day: a) }
        if let iso = isoDate(year: c, month: a, day: b) { return DateMatch(iso: iso, end: afterC, month: a, day: b) }
        return nil
    }

    /// "18 June 2023", "18th June, 2023", "12. Juni 2024", "12 de junio de 2024"; without a year ("11 juin") only
    /// when `yearless` is set, and then the month must end the word ("11 juin (AFP)").
    private static func dayMonthYear(_ s: ArraySlice<UInt8>, at i: Int, yearless: Bool = false) -> DateMatch? {
        guard let (day, afterDay, _) = number(s, at: i, maxDigits: 2), (1...31).contains(day) else { return nil }
        var k = skipOrdinal(s, at: afterDay)
        if k == afterDay, k < s.endIndex, s[k] == 0x2E { k += 1 }  // German "12. Juni"
        guard k < s.endIndex, Bytes.isSpace(s[k]) else { return nil }
        k = Bytes.skipSpaces(s, from: k)
        if let de = Bytes.match(s, at: k, "de "), de < s.endIndex, Bytes.isLetter(s[de]) { k = de }  // "12 de junio"
        guard let (month, afterMonth) = monthName(s, at: k) else { return nil }
        k = afterMonth
        if k < s.endIndex, s[k] == 0x2C { k += 1 }
        var y = Bytes.skipSpaces(s, from: k)
        if let de = Bytes.match(s, at: y, "de "), de < s.endIndex, Bytes.isDigit(s[de]) { y = de }  // "de 2024"
        if y > k || (k > afterMonth), let (year, afterYear, digits) = number(s, at: y, maxDigits: 4), digits == 4 {
            guard let iso = isoDate(year: year, month: month, day: day) else { return nil }
            return DateMatch(iso: iso, end: afterYear, month: month, day: day)
        }
        guard yearless, isoDate(year: 2000, month: month, day: day) != nil else { return nil }
        return DateMatch(iso: nil, end: afterMonth, month: month, day: day)
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
            return DateMatch(iso: iso, end: afterYear, month: month, day: day)
        }
        if dayEnd < s.endIndex, Bytes.isAlnum(s[dayEnd]) { return nil }
        guard isoDate(year: 2000, month: month, day: day) != nil else { return nil }
        return DateMatch(iso: nil, end: dayEnd, month: month, day: day)
    }

    /// A month name or abbreviation (optionally with a full stop) at `i`: (month, index after it).
    static func monthName(_ s: ArraySlice<UInt8>, at i: Int) -> (Int, Int)? {
        guard i < s.endIndex, Bytes.isLetter(s[i]) else { return nil }
        for (name, month) in monthNamesByInitial[Int(Bytes.lower(s[i]) - 0x61)] {
            guard let end = Bytes.match(s, at: i, name) else { continue }
            if end < s.endIndex, Bytes.isLetter(s[end]) || s[end] >= 0x80 { continue }
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

    /// The date closing a title after a separator ("ENERGY BRIEFING -- Tuesday, June 11, 2024",
    /// "Markets | 18 June 2023"): a newsletter's or a page's masthead date, as ISO; nil when the title does not end so.
    static func trailingDate(_ c: ArraySlice<UInt8>) -> String? {
        var k = c.startIndex
        while k < c.endIndex {
            let b = c[k]
            var after: Int?
            if b == 0x2D || b == 0x7C || b == 0x2C || b == 0x3A {
                after = k + 1
                while let a = after, a < c.endIndex, c[a] == 0x2D { after = a + 1 }
            } else if b == 0xE2, k + 2 < c.endIndex, c[k + 1] == 0x80, c[k + 2] == 0x93 || c[k + 2] == 0x94 {
                after = k + 3
            }
            if let a = after, a < c.endIndex, Bytes.isSpace(c[a]), k > c.startIndex, Bytes.isSpace(c[k - 1]) || b == 0x2C {
                let rest = c[Bytes.skipSpaces(c, from: a)...]
                if let iso = dateOnlyLine(rest) { return iso }
            }
            k += 1
        }
        return nil
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
