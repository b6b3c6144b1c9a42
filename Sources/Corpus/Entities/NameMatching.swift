import Foundation

/// String helpers for comparing names: folded keys and near-spellings.
enum NameMatching {
    /// A name key without diacritics ("stéphane" → "stephane"); keys are already lowercase.
    static func fold(_ key: String) -> String {
        if key.utf8.allSatisfy({ $0 < 0x80 }) { return key }
        return key.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
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

    /// Whether two person names (word lists) are forms of one name: one word spelled slightly
    /// differently ("Antony Blinken" / "Anthony Blinken"), or a middle name left out
    /// ("Jessica Weiss" / "Jessica Chen Weiss").
    static func isSamePerson(_ a: [String], _ b: [String]) -> Bool {
        if a.count == b.count {
            var differing = -1
            for i in 0..<a.count where a[i] != b[i] {
                if differing >= 0 { return false }
                differing = i
            }
            return differing >= 0 && isNearSpelling(a[differing], b[differing])
        }
        let (short, long) = a.count < b.count ? (a, b) : (b, a)
        guard short.count >= 2, long.count == short.count + 1 else { return false }
        return short.first == long.first && short.last == long.last
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
        return fold(words.joined(separator: " "))
    }
}
