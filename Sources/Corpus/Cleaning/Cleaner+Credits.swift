/// Credits: who wrote, reported, edited and released a story, as the wire formats write it. They are taken out of
/// the body into `CleanedText.credits`, so they never read as a paragraph, a sentence or a quotation.
///
/// At the top, right after the headline: bylines ("By JANE DOE", "By Jane Doe, Reuters") and the line under one
/// ("Associated Press Writer", "AP Business Writer"). At the end, read backwards from the last line: sign-offs
/// (" Reuter", a lone agency name), reporting and editing lines ("(Reporting by …; Editing by …)",
/// "-- Reporting by …", "Additional reporting by …"), contributor lines ("Associated Press writer X contributed.",
/// "CNN's X contributed to this report."), AFP's desk initials ("abc-mjp/phv"), a dashed byline ("-- By Jane Doe"),
/// editor lines of Chinese outlets ("（编辑：…）"), and a press release's contact block and "SOURCE Company" line.
/// Everything after an AP-style rule ("___") or an end mark ("###", "-30-") at the foot is credits too.
/// Each rule is a pattern of the format, not of a particular story; a sentence never matches one.
extension Cleaner {
    /// Segments found to be credits, and separators removed with them.
    struct CreditMarks {
        /// Indices of segments that are credits.
        var credits: Set<Int> = []
        /// Indices of separator segments ("___", "###") removed without being credits.
        var separators: Set<Int> = []
    }

    /// Longest credit line, in bytes.
    static let longestCredit = 400
    /// How many segments after a foot rule ("___") may be credits.
    static let creditsAfterRule = 8

    /// Finds the credits among `segments` (the body's segments, title and boilerplate excluded).
    static func findCredits(_ doc: Lines, _ segments: [Segment], outlets: OutletTable) -> CreditMarks {
        var marks = CreditMarks()
        guard !segments.isEmpty else { return marks }
        // At the top: a byline, and the agency line under it.
        var k = 0
        while k < min(segments.count, 3), segments[k].length(doc) <= 120 {
            let c = segments[k].content(doc)
            if isByline(c) || (k > 0 && marks.credits.contains(k - 1) && isBylineAgency(c, outlets: outlets)) {
                marks.credits.insert(k)
                k += 1
            } else {
                break
            }
        }
        let top = k
        // At the foot: everything after a rule or end mark near the end.
        // Rules and end marks are lines of their own: only one-line segments are read for them.
        func isMark(_ j: Int) -> Bool {
            guard segments[j].isSingleLine else { return false }
            let c = segments[j].firstLineContent(doc)
            return isFootRule(c) || isEndMark(c)
        }
        var end = segments.count
        var r = segments.count - 1
        while r >= max(top, segments.count - creditsAfterRule - 1) {
            if segments[r].isSingleLine, isFootRule(segments[r].firstLineContent(doc)),
                (r + 1..<segments.count).allSatisfy({ segments[$0].length(doc) <= longestCredit })
            {
                marks.separators.insert(r)
                for j in (r + 1)..<segments.count {
                    if isMark(j) {
                        marks.separators.insert(j)
                    } else {
                        marks.credits.insert(j)
                    }
                }
                end = r
                break
            }
            r -= 1
        }
        // Then backwards from the end, as long as segments are credits.
        k = end - 1
        var last = true  // no credit or text after this segment yet, only separators
        while k >= top {
            if isMark(k) {
                marks.separators.insert(k)
                k -= 1
                continue
            }
            defer { last = false }
            if segments[k].length(doc) <= longestCredit {
                let c = segments[k].content(doc)
                if isCreditLine(c) || (last && segments[k].isSingleLine && isSignOff(c, outlets: outlets)) {
                    marks.credits.insert(k)
                    k -= 1
                    continue
                }
            }
            // A contact block: the paragraph holding this segment opens with "Media contact:" or the like.
            var p = k
            while p > top, segments[p].start == .lineBreak { p -= 1 }
            if k - p <= 6, isContactHeading(segments[p].firstLineContent(doc)) {
                for j in p...k { marks.credits.insert(j) }
                k = p - 1
                continue
            }
            break
        }
        return marks
    }

    // MARK: - Top

    /// "By JANE DOE", "By Jane Doe and John Roe", "By Jane Doe, Reuters", "BY JANE DOE | AP": "by" and a name of
    /// capitalised words, no sentence punctuation.
    static func isByline(_ c: ArraySlice<UInt8>) -> Bool {
        guard c.count <= 120, let j = Bytes.prefix(c, "by"), j < c.endIndex, Bytes.isSpace(c[j]) else { return false }
        let name = c[Bytes.skipSpaces(c, from: j)...]
        guard let first = name.first, Bytes.isUpper(first) || first >= 0xC3 else { return false }
        if let mark = Bytes.finalMark(name), mark == 0x2E || mark == 0x3A || mark == 0x3B || mark == 0x3F || mark == 0x21 {
            guard mark == 0x2E, endsWithAbbreviation(name) else { return false }
        }
        let words = Bytes.words(name)
        guard (1...10).contains(words.count) else { return false }
        var capitalised = 0
        for word in words {
            guard let w = word.first else { continue }
            if Bytes.isUpper(w) || w >= 0xC3 {
                capitalised += 1
            } else if !(Bytes.whole(word, "and") || Bytes.whole(word, "in") || Bytes.whole(word, "of")
                || Bytes.whole(word, "de") || Bytes.whole(word, "van") || Bytes.whole(word, "von")
                || Bytes.whole(word, "da") || Bytes.whole(word, "al") || w == 0x7C || w == 0x2D || w == 0xE2)
            {
                return false
            }
        }
        return capitalised >= 1
    }

    /// The line under a byline: "Associated Press Writer", "AP Business Writer", "Reuters", "Staff Correspondent".
    static func isBylineAgency(_ c: ArraySlice<UInt8>, outlets: OutletTable) -> Bool {
        let words = Bytes.words(c)
        guard (1...6).contains(words.count), c.count <= 60, Bytes.finalMark(c) != 0x2E || endsWithAbbreviation(c)
        else { return false }
        guard words.allSatisfy({ $0.first.map { Bytes.isUpper($0) || $0 >= 0xC3 } ?? false }) else { return false }
        if outlets.displayName(for: Bytes.string(c)) != nil { return true }
        guard let last = words.last else { return false }
        for role: StaticString in ["writer", "correspondent", "reporter", "editor", "staff", "columnist", "writers"]
        where Bytes.whole(last, role) {
            return true
        }
        return false
    }

    // MARK: - Foot

    /// An archive's end-of-text mark: control characters such as ETX, or their SGML entities ("&#3;").
    static func isEndMark(_ c: ArraySlice<UInt8>) -> Bool {
        !c.isEmpty && withoutEndMarks(c).isEmpty
    }

    /// A foot rule or end mark of a story, after which come only credits: "___", "###", "# # #", "-30-", "-0-",
    /// "(END)", "ENDS".
    static func isFootRule(_ c: ArraySlice<UInt8>) -> Bool {
        if c.count >= 3, c.allSatisfy({ $0 == 0x5F }) { return true }
        if c.count >= 3, c.count <= 9, c.allSatisfy({ $0 == 0x23 || $0 == Bytes.space }) { return true }
        for mark: StaticString in ["-30-", "-0-", "(end)", "ends"] where Bytes.match(c, at: c.startIndex, mark) == c.endIndex {
            return c.allSatisfy { !Bytes.isLowerASCII($0) }
        }
        return false
    }

    /// `c` without end-of-text marks at its end: control characters and numeric entities of them ("&#3;").
    static func withoutEndMarks(_ c: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var s = c
        while true {
            while let last = s.last, last < 0x20 || Bytes.isSpace(last) { s = s.dropLast() }
            guard s.last == 0x3B, let amp = s.lastIndex(of: 0x26), s.endIndex - amp <= 6,
                Bytes.match(s, at: amp, "&#") != nil,
                s[(amp + 2)..<(s.endIndex - 1)].allSatisfy(Bytes.isDigit), s.endIndex - amp > 3,
                let code = Int(Bytes.string(s[(amp + 2)..<(s.endIndex - 1)])), code < 32
            else { return s }
            s = s[s.startIndex..<amp]
        }
    }

    /// A last line that is only an agency's name: " Reuter", "REUTERS", "AFP" (the old wire sign-off), perhaps with
    /// an end-of-text mark after it.
    static func isSignOff(_ c: ArraySlice<UInt8>, outlets: OutletTable) -> Bool {
        let c = withoutEndMarks(c)
        guard c.count <= 30, (1...3).contains(Bytes.wordCount(c)), let first = c.first, Bytes.isUpper(first),
            !c.contains(0x2E), !c.contains(0x3A)
        else { return false }
        return outlets.displayName(for: Bytes.string(c)) != nil
    }

    /// A credit line of the foot (see the type's comment): reporting and editing lines, contributor lines, desk
    /// initials, a dashed byline, a Chinese editor line, a press release's "SOURCE" line.
    static func isCreditLine(_ c: ArraySlice<UInt8>) -> Bool {
        guard let first = c.first, c.count <= longestCredit else { return false }
        if isReportingLine(c) || isContributorLine(c) || isDeskInitials(c) || isEditorLine(c) { return true }
        // "-- By Jane Doe", "— By Jane Doe, Reuters"
        if first == 0x2D || first == 0xE2 {
            var k = c.startIndex
            while k < c.endIndex, c[k] == 0x2D || c[k] == 0xE2 || c[k] == 0x80 || c[k] == 0x93 || c[k] == 0x94 {
                k += 1
            }
            k = Bytes.skipSpaces(c, from: k)
            if k > c.startIndex, k < c.endIndex, isByline(c[k...]) || bylineThenFollow(c[k...]) { return true }
        }
        // "SOURCE Corvane Holdings Inc." (PR Newswire), in capitals.
        if let j = Bytes.match(c, at: c.startIndex, "source "), c[c.startIndex..<(c.startIndex + 6)].allSatisfy(Bytes.isUpper),
            j < c.endIndex, Bytes.isUpper(c[j]), c.count <= 120
        {
            return true
        }
        return false
    }

    /// "By Jane Doe Follow @janedoe": a dashed byline with a follow prompt after the name.
    private static func bylineThenFollow(_ c: ArraySlice<UInt8>) -> Bool {
        guard let at = Bytes.firstIndex(of: " follow ", in: c) else { return false }
        return isByline(c[c.startIndex..<at])
    }

    /// "(Reporting by …; Editing by …)", "-- Reporting by …", "Additional reporting by …", "Writing by …",
    /// "Compiled by …", "Editing by …".
    static func isReportingLine(_ c: ArraySlice<UInt8>) -> Bool {
        var k = c.startIndex
        while k < c.endIndex, c[k] == 0x28 || c[k] == 0x5B || c[k] == 0x2D || c[k] == 0xE2 || c[k] == 0x80
            || c[k] == 0x93 || c[k] == 0x94 || Bytes.isSpace(c[k])
        {
            k += 1
        }
        let rest = c[k...]
        for phrase: StaticString in [
            "reporting by", "additional reporting by", "additional reporting from", "reporting and writing by",
            "writing by", "written by", "editing by", "edited by", "compiled by", "compiled and edited by",
            "translated by", "translation by", "reported by", "with reporting by", "contributing reporting by",
            "graphics by", "produced by", "research by",
        ] where Bytes.prefix(rest, phrase) != nil {
            // A sentence that happens to start so ("Reporting by the agency was thin.") goes on for long.
            let opened = k > c.startIndex
            return opened || Bytes.contains(rest, ";") || Bytes.wordCount(rest) <= 12
        }
        return false
    }

    /// "Associated Press writer Jane Doe in Warsaw contributed.", "CNN's Jane Doe contributed to this report.",
    /// "Contributing: Jane Doe".
    static func isContributorLine(_ c: ArraySlice<UInt8>) -> Bool {
        guard let first = c.first, Bytes.isUpper(first) || first >= 0xC3 else { return false }
        if let j = Bytes.prefix(c, "contributing"), Bytes.skipSpaces(c, from: j) < c.endIndex,
            c[Bytes.skipSpaces(c, from: j)] == 0x3A
        {
            return true
        }
        guard let at = Bytes.firstIndex(of: " contributed", in: c), Bytes.wordCount(c) <= 45 else { return false }
        // What follows "contributed" is only "to this report/story/article", "reporting" and a full stop.
        var tail = c[(at + 12)...]
        for phrase: StaticString in [" to this report", " to this story", " to this article", " reporting", " to the report"] {
            if let j = Bytes.match(tail, at: tail.startIndex, phrase) {
                tail = tail[j...]
                break
            }
        }
        return tail.allSatisfy { Bytes.isSpace($0) || $0 == 0x2E }
    }

    /// AFP's desk initials at the foot: "abc-mjp/phv", "bo-mc/jj" — lower-case letter groups joined by "-" and "/".
    static func isDeskInitials(_ c: ArraySlice<UInt8>) -> Bool {
        guard (3...40).contains(c.count), c.contains(0x2F) else { return false }
        var group = 0
        for b in c {
            if Bytes.isLowerASCII(b) {
                group += 1
                if group > 6 { return false }
            } else if b == 0x2F || b == 0x2D || b == Bytes.space {
                group = 0
            } else {
                return false
            }
        }
        return Bytes.wordCount(c) <= 2
    }

    /// A Chinese outlet's editor line: "（编辑：严玉洁 王辉）", "【责任编辑：严玉洁】".
    static func isEditorLine(_ c: ArraySlice<UInt8>) -> Bool {
        guard c.count <= 120, let first = c.first, first == 0xEF || first == 0xE3 || first == 0x28 || first == 0x5B
        else { return false }
        let s = Bytes.string(c)
        guard let first = s.first, "（(【[".contains(first) else { return false }
        return s.contains("编辑") || s.contains("責任編輯") || s.contains("记者")
    }

    /// A press release's contact heading: "Media contact:", "Contacts:", "Investor Relations:".
    static func isContactHeading(_ c: ArraySlice<UInt8>) -> Bool {
        guard c.count <= longestCredit else { return false }
        for phrase: StaticString in [
            "media contact", "media contacts", "press contact", "press contacts", "investor contact",
            "investor contacts", "contact", "contacts", "media relations", "investor relations", "media inquiries",
            "press inquiries", "media enquiries", "press enquiries", "for media inquiries", "for more information contact",
            "for more information, contact", "for further information",
        ] {
            guard let j = Bytes.prefix(c, phrase) else { continue }
            let k = Bytes.skipSpaces(c, from: j)
            if k == c.endIndex || c[k] == 0x3A { return true }
        }
        return false
    }
}
