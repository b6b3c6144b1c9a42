/// A speaker resolver that needs no entity stage: it finds person names in one document's
/// text by their shape and resolves surnames, given names and titled forms to them.
///
/// A full name is a run of two to four capitalised words once titles are stripped ("US
/// President Joe Biden" → "Joe Biden", "Foreign Minister Qin Gang" → "Qin Gang"), none of them a
/// place, institution, date or function word, not after a place preposition ("in San
/// Francisco"), and whose first word the document does not also use in lowercase ("Low
/// Expectations" in a heading). A single word resolves to the full name it is the last or
/// first word of ("Ward", "Xi"), preferring the one mentioned most recently before the phrase.
///
/// It is a heuristic: it misses names written in lowercase-colliding words and takes some
/// two-word places or titles of works for people. Ids are stable hashes of the name, so the same
/// name gets the same id in every document.
public struct NameHeuristicResolver: SpeakerResolving, Sendable {
    /// The document the names were found in.
    public let document: Int
    /// The full names found, in order of first mention.
    public private(set) var names: [String] = []
    private var keys: [String: Int] = [:]
    private var aliases: [String: [Int]] = [:]
    /// Mentions of the names (full or partial) as (byte offset, name index), by offset.
    private var mentions: [Mention] = []

    private struct Mention: Sendable {
        var offset: Int
        var name: Int
    }

    /// Finds the names of a loaded document.
    public init(document: Document) {
        self = QuoteSource.withSource(document) { NameHeuristicResolver(source: $0) }
    }

    /// Finds the names of free text.
    public init(text: String, document: Int = 0) {
        self = QuoteSource.withSource(text, document: document) { NameHeuristicResolver(source: $0) }
    }

    init(source: QuoteSource) {
        document = source.document
        let lowercase = Self.lowercaseWords(source)
        let runs = NameRuns.runs(in: source, 0..<source.tokens.count)
        // Full names.
        for run in runs where NameRuns.isFullName(source, run.name) {
            if run.tokens.lowerBound > 0, run.name.lowerBound == run.tokens.lowerBound {
                let before = run.tokens.lowerBound - 1
                if source.isLowercaseWord(before) && NameWords.placePrepositions.contains(source.lower(before)) { continue }
            }
            let first = Self.lowercasedHash(source, run.name.lowerBound)
            if lowercase.contains(first) && !run.hadTitle { continue }
            let name = source.string(source.tokens[run.name.lowerBound].start..<source.tokens[run.name.upperBound - 1].end)
            let key = Self.key(name)
            if keys[key] == nil {
                keys[key] = names.count
                names.append(name)
            }
        }
        for (index, name) in names.enumerated() {
            let words = Self.key(name).split(separator: " ").map(String.init)
            guard let last = words.last, let first = words.first else { continue }
            aliases[last, default: []].append(index)
            if first != last { aliases[first, default: []].append(index) }
        }
        // A single word after a title ("Mr Karzai", "General Musharraf") names someone the text
        // never names in full.
        for run in runs where run.hadTitle && run.name.count == 1 {
            let i = run.name.lowerBound
            let word = source.lower(i)
            guard aliases[word] == nil, !NameWords.titles.contains(word), !NameRuns.isAcronym(source, i),
                  source.tokens[i].length > 1 else { continue }
            let name = source.string(ofToken: i)
            keys[word] = names.count
            aliases[word] = [names.count]
            names.append(name)
        }
        // Mentions, full and partial, in text order.
        for run in runs where !run.name.isEmpty {
            let key = run.name.map { source.lower($0) }.joined(separator: " ")
            if let index = lookup(key: key, near: source.tokens[run.name.lowerBound].start) {
                mentions.append(Mention(offset: source.tokens[run.name.lowerBound].start, name: index))
            }
        }
    }

    /// The person a phrase refers to: a full name found in the document, or a surname, given name
    /// or titled form of one ("Mr. Russell"), preferring the one mentioned last before `offset`.
    public func resolve(_ phrase: String, in document: Int, near offset: Int) -> ResolvedSpeaker? {
        guard let name = Self.lastNameRun(in: phrase), let index = lookup(name, near: offset) else { return nil }
        return speaker(index)
    }

    /// The person mentioned last before `offset`.
    public func lastPerson(before offset: Int, in document: Int) -> ResolvedSpeaker? {
        var lo = 0
        var hi = mentions.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if mentions[mid].offset < offset { lo = mid + 1 } else { hi = mid }
        }
        return lo > 0 ? speaker(mentions[lo - 1].name) : nil
    }

    private func speaker(_ index: Int) -> ResolvedSpeaker {
        ResolvedSpeaker(id: QuoteText.identifier(of: names[index]), name: names[index])
    }

    /// The name index a stripped name refers to.
    private func lookup(_ name: String, near offset: Int) -> Int? {
        lookup(key: Self.key(name), near: offset)
    }

    /// The name index for a key (lowercased words joined by spaces).
    private func lookup(key: String, near offset: Int) -> Int? {
        guard !key.isEmpty else { return nil }
        if let index = keys[key] { return index }
        let words = key.split(separator: " ")
        guard let last = words.last else { return nil }
        if words.count > 1 {
            // A shorter or longer form of a known name ("Chen Weiss" for "Jessica Chen Weiss").
            let candidates = (aliases[String(last)] ?? []).filter {
                let known = Self.key(names[$0])
                return known.hasSuffix(" " + key) || key.hasSuffix(" " + known)
            }
            return nearest(candidates, to: offset)
        }
        return nearest(aliases[String(last)] ?? [], to: offset)
    }

    /// Of several names, the one mentioned last before `offset`, else the first mentioned.
    private func nearest(_ candidates: [Int], to offset: Int) -> Int? {
        guard candidates.count > 1 else { return candidates.first }
        // Walk back from the last mention before `offset` (mentions are in text order).
        var lo = 0
        var hi = mentions.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if mentions[mid].offset < offset { lo = mid + 1 } else { hi = mid }
        }
        var k = lo - 1
        while k >= 0 && lo - k <= 2000 {
            if candidates.contains(mentions[k].name) { return mentions[k].name }
            k -= 1
        }
        return candidates.min()
    }

    /// Lowercased words joined by single spaces, titles and honorifics dropped.
    static func key(_ name: String) -> String {
        let words = name.split(whereSeparator: { $0 == " " || $0 == "\u{A0}" || $0 == "\n" }).map { $0.lowercased() }
        var start = 0
        while start < words.count - 1 && NameWords.isTitle(words[start]) { start += 1 }
        return words[start...].joined(separator: " ")
    }

    /// The last run of capitalised words in a phrase, stripped of titles and non-name words
    /// ("UN spokesman Stephane Dujarric" → "Stephane Dujarric", "Mr. Russell" → "Russell").
    static func lastNameRun(in phrase: String) -> String? {
        let words = phrase.split(whereSeparator: { $0 == " " || $0 == "\u{A0}" || $0 == "\n" || $0 == "\t" }).map { word -> String in
            var w = String(word)
            for suffix in ["’s", "'s", ",", ";", ":", "’", "'"] where w.hasSuffix(suffix) { w = String(w.dropLast(suffix.count)) }
            return w
        }
        var runs: [[String]] = []
        var current: [String] = []
        for w in words {
            if let first = w.unicodeScalars.first, first.properties.isUppercase {
                current.append(w)
            } else if !current.isEmpty && NameWords.particles.contains(w) {
                current.append(w)
            } else {
                if !current.isEmpty { runs.append(current) }
                current = []
            }
        }
        if !current.isEmpty { runs.append(current) }
        guard let run = runs.last else { return nil }
        // The words after the last non-name word or title (as `NameRuns.strip` does).
        var cut = 0
        for (k, word) in run.enumerated() {
            let w = word.lowercased()
            let roman = k > 0 && !word.isEmpty && word.allSatisfy { "IVXL".contains($0) }
            if NameWords.nonName.contains(w) || (isAcronym(word) && !roman) || (NameWords.isTitle(w) && k < run.count - 1) {
                cut = k + 1
            }
        }
        return cut < run.count ? run[cut...].joined(separator: " ") : nil
    }

    private static func isAcronym(_ word: String) -> Bool {
        let letters = word.unicodeScalars.filter { $0.properties.isAlphabetic }
        return letters.count >= 2 && letters.allSatisfy { $0.properties.isUppercase }
    }

    /// Hashes of the words the document writes in lowercase.
    private static func lowercaseWords(_ source: QuoteSource) -> Set<UInt64> {
        var set = Set<UInt64>()
        for t in source.tokens where t.kind == .word && source.text.isLowercase(at: t.start) {
            set.insert(hash(source.text.base + t.start, t.length))
        }
        return set
    }

    /// The hash of token `i` lowercased (the same hash `lowercaseWords` stores).
    private static func lowercasedHash(_ source: QuoteSource, _ i: Int) -> UInt64 {
        let lowered = Array(source.lower(i).utf8)
        return lowered.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return 0 }
            return hash(base, buffer.count)
        }
    }

    private static func hash(_ base: UnsafePointer<UInt8>, _ count: Int) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        for k in 0..<count {
            h ^= UInt64(base[k])
            h = h &* 0x100000001b3
        }
        return h
    }
}
