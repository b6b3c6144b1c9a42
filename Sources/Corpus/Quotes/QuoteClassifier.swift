/// Stage 2: what a quoted span is in the writer's text.
///
/// - full: someone's words standing as a sentence of their own: introduced by an attribution
///   (`X said, "…"`, `According to X, "…"`, a colon), or opening the writer's sentence
///   (`"…," X said`, an unattributed `"The broader picture is…"` that continues a speech);
/// - partial: a fragment inside the writer's sentence: the writer's words come before it
///   (`said the visit should "open direct lines…"`), or it starts in lowercase;
/// - scare: a partial quote of one or two words that nothing attributes (`a "spy" plane`);
/// - heading: a paragraph that is only a quoted phrase with no sentence-ending punctuation
///   (`“Challenge of the Century”`), or a short title line (`Blinken in Beijing | “The world
///   expects…”`): not someone's words, and dropped.
struct QuoteClassifier {
    let source: QuoteSource
    /// The word tokens of the paragraphs asked about, found once per paragraph.
    private let paragraphWords = ParagraphWords()

    init(source: QuoteSource) {
        self.source = source
    }

    /// The kind of a span, given the clause before it and the attributions found around it.
    func kind(of span: QuoteSpan, leadWindow: Range<Int>, lead: Attribution?, tail: Attribution?) -> QuoteKind {
        if lead != nil || span.missingOpening { return .full }
        let writerBefore = leadWindow.contains { source.tokens[$0].kind != .punct }
        if tail != nil { return writerBefore ? .partial : .full }
        let startsLowercase = source.text.isLowercase(at: span.content.lowerBound)
        if writerBefore || startsLowercase { return .partial }
        // A title or a name used as a noun in the writer's sentence (`"Moulin Rouge" has been
        // nominated`): no punctuation of its own, and the sentence goes on after it.
        if let close = span.closeMark, close + 1 < source.tokens.count, source.tokens[close + 1].kind == .word,
           close > 0, source.tokens[close - 1].kind != .punct,
           !source.sentences.isEmpty, source.sentences[source.sentence(ofToken: close)].tokens.contains(close + 1) {
            return .partial
        }
        return .full
    }

    /// Whether a span with no attribution is a heading or a title line rather than speech.
    func isHeading(_ span: QuoteSpan) -> Bool {
        guard span.firstParagraph == span.lastParagraph else { return false }
        let p = span.firstParagraph
        let tokens = source.paragraphTokens[p]
        guard let lastToken = tokens.last else { return false }
        var last = lastToken
        while last > tokens.lowerBound && QuoteMarks.glyph(source, last) != nil { last -= 1 }
        if source.isSentenceEnd(last) || source.isPunct(last, 0x3A) || source.isPunct(last, 0x3B) { return false }
        // Both tests below need a paragraph of at most 25 words (the first: every word inside
        // the span, at most 15); a longer one is no heading, whatever the span.
        guard let words = paragraphWords.words(of: p, in: source, atMost: 25) else { return false }
        let range = tokenRange(of: span)
        var outside = 0
        var inside = 0
        for i in words {
            if range.contains(i) { inside += 1 } else { outside += 1 }
        }
        if outside == 0 && inside <= 15 { return true }
        return paragraphWords.isSingleLine(p, in: source)
    }

    /// The tokens a span covers, marks included.
    func tokenRange(of span: QuoteSpan) -> Range<Int> {
        let content = span.content
        let first = span.openMark ?? source.token(atOrAfter: content.lowerBound)
        let last = span.closeMark.map { $0 + 1 } ?? source.token(atOrAfter: content.upperBound)
        return first..<max(first, last)
    }

    /// Words and numbers inside a span.
    func wordCount(_ span: QuoteSpan) -> Int {
        var count = 0
        for segment in span.segments {
            var i = source.token(atOrAfter: segment.lowerBound)
            while i < source.tokens.count && source.tokens[i].start < segment.upperBound {
                if source.tokens[i].kind != .punct { count += 1 }
                i += 1
            }
        }
        return count
    }
}

/// The word (and number) tokens of short paragraphs, and whether a paragraph is one line, kept
/// for the spans of one text: a paragraph holding thousands of quotes is looked at once, not
/// once per quote.
final class ParagraphWords {
    /// Per paragraph: its word tokens, or nil when it has more than the limit asked.
    private var words: [Int: [Int]?] = [:]
    private var singleLine: [Int: Bool] = [:]

    /// The word tokens of paragraph `p`, or nil when it has more than `limit`.
    func words(of p: Int, in source: QuoteSource, atMost limit: Int) -> [Int]? {
        if let known = words[p] { return known }
        var found: [Int] = []
        for i in source.paragraphTokens[p] where source.tokens[i].kind != .punct {
            found.append(i)
            if found.count > limit { break }
        }
        let result = found.count > limit ? nil : found
        words[p] = .some(result)
        return result
    }

    /// Whether paragraph `p` holds no line break.
    func isSingleLine(_ p: Int, in source: QuoteSource) -> Bool {
        if let known = singleLine[p] { return known }
        let bounds = source.paragraphs[p]
        let result = !source.text.containsLineBreak(from: bounds.lowerBound, to: bounds.upperBound)
        singleLine[p] = result
        return result
    }
}
