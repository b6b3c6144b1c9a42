/// "Did you mean …?" for a name a script got wrong: a method, a field, an option.
///
/// Names are compared as CPython compares them for its own suggestions (`AttributeError: …
/// Did you mean: 'collocations'?`): a Levenshtein distance where an insertion, deletion or
/// substitution costs 2 and a change of case costs 1, and a name is close when the distance is at
/// most a third of the characters involved. When none is that close, the names that start with
/// what was written (three characters or more) are offered instead: `ent` → `entities`, `entity`.
///
///     NameSuggestions.closest(to: "collocates", among: ["collocations", "kwic"])   // ["collocations"]
///     NameSuggestions.hint(["speaker"])                                          // " (did you mean 'speaker'?)"
public enum NameSuggestions {
    /// The best candidates for `name`, in the order `candidates` lists them (ties are all kept,
    /// at most `limit`); empty when none is close.
    public static func closest(to name: String, among candidates: [String], limit: Int = 3) -> [String] {
        let typed = Array(name.utf8)
        guard !typed.isEmpty, typed.count <= maximumLength else { return [] }
        var best = Int.max
        var found: [String] = []
        for candidate in candidates where candidate != name && !found.contains(candidate) {
            let other = Array(candidate.utf8)
            guard other.count <= maximumLength else { continue }
            let allowed = min((typed.count + other.count + 3) * moveCost / 6, best)
            let d = distance(typed, other, limit: allowed)
            guard d <= allowed else { continue }
            if d < best {
                best = d
                found = [candidate]
            } else if found.count < limit {
                found.append(candidate)
            }
        }
        if found.isEmpty, typed.count >= 3 {
            found = Array(candidates.filter { $0 != name && $0.hasPrefix(name) }.prefix(limit))
        }
        return found
    }

    /// `" (did you mean 'a'?)"`, `" (did you mean 'a' or 'b'?)"`, or `""` for no suggestion.
    public static func hint(_ suggestions: [String]) -> String {
        guard let last = suggestions.last else { return "" }
        let quoted = suggestions.dropLast().map { "'\($0)'" }
        let list = quoted.isEmpty ? "'\(last)'" : quoted.joined(separator: ", ") + " or '\(last)'"
        return " (did you mean \(list)?)"
    }

    /// Names longer than this are never compared (nor suggested): typos are in short names.
    static let maximumLength = 40
    static let moveCost = 2
    static let caseCost = 1

    /// The weighted edit distance of `a` and `b`, or `limit + 1` as soon as it must exceed `limit`.
    static func distance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
        if a == b { return 0 }
        // Common ends cost nothing and only slow the table down.
        var start = 0
        while start < a.count, start < b.count, a[start] == b[start] { start += 1 }
        var endA = a.count, endB = b.count
        while endA > start, endB > start, a[endA - 1] == b[endB - 1] { endA -= 1; endB -= 1 }
        var short = Array(a[start..<endA]), long = Array(b[start..<endB])
        if short.count > long.count { swap(&short, &long) }
        if short.isEmpty { return long.count * moveCost <= limit ? long.count * moveCost : limit + 1 }
        if (long.count - short.count) * moveCost > limit { return limit + 1 }
        // One row of the Levenshtein table over `short`, filled for each byte of `long`.
        var row = (0...short.count).map { $0 * moveCost }
        for (j, byte) in long.enumerated() {
            var diagonal = row[0]
            row[0] = (j + 1) * moveCost
            var rowMinimum = row[0]
            for i in 1...short.count {
                let substitution = diagonal + substitutionCost(short[i - 1], byte)
                diagonal = row[i]
                row[i] = min(substitution, row[i] + moveCost, row[i - 1] + moveCost)
                rowMinimum = min(rowMinimum, row[i])
            }
            if rowMinimum > limit { return limit + 1 }
        }
        return row[short.count]
    }

    /// 0 for the same byte, `caseCost` for the same ASCII letter in another case, else `moveCost`.
    static func substitutionCost(_ a: UInt8, _ b: UInt8) -> Int {
        if a == b { return 0 }
        func lower(_ c: UInt8) -> UInt8 { (c >= 65 && c <= 90) ? c + 32 : c }
        return lower(a) == lower(b) && lower(a) >= 97 && lower(a) <= 122 ? caseCost : moveCost
    }
}
