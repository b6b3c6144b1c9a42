/// A yes/no flag per term id of a lexicon: which terms a statistic reports.
///
/// Statistics loop over term ids; deciding "is this a stopword?" or "is this a word?" with
/// an array lookup keeps strings out of the hot loops.
struct TermMask {
    /// `allowed[id]` is true when term `id` may appear in results.
    var allowed: [Bool]

    /// Terms of the given kinds, minus the stopwords (when given).
    init(lexicon: Lexicon, kinds: Set<TokenKind>, stopwords: Stopwords?) {
        let kindAllowed = TokenKind.allCases.map { kinds.contains($0) }
        allowed = lexicon.kinds.map { kindAllowed[Int($0.rawValue)] }
        if let stopwords {
            for id in Self.ids(of: stopwords, in: lexicon) { allowed[id] = false }
        }
    }

    /// The ids of the stopwords the lexicon holds.
    static func ids(of stopwords: Stopwords, in lexicon: Lexicon) -> [Int] {
        stopwords.words.compactMap { lexicon.id(of: $0) }
    }

    /// A flag per term id: true for stopwords.
    static func stopwordFlags(_ stopwords: Stopwords?, lexicon: Lexicon) -> [Bool] {
        var flags = [Bool](repeating: false, count: lexicon.count)
        if let stopwords {
            for id in ids(of: stopwords, in: lexicon) { flags[id] = true }
        }
        return flags
    }

    @inline(__always)
    subscript(_ id: Int) -> Bool { allowed[id] }
}
