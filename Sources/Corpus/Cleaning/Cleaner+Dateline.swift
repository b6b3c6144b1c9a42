import Foundation

/// Datelines: the place (and perhaps date or agency) that opens a story's first paragraph.
///
/// Forms read: "(Beijing) …", "(Beijing, June 18) …", "(Reuters) - …", "18-6-2023 (BEIJING) …",
/// "June 18, 2023 (Beijing) …", "Washington: …", "NEW DELHI: …", "WASHINGTON — …", "BEIJING (Reuters) - …",
/// "Beijing, June 18 (AFP) – …". A capitalised word before a colon is only taken for a place when it is not a
/// common label ("Note:", "Update:", "Question:"); without a gazetteer a name such as "Blinken: …" can still pass.
extension Cleaner {
    /// A dateline found at the start of a line.
    struct DatelineMatch {
        var dateline: Dateline
        /// Index in the line where the body text resumes.
        var bodyStart: Int
        /// True for forms that cannot be a headline ("(Beijing) …", "18-6-2023 (BEIJING) …", capitals, dates,
        /// agencies); false for "Place: …", which a headline ("China: the long game") can also look like.
        var strong: Bool
        /// An agency named in the dateline ("(Reuters)"), as a display name.
        var agency: String?
    }

    /// Reads a dateline at the start of `c` (a line's content) followed by body text, or nil.
    static func parseDateline(_ c: ArraySlice<UInt8>, outlets: OutletTable) -> DatelineMatch? {
        guard let first = c.first else { return nil }
        if first == 0x28 { return parenthesisedDateline(c, outlets: outlets) }
        if let date = parseDate(c, at: c.startIndex), let match = datedDateline(c, date: date) { return match }
        return placeDateline(c, outlets: outlets)
    }

    /// "(Beijing) …", "(Beijing, June 18) …", "(AFP) — …".
    private static func parenthesisedDateline(_ c: ArraySlice<UInt8>, outlets: OutletTable) -> DatelineMatch? {
        let limit = min(c.endIndex, c.startIndex + 64)
        guard let close = c[c.startIndex..<limit].firstIndex(of: 0x29) else { return nil }
        let inner = c[(c.startIndex + 1)..<close]
        var place = inner
        var date: String?
        if let comma = inner.firstIndex(of: 0x2C) {
            place = inner[inner.startIndex..<comma]
            let k = Bytes.skipSpaces(inner, from: comma + 1)
            if let match = parseDate(inner, at: k), match.end == inner.endIndex { date = match.iso }
        }
        var agency: String?
        if date == nil, inner.count <= 30, let name = outlets.displayName(for: Bytes.string(inner)) {
            agency = name
        } else if !isPlace(place) {
            return nil
        }
        guard let (textEnd, bodyStart) = afterDatelineMark(c, from: close + 1, dashOptional: true) else { return nil }
        let text = Bytes.string(c[c.startIndex..<textEnd])
        return DatelineMatch(
            dateline: Dateline(text: text, place: agency == nil ? titleCased(place) : nil, date: date),
            bodyStart: bodyStart, strong: true, agency: agency)
    }

    /// "18-6-2023 (BEIJING) …", "June 18, 2023 (Beijing) …".
    private static func datedDateline(_ c: ArraySlice<UInt8>, date: DateMatch) -> DatelineMatch? {
        let open = Bytes.skipSpaces(c, from: date.end)
        guard open < c.endIndex, c[open] == 0x28 else { return nil }
        let limit = min(c.endIndex, open + 64)
        guard let close = c[open..<limit].firstIndex(of: 0x29) else { return nil }
        let place = c[(open + 1)..<close]
        guard isPlace(place),
            let (textEnd, bodyStart) = afterDatelineMark(c, from: close + 1, dashOptional: true)
        else { return nil }
        return DatelineMatch(
            dateline: Dateline(text: Bytes.string(c[c.startIndex..<textEnd]), place: titleCased(place), date: date.iso),
            bodyStart: bodyStart, strong: true, agency: nil)
    }

    /// "Washington: …", "NEW DELHI: …", "WASHINGTON — …", "BEIJING (Reuters) - …", "Beijing, June 18 (AFP) – …".
    private static func placeDateline(_ c: ArraySlice<UInt8>, outlets: OutletTable) -> DatelineMatch? {
        guard let first = c.first, Bytes.isUpper(first) || first >= 0xC3 else { return nil }
        // The place runs up to the first ":", ",", "(" or dash, within a short reach.
        let limit = min(c.endIndex, c.startIndex + 80)
        var k = c.startIndex
        while k < limit {
            let b = c[k]
            if b == 0x3A || b == 0x2C || b == 0x28 { break }
            if Bytes.isSpace(b), dashWidth(c, at: Bytes.skipSpaces(c, from: k)) != nil { break }
            k += 1
        }
        guard k < limit else { return nil }
        var placeEnd = k
        while placeEnd > c.startIndex, Bytes.isSpace(c[placeEnd - 1]) { placeEnd -= 1 }
        let place = c[c.startIndex..<placeEnd]
        guard isPlace(place) else { return nil }
        var date: String?
        var hasDate = false
        var agency: String?
        var hasAgency = false
        var region: ArraySlice<UInt8>?
        if c[k] == 0x2C {  // ", June 18" or ", D.C."
            let start = Bytes.skipSpaces(c, from: k + 1)
            if let match = parseDate(c, at: start) {
                date = match.iso
                hasDate = true
                k = match.end
            } else {
                var end = start
                while end < limit, c[end] != 0x3A, c[end] != 0x28, c[end] != 0x2C,
                    dashWidth(c, at: end) == nil || !Bytes.isSpace(c[end - 1])
                {
                    end += 1
                }
                var trimmed = end
                while trimmed > start, Bytes.isSpace(c[trimmed - 1]) { trimmed -= 1 }
                guard trimmed > start, isPlace(c[start..<trimmed]) else { return nil }
                region = c[start..<trimmed]
                k = end
            }
            k = Bytes.skipSpaces(c, from: k)
        }
        if k < c.endIndex, c[k] == 0x28 {  // "(Reuters)"
            let reach = min(c.endIndex, k + 40)
            guard let close = c[k..<reach].firstIndex(of: 0x29) else { return nil }
            let inner = Bytes.string(c[(k + 1)..<close])
            guard let name = outlets.displayName(for: inner) else { return nil }
            agency = name
            hasAgency = true
            k = Bytes.skipSpaces(c, from: close + 1)
        }
        k = Bytes.skipSpaces(c, from: k)
        guard k < c.endIndex else { return nil }
        let capitals = isAllCapitals(place)
        let colon = c[k] == 0x3A
        if colon {
            guard Bytes.wordCount(place) <= 3 || capitals else { return nil }
        } else {
            guard dashWidth(c, at: k) != nil, capitals || hasDate || hasAgency else { return nil }
        }
        guard let (textEnd, bodyStart) = afterDatelineMark(c, from: k, dashOptional: false) else { return nil }
        var placeName = titleCased(place)
        if let region { placeName += ", " + titleCased(region) }
        return DatelineMatch(
            dateline: Dateline(text: Bytes.string(c[c.startIndex..<textEnd]), place: placeName, date: date),
            bodyStart: bodyStart, strong: capitals || hasDate || hasAgency, agency: agency)
    }

    /// After a dateline's last part, at `k`: an optional (or required) ":" or dash, then body text that starts with
    /// a capital, digit, quote or non-ASCII letter. Returns (end of the dateline text, start of the body).
    private static func afterDatelineMark(_ c: ArraySlice<UInt8>, from k: Int, dashOptional: Bool)
        -> (Int, Int)?
    {
        var textEnd = k
        var j = Bytes.skipSpaces(c, from: k)
        if j < c.endIndex, c[j] == 0x3A {
            j += 1
            textEnd = j
        } else if let width = dashWidth(c, at: j) {
            j += width
            textEnd = j
        } else if !dashOptional || j == k {
            return nil
        }
        let body = Bytes.skipSpaces(c, from: j)
        guard body > textEnd || textEnd == k, body < c.endIndex else { return nil }
        let b = c[body]
        guard Bytes.isUpper(b) || Bytes.isDigit(b) || b == 0x22 || b == 0x27 || b >= 0xC3 || b == 0xE2 else {
            return nil
        }
        return (textEnd, body)
    }

    /// Width of a dash at `i`: "—", "–", "-", "--".
    private static func dashWidth(_ c: ArraySlice<UInt8>, at i: Int) -> Int? {
        guard i < c.endIndex else { return nil }
        if c[i] == 0x2D {
            if i + 1 < c.endIndex, c[i + 1] == 0x2D { return 2 }
            return i + 1 < c.endIndex && Bytes.isSpace(c[i + 1]) ? 1 : nil
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
    /// `. ' -`; no word a common label.
    static func isPlace(_ s: ArraySlice<UInt8>) -> Bool {
        let words = Bytes.words(s)
        guard (1...4).contains(words.count), s.count <= 40 else { return false }
        for word in words {
            guard let first = word.first, Bytes.isUpper(first) || first >= 0xC3 else { return false }
            for b in word where !(Bytes.isLetter(b) || b >= 0x80 || b == 0x2E || b == 0x27 || b == 0x2D) {
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
                startOfPart = b == 0x2D || b == 0x27
            }
        }
        return Bytes.string(out[...])
    }
}
