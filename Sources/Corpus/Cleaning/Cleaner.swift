/// The cleaning stage: takes a document's raw text (UTF-8, LF line ends) and returns its clean body, the lines
/// removed as boilerplate with their reasons, and the metadata found on the way (title, dateline, source, date).
///
/// The rules are general line features (first words, length, punctuation, neighbouring blank lines), not the
/// lines of particular sites, and they err on the side of keeping text: a line that reads as a sentence stays.
/// It works on UTF-8 bytes, line by line, with cheap checks (length, first letter) before any pattern, because it
/// runs on every document at load.
public enum Cleaner {
    /// How many non-blank lines after the title may repeat it.
    static let repeatedTitleReach = 3

    /// Cleans `raw` with the standard outlet table.
    public static func clean(_ raw: String) -> CleanedText {
        clean(raw, outlets: .standard)
    }

    /// Cleans `raw`, resolving credited outlets through `outlets` (a plugin can pass an extended table).
    public static func clean(_ raw: String, outlets: OutletTable) -> CleanedText {
        var raw = raw
        return raw.withUTF8 { clean(bytes: $0, outlets: outlets) }
    }

    /// The whole stage on the raw bytes.
    static func clean(bytes raw: UnsafeBufferPointer<UInt8>, outlets: OutletTable) -> CleanedText {
        let doc = splitLines(raw)
        let lines = doc.lines
        let count = lines.count

        // 1. Each line on its own.
        var candidates = [Verdict?](repeating: nil, count: count)
        for i in 0..<count {
            if lines[i].isBlank {
                if lines[i].hadFiller { candidates[i] = Verdict(reason: .emptyFiller) }
            } else if lines[i].contentStart - lines[i].start < 2 && doc.text[lines[i].start] != Bytes.tab {
                // Indented lines are code or quoted blocks, never page furniture.
                candidates[i] = classify(doc.content(i), outlets: outlets)
            }
        }

        // 2. Context: a heading (a line over an RST underline) is never boilerplate, and stock phrases only
        //    count when they stand alone between blank lines or other boilerplate.
        var verdicts = candidates
        for i in 0..<count {
            guard let verdict = candidates[i], verdict.reason != .emptyFiller else { continue }
            if i + 1 < count, !lines[i + 1].isBlank, Bytes.isRule(doc.content(i + 1)) {
                verdicts[i] = nil
                continue
            }
            if verdict.standalone {
                // Between blank lines or other boilerplate; or, where paragraphs are separated by single newlines,
                // after a line that ends a sentence and before one that starts one (never inside wrapped prose).
                let before = i == 0 || lines[i - 1].isBlank || candidates[i - 1] != nil
                    || endsSentence(doc.content(i - 1))
                let after = i + 1 == count || lines[i + 1].isBlank || candidates[i + 1] != nil
                    || startsSentence(doc.content(i + 1))
                if !(before && after) { verdicts[i] = nil }
            }
        }

        // 3. Title: the first line that is not boilerplate, when it reads as a headline; else a breadcrumb's page.
        var titleIndex: Int?
        var title: String?
        var titleBytes: ArraySlice<UInt8>?
        var searchFrom = 0
        var breadcrumbTarget: String?
        var first = firstContentLine(lines, from: 0)
        while let k = first, let verdict = verdicts[k] {
            if let target = verdict.breadcrumbTarget { breadcrumbTarget = target }
            searchFrom = k + 1
            first = firstContentLine(lines, from: k + 1)
        }
        let next = first.flatMap { firstContentLine(lines, from: $0 + 1) }.map { doc.content($0) }
        if let k = first, isHeadline(doc.content(k), next: next, outlets: outlets) {
            titleIndex = k
            titleBytes = doc.content(k)
            title = Bytes.string(doc.content(k))
            searchFrom = k + 1
        } else if let target = breadcrumbTarget, Bytes.wordCount(Array(target.utf8)[...]) >= 2 {
            title = target
            titleBytes = Array(target.utf8)[...]
        }

        // 4. A copy of the title in the page header: among the next few lines (further down, a line equal to the
        //    title is more likely a section name, as in documentation).
        if let titleBytes {
            var seen = 0
            var i = searchFrom
            while i < count, seen < repeatedTitleReach {
                if !lines[i].isBlank {
                    seen += 1
                    if verdicts[i] == nil, isRepeatedTitle(doc, i, title: titleBytes) {
                        verdicts[i] = Verdict(reason: .repeatedTitle)
                    }
                }
                i += 1
            }
        }

        // 5. Captions: short lines of names or verbless phrases directly next to an image credit.
        for i in 0..<count where verdicts[i]?.reason == .imageCredit {
            for j in [i - 1, i + 1] where j >= 0 && j < count && j != titleIndex {
                if verdicts[j] == nil, !lines[j].isBlank, isCaption(doc.content(j)) {
                    verdicts[j] = Verdict(reason: .caption)
                }
            }
        }

        // 6. Dateline: at the start of the first body line.
        var datelineIndex: Int?
        var dateline: DatelineMatch?
        var bodyLines: [Int] = []  // the first few body lines, for a date-only line
        for i in searchFrom..<max(searchFrom, count) where verdicts[i] == nil && !lines[i].isBlank && i != titleIndex {
            let isHeading = i + 1 < count && !lines[i + 1].isBlank && Bytes.isRule(doc.content(i + 1))
            if bodyLines.isEmpty, !isHeading, let match = parseDateline(doc.content(i), outlets: outlets) {
                // "Madame Bovary: Provincial Manners, …" under the title "Madame Bovary" is the subject, not a place.
                let placeIsTitle = !match.strong && titleBytes.map { title in
                    Bytes.startsWithLetters(title, of: doc.content(i)[..<match.bodyStart])
                } ?? false
                if !placeIsTitle {
                    datelineIndex = i
                    dateline = match
                }
            }
            bodyLines.append(i)
            if bodyLines.count >= 4 { break }
        }

        // 7. Source: a credit line first, then a share prompt naming the outlet, then a dateline's agency.
        var source: String?
        var sourceRank = Int.max
        for verdict in verdicts {
            if let verdict, let name = verdict.source, verdict.sourceRank < sourceRank {
                source = name
                sourceRank = verdict.sourceRank
            }
        }
        if source == nil { source = dateline?.agency }

        // 8. Date: the dateline's, else a date-only line near the top.
        var date = dateline?.dateline.date
        if date == nil {
            for i in bodyLines where i != datelineIndex {
                if let iso = dateOnlyLine(doc.content(i)) {
                    date = iso
                    break
                }
            }
        }

        // 9. The body, and the record of what was removed.
        var body: [UInt8] = []
        body.reserveCapacity(doc.text.count)
        var gap = false
        var boilerplate: [BoilerplateLine] = []
        for i in 0..<count {
            if let verdict = verdicts[i] {
                let rawLine = UnsafeBufferPointer(rebasing: raw[lines[i].rawStart..<lines[i].rawEnd])
                boilerplate.append(
                    BoilerplateLine(
                        line: String(decoding: rawLine, as: UTF8.self), reason: verdict.reason.text, lineNumber: i + 1))
                if verdict.reason == .emptyFiller { gap = true }  // filler shows as a blank line
                continue
            }
            if lines[i].isBlank {
                gap = true
                continue
            }
            if i == titleIndex { continue }
            var text = doc.full(i)
            if i == datelineIndex, let match = dateline { text = doc.content(i)[match.bodyStart...] }
            if text.isEmpty { continue }
            if !body.isEmpty {
                body.append(Bytes.newline)
                if gap { body.append(Bytes.newline) }
            }
            body.append(contentsOf: text)
            gap = false
        }

        return CleanedText(
            title: title, text: String(decoding: body, as: UTF8.self), boilerplate: boilerplate,
            dateline: dateline?.dateline, source: source, date: date)
    }

    /// True when a line ends a sentence: `.`, `!` or `?`, perhaps inside closing quotes.
    private static func endsSentence(_ c: ArraySlice<UInt8>) -> Bool {
        guard let mark = Bytes.finalMark(c) else { return false }
        if mark == 0x2E || mark == 0x21 || mark == 0x3F { return true }
        // A final closing quote (" or ”) after a sentence that ran to the end of the quotation.
        return c.last == 0x22 || (c.count >= 3 && c[c.endIndex - 3] == 0xE2 && c[c.endIndex - 1] == 0x9D)
    }

    /// True when a line starts like a sentence or a heading: capital, digit, quote or non-ASCII letter.
    private static func startsSentence(_ c: ArraySlice<UInt8>) -> Bool {
        guard let first = c.first else { return false }
        return Bytes.isUpper(first) || Bytes.isDigit(first) || first == 0x22 || first == 0x27 || first >= 0xC3
            || first == 0xE2
    }

    /// Index of the first non-blank line at or after `start`.
    private static func firstContentLine(_ lines: [Line], from start: Int) -> Int? {
        var i = start
        while i < lines.count {
            if !lines[i].isBlank { return i }
            i += 1
        }
        return nil
    }
}
