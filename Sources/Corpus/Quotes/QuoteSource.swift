/// A text as the quote stages read it: its bytes, tokens, sentences and paragraphs.
///
/// Internal. It holds a pointer into the text's UTF-8 storage, so it only lives inside
/// `withSource` (which keeps the text alive).
struct QuoteSource {
    let text: UTF8Bytes
    /// The tokens, with byte offsets (a corpus document's are scanned a paragraph at a time, when read).
    let tokens: QuoteTokens
    /// Sentences: token ranges and byte ranges.
    let sentences: [SentenceSpan]
    /// Paragraphs as byte ranges.
    let paragraphs: [Range<Int>]
    /// Token range of each paragraph.
    var paragraphTokens: [Range<Int>] { tokens.paragraphTokens }
    /// Position of the document in its corpus (0 for free text).
    let document: Int

    init(text: UTF8Bytes, tokens: [TokenSpan], sentences: [SentenceSpan], paragraphs: [Range<Int>], document: Int) {
        self.init(text: text, tokens: QuoteTokens(text: text, tokens: tokens, paragraphs: paragraphs),
                  sentences: sentences, paragraphs: paragraphs, document: document)
    }

    init(text: UTF8Bytes, tokens: QuoteTokens, sentences: [SentenceSpan], paragraphs: [Range<Int>], document: Int) {
        self.text = text
        self.tokens = tokens
        self.sentences = sentences
        self.paragraphs = paragraphs
        self.document = document
    }

    /// Runs `body` over a document's text and structure.
    ///
    /// A document none of whose tokens can be a quotation mark (by its term ids) reads as empty:
    /// it has no quotes. When the document's layout is known already (the entity index found
    /// it), its tokens are scanned only where the stages read them (`QuoteTokens`); otherwise
    /// the text is tokenised once and the layout found from those tokens.
    static func withSource<T>(_ document: Document, _ body: (QuoteSource) -> T) -> T {
        let index = document.index
        let marks = markTokens(of: document)
        if marks.isEmpty { return withEmpty(document: index, body) }
        var text = document.text
        if let layout = document.knownLayout, layout.tokenCount == document.terms.count {
            let sentences = sentenceSpans(layout)
            let paragraphs = layout.paragraphs
            let lazy: T? = text.withUTF8 { buffer in
                guard let base = buffer.baseAddress, buffer.count > 0 else { return nil }
                let bytes = UTF8Bytes(base: base, count: buffer.count)
                guard let tokens = QuoteTokens(text: bytes, count: layout.tokenCount, paragraphs: paragraphs,
                                               sentences: sentences, marks: marks) else { return nil }
                return body(QuoteSource(text: bytes, tokens: tokens, sentences: sentences, paragraphs: paragraphs,
                                        document: index))
            }
            if let lazy { return lazy }
        }
        let tokens = document.tokenSpans()
        let layout = document.layout(tokens: tokens)
        let sentences = sentenceSpans(layout)
        let paragraphs = layout.paragraphs
        return text.withUTF8 { buffer in
            guard let base = buffer.baseAddress, buffer.count > 0 else {
                return withEmpty(document: index, body)
            }
            // The stored structure must fit the text; anything else is treated as no text.
            guard tokens.allSatisfy({ $0.start >= 0 && $0.end <= buffer.count }),
                  paragraphs.allSatisfy({ $0.lowerBound >= 0 && $0.upperBound <= buffer.count })
            else { return withEmpty(document: index, body) }
            // Sentences must fit the tokens too; if they do not, split them again here.
            let fits = sentences.allSatisfy {
                $0.tokens.lowerBound <= $0.tokens.upperBound && $0.tokens.upperBound <= tokens.count
                    && $0.bytes.upperBound <= buffer.count
            }
            let checked = fits ? sentences : SentenceSplitter.sentences(in: buffer, tokens: tokens, paragraphs: paragraphs)
            let source = QuoteSource(text: UTF8Bytes(base: base, count: buffer.count), tokens: tokens,
                                     sentences: checked, paragraphs: paragraphs, document: index)
            return body(source)
        }
    }

    /// A layout's sentences as the stages read them: token and byte ranges.
    private static func sentenceSpans(_ layout: DocumentLayout) -> [SentenceSpan] {
        (0..<layout.sentenceCount).map { SentenceSpan(tokens: layout.sentenceTokens($0), bytes: layout.sentenceBytes($0)) }
    }

    /// The tokens of a document that may be quotation marks, by term id: the normal forms of
    /// every quotation glyph (`QuoteMarks.glyph`) are `"`, `'`, `«` and `»`.
    static func markTokens(of document: Document) -> [Int] {
        let ids = Self.markTerms.compactMap { document.lexicon.id(of: $0) }.map(UInt32.init)
        guard !ids.isEmpty else { return [] }
        var found: [Int] = []
        document.terms.forEachID { i, id in
            if ids.contains(id) { found.append(i) }
        }
        return found
    }

    private static let markTerms = ["\"", "'", "\u{AB}", "\u{BB}"]

    /// Runs `body` over free text, segmented here.
    static func withSource<T>(_ string: String, document: Int = 0, _ body: (QuoteSource) -> T) -> T {
        var string = string
        return string.withUTF8 { buffer in
            guard let base = buffer.baseAddress, buffer.count > 0 else { return withEmpty(document: document, body) }
            let tokens = Tokenizer.tokens(in: buffer)
            let paragraphs = ParagraphSplitter.paragraphs(in: buffer)
            let sentences = SentenceSplitter.sentences(in: buffer, tokens: tokens, paragraphs: paragraphs)
            let source = QuoteSource(text: UTF8Bytes(base: base, count: buffer.count), tokens: tokens,
                                     sentences: sentences, paragraphs: paragraphs, document: document)
            return body(source)
        }
    }

    private static func withEmpty<T>(document: Int, _ body: (QuoteSource) -> T) -> T {
        let storage = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
        storage.initialize(to: 0x20)
        defer { storage.deallocate() }
        return body(QuoteSource(text: UTF8Bytes(base: UnsafePointer(storage), count: 0), tokens: [], sentences: [],
                                paragraphs: [], document: document))
    }

    // MARK: - Lookups

    /// The paragraph holding byte `offset` (the last one starting at or before it).
    func paragraph(ofByte offset: Int) -> Int {
        lastIndex(paragraphs.count) { paragraphs[$0].lowerBound <= offset }
    }

    /// The sentence holding byte `offset` (the last one starting at or before it).
    func sentence(ofByte offset: Int) -> Int {
        lastIndex(sentences.count) { sentences[$0].bytes.lowerBound <= offset }
    }

    /// The sentence holding token `index`.
    func sentence(ofToken index: Int) -> Int {
        lastIndex(sentences.count) { sentences[$0].tokens.lowerBound <= index }
    }

    /// The first token starting at or after byte `offset`.
    func token(atOrAfter offset: Int) -> Int { tokens.firstToken(atOrAfter: offset) }

    /// The largest index in `0..<count` for which `isAtOrBefore` holds (a monotone predicate), or 0.
    private func lastIndex(_ count: Int, _ isAtOrBefore: (Int) -> Bool) -> Int {
        var lo = 0
        var hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if isAtOrBefore(mid) { lo = mid + 1 } else { hi = mid }
        }
        return max(0, lo - 1)
    }

    // MARK: - Text

    /// The text of a byte range.
    func string(_ range: Range<Int>) -> String {
        let lower = max(0, min(range.lowerBound, text.count))
        let upper = max(lower, min(range.upperBound, text.count))
        return String(decoding: UnsafeBufferPointer(start: text.base + lower, count: upper - lower), as: UTF8.self)
    }

    /// The text of token `i`.
    func string(ofToken i: Int) -> String { string(tokens[i].range) }

    /// The lowercased text of token `i` (ASCII fast path: lowercased straight into the string,
    /// which for a word of up to 15 bytes allocates nothing).
    func lower(_ i: Int) -> String {
        let t = tokens[i]
        let bytes = UnsafeBufferPointer(start: text.base + t.start, count: t.length)
        return Tokenizer.lowercasedASCIIString(bytes) ?? string(ofToken: i).lowercased()
    }

    /// Whether token `i` is a word starting with an uppercase letter.
    func isCapitalised(_ i: Int) -> Bool {
        guard tokens[i].kind == .word else { return false }
        return text.isUppercase(at: tokens[i].start)
            || NameParticles.isParticleName(text.base, start: tokens[i].start, end: tokens[i].end)  // "al-Sabah"
    }

    /// Whether token `i` is a word starting with a lowercase letter.
    func isLowercaseWord(_ i: Int) -> Bool {
        tokens[i].kind == .word && text.isLowercase(at: tokens[i].start)
    }

    /// Whether token `i` is the punctuation character `ascii`.
    func isPunct(_ i: Int, _ ascii: UInt8) -> Bool {
        tokens[i].kind == .punct && tokens[i].length == 1 && text.base[tokens[i].start] == ascii
    }

    /// Whether token `i` is a possessive clitic ("’s", "'s") or a lone apostrophe after a plural.
    func isPossessive(_ i: Int) -> Bool {
        let t = tokens[i]
        if t.kind == .word {
            if t.length == 2 && text.base[t.start] == 0x27 { return true }
            if t.length == 4 && text.base[t.start] == 0xE2 && text.base[t.start + 1] == 0x80 && text.base[t.start + 2] == 0x99 {
                return true
            }
        }
        return false
    }

    /// Whether the bytes between two tokens hold a line break.
    func lineBreak(between a: Int, and b: Int) -> Bool {
        text.containsLineBreak(from: tokens[a].end, to: tokens[b].start)
    }

    /// Whether token `i` ends a sentence (. ! ? … or a closing mark right after one of those).
    func isSentenceEnd(_ i: Int) -> Bool {
        let t = tokens[i]
        guard t.kind == .punct else { return false }
        let b = text.base[t.start]
        if b == 0x2E || b == 0x21 || b == 0x3F { return true }
        if b == 0xE2 && t.length == 3 && text.base[t.start + 1] == 0x80 && text.base[t.start + 2] == 0xA6 { return true }
        return false
    }

    /// A byte range trimmed of whitespace at both ends.
    func trimmed(_ range: Range<Int>) -> Range<Int> {
        var s = max(0, range.lowerBound)
        var e = min(text.count, range.upperBound)
        while s < e {
            let n = text.spaceLength(at: s)
            if n == 0 { break }
            s += n
        }
        while e > s {
            let n = text.trailingSpaceLength(endingAt: e, notBefore: s)
            if n == 0 { break }
            e -= n
        }
        return s..<e
    }

    /// A quote's last piece trimmed of whitespace and of the comma, semicolon or colon that
    /// belongs to the writer's sentence (`"…intentional," he added` → `…intentional`).
    func trimmedClause(_ range: Range<Int>) -> Range<Int> {
        var r = trimmed(range)
        while r.count > 0 {
            let b = text.base[r.upperBound - 1]
            guard b == 0x2C || b == 0x3B || b == 0x3A else { break }
            r = trimmed(r.lowerBound..<(r.upperBound - 1))
        }
        return r
    }
}
