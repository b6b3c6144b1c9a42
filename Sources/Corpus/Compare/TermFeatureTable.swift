import Foundation

/// For every term of a lexicon, the comparison features it stands for, worked out once so that
/// scanning a corpus is array look-ups only.
///
/// A word term gives its stem mapped through the paraphrase table ("trips" → "visit"); a
/// hyphenated word gives its parts ("two-day" → "2", "day"; "highest-ranking" → "highest",
/// "rank"); number words and number tokens give their value ("five", "5" → "5"). Stopwords,
/// ignored words and punctuation give nothing, but every word keeps a stem id so two-word
/// paraphrases can be matched across stopwords ("touched down" → "arrive").
final class TermFeatureTable: @unchecked Sendable {
    /// Feature ids of term t: `ids[starts[t] ..< starts[t + 1]]`.
    let starts: [UInt32]
    let ids: [UInt32]
    /// Per term: its stem's id in `keys` for phrase matching, or `noStem`.
    let stems: [UInt32]
    /// Per term: bit 0 = number feature, bit 1 = the word "us" (a pronoun when written lowercase).
    let flags: [UInt8]
    /// The key of each feature id (and of each stem id: both share one id space).
    let keys: [String]
    /// (first stem id << 32 | second stem id) → feature id of the phrase's canonical word.
    let phrases: [UInt64: UInt32]

    static let noStem = UInt32.max
    static let numberFlag: UInt8 = 1
    static let usFlag: UInt8 = 2

    /// What one term contributes, as strings (worked out in parallel, interned afterwards).
    struct Draft: Sendable {
        var features: [String] = []
        var stem: String?
        var flags: UInt8 = 0
    }

    /// Builds the table for every term of `lexicon`.
    init(lexicon: Lexicon, normalizer: ContentNormalizer) {
        let count = lexicon.count
        let chunk = 4096
        let drafts = Parallel.map((count + chunk - 1) / chunk, chunk: 1) { c -> [Draft] in
            (c * chunk..<min(count, (c + 1) * chunk)).map { normalizer.draft(term: lexicon.term($0), kind: lexicon.kind($0)) }
        }
        // Feature ids follow the keys' byte order, not the lexicon's term order: the vectors are
        // sorted by feature id and their weights summed in that order (`SentenceVectors`), so
        // numbering by term id would make the scores' last bits depend on how the lexicon is
        // numbered (a load, an archive grown by --add, a compacted one number it differently).
        var distinct = Set<String>()
        for block in drafts {
            for draft in block {
                for feature in draft.features { distinct.insert(feature) }
                if let stem = draft.stem { distinct.insert(stem) }
            }
        }
        for (phrase, canonical) in normalizer.paraphrases.phrases {
            let parts = phrase.split(separator: " ")
            if parts.count == 2, distinct.contains(String(parts[0])), distinct.contains(String(parts[1])) {
                distinct.insert(canonical)
            }
        }
        let keys = distinct.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var interning: [String: UInt32] = [:]
        interning.reserveCapacity(keys.count)
        for (i, key) in keys.enumerated() { interning[key] = UInt32(i) }
        let interned = interning
        // The terms' keys are looked up in parallel blocks (the dictionary is only read), then
        // laid out in term order.
        let blocks = Parallel.map(drafts.count, chunk: 1) { b -> (ids: [UInt32], counts: [UInt32], stems: [UInt32]) in
            var ids: [UInt32] = []
            var counts: [UInt32] = []
            var stems: [UInt32] = []
            counts.reserveCapacity(drafts[b].count)
            stems.reserveCapacity(drafts[b].count)
            for draft in drafts[b] {
                for feature in draft.features { ids.append(interned[feature] ?? TermFeatureTable.noStem) }
                counts.append(UInt32(draft.features.count))
                stems.append(draft.stem.map { interned[$0] ?? TermFeatureTable.noStem } ?? TermFeatureTable.noStem)
            }
            return (ids, counts, stems)
        }
        var starts: [UInt32] = [0]
        var ids: [UInt32] = []
        var stems: [UInt32] = []
        var flags: [UInt8] = []
        starts.reserveCapacity(count + 1)
        stems.reserveCapacity(count)
        flags.reserveCapacity(count)
        ids.reserveCapacity(blocks.reduce(0) { $0 + $1.ids.count })
        for (b, block) in blocks.enumerated() {
            ids.append(contentsOf: block.ids)
            var end = starts[starts.count - 1]
            for n in block.counts {
                end += n
                starts.append(end)
            }
            stems.append(contentsOf: block.stems)
            for draft in drafts[b] { flags.append(draft.flags) }
        }
        var phrases: [UInt64: UInt32] = [:]
        for (phrase, canonical) in normalizer.paraphrases.phrases {
            let parts = phrase.split(separator: " ")
            guard parts.count == 2, let a = interned[String(parts[0])], let b = interned[String(parts[1])],
                  let c = interned[canonical] else { continue }
            phrases[UInt64(a) << 32 | UInt64(b)] = c
        }
        self.starts = starts
        self.ids = ids
        self.stems = stems
        self.flags = flags
        self.keys = keys
        self.phrases = phrases
    }

    /// Number of term entries.
    var termCount: Int { stems.count }
}

/// Turns normalised tokens into comparison keys: stems, paraphrases, number values.
public struct ContentNormalizer: Sendable {
    /// Words that carry no content (they give no feature).
    public var stopwords: Stopwords
    /// Paraphrases folded onto one word.
    public var paraphrases: ParaphraseTable

    /// A normaliser with the English stopwords plus a few reporting and title words, and the
    /// news paraphrase table.
    public init(stopwords: Stopwords = ContentNormalizer.defaultStopwords, paraphrases: ParaphraseTable = .news) {
        self.stopwords = stopwords
        self.paraphrases = paraphrases
    }

    /// English stopwords plus words that say nothing about a fact ("mr", "also", "according").
    public static let defaultStopwords = Stopwords.english.adding([
        "mr", "mrs", "ms", "dr", "also", "according", "however", "although", "though", "yet", "still",
        "even", "like", "since", "among", "within", "without", "upon", "via", "per", "may", "many",
        "much", "one", "ones", "well", "another", "every", "including", "whether", "already",
    ])

    /// The comparison keys of one token, given its normal form and kind, in order
    /// ("highest-ranking" → ["highest", "rank"], "Five" → ["5"], "the" → []).
    public func keys(norm: String, kind: TokenKind) -> [String] {
        draft(term: norm, kind: kind).features
    }

    /// The keys of every token of a text, in order, as sentence comparison sees them: two-word
    /// paraphrases ("touched down" → "arrive") and lowercase "us" (the pronoun) included.
    public func keys(in text: String) -> [String] {
        let tokens = SentenceTokens(text)
        var out: [String] = []
        var i = 0
        while i < tokens.count {
            defer { i += 1 }
            let kind = tokens.kinds[i]
            guard kind != .punct else { continue }
            let norm = tokens.norms[i]
            if i + 1 < tokens.count, kind == .word, tokens.kinds[i + 1] == .word,
               let canonical = paraphrases.canonical(WordStemmer.stem(norm), WordStemmer.stem(tokens.norms[i + 1])) {
                out.append(canonical)
                i += 1
                continue
            }
            if norm == "us" && !tokens.isCapitalised(i) { continue }
            out.append(contentsOf: keys(norm: norm, kind: kind))
        }
        return out
    }

    /// Works out what one term contributes.
    func draft(term: String, kind: TokenKind) -> TermFeatureTable.Draft {
        var draft = TermFeatureTable.Draft()
        switch kind {
        case .punct:
            return draft
        case .number:
            draft.flags = TermFeatureTable.numberFlag
            for part in term.split(whereSeparator: { $0 == "-" || $0 == "/" }) {
                let text = String(part)
                draft.features.append(NumberWords.value(ofNumber: text).map(NumberWords.key) ?? text)
            }
            return draft
        case .word:
            // "Mr." → "mr", "U.S." → "us", "'tis" → "tis".
            let bare = term.trimmingCharacters(in: CharacterSet(charactersIn: "'")).replacingOccurrences(of: ".", with: "")
            draft.stem = WordStemmer.stem(bare)
            if bare == "us" || bare == "u.s." { draft.flags |= TermFeatureTable.usFlag }
            let parts = bare.contains("-") ? bare.split(separator: "-").map(String.init) : [bare]
            for part in parts where !part.isEmpty {
                if let value = NumberWords.value(of: part), part != "one" {
                    draft.features.append(NumberWords.key(value))
                    draft.flags |= TermFeatureTable.numberFlag
                } else if part.first?.isNumber == true {
                    draft.features.append(NumberWords.value(ofNumber: part).map(NumberWords.key) ?? part)
                } else if !stopwords.contains(part) && part.count > 1 {
                    let key = paraphrases.canonical(WordStemmer.stem(part))
                    if !draft.features.contains(key) { draft.features.append(key) }
                }
            }
            return draft
        }
    }
}
