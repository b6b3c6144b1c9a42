import Foundation

/// Finds the checkable details of a sentence: weekdays, dates, years, counts with their unit,
/// people named after a title, and the capitalised names it uses.
///
/// Rules, on the sentence's tokens:
/// - weekday names ("on Tuesday") → `weekday`; "this/last/next weekend" → `weekday` Saturday or
///   Sunday, hedged.
/// - month names, capitalised ("May" and "March" only next to a day number or inside the
///   sentence) → `month`; with day numbers before or after ("June 18–19", "18-19 June") → `day`
///   with every day of the range.
/// - four-digit numbers 1900–2100 → `year`.
/// - a number or number word followed by a content word ("five years", "5 years", "two-day")
///   → `number of <unit stem>`; hedge words before it ("nearly", "about", "more than", "at least")
///   widen its range and mark it hedged. "One" is skipped (too often not a count).
/// - a title with a qualifier followed by capitalised words ("Foreign Minister Qin Gang",
///   "Secretary of State Antony Blinken") → `role: foreign minister` with the name's words.
public enum FactExtractor {
    /// The facts of a text (typically one sentence).
    public static func facts(in text: String) -> [Fact] {
        facts(SentenceTokens(text))
    }

    /// The facts of a tokenised sentence.
    static func facts(_ tokens: SentenceTokens) -> [Fact] {
        var facts: [Fact] = []
        var used = Set<Int>()
        dates(tokens, into: &facts, used: &used)
        counts(tokens, into: &facts, used: used)
        roles(tokens, into: &facts)
        return facts
    }

    /// The facts of sentence `sentence` of `document`.
    public static func facts(in document: Document, sentence: Int) -> [Fact] {
        facts(in: document.sentenceText(sentence))
    }

    /// Capitalised words inside a text (not the first word, not weekday or month names, at least
    /// four letters): the names whose spelling `ConflictFinder` compares.
    public static func names(in text: String) -> [String] {
        // As `names(_:)` on `SentenceTokens(text)`, making a string only for capitalised words.
        let spans = Tokenizer.tokens(in: text)
        let bytes = Array(text.utf8)
        let firstWord = spans.firstIndex { $0.kind == .word } ?? -1
        var out: [String] = []
        for (i, span) in spans.enumerated() where i != firstWord && span.kind == .word {
            let ascii = span.start < bytes.count && bytes[span.start] < 0x80
            if ascii && bytes[span.start] &- UInt8(ascii: "A") >= 26 { continue }
            let surface = String(decoding: bytes[span.range], as: UTF8.self)
            if !ascii && !(surface.first?.isUppercase ?? false) { continue }
            let norm = Tokenizer.norm(surface)
            guard norm.count >= 4, weekdays[norm] == nil, months[norm] == nil, !out.contains(surface) else { continue }
            out.append(surface)
        }
        return out
    }

    /// The names of a tokenised sentence.
    static func names(_ tokens: SentenceTokens) -> [String] {
        var out: [String] = []
        for i in tokens.indices where i != tokens.firstWord && tokens.kinds[i] == .word && tokens.isCapitalised(i) {
            let norm = tokens.norms[i]
            guard norm.count >= 4, weekdays[norm] == nil, months[norm] == nil, !out.contains(tokens.surfaces[i]) else { continue }
            out.append(tokens.surfaces[i])
        }
        return out
    }

    // MARK: Dates

    static func dates(_ t: SentenceTokens, into facts: inout [Fact], used: inout Set<Int>) {
        for i in t.indices {
            let norm = t.norms[i]
            if let day = weekdays[norm] {
                let start = i > 0 && t.norms[i - 1] == "on" ? i - 1 : i
                facts.append(Fact(kind: .date, key: "weekday", values: [day], text: t.text(start...i), span: start...i))
                used.insert(i)
            } else if norm == "weekend" || norm == "weekend's", i > 0, ["this", "last", "next", "the", "over"].contains(t.norms[i - 1]) {
                facts.append(Fact(kind: .date, key: "weekday", values: ["saturday", "sunday"], hedged: true,
                                  text: t.text((i - 1)...i), span: (i - 1)...i))
                used.insert(i)
            } else if let month = months[norm], t.isCapitalised(i) {
                let before = dayNumbers(t, endingAt: i - 1)
                let after = before == nil ? dayNumbers(t, startingAt: i + 1) : nil
                let ambiguous = norm == "may" || norm == "march"
                if let (days, range) = before ?? after {
                    let span = before != nil ? range.lowerBound...i : i...range.upperBound
                    facts.append(Fact(kind: .date, key: "day", values: Set(days.map { "\(month) \($0)" }), text: t.text(span), span: span))
                    for k in span { used.insert(k) }
                } else if !ambiguous || i != t.firstWord {
                    let start = i > 0 && ["in", "last", "since", "from", "until", "by"].contains(t.norms[i - 1]) ? i - 1 : i
                    facts.append(Fact(kind: .date, key: "month", values: [month], text: t.text(start...i), span: start...i))
                    used.insert(i)
                }
            } else if t.kinds[i] == .number, norm.utf8.count == 4, let year = Int(norm), (1900...2100).contains(year) {
                facts.append(Fact(kind: .date, key: "year", values: [norm], text: t.surfaces[i], span: i...i))
                used.insert(i)
            }
        }
    }

    /// Day numbers (1–31) in the tokens ending at `end`: "18", "18-19", "18 – 19".
    static func dayNumbers(_ t: SentenceTokens, endingAt end: Int) -> ([Int], ClosedRange<Int>)? {
        guard end >= 0, t.kinds[end] == .number else { return nil }
        if end >= 2, t.isDash(end - 1), t.kinds[end - 2] == .number,
           let a = day(t.norms[end - 2]), let b = day(t.norms[end]), a < b {
            return (Array(a...b), (end - 2)...end)
        }
        return days(t.norms[end]).map { ($0, end...end) }
    }

    /// Day numbers (1–31) in the tokens starting at `start`.
    static func dayNumbers(_ t: SentenceTokens, startingAt start: Int) -> ([Int], ClosedRange<Int>)? {
        guard start < t.count, t.kinds[start] == .number else { return nil }
        if start + 2 < t.count, t.isDash(start + 1), t.kinds[start + 2] == .number,
           let a = day(t.norms[start]), let b = day(t.norms[start + 2]), a < b {
            return (Array(a...b), start...(start + 2))
        }
        return days(t.norms[start]).map { ($0, start...start) }
    }

    /// "18" → [18], "18-19" → [18, 19]; nil for other numbers.
    static func days(_ norm: String) -> [Int]? {
        let parts = norm.split(separator: "-").map(String.init)
        if parts.count == 1 { return day(parts[0]).map { [$0] } }
        guard parts.count == 2, let a = day(parts[0]), let b = day(parts[1]), a < b else { return nil }
        return Array(a...b)
    }

    static func day(_ text: String) -> Int? {
        var digits = text
        for suffix in ["st", "nd", "rd", "th"] where digits.hasSuffix(suffix) { digits.removeLast(2) }
        guard digits.utf8.count <= 2, let n = Int(digits), (1...31).contains(n) else { return nil }
        return n
    }

    // MARK: Counts

    static func counts(_ t: SentenceTokens, into facts: inout [Fact], used: Set<Int>) {
        var i = 0
        while i < t.count {
            defer { i += 1 }
            guard !used.contains(i) else { continue }
            let norm = t.norms[i]
            var value: Double?
            var unit: String?
            var end = i
            if t.kinds[i] == .number {
                value = NumberWords.value(ofNumber: norm)
            } else if t.kinds[i] == .word, norm != "one" {
                if let v = NumberWords.value(of: norm) {
                    value = v
                } else if let dash = norm.firstIndex(of: "-") {
                    // "two-day", "five-year"
                    let head = String(norm[..<dash])
                    let tail = String(norm[norm.index(after: dash)...])
                    if head != "one", let v = NumberWords.value(of: head) ?? NumberWords.value(ofNumber: head), !tail.isEmpty, !tail.contains("-") {
                        value = v
                        unit = tail
                    }
                }
            }
            guard var count = value else { continue }
            let currency = i > 0 ? currencySigns[t.norms[i - 1]] : nil
            if norm.hasSuffix("%") { unit = "percent" }
            if unit == nil {
                // "five million people", "610 mln dlrs", "two dozen Israelis": a multiplier word, then the unit.
                var next = i + 1
                if next < t.count, let multiplier = multipliers[t.norms[next]] ?? NumberWords.value(of: t.norms[next]),
                   multiplier >= 100 || t.norms[next] == "dozen" {
                    count *= multiplier
                    end = next
                    next += 1
                }
                if let sign = currency {
                    unit = sign
                } else {
                    guard next < t.count, t.kinds[next] == .word, !ContentNormalizer.defaultStopwords.contains(t.norms[next]),
                          NumberWords.value(of: t.norms[next]) == nil, weekdays[t.norms[next]] == nil, months[t.norms[next]] == nil
                    else { continue }
                    unit = t.norms[next]
                    end = next
                }
            }
            guard var unitWord = unit.map(unitName) else { continue }
            // "42 dlrs a share", "15.8 mln barrels per day": a rate is its own unit.
            // ("30.5 mln dlrs a year earlier" is no rate.)
            if end + 2 < t.count, t.norms[end + 1] == "a" || t.norms[end + 1] == "per", t.kinds[end + 2] == .word,
               !ContentNormalizer.defaultStopwords.contains(t.norms[end + 2]),
               end + 3 >= t.count || !["earlier", "ago", "before", "later", "after", "earlie"].contains(t.norms[end + 3]) {
                unitWord += " a " + singular(t.norms[end + 2])
                end += 2
            }
            if namesEvent(t, number: i, end: end, unit: unitWord) {
                i = end
                continue
            }
            let (range, hedgeStart) = hedge(t, before: currency == nil ? i : i - 1, value: count)
            let first = hedgeStart ?? (currency == nil ? i : i - 1)
            facts.append(Fact(kind: .number, key: "number of \(unitWord)", values: [NumberWords.key(count)], range: range,
                              hedged: hedgeStart != nil, text: t.text(first...end), span: first...end))
            i = end
        }
    }

    /// Whether a distance or weight names an event or a class rather than an amount: "the 100
    /// metres butterfly" and "the 50 metres butterfly" are two races, not two lengths of one
    /// ("in the 100m freestyle", "a 10-kilometre walk", "the women's 60kg division"). It does
    /// when an article or a possessive stands right before the number and a word follows the unit.
    static func namesEvent(_ t: SentenceTokens, number i: Int, end: Int, unit: String) -> Bool {
        guard eventUnits.contains(unit), i > 0, end + 1 < t.count, t.kinds[end + 1] == .word else { return false }
        let before = t.norms[i - 1]
        let determiner = ["the", "a", "an", "'s", "’s"].contains(before) || before.hasSuffix("'s") || before.hasSuffix("’s")
        return determiner && !ContentNormalizer.defaultStopwords.contains(t.norms[end + 1])
    }

    /// Units of distance and weight that name races and classes in sport.
    static let eventUnits: Set<String> = [
        "metre", "meter", "m", "km", "kilometre", "kilometer", "mile", "yard", "lap", "kg", "kilogram", "lb",
    ]

    /// A unit's name for comparing: singular, currencies and percentages under one name, and
    /// words for people ("workers", "employees", "persons") as "people".
    static func unitName(_ word: String) -> String {
        if let name = unitNames[word] { return name }
        let one = singular(word)
        return unitNames[one] ?? one
    }

    static let unitNames: [String: String] = [
        "dlr": "dollar", "dlrs": "dollar", "dollar": "dollar", "usd": "dollar", "$": "dollar",
        "stg": "pound", "pound": "pound", "£": "pound", "euro": "euro", "eur": "euro", "€": "euro",
        "yen": "yen", "¥": "yen", "pct": "percent", "percent": "percent", "per cent": "percent",
        "people": "people", "person": "people", "persons": "people", "worker": "people", "employee": "people",
        "staff": "people", "staffer": "people", "resident": "people", "civilian": "people", "victim": "people",
        "men": "people", "women": "people",
    ]

    /// Currency signs before a number ("$42" is "$", "42").
    static let currencySigns: [String: String] = ["$": "dollar", "us$": "dollar", "£": "pound", "€": "euro", "¥": "yen"]

    /// Multiplier words after a number ("610 mln dlrs").
    static let multipliers: [String: Double] = ["mln": 1_000_000, "bln": 1_000_000_000, "billion": 1_000_000_000,
                                                "million": 1_000_000, "trillion": 1_000_000_000_000, "thousand": 1000]

    /// A unit word without its plural ending ("years" → "year", "countries" → "country").
    static func singular(_ word: String) -> String {
        var bytes = Array(word.utf8)
        guard bytes.count > 3, bytes.allSatisfy({ $0 < 0x80 }), !word.hasSuffix("species"),
              !WordStemmer.keepFinalS.contains(word) else { return word }
        WordStemmer.dropPlural(&bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The interval a hedge before token `i` allows for `value`, and where the hedge starts.
    static func hedge(_ t: SentenceTokens, before i: Int, value: Double) -> (ClosedRange<Double>, Int?) {
        let one = i >= 1 ? t.norms[i - 1] : ""
        let two = i >= 2 ? t.norms[i - 2] + " " + one : ""
        if let kind = hedges[two] { return (interval(kind, value), i - 2) }
        if let kind = hedges[one] { return (interval(kind, value), i - 1) }
        return (value...value, nil)
    }

    enum Hedge { case below, above, around }

    static func interval(_ kind: Hedge, _ v: Double) -> ClosedRange<Double> {
        switch kind {
        case .below: return (v * 0.75)...v
        case .above: return v...(v * 1.5)
        case .around: return (v * 0.75)...(v * 1.25)
        }
    }

    static let hedges: [String: Hedge] = [
        "nearly": .below, "almost": .below, "under": .below, "less than": .below, "fewer than": .below,
        "up to": .below, "at most": .below, "just under": .below, "close to": .below,
        "over": .above, "more than": .above, "at least": .above, "just over": .above, "upwards of": .above,
        "as many as": .above, "as much as": .above,
        "about": .around, "around": .around, "roughly": .around, "approximately": .around, "some": .around,
        "an estimated": .around, "circa": .around,
    ]

    // MARK: Roles

    static func roles(_ t: SentenceTokens, into facts: inout [Fact]) {
        for i in t.indices where t.kinds[i] == .word && titles.contains(t.norms[i]) && t.isCapitalised(i) {
            var title = [t.norms[i]]
            var next = i + 1
            // "Secretary of State"
            if next + 1 < t.count, t.norms[next] == "of", t.isCapitalised(next + 1) {
                title.append("of")
                title.append(t.norms[next + 1])
                next += 2
            } else if i > 0, t.kinds[i - 1] == .word, t.isCapitalised(i - 1), i - 1 != t.firstWord || t.count > 2,
                      !countryWords.contains(t.norms[i - 1]), !titles.contains(t.norms[i - 1]) {
                title.insert(t.norms[i - 1], at: 0)
            }
            guard title.count >= 2 else { continue }
            var name: [String] = []
            var last = next - 1
            while next < t.count, name.count < 3, t.kinds[next] == .word, t.isCapitalised(next),
                  !titles.contains(t.norms[next]), weekdays[t.norms[next]] == nil, months[t.norms[next]] == nil {
                name.append(t.norms[next])
                last = next
                next += 1
            }
            guard !name.isEmpty else { continue }
            let start = title.count == 2 && title[1] != "of" ? i - 1 : i
            facts.append(Fact(kind: .name, key: "role: " + title.joined(separator: " "), values: Set(name),
                              text: t.text(start...last), span: start...last))
        }
    }

    static let titles: Set<String> = [
        "president", "minister", "secretary", "spokesman", "spokeswoman", "spokesperson", "ambassador",
        "chancellor", "premier", "governor", "senator", "mayor", "director", "chairman", "chairwoman",
        "envoy", "adviser", "advisor", "commissioner", "general", "chief", "ceo", "king", "queen",
    ]

    static let countryWords: Set<String> = [
        "us", "u.s.", "american", "united", "states", "chinese", "china", "british", "uk", "french", "german",
        "russian", "japanese", "indian", "un", "eu", "european", "former", "then", "vice", "deputy",
    ]

    static let weekdays: [String: String] = [
        "monday": "monday", "tuesday": "tuesday", "wednesday": "wednesday", "thursday": "thursday",
        "friday": "friday", "saturday": "saturday", "sunday": "sunday",
    ]

    static let months: [String: String] = [
        "january": "january", "february": "february", "march": "march", "april": "april", "may": "may",
        "june": "june", "july": "july", "august": "august", "september": "september", "october": "october",
        "november": "november", "december": "december", "jan.": "january", "feb.": "february",
        "mar.": "march", "apr.": "april", "jun.": "june", "jul.": "july", "aug.": "august",
        "sep.": "september", "sept.": "september", "oct.": "october", "nov.": "november", "dec.": "december",
    ]
}

/// A sentence's tokens with their surface text, normal form and kind.
struct SentenceTokens {
    let source: [UInt8]
    let spans: [TokenSpan]
    let surfaces: [String]
    let norms: [String]
    let kinds: [TokenKind]
    /// Index of the first word token, or -1.
    let firstWord: Int

    init(_ text: String) {
        source = Array(text.utf8)
        spans = Tokenizer.tokens(in: text)
        let bytes = source
        surfaces = spans.map { String(decoding: bytes[$0.range], as: UTF8.self) }
        norms = surfaces.map { Tokenizer.norm($0) }
        kinds = spans.map(\.kind)
        firstWord = spans.firstIndex { $0.kind == .word } ?? -1
    }

    var count: Int { spans.count }
    var indices: Range<Int> { spans.indices }

    /// Whether token i starts with an uppercase letter.
    func isCapitalised(_ i: Int) -> Bool {
        guard i >= 0, i < count else { return false }
        // An ASCII first byte decides alone (a letter A–Z, even with combining marks after it, is
        // uppercase; nothing else is): `Character.isUppercase` is slow and this runs on every word.
        let start = spans[i].start
        if start < source.count, source[start] < 0x80 { return source[start] &- UInt8(ascii: "A") < 26 }
        guard let first = surfaces[i].first else { return false }
        return first.isUppercase
    }

    /// Whether token i is a dash or "to" between numbers.
    func isDash(_ i: Int) -> Bool {
        guard i >= 0, i < count else { return false }
        return ["-", "–", "—", "to", "and"].contains(norms[i])
    }

    /// The text from token range's first to last token, as written.
    func text(_ range: ClosedRange<Int>) -> String {
        let lower = max(0, range.lowerBound)
        let upper = min(count - 1, range.upperBound)
        guard lower <= upper else { return "" }
        return String(decoding: source[spans[lower].start..<spans[upper].end], as: UTF8.self)
    }
}
