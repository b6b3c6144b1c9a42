/// A run of capitalised words ("US President Joe Biden", "On Wednesday Qin Gang") and the part
/// of it that can be a person's name once titles and other non-name words are stripped.
struct NameRun: Hashable, Sendable {
    /// All tokens of the run.
    var tokens: Range<Int>
    /// The tokens left after stripping leading and trailing non-name words; may be empty.
    var name: Range<Int>
    /// Whether a stripped leading word was a preposition or adverb ("With Mr. Blinken", "On
    /// Wednesday Qin Gang"): the name is then not the subject of its clause.
    var afterPreposition: Bool
    /// Whether a title or honorific was stripped ("President", "Mr."): the name is a person's.
    var hadTitle: Bool
}

/// Finds capitalised runs in tokens. Internal; shared by `NameHeuristicResolver` and the
/// extractor's walk back through the context.
enum NameRuns {
    /// The runs among tokens `range`.
    static func runs(in source: QuoteSource, _ range: Range<Int>) -> [NameRun] {
        var result: [NameRun] = []
        var i = range.lowerBound
        while i < range.upperBound {
            guard source.isCapitalised(i) else { i += 1; continue }
            let start = i
            var end = i + 1
            while end < range.upperBound {
                guard adjacent(source, end - 1, end) else { break }
                if source.isCapitalised(end) { end += 1; continue }
                // "Ursula von der Leyen": particles inside a name.
                if NameWords.particles.contains(source.lower(end)) {
                    var k = end
                    while k < range.upperBound && NameWords.particles.contains(source.lower(k)) && adjacent(source, k - 1, k) { k += 1 }
                    if k < range.upperBound && source.isCapitalised(k) && adjacent(source, k - 1, k) { end = k + 1; continue }
                }
                break
            }
            result.append(strip(source, start..<end))
            i = end
        }
        return result
    }

    /// Two tokens separated only by a few spaces on one line.
    private static func adjacent(_ source: QuoteSource, _ a: Int, _ b: Int) -> Bool {
        let gap = source.tokens[b].start - source.tokens[a].end
        guard gap > 0 && gap <= 3 else { return false }
        return !source.lineBreak(between: a, and: b)
    }

    /// The name part of a run: the words after its last non-name word (a place, institution,
    /// date, function word or acronym) or title ("US President Joe Biden" → "Joe Biden", "The
    /// Rural Fire Service Commissioner Phil Koperberg" → "Phil Koperberg", "New South Wales Rural
    /// Fire Service" → nothing). A title that ends the run is part of the name ("Stephen King").
    static func strip(_ source: QuoteSource, _ run: Range<Int>) -> NameRun {
        var cut = run.lowerBound
        var afterPreposition = false
        var hadTitle = false
        var lowered: [String] = []
        lowered.reserveCapacity(run.count)
        for i in run {
            let w = source.lower(i)
            lowered.append(w)
            if NameWords.nonName.contains(w) || (isAcronym(source, i) && !isRomanNumeral(source, i)) {
                cut = i + 1
            } else if i + 1 < run.upperBound && NameWords.isTitle(w) {
                cut = i + 1
            }
        }
        for i in run.lowerBound..<cut {
            let w = lowered[i - run.lowerBound]
            if NameWords.prepositions.contains(w) { afterPreposition = true }
            if NameWords.isTitle(w) { hadTitle = true }
        }
        return NameRun(tokens: run, name: cut..<run.upperBound, afterPreposition: afterPreposition, hadTitle: hadTitle)
    }

    /// A title or honorific, also hyphenated ones ("Lieutenant-General", "Attorney-General").
    static func isTitle(_ source: QuoteSource, _ i: Int) -> Bool {
        NameWords.isTitle(source.lower(i))
    }

    /// "II", "XVI": a regnal number, part of a name ("Queen Elizabeth II").
    static func isRomanNumeral(_ source: QuoteSource, _ i: Int) -> Bool {
        let t = source.tokens[i]
        guard t.length <= 5, i > 0, source.isCapitalised(i - 1) else { return false }
        for k in t.start..<t.end where !"IVXL".utf8.contains(source.text.base[k]) { return false }
        return true
    }

    /// An all-capitals word of two or more letters ("US", "CCTV", "APEC"): not a name part.
    static func isAcronym(_ source: QuoteSource, _ i: Int) -> Bool {
        let t = source.tokens[i]
        guard t.length >= 2 else { return false }
        var letters = 0
        for k in t.start..<t.end {
            let b = source.text.base[k]
            if b >= 0x61 && b <= 0x7A { return false }
            if b >= 0x80 { return false }
            if b >= 0x41 && b <= 0x5A { letters += 1 }
        }
        return letters >= 2
    }

    /// Whether the name tokens can be a full name: two to four words, none a non-name word,
    /// a middle initial allowed ("John F. Kennedy").
    static func isFullName(_ source: QuoteSource, _ name: Range<Int>) -> Bool {
        guard name.count >= 2 && name.count <= 4 else { return false }
        for i in name {
            let w = source.lower(i)
            if NameWords.nonName.contains(w) || (NameWords.titles.contains(w) && i < name.upperBound - 1) { return false }
            let t = source.tokens[i]
            let isInitial = (t.length == 2 && source.text.base[t.end - 1] == 0x2E) || (t.length == 1 && source.isCapitalised(i))
            if isInitial && (i == name.lowerBound || i == name.upperBound - 1) { return false }
            if !isInitial && isAcronym(source, i) && !(isRomanNumeral(source, i) && i == name.upperBound - 1) { return false }
            if source.isCapitalised(i) == false && !NameWords.particles.contains(w) { return false }
        }
        return true
    }
}
