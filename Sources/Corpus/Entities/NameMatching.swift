import Foundation

/// String helpers for comparing names: folded keys and near-spellings.
enum NameMatching {
    /// A name key without diacritics ("stéphane" → "stephane"); keys are already lowercase.
    static func fold(_ key: String) -> String {
        if key.utf8.allSatisfy({ $0 < 0x80 }) { return key }
        return key.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
    }

    /// The text of a byte range with each run of whitespace (spaces, no-break spaces, line
    /// breaks) made one space; out-of-range bounds are clamped.
    static func spaced(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        let lower = max(0, min(range.lowerBound, buffer.count))
        let upper = max(lower, min(range.upperBound, buffer.count))
        let slice = buffer[lower..<upper]
        // Fast path: no byte that could be whitespace other than single ASCII spaces.
        var plain = true
        var previousSpace = false
        for b in slice {
            if b == 0x20 {
                if previousSpace { plain = false; break }
                previousSpace = true
            } else {
                previousSpace = false
                if b < 0x20 || b == 0xC2 || b == 0xE2 || b == 0xE3 { plain = false; break }
            }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: slice), as: UTF8.self)
        return plain ? text : Gazetteer.clean(text)
    }

    /// Levenshtein distance between two words, by Unicode scalars; stops early past `limit`.
    static func editDistance(_ a: String, _ b: String, limit: Int = 3) -> Int {
        let x = Array(a.unicodeScalars)
        let y = Array(b.unicodeScalars)
        if abs(x.count - y.count) > limit { return limit + 1 }
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            var rowMin = current[0]
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                rowMin = min(rowMin, current[j])
            }
            if rowMin > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return previous[y.count]
    }

    /// Two spellings of one name word ("antony"/"anthony", "emanuel"/"emmanuel"): same first
    /// letter, at most two edits, and the edits under a fifth of the longer word (so "jake" and
    /// "jane", or "smith" and "smyth", stay apart).
    static func isNearSpelling(_ a: String, _ b: String) -> Bool {
        guard a != b, let fa = a.unicodeScalars.first, let fb = b.unicodeScalars.first, fa == fb else { return false }
        let longest = max(a.unicodeScalars.count, b.unicodeScalars.count)
        guard longest >= 5 else { return false }
        let d = editDistance(a, b, limit: 2)
        return d <= 2 && Double(d) / Double(longest) < 0.2
    }

    /// Whether a lowercase word is a Roman numeral of a regnal name ("ii", "xiv").
    static func isRomanNumeral(_ word: String) -> Bool {
        !word.isEmpty && word.count <= 6 && word.allSatisfy { "ivxlcdm".contains($0) }
    }

    /// Whether a word is an initial ("f.", "w").
    static func isInitial(_ word: String) -> Bool {
        let scalars = word.unicodeScalars.filter { $0 != "." }
        return scalars.count == 1
    }

    /// Whether two middle words can be one: equal, near-spellings, or an initial and a word
    /// with that first letter ("m." and "macalistair").
    static func isCompatibleMiddle(_ a: String, _ b: String) -> Bool {
        if a == b || isNearSpelling(a, b) { return true }
        if isInitial(a) != isInitial(b), let fa = a.unicodeScalars.first, let fb = b.unicodeScalars.first {
            return fa == fb
        }
        return false
    }

    /// Whether two person names of the same length are spellings of one name: first and last
    /// words equal or near-spellings (at most one such difference), middle words compatible.
    /// "Antony Blinken" / "Anthony Blinken", "Dennis M. Ritchie" / "Dennis MacAlistair Ritchie".
    static func isSameLengthVariant(_ a: [String], _ b: [String]) -> Bool {
        guard a.count == b.count, a.count >= 2, a != b else { return false }
        var spellings = 0
        for i in 0..<a.count where a[i] != b[i] {
            if i == 0 || i == a.count - 1 {
                guard isNearSpelling(a[i], b[i]) else { return false }
                spellings += 1
            } else if !isCompatibleMiddle(a[i], b[i]) {
                return false
            } else if !isInitial(a[i]) && !isInitial(b[i]) {
                spellings += 1
            }
        }
        return spellings <= 1
    }

    /// Whether `short` is `long` with middle words left out ("Jessica Weiss" of "Jessica Chen
    /// Weiss", "John Kennedy" of "John F. Kennedy"). When the short form keeps a middle word,
    /// the left-out words must be full words: "George W. Bush" is not "George H. W. Bush".
    static func isShortForm(_ short: [String], of long: [String]) -> Bool {
        guard short.count >= 2, long.count > short.count, long.count - short.count <= 2,
              short.first == long.first, short.last == long.last else { return false }
        let shortMiddle = short.dropFirst().dropLast()
        let longMiddle = Array(long.dropFirst().dropLast())
        var j = 0
        var skipped: [String] = []
        for word in shortMiddle {
            while j < longMiddle.count && !isCompatibleMiddle(word, longMiddle[j]) {
                skipped.append(longMiddle[j])
                j += 1
            }
            guard j < longMiddle.count else { return false }
            j += 1
        }
        skipped += longMiddle[j...]
        if !shortMiddle.isEmpty && skipped.contains(where: isInitial) { return false }
        return true
    }

    /// Whether two person names (word lists) are forms of one name (either test above).
    static func isSamePerson(_ a: [String], _ b: [String]) -> Bool {
        if a.count == b.count { return isSameLengthVariant(a, b) }
        return a.count < b.count ? isShortForm(a, of: b) : isShortForm(b, of: a)
    }

    /// Courtesy titles and possessives stripped from a name a user typed ("Mr. Blinken’s" → "blinken").
    static func lookupKey(_ name: String) -> String {
        var words = Tokenizer.words(in: name).map { Tokenizer.norm($0) }
        while let first = words.first, EntityVocabulary.honorifics.contains(first) || first == "the" {
            words.removeFirst()
        }
        while let last = words.last, last == "'s" || last == "'" || last == "." || last == "," {
            words.removeLast()
        }
        // "Morgan Stanley and Co Inc." at a sentence end is "… Co Inc".
        if words.count > 1, let last = words.last, last.count > 2, last.hasSuffix(".") { words[words.count - 1].removeLast() }
        return fold(words.joined(separator: " "))
    }
}
