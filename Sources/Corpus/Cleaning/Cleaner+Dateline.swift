import Foundation

/// Datelines: the place (and perhaps date or agency) that opens a story's first paragraph.
///
/// Forms read, with any dash (`-`, `--`, `–`, `—`) or a colon after them:
/// - place first: "WASHINGTON —", "Washington:", "NEW DELHI:", "BEIJING (Reuters) -", "NEW YORK, Feb 26 -",
///   "LONDON, March 4 (Reuters) -", "COMMACK, N.Y., Feb 26, 1987 -", "GDANSK, Poland, June 11 (Reuters) -",
///   "TULSA, Okla., March 3 -", "PARIS, 11 juin (AFP) -", "Berlin, 12. Juni (dpa) -", "SEOUL, Aug. 20 (Yonhap) --",
///   "NEW YORK, June 10, 2024 /PRNewswire/ --", "SAN FRANCISCO--(BUSINESS WIRE)--";
/// - in brackets: "(Beijing) …", "(Beijing, June 18) …", "(Reuters) - …", "(CNN) -- …";
/// - date first: "18-6-2023 (BEIJING) …", "June 18, 2023 (Beijing) …";
/// - Chinese and Japanese agency forms: "新华社北京11月17日电", "【6月18日 AFP】".
/// A dateline may close its line ("DAVENPORT, Iowa, Feb 27 -" over a table): the body resumes on the next line. A
/// capitalised word before a colon is only taken for a place when it is not a common label ("Note:", "Update:");
/// without a gazetteer a name such as "Blinken: …" can still pass. A place and a dash followed by nothing but a date
/// ("ENERGY BRIEFING -- Tuesday, June 11, 2024") is a masthead, not a dateline.
extension Cleaner {
    /// A dateline found at the start of a line.
    struct DatelineMatch {
        var dateline: Dateline
        /// Index in the line where the body text resumes (the line's end when the dateline closes it).
        var bodyStart: Int
        /// True for forms that cannot be a headline ("(Beijing) …", "18-6-2023 (BEIJING) …", capitals, dates,
        /// agencies); false for "Place: …", which a headline ("China: the long game") can also look like.
        var strong: Bool
        /// An agency named in the dateline ("(Reuters)"), as a display name.
        var agency: String? { dateline.agency }
    }

    /// How many state or country names may follow a dateline's place ("COMMACK, N.Y.", "GDANSK, Poland").
    static let datelineRegions = 2

    /// Reads a dateline at the start of `c` (a line's content) followed by body text, or nil.
    static func parseDateline(_ c: ArraySlice<UInt8>, outlets: OutletTable) -> DatelineMatch? {
        guard let first = c.first else { return nil }
        if first == 0x28 { return parenthesisedDateline(c, outlets: outlets) }
        if first >= 0xE3 { return cjkDateline(c, outlets: outlets) }
        if let date = parseDate(c, at: c.startIndex), let match = datedDateline(c, date: date) { return match }
        return placeDateline(c, outlets: outlets)
    }

    /// "(Beijing) …", "(Beijing, June 18) …", "(AFP) — …", "(CNN) -- …".
    private static func parenthesisedDateline(_ c: ArraySlice<UInt8>, outlets: OutletTable) -> DatelineMatch? {
        let limit = min(c.endIndex, c.startIndex + 64)
        guard let close = c[c.startIndex..<limit].firstIndex(of: 0x29) else { return nil }
        let inner = c[(c.startIndex + 1)..<close]
        var place = inner
        var date: String?
        if let comma = inner.firstIndex(of: 0x2C) {
            place = inner[inner.startIndex..<comma]
            let k = Bytes.skipSpaces(inner, from: comma + 1)
            if let match = parseDate(inner, at: k, yearless: true), match.end == inner.endIndex { date = match.written }
        }
        var agency: String?
        if date == nil, inner.count <= 30, let name = outlets.displayName(for: Bytes.string(inner)) {
            agency = name
        } else if !isPlace(place) {
            return nil
        }
        guard let (textEnd, bodyStart) = afterDatelineMark(c, from: close + 1, dashOptional: true, mayEnd: false)
        else { return nil }
        let text = Bytes.string(c[c.startIndex..<textEnd])
        return DatelineMatch(
            dateline: Dateline(text: text, place: agency == nil ? titleCased(place) : nil, date: date, agency: agency),
            bodyStart: bodyStart, strong: true)
    }

    /// "18-6-2023 (BEIJING) …", "June 18, 2023 (Beijing) …".
    private static func datedDateline(_ c: ArraySlice<UInt8>, date: DateMatch) -> DatelineMatch? {
        let open = Bytes.skipSpaces(c, from: date.end)
        guard open < c.endIndex, c[open] == 0x28 else { return nil }
        let limit = min(c.endIndex, open + 64)
        guard let close = c[open..<limit].firstIndex(of: 0x29) else { return nil }
        let place = c[(open + 1)..<close]
        guard isPlace(place),
            let (textEnd, bodyStart) = afterDatelineMark(c, from: close + 1, dashOptional: true, mayEnd: false)
        else { return nil }
        return DatelineMatch(
            dateline: Dateline(text: Bytes.string(c[c.startIndex..<textEnd]), place: titleCased(place), date: date.written),
            bodyStart: bodyStart, strong: true)
    }

    /// The place-first forms (see the type's comment).
    private static func placeDateline(_ c: ArraySlice<UInt8>, outlets: OutletTable) -> DatelineMatch? {
        guard let first = c.first, Bytes.isUpper(first) || first >= 0xC3 else { return nil }
        // The place runs up to the first ":", ",", "(", "/" or dash, within a short reach.
        let limit = min(c.endIndex, c.startIndex + 80)
        var k = c.startIndex
        while k < limit {
            let b = c[k]
            if b == 0x3A || b == 0x2C || b == 0x28 { break }
            if b == 0x2D, k + 1 < c.endIndex, c[k + 1] == 0x2D { break }  // "SAN FRANCISCO--(BUSINESS WIRE)--"
            if Bytes.isSpace(b), dashWidth(c, at: Bytes.skipSpaces(c, from: k)) != nil { break }
            if Bytes.isSpace(b), Bytes.skipSpaces(c, from: k) < c.endIndex, c[Bytes.skipSpaces(c, from: k)] == 0x2F { break }
            k += 1
        }
        guard k < limit else { return nil }
        var placeEnd = k
        while placeEnd > c.startIndex, Bytes.isSpace(c[placeEnd - 1]) { placeEnd -= 1 }
        let place = c[c.startIndex..<placeEnd]
        guard isPlace(place) else { return nil }
        var date: String?
        var agency: String?
        var regions: [ArraySlice<UInt8>] = []
        // ", N.Y.", ", Poland", then ", Feb 26" or ", Feb 26, 1987" or ", 11 juin".
        while k < c.endIndex, c[k] == 0x2C, date == nil {
            let start = Bytes.skipSpaces(c, from: k + 1)
            if let match = parseDate(c, at: start, yearless: true) {
                date = match.written
                k = Bytes.skipSpaces(c, from: match.end)
                break
            }
            guard regions.count < datelineRegions else { return nil }
            var end = start
            while end < limit, c[end] != 0x3A, c[end] != 0x28, c[end] != 0x2C, c[end] != 0x2F,
                dashWidth(c, at: end) == nil || (!Bytes.isSpace(c[end - 1]) && dashWidth(c, at: end) != 2)
            {
                end += 1
            }
            var trimmed = end
            while trimmed > start, Bytes.isSpace(c[trimmed - 1]) { trimmed -= 1 }
            guard trimmed > start, isPlace(c[start..<trimmed]) else { return nil }
            regions.append(c[start..<trimmed])
            k = end
        }
        k = Bytes.skipSpaces(c, from: k)
        // "(Reuters)", and a wire's tag "/PRNewswire/".
        if k + 1 < c.endIndex, c[k] == 0x2D, c[k + 1] == 0x2D, k + 2 < c.endIndex, c[k + 2] == 0x28 { k += 2 }
        if k < c.endIndex, c[k] == 0x28 {
            let reach = min(c.endIndex, k + 40)
            guard let close = c[k..<reach].firstIndex(of: 0x29) else { return nil }
            let inner = c[(k + 1)..<close]
            if let name = outlets.displayName(for: Bytes.string(inner)) {
                agency = name
            } else if (isAllCapitals(place) || date != nil), isAgencyName(inner) {
                agency = Bytes.string(inner)  // an agency the table does not know, as written: "(Reuters Breakingviews)"
            } else {
                return nil
            }
            k = Bytes.skipSpaces(c, from: close + 1)
            if k < c.endIndex, c[k] == 0x2E { k += 1 }  // EFE's "(EFE).-"
        }
        if k < c.endIndex, c[k] == 0x2F {
            let reach = min(c.endIndex, k + 40)
            guard let close = c[(k + 1)..<reach].firstIndex(of: 0x2F) else { return nil }
            let tag = c[(k + 1)..<close]
            guard let initial = tag.first, Bytes.isUpper(initial),
                tag.allSatisfy({ Bytes.isAlnum($0) || $0 == 0x2D || $0 == Bytes.space })
            else { return nil }
            agency = agency ?? outlets.displayName(for: Bytes.string(tag)) ?? Bytes.string(tag)
            k = Bytes.skipSpaces(c, from: close + 1)
        }
        k = Bytes.skipSpaces(c, from: k)
        let capitals = isAllCapitals(place)
        let hasDate = date != nil
        let hasAgency = agency != nil
        let strong = capitals || hasDate || hasAgency
        if k >= c.endIndex { return nil }
        let colon = c[k] == 0x3A
        if colon {
            guard Bytes.wordCount(place) <= 3 || capitals, regions.isEmpty || strong else { return nil }
        } else {
            guard dashWidth(c, at: k) != nil, strong else { return nil }
        }
        guard let (textEnd, bodyStart) = afterDatelineMark(c, from: k, dashOptional: false, mayEnd: hasDate || hasAgency)
        else { return nil }
        // "ENERGY BRIEFING -- Tuesday, June 11, 2024": a masthead's date, not a story.
        if bodyStart < c.endIndex, dateOnlyLine(c[bodyStart...]) != nil { return nil }
        var placeName = titleCased(place)
        for region in regions { placeName += ", " + titleCased(region) }
        return DatelineMatch(
            dateline: Dateline(text: Bytes.string(c[c.startIndex..<textEnd]), place: placeName, date: date, agency: agency),
            bodyStart: bodyStart, strong: strong)
    }

    /// "新华社北京11月17日电 …" (an agency, the place, month and day, "电" or "讯"), "【6月18日 AFP】…".
    private static func cjkDateline(_ c: ArraySlice<UInt8>, outlets: OutletTable) -> DatelineMatch? {
        let s = Bytes.string(c.prefix(96))
        let scalars = Array(s.unicodeScalars)
        func monthDay(from i: Int) -> (month: Int, day: Int, end: Int)? {
            var k = i
            func number() -> Int? {
                var value = 0
                var digits = 0
                while k < scalars.count, let d = digit(scalars[k]), digits < 2 {
                    value = value * 10 + d
                    digits += 1
                    k += 1
                }
                return digits > 0 ? value : nil
            }
            guard let month = number(), k < scalars.count, scalars[k] == "月", (1...12).contains(month) else { return nil }
            k += 1
            guard let day = number(), k < scalars.count, scalars[k] == "日", (1...31).contains(day) else { return nil }
            return (month, day, k + 1)
        }
        func written(_ month: Int, _ day: Int) -> String {
            DateMatch(iso: nil, end: 0, month: month, day: day).written
        }
        func byteOffset(_ scalarIndex: Int) -> Int {
            c.startIndex + String(String.UnicodeScalarView(scalars[..<scalarIndex])).utf8.count
        }
        if scalars.first == "【" {
            // 【6月18日 AFP】
            guard let close = scalars.firstIndex(of: "】"), let md = monthDay(from: 1), md.end < close else { return nil }
            let name = String(String.UnicodeScalarView(scalars[md.end..<close])).trimmingCharacters(in: .whitespaces)
            guard let agency = outlets.displayName(for: name) else { return nil }
            let end = byteOffset(close + 1)
            return DatelineMatch(
                dateline: Dateline(text: Bytes.string(c[c.startIndex..<end]), place: nil, date: written(md.month, md.day),
                                   agency: agency),
                bodyStart: Bytes.skipSpaces(c, from: end), strong: true)
        }
        // 新华社北京11月17日电: the agency ends in "社" (news agency); the place runs to the first digit.
        guard let she = scalars.prefix(6).firstIndex(of: "社"), she >= 2 else { return nil }
        var k = she + 1
        while k < scalars.count, k - she <= 8, digit(scalars[k]) == nil { k += 1 }
        guard k > she + 1, let md = monthDay(from: k), md.end < scalars.count,
            scalars[md.end] == "电" || scalars[md.end] == "讯"
        else { return nil }
        let agencyName = String(String.UnicodeScalarView(scalars[..<(she + 1)]))
        let place = String(String.UnicodeScalarView(scalars[(she + 1)..<k]))
        let end = byteOffset(md.end + 1)
        return DatelineMatch(
            dateline: Dateline(text: Bytes.string(c[c.startIndex..<end]), place: place, date: written(md.month, md.day),
                               agency: outlets.displayName(for: agencyName) ?? agencyName),
            bodyStart: Bytes.skipSpaces(c, from: end), strong: true)
    }

    /// The value of an ASCII or full-width digit.
    private static func digit(_ u: Unicode.Scalar) -> Int? {
        if u.value >= 0x30 && u.value <= 0x39 { return Int(u.value - 0x30) }
        if u.value >= 0xFF10 && u.value <= 0xFF19 { return Int(u.value - 0xFF10) }
        return nil
    }

    /// After a dateline's last part, at `k`: an optional (or required) ":" or dash, then body text that starts with
    /// a capital, digit, quote, bracket, "<" or non-ASCII letter — or, when `mayEnd`, the end of the line after a
    /// dash. Returns (end of the dateline text, start of the body).
    private static func afterDatelineMark(_ c: ArraySlice<UInt8>, from k: Int, dashOptional: Bool, mayEnd: Bool)
        -> (Int, Int)?
    {
        var textEnd = k
        var j = Bytes.skipSpaces(c, from: k)
        var dashed = false
        if j < c.endIndex, c[j] == 0x3A {
            j += 1
            textEnd = j
        } else if let width = dashWidth(c, at: j) {
            dashed = width == 2
            j += width
            textEnd = j
        } else if !dashOptional || j == k {
            return nil
        }
        let body = Bytes.skipSpaces(c, from: j)
        if body == c.endIndex { return mayEnd && textEnd > k ? (textEnd, body) : nil }
        // A space after the mark, except after "--" ("SAN FRANCISCO--(BUSINESS WIRE)--Acme …").
        guard body > textEnd || textEnd == k || dashed else { return nil }
        let b = c[body]
        guard Bytes.isUpper(b) || Bytes.isDigit(b) || b == 0x22 || b == 0x27 || b >= 0xC3 || b == 0xE2 || b == 0x3C
            || b == 0x28
        else {
            return nil
        }
        return (textEnd, body)
    }

    /// A name in a dateline's brackets that reads as an agency's: one to four capitalised words of letters.
    private static func isAgencyName(_ s: ArraySlice<UInt8>) -> Bool {
        let words = Bytes.words(s)
        guard (1...4).contains(words.count), s.count <= 30 else { return false }
        return words.allSatisfy { word in
            guard let first = word.first, Bytes.isUpper(first) else { return false }
            return word.allSatisfy { Bytes.isLetter($0) || $0 == 0x2D || $0 == 0x2E || $0 == 0x26 }
        }
    }

    /// Width of a dash at `i`: "—", "–", "--", "-" or the old AP "_" before a space or the end of the line.
    private static func dashWidth(_ c: ArraySlice<UInt8>, at i: Int) -> Int? {
        guard i < c.endIndex else { return nil }
        if c[i] == 0x5F, i > c.startIndex, Bytes.isSpace(c[i - 1]) {
            return i + 1 == c.endIndex || Bytes.isSpace(c[i + 1]) ? 1 : nil
        }
        if c[i] == 0x2D {
            if i + 1 < c.endIndex, c[i + 1] == 0x2D { return 2 }
            return i + 1 == c.endIndex || Bytes.isSpace(c[i + 1]) ? 1 : nil
        }
        if c[i] == 0xE2, i + 2 < c.endIndex, c[i + 1] == 0x80, c[i + 2] == 0x93 || c[i + 2] == 0x94 { return 3 }
        return nil
    }

    /// Labels that end in a colon but are not places.
    static let notPlaces: Set<String> = [
        "note", "notes", "nb", "warning", "caution", "update", "updated", "updates", "editor", "editors", "editor's",
        "question", "answer", "q", "a", "summary", "abstract", "author", "authors", "by", "source", "sources", "photo",
        "image", "credit", "courtesy", "copyright", "example", "examples", "description", "introduction", "overview",
        "status", "version", "date", "title", "subject", "from", "to", "cc", "re", "breaking", "news", "exclusive",
        "watch", "opinion", "analysis", "live", "video", "listen", "read", "also", "related", "tags", "tag", "topics",
        "topic", "category", "keywords", "posted", "published", "disclaimer", "important", "tip", "hint", "todo",
        "fixme", "usage", "syntax", "purpose", "background", "context", "conclusion", "conclusions", "result",
        "results", "objective", "objectives", "problem", "solution", "step", "firstly", "secondly", "thirdly",
        "lastly", "finally", "first", "second", "third", "meanwhile", "however", "but", "and", "or", "so", "the",
        "this", "that", "these", "those", "here", "there", "why", "what", "who", "when", "where", "how", "yes", "no",
        "comment", "comments", "reply", "share", "follow", "join", "mr", "mrs", "ms", "dr", "president", "minister",
        "secretary", "spokesperson", "spokesman", "he", "she", "they", "we", "i", "you", "it", "his", "her", "our",
        "their", "its", "quote", "key", "takeaway", "takeaways", "part", "chapter", "section", "figure", "table",
        "fig", "day", "week", "month", "year", "today", "yesterday", "tomorrow", "monday", "tuesday", "wednesday",
        "thursday", "friday", "saturday", "sunday", "highlights", "update", "alert", "report", "interview", "review",
        "explainer", "factbox", "timeline", "correction", "clarification", "advertisement", "sponsored", "feature",
        "features", "fact", "facts", "bottom", "line", "story", "headline", "headlines", "in", "on", "at", "of",
        "for", "with", "about", "a", "an", "all", "name", "email", "website", "phone", "address", "location",
        "references", "reference", "links", "link", "contact", "contents", "index", "license", "maintainer", "type",
        "default", "values", "value", "output", "input", "return", "returns", "parameters", "arguments", "options",
    ]

    /// A place name: 1–4 words, each starting with a capital (ASCII or non-ASCII letter) and made of letters and
    /// `. ' - /` ("LONDON/NEW YORK"); no word a common label.
    static func isPlace(_ s: ArraySlice<UInt8>) -> Bool {
        let words = Bytes.words(s)
        guard (1...4).contains(words.count), s.count <= 40 else { return false }
        for word in words {
            guard let first = word.first, Bytes.isUpper(first) || first >= 0xC3 else { return false }
            for b in word where !(Bytes.isLetter(b) || b >= 0x80 || b == 0x2E || b == 0x27 || b == 0x2D || b == 0x2F) {
                return false
            }
            var key = word.map(Bytes.lower)[...]
            while key.last == 0x2E { key = key.dropLast() }
            if notPlaces.contains(Bytes.string(key)) { return false }
        }
        return true
    }

    /// True when every ASCII letter is a capital and there are at least two ("NEW DELHI", "BEIJING").
    static func isAllCapitals(_ s: ArraySlice<UInt8>) -> Bool {
        var letters = 0
        for b in s {
            if Bytes.isLowerASCII(b) { return false }
            if Bytes.isUpper(b) { letters += 1 }
        }
        return letters >= 2
    }

    /// "BEIJING" -> "Beijing", "NEW DELHI" -> "New Delhi", "WINSTON-SALEM" -> "Winston-Salem"; words already in
    /// mixed case, short capitals ("UK") and abbreviations with full stops ("D.C.") stay as written.
    static func titleCased(_ s: ArraySlice<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(s.count)
        for (n, word) in Bytes.words(s).enumerated() {
            if n > 0 { out.append(Bytes.space) }
            let letters = word.filter(Bytes.isLetter).count
            guard isAllCapitals(word), letters >= 3, !word.contains(0x2E) else {
                out.append(contentsOf: word)
                continue
            }
            var startOfPart = true
            for b in word {
                out.append(startOfPart ? b : Bytes.lower(b))
                startOfPart = b == 0x2D || b == 0x27 || b == 0x2F
            }
        }
        return Bytes.string(out[...])
    }
}
