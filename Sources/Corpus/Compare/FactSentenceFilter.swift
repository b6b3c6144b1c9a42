import Foundation

/// Which sentences of a document can state a fact, decided on the index's term ids before any
/// token is read as a string, and the words capitalised inside its sentences (what
/// `FactContext.innerNames` reads from strings), read the same way.
///
/// `FactExtractor` finds a fact only at a number, a weekday, "weekend", a capitalised month, a
/// number word other than "one", a hyphenated word starting with a number ("two-day", "5-year")
/// or a capitalised title ("Minister"). A sentence with none of these states no fact, so the
/// claims' statements and the conflict search skip it without making a `SentenceTokens` (a
/// `String` per token): most sentences of news have no such token. What they find is the same.
struct FactSentenceFilter: Sendable {
    /// Per term of the lexicon: `always`, `capitalised` (a month or a title) or 0.
    let triggers: [UInt8]

    /// The lexicon the triggers are of.
    let lexicon: Lexicon

    static let always: UInt8 = 1
    static let capitalised: UInt8 = 2

    /// Works out every term's trigger once (in parallel chunks of the lexicon).
    init(lexicon: Lexicon) {
        let count = lexicon.count
        let chunk = 8192
        let parts = Parallel.map((count + chunk - 1) / chunk, chunk: 1) { c -> [UInt8] in
            (c * chunk..<min(count, (c + 1) * chunk)).map { Self.trigger(term: lexicon.term($0), kind: lexicon.kind($0)) }
        }
        self.init(triggers: parts.flatMap { $0 }, lexicon: lexicon)
    }

    private init(triggers: [UInt8], lexicon: Lexicon) {
        self.triggers = triggers
        self.lexicon = lexicon
    }

    /// The filter of `lexicon`, built once and kept for the last lexicon asked about (the claims'
    /// statements, the conflict search and the conflicts of each claim all use it). The cache
    /// holds the lexicon weakly: a corpus that is gone is not kept alive by it.
    static func shared(for lexicon: Lexicon) -> FactSentenceFilter {
        cacheLock.lock()
        defer { cacheLock.unlock() }
        if let cached, cached.lexicon === lexicon { return FactSentenceFilter(triggers: cached.triggers, lexicon: lexicon) }
        let filter = FactSentenceFilter(lexicon: lexicon)
        cached = Cached(lexicon: lexicon, triggers: filter.triggers)
        return filter
    }

    /// The last filter built: its triggers and, weakly, its lexicon.
    private final class Cached {
        weak var lexicon: Lexicon?
        let triggers: [UInt8]
        init(lexicon: Lexicon, triggers: [UInt8]) {
            self.lexicon = lexicon
            self.triggers = triggers
        }
    }

    private static let cacheLock = NSLock()
    nonisolated(unsafe) private static var cached: Cached?

    /// Whether sentence `s` of `doc`, read as `tokens`, may state a fact: from its term ids when
    /// they line up with `tokens` (the capitals of months and titles from `tokens`), else true.
    func mayStateFact(_ doc: Document, sentence s: Int, tokens: SentenceTokens) -> Bool {
        guard doc.lexicon === lexicon else { return true }
        let range = doc.sentenceTokens(s)
        guard range.count == tokens.count else { return true }
        let terms = doc.terms
        var k = 0
        for i in range {
            let t = Int(terms[i])
            guard t < triggers.count else { return true }
            let trigger = triggers[t]
            if trigger == Self.always || (trigger == Self.capitalised && tokens.isCapitalised(k)) { return true }
            k += 1
        }
        return false
    }

    /// Whether a token of this normal form and kind can start or anchor a fact (`FactExtractor`):
    /// `always`, only when `capitalised`, or never (0).
    static func trigger(term norm: String, kind: TokenKind) -> UInt8 {
        if kind == .number { return always }
        if FactExtractor.weekdays[norm] != nil || norm == "weekend" || norm == "weekend's" { return always }
        if norm != "one", NumberWords.value(of: norm) != nil { return always }
        if let dash = norm.firstIndex(of: "-") {
            let head = String(norm[..<dash])
            let tail = norm[norm.index(after: dash)...]
            if head != "one", NumberWords.value(of: head) ?? NumberWords.value(ofNumber: head) != nil,
               !tail.isEmpty, !tail.contains("-") { return always }
        }
        if FactExtractor.months[norm] != nil || FactExtractor.titles.contains(norm) { return capitalised }
        return 0
    }

    /// One document's sentences as the filter reads them.
    struct Reading {
        /// Whether the document's tokens and term ids line up (always, for an indexed document);
        /// when not, every sentence may state a fact and `inner` is empty: read them all.
        var aligned = true
        /// Per sentence: whether it may state a fact.
        var mayStateFact: [Bool] = []
        /// Per sentence: the term ids of its words capitalised after its first word.
        var innerStarts: [Int] = [0]
        var innerTerms: [UInt32] = []
        /// Per sentence: the term id of its first word, or -1 (none, or not aligned).
        var firstTerms: [Int32] = []

        /// The inner capitalised terms of sentence `s`.
        func inner(_ s: Int) -> ArraySlice<UInt32> { innerTerms[innerStarts[s]..<innerStarts[s + 1]] }
    }

    /// Reads `doc`'s sentences: which may state a fact, and which words each capitalises inside.
    func read(_ doc: Document) -> Reading {
        let spans = doc.tokenSpans()
        var text = doc.text
        return text.withUTF8 { bytes in read(doc, spans: spans, bytes: bytes) }
    }

    /// `read(_:)` from the document's tokens `spans` (`Document.tokenSpans()`) and its text's
    /// UTF-8 `bytes`, for a caller that has them already (`SentenceVectors`).
    func read(_ doc: Document, spans: [TokenSpan], bytes: UnsafeBufferPointer<UInt8>) -> Reading {
        var reading = Reading()
        let terms = doc.terms
        let layout = doc.layout(tokens: spans)
        let aligned = spans.count == terms.count
        reading.aligned = aligned
        func isCapitalised(_ i: Int) -> Bool {
            let span = spans[i]
            guard span.start < bytes.count else { return false }
            let first = bytes[span.start]
            if first < 0x80 { return first &- UInt8(ascii: "A") < 26 }
            let end = min(bytes.count, span.start + span.length)
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[span.start..<end]), as: UTF8.self)
                .first?.isUppercase ?? false
        }
        for s in 0..<layout.sentenceCount {
            let range = layout.sentenceTokens(s)
            var may = !aligned
            var firstWord = true
            var firstTerm: Int32 = -1
            for i in range where i < spans.count {
                let t = aligned ? Int(terms[i]) : -1
                let trigger = t >= 0 && t < triggers.count ? triggers[t] : Self.always
                if trigger == Self.always || (trigger == Self.capitalised && isCapitalised(i)) { may = true }
                guard spans[i].kind == .word else { continue }
                if firstWord {
                    firstWord = false
                    if t >= 0 { firstTerm = Int32(t) }
                } else if t >= 0, isCapitalised(i) {
                    reading.innerTerms.append(UInt32(t))
                }
            }
            reading.mayStateFact.append(may)
            reading.firstTerms.append(firstTerm)
            reading.innerStarts.append(reading.innerTerms.count)
        }
        return reading
    }

    /// `known` for `FactContext` as far as it matters for `tokens`: it is only asked about the
    /// sentence's first word, so this holds that word when `inner` (term ids) has it, else nothing.
    static func known(for tokens: SentenceTokens, inner: Set<UInt32>, lexicon: Lexicon) -> Set<String> {
        guard tokens.firstWord >= 0 else { return [] }
        let norm = tokens.norms[tokens.firstWord]
        guard let id = lexicon.id(of: norm), inner.contains(UInt32(id)) else { return [] }
        return [norm]
    }
}
