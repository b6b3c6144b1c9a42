/// A text's tokens as the quote stages read them: by index, with byte offsets.
///
/// Internal. A corpus document keeps its tokens as term ids only (`Document.terms`), and the
/// quote stages need byte offsets, yet they read the tokens of a few paragraphs around each
/// quotation mark. So when the document's layout is known (the entity index found it), the
/// tokens are scanned a paragraph at a time, the first time one of that paragraph's tokens is
/// read: the layout's sentences give each paragraph's first token index, the term ids say which
/// paragraphs hold a quotation mark at all. Every scanned paragraph is checked against its
/// sentences (token count, first and last byte); on any mismatch the whole text is tokenised
/// as before, so what the stages read is always `Tokenizer.tokens(in:)` of the text.
///
/// It points into the text's UTF-8 storage, so it only lives inside `QuoteSource.withSource`.
final class QuoteTokens {
    /// Number of tokens.
    let count: Int
    /// The tokens; a zero length marks one not scanned yet (a real token is never empty).
    private let storage: UnsafeMutablePointer<TokenSpan>
    private let text: UTF8Bytes
    private let paragraphs: [Range<Int>]
    /// Token range of each paragraph.
    private(set) var paragraphTokens: [Range<Int>]
    /// Lazy reading only: whether each paragraph has been scanned (nil once every token is known).
    private var scanned: [Bool]?
    /// Lazy reading only: whether each paragraph holds a token that may be a quotation mark.
    private var marked: [Bool]?
    /// Lazy reading only: the first and last sentence of each paragraph (empty when it has none).
    private var paragraphSentences: [Range<Int>]
    private let sentences: [SentenceSpan]

    /// Tokens found already (`Tokenizer.tokens(in:)` of `text`).
    init(text: UTF8Bytes, tokens: [TokenSpan], paragraphs: [Range<Int>]) {
        self.text = text
        self.paragraphs = paragraphs
        count = tokens.count
        let storage = UnsafeMutablePointer<TokenSpan>.allocate(capacity: max(1, tokens.count))
        tokens.withUnsafeBufferPointer { source in
            if let base = source.baseAddress { storage.initialize(from: base, count: source.count) }
        }
        self.storage = storage
        paragraphTokens = Self.rangesByStart(storage, count: tokens.count, paragraphs: paragraphs)
        scanned = nil
        marked = nil
        paragraphSentences = []
        sentences = []
    }

    /// Tokens scanned on demand, a paragraph at a time, from a document's stored structure:
    /// `count` tokens (its term count), its paragraphs and sentences (its layout), and the
    /// tokens that may be quotation marks (`marks`, ascending). Nil when the structure does not
    /// show where each paragraph's tokens start (then tokenise the whole text).
    init?(text: UTF8Bytes, count: Int, paragraphs: [Range<Int>], sentences: [SentenceSpan], marks: [Int]) {
        guard count > 0, !paragraphs.isEmpty, !sentences.isEmpty,
              let ranges = Self.paragraphStarts(text: text, count: count, paragraphs: paragraphs, sentences: sentences)
        else { return nil }
        self.text = text
        self.paragraphs = paragraphs
        self.sentences = sentences
        self.count = count
        paragraphTokens = ranges.tokens
        paragraphSentences = ranges.sentences
        storage = .allocate(capacity: count)
        storage.initialize(repeating: TokenSpan(start: 0, length: 0, kind: .punct), count: count)
        scanned = [Bool](repeating: false, count: paragraphs.count)
        var marked = [Bool](repeating: false, count: paragraphs.count)
        var p = 0
        for m in marks {
            while p < ranges.tokens.count && ranges.tokens[p].upperBound <= m { p += 1 }
            if p < marked.count { marked[p] = true }
        }
        self.marked = marked
    }

    deinit {
        storage.deinitialize(count: max(0, count))
        storage.deallocate()
    }

    /// Token `i` (scanning its paragraph the first time).
    @inline(__always)
    subscript(i: Int) -> TokenSpan {
        precondition(i >= 0 && i < count, "token index out of range")
        let t = storage[i]
        if t.length > 0 { return t }
        return scanParagraph(holding: i)
    }

    /// Whether paragraph `p` may hold a quotation mark (false only when its term ids say it does not).
    func mayHoldMarks(paragraph p: Int) -> Bool {
        guard let marked else { return true }
        return p < marked.count ? marked[p] : true
    }

    /// Index of the first token that starts at or after byte `offset`, or `count`.
    func firstToken(atOrAfter offset: Int) -> Int {
        if scanned != nil {
            // The first paragraph ending after `offset`: earlier ones' tokens all start before it.
            var lo = 0
            var hi = paragraphs.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if paragraphs[mid].upperBound <= offset { lo = mid + 1 } else { hi = mid }
            }
            if lo == paragraphs.count { return count }
            if paragraphs[lo].lowerBound >= offset { return paragraphTokens[lo].lowerBound }
            let range = paragraphTokens[lo]
            if !range.isEmpty { _ = self[range.lowerBound] }
            if scanned != nil { return search(range, offset) }
        }
        return search(0..<count, offset)
    }

    private func search(_ range: Range<Int>, _ offset: Int) -> Int {
        var low = range.lowerBound
        var high = range.upperBound
        while low < high {
            let mid = (low + high) / 2
            if storage[mid].start < offset { low = mid + 1 } else { high = mid }
        }
        return low
    }

    // MARK: - Scanning

    /// Scans the paragraph holding token `i`; on a mismatch, the whole text.
    private func scanParagraph(holding i: Int) -> TokenSpan {
        if let scanned {
            var lo = 0
            var hi = paragraphTokens.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if paragraphTokens[mid].upperBound <= i { lo = mid + 1 } else { hi = mid }
            }
            if lo < paragraphTokens.count, paragraphTokens[lo].contains(i), !scanned[lo], scan(paragraph: lo) {
                self.scanned?[lo] = true
                let t = storage[i]
                if t.length > 0 { return t }
            }
        }
        scanWholeText()
        return storage[i]
    }

    /// Scans paragraph `p` into its token slots; false when what it finds does not fit the
    /// paragraph's sentences.
    private func scan(paragraph p: Int) -> Bool {
        let bounds = paragraphs[p]
        let range = paragraphTokens[p]
        let start = range.lowerBound
        let expected = range.count
        var n = 0
        var fits = true
        let slice = UnsafeBufferPointer(start: text.base + bounds.lowerBound, count: bounds.count)
        Tokenizer.scan(slice) { token in
            guard n < expected else { fits = false; return }
            storage[start + n] = TokenSpan(start: token.start + bounds.lowerBound, length: token.length, kind: token.kind)
            n += 1
        }
        guard fits, n == expected else { return false }
        // Each sentence of the paragraph starts and ends on the tokens the layout says.
        for s in paragraphSentences[p] {
            let sentence = sentences[s]
            guard sentence.tokens.lowerBound >= start, sentence.tokens.lowerBound < start + n,
                  storage[sentence.tokens.lowerBound].start == sentence.bytes.lowerBound else { return false }
        }
        if let last = paragraphSentences[p].last, n > 0, storage[start + n - 1].end != sentences[last].bytes.upperBound {
            return false
        }
        return true
    }

    /// Tokenises the whole text, as the eager reading does, and forgets the paragraph bookkeeping.
    private func scanWholeText() {
        let all = Tokenizer.tokens(in: UnsafeBufferPointer(start: text.base, count: text.count))
        // The layout and the terms come from this very tokenisation, so the counts agree; a
        // shorter list (never seen) leaves the rest as one-byte punctuation at the text's end.
        for k in 0..<count {
            storage[k] = k < all.count ? all[k] : TokenSpan(start: max(0, text.count - 1), length: 1, kind: .punct)
        }
        paragraphTokens = Self.rangesByStart(storage, count: count, paragraphs: paragraphs)
        scanned = nil
        marked = nil
    }

    // MARK: - Structure

    /// The tokens of each paragraph: those starting inside it (tokens in order).
    private static func rangesByStart(_ tokens: UnsafeMutablePointer<TokenSpan>, count: Int,
                                      paragraphs: [Range<Int>]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(paragraphs.count)
        var t = 0
        for p in paragraphs {
            while t < count && tokens[t].start < p.lowerBound { t += 1 }
            let first = t
            while t < count && tokens[t].start < p.upperBound { t += 1 }
            ranges.append(first..<t)
        }
        return ranges
    }

    /// Each paragraph's token range and sentences, read from the layout: a paragraph's tokens
    /// run from its first sentence's first token to the next paragraph's. Nil unless every
    /// sentence lies inside one paragraph, the first starts at token 0 and the text between
    /// paragraphs is whitespace (so no token lies outside them).
    private static func paragraphStarts(text: UTF8Bytes, count: Int, paragraphs: [Range<Int>],
                                        sentences: [SentenceSpan]) -> (tokens: [Range<Int>], sentences: [Range<Int>])? {
        // No token between, before or after the paragraphs.
        var gap = 0
        for p in paragraphs {
            guard p.lowerBound >= gap, p.upperBound <= text.count, p.lowerBound <= p.upperBound,
                  isBlank(text, gap..<p.lowerBound) else { return nil }
            gap = p.upperBound
        }
        guard isBlank(text, gap..<text.count) else { return nil }
        guard sentences[0].tokens.lowerBound == 0 else { return nil }

        var firstSentence = [Int](repeating: sentences.count, count: paragraphs.count)
        var lastSentence = [Int](repeating: -1, count: paragraphs.count)
        var p = 0
        var previousStart = -1
        for (s, sentence) in sentences.enumerated() {
            guard sentence.tokens.lowerBound > previousStart, sentence.tokens.lowerBound < count,
                  sentence.bytes.lowerBound < sentence.bytes.upperBound else { return nil }
            previousStart = sentence.tokens.lowerBound
            while p < paragraphs.count && paragraphs[p].upperBound <= sentence.bytes.lowerBound { p += 1 }
            guard p < paragraphs.count, paragraphs[p].lowerBound <= sentence.bytes.lowerBound,
                  sentence.bytes.upperBound <= paragraphs[p].upperBound else { return nil }
            if firstSentence[p] == sentences.count { firstSentence[p] = s }
            lastSentence[p] = s
        }
        var starts = [Int](repeating: count, count: paragraphs.count + 1)
        for q in stride(from: paragraphs.count - 1, through: 0, by: -1) {
            starts[q] = firstSentence[q] < sentences.count ? sentences[firstSentence[q]].tokens.lowerBound : starts[q + 1]
        }
        guard starts[0] == 0 else { return nil }
        var tokens: [Range<Int>] = []
        var own: [Range<Int>] = []
        tokens.reserveCapacity(paragraphs.count)
        own.reserveCapacity(paragraphs.count)
        for q in paragraphs.indices {
            tokens.append(starts[q]..<starts[q + 1])
            own.append(lastSentence[q] >= 0 ? firstSentence[q]..<(lastSentence[q] + 1) : 0..<0)
        }
        return (tokens, own)
    }

    /// Whether every character of `range` is whitespace (the tokenizer skips it).
    private static func isBlank(_ text: UTF8Bytes, _ range: Range<Int>) -> Bool {
        var i = range.lowerBound
        while i < range.upperBound {
            let n = text.spaceLength(at: i)
            if n == 0 { return false }
            i += n
        }
        return true
    }
}
