import Foundation

/// Reads the calendar date (`YYYY-MM-DD`) out of the ways pages write a publication date.
///
/// Machine forms (metadata, JSON-LD, `datetime`): ISO 8601 with any time and zone after the
/// date (`2023-11-06T13:00:15.055Z`, `2019-11-20 13:42:06+08:00`, `2021-01-03T17:40:00EET`),
/// `YYYY/MM/DD`, `YYYYMMDD`, Unix time in seconds or milliseconds. Written forms (metadata
/// written for people, and dates in the page text): month names in English, Spanish,
/// Portuguese, French, German, Italian, Dutch, Indonesian, Turkish, Russian, Latvian and Arabic
/// (both the Levantine and the Egyptian names), before or after the day
/// (`November 20, 2019`, `Thu, 14 May 2020`, `jueves, 09 enero 2014`, `28 آب 2013`);
/// `YYYY年M月D日` and `YYYY년 M월 D일`; numeric `D/M/YYYY` or `M/D/YYYY`, read month first only
/// when the day cannot be first or the page is in US English. The date is the one written,
/// whatever its time zone: `2023-11-06T20:03Z` is the 6th.
enum HTMLDateParser {
    /// The date in a machine-readable value, or nil.
    static func parseValue(_ value: String, monthFirst: Bool = false) -> String? {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        let digits = trimmed.unicodeScalars.allSatisfy { $0.value >= 48 && $0.value <= 57 }
        if digits, trimmed.count == 10 || trimmed.count == 13, let number = Double(trimmed) {
            let seconds = trimmed.count == 13 ? number / 1000 : number
            return epoch(seconds)
        }
        // YYYYMMDD, alone or as the basic ISO 8601 form (20180619T055000+0900).
        let leading = trimmed.utf8.prefix(while: { $0 >= 48 && $0 <= 57 })
        if leading.count == 8, trimmed.utf8.count == 8 || trimmed.utf8.dropFirst(8).first == UInt8(ascii: "T") {
            let chars = leading.map { Int($0) - 48 }
            let year = chars[0] * 1000 + chars[1] * 100 + chars[2] * 10 + chars[3]
            return format(year: year, month: chars[4] * 10 + chars[5], day: chars[6] * 10 + chars[7], minYear: 1900)
        }
        return parseText(trimmed, monthFirst: monthFirst, minYear: 1900)
    }

    /// The first date written in `text` (page text: a dateline, a byline), or nil.
    static func parseText(_ text: String, monthFirst: Bool = false, minYear: Int = 1990) -> String? {
        let tokens = tokenize(text)
        var i = 0
        while i < tokens.count {
            if let date = match(tokens, at: i, monthFirst: monthFirst, minYear: minYear) { return date }
            i += 1
        }
        return nil
    }

    // MARK: Tokens

    enum Token: Equatable {
        case number(Int, digits: Int)
        case word(String)
        /// 年 月 日 (and 년 월 일).
        case cjk(Character)
        /// A separator character worth knowing: - / . : , T
        case mark(Character)
    }

    static func tokenize(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var number = 0, digits = 0
        var word = String.UnicodeScalarView()
        func flush() {
            if digits > 0 { tokens.append(.number(number, digits: digits)) }
            if !word.isEmpty { tokens.append(.word(String(word).lowercased())) }
            number = 0
            digits = 0
            word = String.UnicodeScalarView()
        }
        for scalar in text.unicodeScalars {
            if let d = digit(scalar) {
                if !word.isEmpty { flush() }
                if digits < 15 { number = number * 10 + d }
                digits += 1
                continue
            }
            switch scalar {
            case "年", "월", "月", "년", "日", "일":
                flush()
                tokens.append(.cjk(Character(scalar)))
                continue
            default: break
            }
            if scalar.properties.isAlphabetic || scalar.properties.generalCategory == .nonspacingMark
                || scalar.properties.generalCategory == .spacingMark {
                if digits > 0 { flush() }
                word.append(scalar)
                continue
            }
            flush()
            switch scalar {
            case "-", "/", ".", ":", ",": tokens.append(.mark(Character(scalar)))
            default: break
            }
            if tokens.count > 4_000 { break }
        }
        flush()
        return tokens
    }

    private static func digit(_ s: Unicode.Scalar) -> Int? {
        switch s.value {
        case 0x30...0x39: return Int(s.value - 0x30)
        case 0x660...0x669: return Int(s.value - 0x660)  // Arabic-Indic
        case 0x6F0...0x6F9: return Int(s.value - 0x6F0)  // Persian
        case 0xFF10...0xFF19: return Int(s.value - 0xFF10)  // full width
        default: return nil
        }
    }

    // MARK: Patterns

    private static func match(_ t: [Token], at i: Int, monthFirst: Bool, minYear: Int) -> String? {
        switch t[i] {
        case .number(let a, let da):
            // YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD
            if da == 4, i + 4 < t.count, case .mark(let s1) = t[i + 1], "-/.".contains(s1),
               case .number(let m, let dm) = t[i + 2], dm <= 2, case .mark(let s2) = t[i + 3], s2 == s1,
               case .number(let d, let dd) = t[i + 4], dd <= 2 {
                return format(year: a, month: m, day: d, minYear: minYear)
            }
            // YYYY年M月D日
            if da == 4, i + 5 < t.count, t[i + 1] == .cjk("年") || t[i + 1] == .cjk("년"),
               case .number(let m, _) = t[i + 2], t[i + 3] == .cjk("月") || t[i + 3] == .cjk("월"),
               case .number(let d, _) = t[i + 4], t[i + 5] == .cjk("日") || t[i + 5] == .cjk("일") {
                return format(year: a, month: m, day: d, minYear: minYear)
            }
            // D/M/YYYY or M/D/YYYY (also with - and .)
            if da <= 2, i + 4 < t.count, case .mark(let s1) = t[i + 1], "-/.".contains(s1),
               case .number(let b, let db) = t[i + 2], db <= 2, case .mark(let s2) = t[i + 3], s2 == s1,
               case .number(let y, let dy) = t[i + 4], dy == 4 {
                let dayFirst = a > 12 || (b <= 12 && !monthFirst)
                return dayFirst ? format(year: y, month: b, day: a, minYear: minYear)
                    : format(year: y, month: a, day: b, minYear: minYear)
            }
            // D Month YYYY, D. Month YYYY, D de Month de YYYY
            if da <= 2 {
                var j = i + 1
                while j < t.count && j <= i + 3 {
                    if case .mark(let m) = t[j], m == "." || m == "," { j += 1; continue }
                    if case .word(let w) = t[j], linkWords.contains(w) { j += 1; continue }
                    break
                }
                if j < t.count, let (month, next) = monthName(t, at: j), let year = yearAfter(t, from: next) {
                    return format(year: year, month: month, day: a, minYear: minYear)
                }
            }
        case .word:
            // Month D, YYYY
            if let (month, next) = monthName(t, at: i) {
                var j = next
                while j < t.count, case .mark = t[j] { j += 1 }
                if j < t.count, case .number(let d, let dd) = t[j], dd <= 2, let year = yearAfter(t, from: j + 1) {
                    return format(year: year, month: month, day: d, minYear: minYear)
                }
            }
        default:
            break
        }
        return nil
    }

    /// A four-digit year within the next few tokens (skipping separators, "de", "of" and a
    /// second name of the same month, as in "آب/اغسطس").
    private static func yearAfter(_ t: [Token], from start: Int) -> Int? {
        var j = start
        while j < t.count && j < start + 5 {
            switch t[j] {
            case .number(let y, let digits): return digits == 4 ? y : nil
            case .mark: j += 1
            case .word(let w):
                if linkWords.contains(w) || monthNames[w] != nil { j += 1 } else { return nil }
            case .cjk: return nil
            }
        }
        return nil
    }

    /// The month named at `i` (one word, or two for the Levantine Arabic names), and the index
    /// after it.
    private static func monthName(_ t: [Token], at i: Int) -> (Int, Int)? {
        guard case .word(let w) = t[i] else { return nil }
        if (w == "تشرين" || w == "كانون"), i + 1 < t.count, case .word(let second) = t[i + 1] {
            switch (w, second) {
            case ("تشرين", "الأول"), ("تشرين", "الاول"): return (10, i + 2)
            case ("تشرين", "الثاني"): return (11, i + 2)
            case ("كانون", "الأول"), ("كانون", "الاول"): return (12, i + 2)
            case ("كانون", "الثاني"): return (1, i + 2)
            default: return nil
            }
        }
        if let month = monthNames[w] { return (month, i + 1) }
        if w.count >= 4 {
            for (stem, month) in monthStems where w.hasPrefix(stem) { return (month, i + 1) }
        }
        return nil
    }

    private static let linkWords: Set<String> = ["de", "del", "of", "the", "th", "st", "nd", "rd", "le", "gada", "года", "г"]

    private static let monthNames: [String: Int] = {
        let lists: [[String]] = [
            ["january", "jan", "enero", "janeiro", "janvier", "januar", "jänner", "gennaio", "januari", "ocak",
             "janvāris", "janvārī", "janvāra", "يناير", "كانون الثاني"],
            ["february", "feb", "febrero", "fevereiro", "février", "fevrier", "februar", "febbraio", "februari",
             "şubat", "subat", "februāris", "februārī", "فبراير", "شباط"],
            ["march", "mar", "marzo", "março", "marco", "mars", "märz", "maerz", "maart", "maret", "mart", "marts",
             "martā", "مارس", "آذار", "اذار"],
            ["april", "apr", "abril", "avril", "aprile", "nisan", "aprīlis", "aprīlī", "أبريل", "ابريل", "إبريل", "نيسان"],
            ["may", "mayo", "maio", "mai", "maggio", "mei", "mayıs", "mayis", "maijs", "maijā", "مايو", "أيار", "ايار"],
            ["june", "jun", "junio", "junho", "juin", "juni", "giugno", "haziran", "jūnijs", "jūnijā", "يونيو", "يونيه",
             "حزيران"],
            ["july", "jul", "julio", "julho", "juillet", "juli", "luglio", "temmuz", "jūlijs", "jūlijā", "يوليو", "يوليه",
             "تموز"],
            ["august", "aug", "agosto", "août", "aout", "augustus", "agustus", "ağustos", "agustos", "augusts", "augustā",
             "أغسطس", "اغسطس", "آب", "اب"],
            ["september", "sep", "sept", "septiembre", "setiembre", "setembro", "septembre", "settembre", "eylül",
             "eylul", "septembris", "septembrī", "سبتمبر", "أيلول", "ايلول"],
            ["october", "oct", "octubre", "outubro", "octobre", "oktober", "ottobre", "ekim", "oktobris", "oktobrī",
             "أكتوبر", "اكتوبر"],
            ["november", "nov", "noviembre", "novembro", "novembre", "kasım", "kasim", "novembris", "novembrī", "نوفمبر"],
            ["december", "dec", "diciembre", "dezembro", "décembre", "decembre", "dezember", "dicembre", "desember",
             "aralık", "aralik", "decembris", "decembrī", "ديسمبر"],
        ]
        var table: [String: Int] = [:]
        for (index, names) in lists.enumerated() {
            for name in names { table[name] = index + 1 }
        }
        return table
    }()

    /// Russian month stems (all their cases start the same way).
    private static let monthStems: [(String, Int)] = [
        ("январ", 1), ("феврал", 2), ("март", 3), ("апрел", 4), ("мая", 5), ("май", 5), ("июн", 6), ("июл", 7),
        ("август", 8), ("сентябр", 9), ("октябр", 10), ("ноябр", 11), ("декабр", 12),
    ]

    // MARK: Output

    static func format(year: Int, month: Int, day: Int, minYear: Int = 1900) -> String? {
        guard year >= minYear, year <= 2100, month >= 1, month <= 12, day >= 1 else { return nil }
        let days = [31, (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard day <= days[month - 1] else { return nil }
        return String(format: "%04d-%02d-%02d", year, month, day)
    }

    private static func epoch(_ seconds: Double) -> String? {
        guard seconds > 0, seconds < 4_102_444_800 else { return nil }
        var days = Int(seconds / 86_400)
        // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
        days += 719_468
        let era = (days >= 0 ? days : days - 146_096) / 146_097
        let doe = days - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return format(year: year, month: month, day: day)
    }
}
