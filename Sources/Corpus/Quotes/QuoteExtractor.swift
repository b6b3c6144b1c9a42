/// Finds the quotations of a text and who said them.
///
/// The stages, each testable on its own:
/// 1. `QuoteSpanFinder` pairs quotation marks over the paragraphs (multi-paragraph quotes,
///    stray and missing marks);
/// 2. `QuoteClassifier` tells full quotes from partial ones, scare quotes and quoted headings;
/// 3. `AttributionFinder` reads the attribution around each quote (`"…," X said`, `X said, "…"`,
///    `According to X, "…"`, `X added: "…"`, `"…," wrote X`, reported speech around a fragment);
/// 4. `SpeakerContext` resolves pronouns and descriptions from the quotes and names before them
///    (same and previous paragraph), and names through a `SpeakerResolving`.
public enum QuoteExtractor {
    /// The quotes of a document, in text order. `resolver` says who names refer to; nil uses the
    /// entity stage: the document's corpus's entity index, or one built over the document alone.
    public static func quotes(in document: Document, resolver: SpeakerResolving? = nil,
                              verbs: AttributionVerbs = .news) -> [Quote] {
        Cancellation.uninterrupted { token throws(WorkLimit) in try quotes(in: document, resolver: resolver, verbs: verbs, cancellation: token) }
    }

    /// `quotes(in:resolver:verbs:)` checking `cancellation` as the quotes are found.
    public static func quotes(in document: Document, resolver: SpeakerResolving? = nil, verbs: AttributionVerbs = .news,
                              cancellation: Cancellation) throws(WorkLimit) -> [Quote] {
        var given = resolver
        if given == nil, let corpus = document.corpus {
            given = EntitySpeakerResolver(index: try corpus.entityIndex(cancellation: cancellation))
        }
        return try QuoteSource.withSource(document) { source in
            Result { () throws(WorkLimit) in try extract(source, resolver: given, verbs: verbs, cancellation: cancellation) }
        }.get()
    }

    /// The quotes of free text (paragraphs separated by blank lines), as document 0.
    public static func quotes(in text: String, resolver: SpeakerResolving? = nil,
                              verbs: AttributionVerbs = .news) -> [Quote] {
        Cancellation.uninterrupted { token throws(WorkLimit) in try quotes(in: text, resolver: resolver, verbs: verbs, cancellation: token) }
    }

    /// `quotes(in:resolver:verbs:)` for free text, checking `cancellation` as the quotes are found.
    public static func quotes(in text: String, resolver: SpeakerResolving? = nil, verbs: AttributionVerbs = .news,
                              cancellation: Cancellation) throws(WorkLimit) -> [Quote] {
        try QuoteSource.withSource(text) { source in
            Result { () throws(WorkLimit) in try extract(source, resolver: resolver, verbs: verbs, cancellation: cancellation) }
        }.get()
    }

    /// What the stages decided about one span.
    struct Draft {
        var span: QuoteSpan
        var kind: QuoteKind
        var attribution: Attribution?
        /// The speaker phrase as written (own or inherited).
        var speakerText: String?
        var speakerKind: SpeakerPhrase.Kind?
        var verb: String?
        var speaker: ResolvedSpeaker?
        /// Where the attribution stands (for walking back through the context).
        var anchor: Int
        /// What the speaker is, once resolved (`Quote.speakerKind`).
        var kindOfSpeaker: SpeakerKind? = nil
    }

    static func extract(_ source: QuoteSource, resolver given: SpeakerResolving?, verbs: AttributionVerbs,
                        cancellation: Cancellation = .none) throws(WorkLimit) -> [Quote] {
        try cancellation.check()
        let finder = AttributionFinder(source: source, verbs: verbs)
        let spans = try QuoteSpanFinder.spans(in: source, cancellation: cancellation) {
            narrationStart(in: $0, source: source, finder: finder)
        }
        guard !spans.isEmpty else { return [] }
        var ticker = cancellation.every(64)
        let classifier = QuoteClassifier(source: source)
        let resolver: SpeakerResolving = given ?? LazyTextResolver(source: source)
        let tokenRanges = spans.map { classifier.tokenRange(of: $0) }
        let context = SpeakerContext(source: source, resolver: resolver, finder: finder, quoted: spans.map(\.content))
        var drafts: [Draft] = []

        for (n, span) in spans.enumerated() {
            try ticker.tick()
            let previousEnd = n > 0 ? tokenRanges[n - 1].upperBound : 0
            let nextStart = n + 1 < spans.count ? tokenRanges[n + 1].lowerBound : source.tokens.count
            let openToken = span.openMark ?? tokenRanges[n].lowerBound
            let sentence = source.sentences.isEmpty ? nil : source.sentence(ofToken: openToken)
            let sentenceStart = sentence.map { source.sentences[$0].tokens.lowerBound } ?? 0
            let leadWindow = min(max(sentenceStart, previousEnd), openToken)..<openToken

            var lead: Attribution?
            if let open = span.openMark {
                lead = finder.lead(open: open, window: leadWindow,
                                   quoteStartsUppercase: source.text.isUppercase(at: span.content.lowerBound))
            }
            var tail: Attribution?
            if let close = span.closeMark, !source.sentences.isEmpty {
                let windowEnd = min(source.sentences[source.sentence(ofToken: close)].tokens.upperBound, nextStart)
                tail = finder.tail(close: close, windowEnd: windowEnd)
            }
            if span.missingOpening && tail == nil { continue }
            var attribution = Self.better(lead, tail)
            if attribution == nil, span.openMark != nil {
                // The earlier quotes of this sentence: their words are not the writer's.
                var skip: [Range<Int>] = []
                var k = n - 1
                while k >= 0 && tokenRanges[k].upperBound > sentenceStart {
                    skip.append(tokenRanges[k])
                    k -= 1
                }
                attribution = finder.reported(before: openToken, sentenceStart: sentenceStart, skip: skip)
            }
            if attribution?.speaker == nil && classifier.isHeading(span) { continue }
            let kind = classifier.kind(of: span, leadWindow: span.openMark == nil ? openToken..<openToken : leadWindow,
                                       lead: lead, tail: tail)
            let anchor = attribution?.speaker.map { source.tokens[$0.tokens.lowerBound].start } ?? span.content.upperBound
            drafts.append(Draft(span: span, kind: kind, attribution: attribution, speakerText: attribution?.speaker?.text,
                                speakerKind: attribution?.speaker?.kind, verb: attribution?.verb, speaker: nil, anchor: anchor))
        }

        // In text order: inherit attributions, then resolve speakers (later quotes lean on earlier ones).
        var trail = SpeakerTrail()
        for i in drafts.indices {
            try ticker.tick()
            var draft = drafts[i]
            if draft.attribution?.speaker == nil {
                if draft.kind == .full, let reported = precedingSentenceAttribution(draft.span, finder: finder, source: source,
                                                                                    tokenRanges: tokenRanges) {
                    draft.attribution = reported
                    draft.speakerText = reported.speaker?.text
                    draft.speakerKind = reported.speaker?.kind
                    draft.verb = reported.verb
                    draft.anchor = reported.speaker.map { source.tokens[$0.tokens.lowerBound].start } ?? draft.anchor
                } else if let source = trail.inheritedSource(i, drafts, source: source) {
                    draft.speakerText = drafts[source].speakerText
                    draft.speakerKind = drafts[source].speakerKind
                    draft.verb = drafts[source].verb
                    draft.speaker = drafts[source].speaker
                    draft.kindOfSpeaker = drafts[source].kindOfSpeaker
                }
                if draft.speakerText == nil && draft.kind == .partial && classifier.wordCount(draft.span) <= 2 {
                    draft.kind = .scare
                }
            }
            if let phrase = draft.attribution?.speaker {
                switch context.resolve(phrase, at: source.tokens[phrase.tokens.lowerBound].start, earlier: drafts[..<i]) {
                case .named(let speaker, let kind)?:
                    draft.speaker = speaker
                    draft.kindOfSpeaker = kind
                case .described(let description)?:
                    // "he" after "a Kestrel spokesman told Reuters": the same unnamed speaker,
                    // kept as described ("the spokesman" is a description as written already).
                    if phrase.kind == .pronoun { draft.speakerText = description }
                    draft.kindOfSpeaker = .description
                case nil:
                    draft.kindOfSpeaker = SpeakerContext.kind(of: phrase)
                }
            }
            drafts[i] = draft
            trail.record(i, draft)
        }

        return drafts.map { draft in
            let span = draft.span
            let text = Self.flattened(span.segments.map(source.string).joined(separator: " "))
            return Quote(document: source.document,
                         sentence: source.sentences.isEmpty ? 0 : source.sentence(ofByte: span.content.lowerBound),
                         range: span.content, text: text, speakerText: draft.speakerText, speaker: draft.speaker,
                         verb: draft.verb, kind: draft.kind, paragraphs: span.lastParagraph - span.firstParagraph + 1,
                         speakerKind: draft.speakerText == nil ? nil : draft.kindOfSpeaker)
        }
    }

    /// The words with each run of whitespace that holds a line break or tab, or several spaces,
    /// made one space (a quote from a hard-wrapped paragraph reads as one line).
    static func flattened(_ text: String) -> String {
        var needed = false
        var previousSpace = false
        for u in text.utf8 {
            let space = u == 0x20
            if u == 0x0A || u == 0x0D || u == 0x09 || (space && previousSpace) { needed = true; break }
            previousSpace = space
        }
        guard needed else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for c in text.unicodeScalars {
            if c == " " || c == "\n" || c == "\r" || c == "\t" {
                pendingSpace = true
                continue
            }
            if pendingSpace && !out.isEmpty { out.unicodeScalars.append(" ") }
            pendingSpace = false
            out.unicodeScalars.append(c)
        }
        return out
    }

    /// Where a quote that runs on with no closing mark must end, because the writer's narration
    /// follows: when a later sentence has someone named speaking (`Defence Secretary Donald
    /// Rumsfeld vowed …`), after the first sentence; when the first one does (`Seles …, claiming
    /// the set …`), before it. Nil when no narration shows.
    static func narrationStart(in piece: Range<Int>, source: QuoteSource, finder: AttributionFinder) -> Int? {
        guard !source.sentences.isEmpty, !piece.isEmpty else { return nil }
        let firstToken = source.token(atOrAfter: piece.lowerBound)
        let endToken = source.token(atOrAfter: piece.upperBound)
        guard firstToken < endToken else { return nil }
        var k = source.sentence(ofToken: firstToken)
        while k < source.sentences.count {
            let sentence = source.sentences[k]
            let start = max(sentence.tokens.lowerBound, firstToken)
            let end = min(sentence.tokens.upperBound, endToken)
            if start >= endToken { break }
            if start < end, let attribution = finder.reported(before: end, sentenceStart: start, skip: [], anyVerb: true),
               attribution.speaker?.kind == .name {
                // Where the closing mark was lost is unknown: keep the first sentence, the likeliest.
                if start == firstToken { return piece.lowerBound }
                let first = source.sentences[source.sentence(ofToken: firstToken)]
                return min(source.tokens[max(first.tokens.upperBound - 1, firstToken)].end, piece.upperBound)
            }
            k += 1
        }
        return nil
    }

    /// Whether a token range overlaps any of `ranges` (sorted by start, not overlapping).
    static func overlapsAny(_ ranges: [Range<Int>], _ range: Range<Int>) -> Bool {
        var lo = 0
        var hi = ranges.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if ranges[mid].upperBound <= range.lowerBound { lo = mid + 1 } else { hi = mid }
        }
        return lo < ranges.count && ranges[lo].overlaps(range)
    }

    /// Of an attribution before the quote and one after it, the one that names someone better.
    static func better(_ lead: Attribution?, _ tail: Attribution?) -> Attribution? {
        guard let lead else { return tail }
        guard let tail else { return lead }
        func score(_ a: Attribution) -> Int {
            switch a.speaker?.kind {
            case .name?: return 3
            case .pronoun?, .definite?: return 2
            case .group?, .indefinite?: return 1
            case nil: return 0
            }
        }
        return score(tail) > score(lead) ? tail : lead
    }

    /// Whether the quote is the first thing in its paragraph.
    static func opensParagraph(_ span: QuoteSpan, source: QuoteSource) -> Bool {
        let first = source.paragraphTokens[span.firstParagraph].lowerBound
        if let open = span.openMark { return open == first }
        return source.token(atOrAfter: span.content.lowerBound) == first
    }

    /// For a full quote with no attribution that opens its sentence: reported speech in the
    /// sentence before it, when that sentence quotes nobody (`Chairman … General Richard Myers,
    /// said the bomb was effective. "I don't want to go into details…"`, or `…, said Mr.
    /// Russell, vice president of …` ending the previous paragraph).
    static func precedingSentenceAttribution(_ span: QuoteSpan, finder: AttributionFinder, source: QuoteSource,
                                             tokenRanges: [Range<Int>]) -> Attribution? {
        guard !source.sentences.isEmpty else { return nil }
        let first = span.openMark ?? source.token(atOrAfter: span.content.lowerBound)
        let s = source.sentence(ofToken: first)
        guard s > 0 else { return nil }
        for k in min(source.sentences[s].tokens.lowerBound, first)..<first where source.tokens[k].kind != .punct { return nil }
        let previous = source.sentences[s - 1]
        guard source.paragraph(ofByte: previous.bytes.lowerBound) >= span.firstParagraph - 1 else { return nil }
        if overlapsAny(tokenRanges, previous.tokens) { return nil }
        guard let attribution = finder.reported(before: previous.tokens.upperBound, sentenceStart: previous.tokens.lowerBound, skip: []),
              attribution.speaker != nil else { return nil }
        return attribution
    }
}

/// Resolves through the entity stage over the text alone (a one-document corpus, offsets the
/// same), built only when a speaker needs resolving: most quoted spans (titles, scare quotes)
/// never ask. Lives only during one extraction.
private final class LazyTextResolver: SpeakerResolving {
    private let source: QuoteSource
    private lazy var resolver = EntitySpeakerResolver(index: Corpus.freeText(source.string(0..<source.text.count)).entityIndex)

    init(source: QuoteSource) { self.source = source }

    func resolve(_ phrase: String, in document: Int, near offset: Int) -> ResolvedSpeaker? {
        resolver.resolve(phrase, in: 0, near: offset)
    }

    func organization(_ phrase: String, in document: Int, near offset: Int) -> ResolvedSpeaker? {
        resolver.organization(phrase, in: 0, near: offset)
    }

    func lastPerson(before offset: Int, in document: Int) -> ResolvedSpeaker? {
        resolver.lastPerson(before: offset, in: 0)
    }

    func persons(in document: Int, bytes range: Range<Int>) -> [NamedPerson] {
        resolver.persons(in: 0, bytes: range)
    }
}
