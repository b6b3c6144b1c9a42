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
    /// With `givenTitle` (the input's title field), no line is taken for the headline: the text
    /// is all body, except an opening line that repeats the given title, which is removed.
    public static func clean(_ raw: String, outlets: OutletTable, givenTitle: String? = nil) -> CleanedText {
        var raw = raw
        return raw.withUTF8 { clean(bytes: $0, outlets: outlets, givenTitle: givenTitle) }
    }

    /// The whole stage on the raw bytes.
    static func clean(bytes raw: UnsafeBufferPointer<UInt8>, outlets: OutletTable, givenTitle: String? = nil) -> CleanedText {
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
        var titleFrom = MetadataOrigin.text
        var first = firstContentLine(lines, from: 0)
        while let k = first, let verdict = verdicts[k] {
            if let target = verdict.breadcrumbTarget { breadcrumbTarget = target }
            searchFrom = k + 1
            first = firstContentLine(lines, from: k + 1)
        }
        let next = first.flatMap { firstContentLine(lines, from: $0 + 1) }.map { doc.content($0) }
        if let givenTitle {
            // The input names the title: the text opens with it only when it repeats it.
            let given = Array(givenTitle.utf8)
            titleBytes = given[...]
            if let k = first, Bytes.string(doc.content(k)).lowercased() == givenTitle.lowercased() {
                titleIndex = k
                searchFrom = k + 1
            }
        } else if let k = first, isHeadline(doc.content(k), next: next, outlets: outlets) {
            titleIndex = k
            titleBytes = doc.content(k)
            title = Bytes.string(doc.content(k))
            searchFrom = k + 1
        } else if let target = breadcrumbTarget, Bytes.wordCount(Array(target.utf8)[...]) >= 2 {
            title = target
            titleBytes = Array(target.utf8)[...]
            titleFrom = MetadataOrigin.breadcrumb
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

        // 6. Layout: hard-wrapped text is reflowed, so each paragraph becomes one segment (see Cleaner+Layout).
        let gaps = (0..<count).map { lines[$0].isBlank || verdicts[$0]?.reason == .emptyFiller }
        var body = (searchFrom..<max(searchFrom, count)).filter { i in
            verdicts[i] == nil && !lines[i].isBlank && i != titleIndex
        }
        var style = layoutStyle(doc, body: body, gaps: gaps)
        if extendOverWraps(doc, &verdicts, style: style) {
            if !style.features.isEmpty {
                style.features = zip(body, style.features).filter { verdicts[$0.0] == nil }.map(\.1)
            }
            body.removeAll { verdicts[$0] != nil }
        }
        let segments = Cleaner.segments(
            doc, body: body, joins: joins(doc, body: body, gaps: gaps, style: style), reflow: style.reflow)

        // 7. Credits: bylines at the top, sign-offs and credit lines at the foot (see Cleaner+Credits).
        let marks = findCredits(doc, segments, outlets: outlets)
        let kept = segments.indices.filter { !marks.credits.contains($0) && !marks.separators.contains($0) }

        // 8. Dateline: at the start of the first body segment, or of the second paragraph when what comes
        //    before is short (a prompt or a standfirst) and the dateline carries an agency or a date.
        var datelineSegment: Int?
        var dateline: DatelineMatch?
        var paragraphsSeen = 0
        for k in kept {
            let segment = segments[k]
            if segment.start == .paragraph || paragraphsSeen == 0 { paragraphsSeen += 1 }
            if paragraphsSeen > 2 { break }
            let c = segment.content(doc, lines: 2)  // a dateline opens the first line
            let isHeading = segment.lastLine + 1 < count && !lines[segment.lastLine + 1].isBlank
                && Bytes.isRule(doc.content(segment.lastLine + 1))
            if isHeading { continue }
            if let match = parseDateline(c, outlets: outlets) {
                let later = k != kept.first
                // "Madame Bovary: Provincial Manners, …" under the title "Madame Bovary" is the subject, not a place.
                let placeIsTitle = !match.strong && titleBytes.map { title in
                    Bytes.startsWithLetters(title, of: c[..<match.bodyStart])
                } ?? false
                let strongEnough = !later || (match.strong && (match.dateline.date != nil || match.agency != nil))
                if !placeIsTitle && strongEnough {
                    datelineSegment = k
                    dateline = match
                    break
                }
            }
            if paragraphsSeen > 1 || segment.length(doc) >= 300 { break }
        }

        // 9. Source: a credit line first, then a share prompt naming the outlet, then a dateline's agency.
        var source: String?
        var sourceRank = Int.max
        for verdict in verdicts {
            if let verdict, let name = verdict.source, verdict.sourceRank < sourceRank {
                source = name
                sourceRank = verdict.sourceRank
            }
        }
        var sourceFrom: String? = source == nil ? nil : (sourceRank == 0 ? MetadataOrigin.credit : MetadataOrigin.share)
        if source == nil, let agency = dateline?.agency {
            source = agency
            sourceFrom = MetadataOrigin.dateline
        }

        // 10. Date: the dateline's, else a date-only line near the top, else a date closing the title (a masthead's
        //     "ENERGY BRIEFING -- Tuesday, June 11, 2024").
        var date = dateline?.dateline.date.flatMap { $0.hasPrefix("--") ? nil : $0 }
        var dateFrom: String? = date == nil ? nil : DateSource.dateline
        if date == nil {
            for k in kept.prefix(4) where k != datelineSegment && segments[k].length(doc) <= 60 {
                if let iso = dateOnlyLine(segments[k].content(doc)) {
                    date = iso
                    dateFrom = DateSource.text
                    break
                }
            }
        }
        if date == nil, let titleBytes, let iso = trailingDate(titleBytes) {
            date = iso
            dateFrom = DateSource.text
        }

        // 11. The body, and the record of what was removed.
        var text: [UInt8] = []
        text.reserveCapacity(doc.text.count)
        var owedParagraph = false
        var credits: [(line: Int, text: String)] = []
        for k in segments.indices {
            let segment = segments[k]
            if marks.credits.contains(k) || marks.separators.contains(k) {
                if marks.credits.contains(k) { credits.append((segment.firstLine, Bytes.string(segment.content(doc)))) }
                if segment.start == .paragraph { owedParagraph = true }
                continue
            }
            var piece: ArraySlice<UInt8>?  // the dateline's segment, cut after the dateline
            if k == datelineSegment, let match = dateline {
                let c = segment.content(doc)
                piece = c[Bytes.skipSpaces(c, from: match.bodyStart)...]
                if piece?.isEmpty == true {
                    if segment.start == .paragraph { owedParagraph = true }
                    continue
                }
            }
            if !text.isEmpty {
                text.append(Bytes.newline)
                if owedParagraph || segment.start == .paragraph { text.append(Bytes.newline) }
            }
            if let piece { text.append(contentsOf: piece) } else { segment.emit(doc, into: &text) }
            owedParagraph = false
        }
        var boilerplate: [BoilerplateLine] = []
        for i in 0..<count {
            if let verdict = verdicts[i] {
                boilerplate.append(boilerplateLine(raw, lines, i, reason: verdict.reason))
                if verdict.reason == .creditLine { credits.append((i, Bytes.string(doc.content(i)))) }
            }
        }
        for k in marks.separators {
            for i in segments[k].firstLine...segments[k].lastLine {
                boilerplate.append(boilerplateLine(raw, lines, i, reason: .creditLine))
            }
        }
        boilerplate.sort { $0.lineNumber < $1.lineNumber }
        credits.sort { $0.line < $1.line }

        return CleanedText(
            title: title, text: String(decoding: text, as: UTF8.self), boilerplate: boilerplate,
            dateline: dateline?.dateline, source: source, date: date, dateFrom: dateFrom,
            credits: credits.map(\.text), titleFrom: title == nil ? nil : titleFrom, sourceFrom: sourceFrom)
    }

    /// The record of removed line `i`, exactly as written in the raw text.
    private static func boilerplateLine(_ raw: UnsafeBufferPointer<UInt8>, _ lines: [Line], _ i: Int, reason: Reason)
        -> BoilerplateLine
    {
        let rawLine = UnsafeBufferPointer(rebasing: raw[lines[i].rawStart..<lines[i].rawEnd])
        return BoilerplateLine(line: String(decoding: rawLine, as: UTF8.self), reason: reason.text, lineNumber: i + 1)
    }

    /// A removed line's wrapped continuation goes with it ("To unsubscribe from this briefing,
    /// reply with UNSUBSCRIBE in the" / "subject line."): the next lines, while they start in lower case and the break
    /// before them is a wrap. Returns true when a line was added.
    private static func extendOverWraps(_ doc: Lines, _ verdicts: inout [Verdict?], style: LayoutStyle) -> Bool {
        var changed = false
        var i = 0
        while i < verdicts.count {
            guard let reason = verdicts[i]?.reason, reason != .emptyFiller, !doc.lines[i].isBlank else {
                i += 1
                continue
            }
            var j = i + 1
            while j < verdicts.count, verdicts[j] == nil, !doc.lines[j].isBlank, startsLower(doc.content(j)),
                style.reflow ? isSoftBreak(doc, j - 1, j, width: style.width) : isPlainWrap(doc, j - 1, j)
            {
                verdicts[j] = Verdict(reason: reason)
                changed = true
                j += 1
            }
            i = j
        }
        return changed
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
