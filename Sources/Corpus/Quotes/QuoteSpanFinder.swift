/// The words between a pair of quotation marks, before anyone asks who said them.
struct QuoteSpan: Hashable, Sendable {
    var family: QuoteFamily
    /// Token index of the opening mark; nil when the opening mark is missing (recovered from a
    /// closing mark: the extractor keeps such a span only when an attribution follows it).
    var openMark: Int?
    /// Token index of the closing mark; nil when the quote is never closed.
    var closeMark: Int?
    /// The quoted words, trimmed: one piece per paragraph, more when a stray mark splits one.
    var segments: [Range<Int>]
    var firstParagraph: Int
    var lastParagraph: Int

    /// From the first quoted byte to the last.
    var content: Range<Int> {
        guard let first = segments.first, let last = segments.last else { return 0..<0 }
        return first.lowerBound..<last.upperBound
    }

    /// Whether the opening mark was missing.
    var missingOpening: Bool { openMark == nil }
}

/// Stage 1: pairs quotation marks into spans, paragraph by paragraph.
///
/// - A mark's direction comes from its context (see `QuoteMarks`).
/// - A quote still open at the end of a paragraph continues into the next paragraph when that
///   one opens with a mark of the same kind, as newspapers print a quotation of several
///   paragraphs; it also continues when the next paragraph's first mark is a closing one (the
///   reopening mark was forgotten). Otherwise it ends with its paragraph.
/// - An opening mark inside an open quote (`said, "Xi does want to visit. "In addition…`) is a
///   stray mark: the quote goes on through it.
/// - Single quotes only pair with single quotes and only when both ends are clear; inside a
///   double-quoted span they are nested quotes and are left alone (and vice versa).
/// - A closing double mark with no opening one becomes a span that starts at the paragraph (or
///   the sentence, when a quote came before it in the paragraph); the extractor keeps it only
///   when an attribution follows (`…get along," Biden said.`).
/// - A quote whose closing mark is missing must not swallow the writer's narration: `narration`
///   looks at the words a quote runs on with no closing mark in sight (before a stray opening
///   mark, or up to the paragraph end) and returns where the writer's own text starts (the
///   extractor reports a sentence where someone named speaks: `Defence Secretary Donald Rumsfeld
///   vowed …`). The quote ends there; a stray mark after it opens a new quote.
enum QuoteSpanFinder {
    static func spans(in source: QuoteSource, narration: (Range<Int>) -> Int? = { _ in nil }) -> [QuoteSpan] {
        Cancellation.uninterrupted { token throws(WorkLimit) in try spans(in: source, cancellation: token, narration: narration) }
    }

    /// `spans(in:narration:)` checking `cancellation` as the paragraphs and marks go by.
    static func spans(in source: QuoteSource, cancellation: Cancellation,
                      narration: (Range<Int>) -> Int? = { _ in nil }) throws(WorkLimit) -> [QuoteSpan] {
        var ticker = cancellation.every(256)
        var result: [QuoteSpan] = []
        var open: QuoteSpan?
        var segmentStart = 0

        func finishUnclosed() {
            guard var o = open else { return }
            open = nil
            // Single quotes left open are too likely to be apostrophes.
            guard o.family != .single else { return }
            o.segments = o.segments.filter { !$0.isEmpty }
            if !o.segments.isEmpty { result.append(o) }
        }

        for p in source.paragraphs.indices {
            try ticker.tick()
            let bounds = source.paragraphs[p]
            var marks = QuoteMarks.marks(in: source, paragraph: p)[...]
            var lastSpanEnd = bounds.lowerBound

            // A quote carried over from the previous paragraph.
            if var o = open {
                open = nil  // `o` owns the pieces while it changes (no copy per mark)
                let sameFamily = marks.first { $0.family == o.family }
                if let first = marks.first, first.family == o.family, first.role != .close,
                   source.tokens[first.token].start == bounds.lowerBound {
                    // The paragraph reopens the quote: it continues.
                    o.lastParagraph = p
                    segmentStart = source.tokens[first.token].end
                    open = o
                    marks = marks.dropFirst()
                } else if o.family != .single, let close = sameFamily, close.role == .close {
                    // The paragraph goes on with the quote and closes it, but the reopening mark is missing.
                    o.lastParagraph = p
                    open = o
                    segmentStart = bounds.lowerBound
                } else {
                    open = o
                    finishUnclosed()
                }
            }

            for mark in marks {
                try ticker.tick()
                let t = source.tokens[mark.token]
                if var o = open {
                    guard mark.family == o.family, mark.role != .either || mark.touchesPrevious else { continue }
                    open = nil  // `o` owns the pieces while it changes (no copy per mark)
                    switch mark.role {
                    case .close, .either:
                        o.segments.append(source.trimmedClause(segmentStart..<t.start))
                        o.closeMark = mark.token
                        o.lastParagraph = p
                        o.segments = o.segments.filter { !$0.isEmpty }
                        // A one-letter single-quoted span is an elision ("rock 'n' roll").
                        if !o.segments.isEmpty && !(o.family == .single && o.content.count < 2) { result.append(o) }
                        open = nil
                        lastSpanEnd = t.end
                    case .open:
                        if let cut = narration(segmentStart..<t.start) {
                            // The quote ended before the writer's narration; the mark opens a new one.
                            o.segments.append(source.trimmed(segmentStart..<cut))
                            open = o
                            finishUnclosed()
                            open = QuoteSpan(family: mark.family, openMark: mark.token, closeMark: nil, segments: [],
                                             firstParagraph: p, lastParagraph: p)
                        } else {
                            // A stray opening mark inside an open quote: the quote goes on through it.
                            o.segments.append(source.trimmed(segmentStart..<t.start))
                            open = o
                        }
                        segmentStart = t.end
                    }
                } else {
                    switch mark.role {
                    case .open:
                        open = QuoteSpan(family: mark.family, openMark: mark.token, closeMark: nil, segments: [],
                                         firstParagraph: p, lastParagraph: p)
                        segmentStart = t.end
                    case .close:
                        guard mark.family != .single else { continue }
                        // A closing mark with no opening one: the quote ran from the paragraph start, or
                        // from its sentence when a quote came before it in this paragraph.
                        var start = bounds.lowerBound
                        if lastSpanEnd > bounds.lowerBound {
                            let sentence = source.sentence(ofToken: mark.token)
                            start = max(lastSpanEnd, source.sentences.isEmpty ? lastSpanEnd : source.sentences[sentence].bytes.lowerBound)
                        }
                        let words = source.trimmedClause(start..<t.start)
                        if !words.isEmpty {
                            result.append(QuoteSpan(family: mark.family, openMark: nil, closeMark: mark.token,
                                                    segments: [words], firstParagraph: p, lastParagraph: p))
                        }
                        lastSpanEnd = t.end
                    case .either:
                        continue
                    }
                }
            }
            // End of paragraph: close the current piece; the quote may continue in the next one.
            if var o = open {
                open = nil
                if let cut = narration(segmentStart..<bounds.upperBound) {
                    o.segments.append(source.trimmed(segmentStart..<cut))
                    open = o
                    finishUnclosed()
                } else {
                    o.segments.append(source.trimmed(segmentStart..<bounds.upperBound))
                    o.lastParagraph = p
                    open = o
                }
            }
        }
        finishUnclosed()
        return result
    }
}
