import Foundation

/// Titles: the first line when it reads as a headline, and later copies of it.
extension Cleaner {
    /// Longest headline, in bytes and words.
    static let longestTitleBytes = 250
    static let longestTitleWords = 30

    /// True when a line reads as a headline: short, not ending in `. , ; :` (closing quotes ignored; a final
    /// abbreviation such as "Inc." or "D.C." is fine, and so is any ending when the body goes on to repeat the line,
    /// as a lead that restates its headline does), not an underline, not a byline ("By JANE DOE"), and not a
    /// paragraph that opens with a dateline.
    static func isHeadline(_ c: ArraySlice<UInt8>, next: ArraySlice<UInt8>?, outlets: OutletTable) -> Bool {
        guard !c.isEmpty, c.count <= longestTitleBytes, !Bytes.isRule(c), !isByline(c) else { return false }
        let words = Bytes.wordCount(c)
        guard words <= longestTitleWords else { return false }
        if let mark = Bytes.finalMark(c), Bytes.isClosingPunctuation(mark) {
            let repeatedByBody = next.map { $0.count > c.count && Bytes.startsWithLetters($0, of: c) } ?? false
            if !repeatedByBody && !(mark == 0x2E && endsWithAbbreviation(c)) { return false }
        }
        if let dateline = parseDateline(c, outlets: outlets) {
            // "(Beijing) US Secretary …" is a story's first paragraph; "China: the long game" is a headline, and so
            // is a line all in capitals when its "dateline" has neither date nor agency ("U.S. FARM EXPORTS - USDA").
            let capitalHeadline = isAllCapitals(c) && dateline.dateline.date == nil && dateline.agency == nil
            if !capitalHeadline && (dateline.strong || Bytes.wordCount(c[dateline.bodyStart...]) >= 8) { return false }
        }
        return true
    }

    /// Abbreviations that end a name rather than a sentence.
    static let abbreviations: Set<String> = ["inc.", "jr.", "sr.", "ltd.", "co.", "corp.", "st.", "bros.", "plc.", "llc."]

    /// True when the last word is an abbreviation: one from `abbreviations`, or letters with inner full stops
    /// ("D.C.", "U.S.").
    static func endsWithAbbreviation(_ c: ArraySlice<UInt8>) -> Bool {
        guard let last = Bytes.words(c).last, last.count >= 2 else { return false }
        if abbreviations.contains(Bytes.string(last).lowercased()) { return true }
        let inner = last.dropLast()
        return inner.contains(0x2E) && last.allSatisfy { Bytes.isLetter($0) || $0 == 0x2E }
    }

    /// True when a later line repeats the title as a line of its own: same letters, at the start of a block,
    /// unindented, not a heading over an underline, and not ending like a sentence ("cgroups.").
    static func isRepeatedTitle(_ doc: Lines, _ i: Int, title: ArraySlice<UInt8>) -> Bool {
        let line = doc.lines[i]
        let c = doc.content(i)
        guard line.contentStart == line.start, let first = c.first,
            Bytes.isAlnum(first) || first >= 0x80 || first == 0x22 || first == 0x27,
            repeatsTitle(c, title: title)
        else { return false }
        if i > 0, !doc.lines[i - 1].isBlank { return false }
        if i + 1 < doc.lines.count, !doc.lines[i + 1].isBlank, Bytes.isRule(doc.content(i + 1)) { return false }
        if let mark = Bytes.finalMark(c), Bytes.isClosingPunctuation(mark) { return false }
        return true
    }

    /// True when `c` repeats `title` (ignoring case, spaces and punctuation); lengths are compared first so
    /// ordinary lines cost one subtraction.
    static func repeatsTitle(_ c: ArraySlice<UInt8>, title: ArraySlice<UInt8>) -> Bool {
        guard c.count <= longestTitleBytes + 64, c.count * 2 >= title.count, c.count <= title.count * 2 + 16 else {
            return false
        }
        return Bytes.sameLetters(c, title)
    }

    /// Verbs and auxiliaries that make a short line a sentence rather than a caption of names.
    static let captionVerbs: Set<String> = [
        "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "do", "does", "did", "will",
        "would", "shall", "should", "can", "could", "may", "might", "must", "said", "says", "say", "told", "tells",
        "added", "stated", "announced", "according", "believe", "believes", "think", "thinks", "want", "wants",
    ]

    /// Connecting words allowed in a caption of names ("Antony Blinken and Qin Gang").
    static let captionConnectors: Set<String> = [
        "and", "&", "of", "the", "with", "at", "in", "on", "for", "de", "von", "van", "al", "bin", "la", "le", "du",
        "del", "da", "to", "from", "during", "after", "before", "meets", "meet", "arrives", "greets", "speaks",
    ]

    /// True when a line next to an image credit reads as its caption: short, no final sentence punctuation, and
    /// either a run of capitalised names or a phrase without a finite verb.
    static func isCaption(_ c: ArraySlice<UInt8>) -> Bool {
        guard !c.isEmpty, c.count <= 200 else { return false }
        if let mark = Bytes.finalMark(c), mark == 0x2E || mark == 0x21 || mark == 0x3F || mark == 0x3A || mark == 0x3B
            || mark == 0x2C
        {
            return false
        }
        if let first = c.first, first == 0x22 || first == 0xE2 { return false }  // a quotation
        let words = Bytes.words(c)
        guard (1...15).contains(words.count) else { return false }
        var names = 0
        var namesOnly = true
        var hasVerb = false
        for word in words {
            let key = Bytes.string(word).lowercased().trimmingCharacters(in: .punctuationCharacters)
            if captionVerbs.contains(key) { hasVerb = true }
            if let first = word.first, Bytes.isUpper(first) || Bytes.isDigit(first) || first >= 0xC3 {
                names += 1
            } else if !captionConnectors.contains(key) && word != [0x2C][...] {
                namesOnly = false
            }
        }
        if hasVerb { return false }
        return (namesOnly && names > 0) || words.count <= 12
    }
}
