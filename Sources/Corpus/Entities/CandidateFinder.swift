/// Stage 1 of entity recognition: finds name candidates in one document.
///
/// Each sentence's tokens become *units*: a gazetteer name or title (longest match, "US
/// Secretary of State" is a place and a title), a demonym, a capitalised word, a courtesy title,
/// a connector ("of", "and"), punctuation, or an ordinary word. Runs of capitalised units joined
/// by single spaces are the candidate names; the units around them (a title before, an
/// apposition after, a speech verb) say what they are. Work is per document and allocation-light,
/// so the index builds documents in parallel.
struct CandidateFinder {
    let table: EntityLexicon

    /// The candidates of one document; adds its lowercase/capitalised counts to `evidence`.
    /// `texts` keeps the words' normal forms for the next documents of the same lexicon (one
    /// per worker: it is not thread-safe).
    func candidates(in document: Document, evidence: inout CaseEvidence, texts: TermTexts? = nil,
                    cancellation: Cancellation = .none) throws(WorkLimit) -> [Candidate] {
        var text = document.text
        let spans = document.tokenSpans()
        let terms = document.terms.array
        guard spans.count == terms.count, !spans.isEmpty else { return [] }
        let layout = document.layout(tokens: spans)
        var failure: WorkLimit?
        let found = text.withUTF8 { buffer -> [Candidate] in
            guard let base = buffer.baseAddress else { return [] }
            var scan = DocumentScan(bytes: UTF8Bytes(base: base, count: buffer.count), buffer: buffer,
                                    spans: spans, terms: terms, table: table,
                                    sentenceCount: layout.sentenceCount, texts: texts ?? TermTexts(table.lexicon))
            var ticker = cancellation.every(256)
            for s in 0..<layout.sentenceCount {
                do throws(WorkLimit) { try ticker.tick() } catch {
                    failure = error
                    return []
                }
                let range = layout.sentenceTokens(s)
                guard range.lowerBound >= 0, range.upperBound <= spans.count, !range.isEmpty else { continue }
                scan.sentence(s, tokens: range, evidence: &evidence)
            }
            return scan.found
        }
        if let failure { throw failure }
        return found
    }
}

/// The normal forms of term ids, each made once: the first pass gives every one-token part of a
/// name its term's text, and making it from the lexicon at each occurrence built and checked a
/// new `String` each time. One per worker and lexicon (not thread-safe).
final class TermTexts {
    let lexicon: Lexicon
    /// Per term id: its index in `texts` plus one, or 0 when not made yet. Grown as larger ids come.
    @exclusivity(unchecked) private var slots: [Int32] = []
    @exclusivity(unchecked) private var texts: [String] = []

    init(_ lexicon: Lexicon) { self.lexicon = lexicon }

    /// `lexicon.term(term)`, made on the first call for each term.
    func text(_ term: UInt32) -> String {
        let t = Int(term)
        guard t < lexicon.count else { return lexicon.term(t) }
        if t >= slots.count {
            let count = slots.count
            slots.append(contentsOf: repeatElement(0, count: max(t + 1, count + count / 2, 1024) - count))
        }
        let slot = Int(slots[t])
        if slot > 0 { return texts[slot - 1] }
        let text = lexicon.term(t)
        texts.append(text)
        slots[t] = Int32(truncatingIfNeeded: texts.count)
        return text
    }
}

/// One unit of a sentence: a token, a gazetteer phrase, or a part of a hyphenated word.
struct Unit {
    enum Kind: UInt8 {
        case entry, demonym, role, cap, honorific, connector, particle, article, possessive, modifier
        case word, number, comma, colon, openParen, closeParen, openQuote, closeQuote, stop, other
    }

    var kind: Kind
    /// First token index.
    var token: Int
    /// Past the last token index.
    var tokenEnd: Int
    var bytes: Range<Int>
    /// Gazetteer entry or role index, or -1.
    var target: Int = -1
    /// Term id of the (first) token; `UInt32.max` for a part of a hyphenated word.
    var term: UInt32 = .max
    /// At a sentence start (or after a colon or an opening quote).
    var initial: Bool = false

    /// True for units that can be the name after a title.
    var isNameStart: Bool { kind == .cap || kind == .honorific }
}

/// The scanning state for one document.
struct DocumentScan {
    let bytes: UTF8Bytes
    let buffer: UnsafeBufferPointer<UInt8>
    let spans: [TokenSpan]
    let terms: [UInt32]
    let table: EntityLexicon
    let sentenceCount: Int
    /// The terms' normal forms (see `TermTexts`).
    let texts: TermTexts
    var found: [Candidate] = []
    var units: [Unit] = []
    var initialAt: [Bool] = []
    /// Per token of the current sentence: a word starting with an uppercase or titlecase letter
    /// (`UTF8Bytes.isUppercase`), found once by `countCases` for the passes after it.
    var upperAt: [Bool] = []

    init(bytes: UTF8Bytes, buffer: UnsafeBufferPointer<UInt8>, spans: [TokenSpan], terms: [UInt32],
         table: EntityLexicon, sentenceCount: Int, texts: TermTexts) {
        self.bytes = bytes
        self.texts = texts
        self.buffer = buffer
        self.spans = spans
        self.terms = terms
        self.table = table
        self.sentenceCount = sentenceCount
    }

    /// Finds the candidates of sentence `s` (tokens `range`).
    mutating func sentence(_ s: Int, tokens range: Range<Int>, evidence: inout CaseEvidence) {
        let heading = countCases(range, evidence: &evidence)
        buildUnits(range)
        guard !units.isEmpty else { return }
        let labelEnd = heading ? units.count : labelColon()
        emitCandidates(sentence: s, weakBefore: labelEnd)
    }

    // MARK: - Case evidence, sentence starts, headings

    /// Marks sentence-initial tokens, counts lowercase and mid-sentence capitalised words, and
    /// says whether the sentence is a heading, caption or list label (title case, no final stop).
    private mutating func countCases(_ range: Range<Int>, evidence: inout CaseEvidence) -> Bool {
        initialAt.removeAll(keepingCapacity: true)
        upperAt.removeAll(keepingCapacity: true)
        var atStart = true
        var words = 0, content = 0, capitalizedContent = 0, allCaps = 0
        for i in range {
            let span = spans[i]
            switch span.kind {
            case .word:
                initialAt.append(atStart)
                atStart = false
                words += 1
                let term = terms[i]
                let first = buffer[span.start]
                let upper: Bool
                let lower: Bool
                if first < 0x80 {
                    upper = first >= 0x41 && first <= 0x5A
                    lower = first >= 0x61 && first <= 0x7A
                } else {
                    upper = bytes.isUppercase(at: span.start)
                    lower = !upper && bytes.isLowercase(at: span.start)
                }
                upperAt.append(upper)
                if lower, Int(term) < evidence.lower.count { evidence.lower[Int(term)] &+= 1 }
                if !table.flags(term).contains(.stopword) {
                    content += 1
                    if upper { capitalizedContent += 1 }
                }
                if upper {
                    // Quick reject for "Blinken": a lowercase ASCII second letter.
                    let second = span.length > 1 ? buffer[span.start + 1] : 0
                    if !(second >= 0x61 && second <= 0x7A) && isAllCapitals(span) { allCaps += 1 }
                }
            case .number:
                initialAt.append(false)
                upperAt.append(false)
                atStart = false
            case .punct:
                initialAt.append(false)
                upperAt.append(false)
                if startsClause(span) { atStart = true }
            }
        }
        let last = range.upperBound - 1
        let endsWithColon = spans[last].kind == .punct && buffer[spans[last].start] == 0x3A
        var heading = false
        if sentenceCount > 1 && !endsWithStop(range) && words <= 14 {
            if words >= 2 && content > 0 && capitalizedContent * 4 >= content * 3 { heading = true }
            if endsWithColon && words <= 6 { heading = true }
            if words >= 2 && allCaps == words { heading = true }
        }
        if !heading {
            for i in range where spans[i].kind == .word && !initialAt[i - range.lowerBound] {
                let term = terms[i]
                if upperAt[i - range.lowerBound], Int(term) < evidence.capitalizedMid.count {
                    evidence.capitalizedMid[Int(term)] &+= 1
                }
            }
        }
        return heading
    }

    /// Punctuation after which a capital is a sentence-start capital: a colon, an opening quote,
    /// a list bullet or a dash, an end mark.
    private func startsClause(_ span: TokenSpan) -> Bool {
        let b = buffer[span.start]
        switch b {
        case 0x3A, 0x2E, 0x21, 0x3F, 0x7C, 0x3B: return true  // : . ! ? | ;
        case 0x22: return isOpeningQuote(span)
        case 0xE2:
            guard span.length == 3, buffer[span.start + 1] == 0x80 else { return false }
            let c = buffer[span.start + 2]
            return c == 0x9C || c == 0x98 || c == 0x93 || c == 0x94 || c == 0xA2 || c == 0xA6  // “ ‘ – — • …
        case 0xC2:
            return span.length == 2 && (buffer[span.start + 1] == 0xBB || buffer[span.start + 1] == 0xB7)  // » ·
        default:
            return false
        }
    }

    /// Whether a straight double quote opens a quotation (it follows a space or starts the text).
    private func isOpeningQuote(_ span: TokenSpan) -> Bool {
        span.start == 0 || bytes.trailingSpaceLength(endingAt: span.start, notBefore: 0) > 0
            || buffer[span.start - 1] == 0x28
    }

    /// Whether the sentence ends with an end mark, possibly inside closing quotes or brackets.
    private func endsWithStop(_ range: Range<Int>) -> Bool {
        var i = range.upperBound - 1
        while i >= range.lowerBound {
            let span = spans[i]
            guard span.kind == .punct else { return false }
            let b = buffer[span.start]
            switch b {
            case 0x2E, 0x21, 0x3F: return true
            case 0x22, 0x27, 0x29, 0x5D: i -= 1
            case 0xE2:
                guard span.length == 3, buffer[span.start + 1] == 0x80 else { return false }
                let c = buffer[span.start + 2]
                if c == 0xA6 { return true }
                if c == 0x9D || c == 0x99 { i -= 1 } else { return false }
            default:
                return false
            }
        }
        return false
    }

    /// The unit index of a label colon ("Question:", "Also Read:", "Washington:"): a colon after
    /// at most four words at the start of the sentence, with more text after it. Names before it
    /// are only accepted when known. Returns 0 when there is no label.
    private func labelColon() -> Int {
        var words = 0
        for (k, u) in units.enumerated() {
            switch u.kind {
            case .colon:
                return k + 1 < units.count && words > 0 ? k : 0
            case .comma, .stop, .openQuote, .closeQuote:
                return 0
            case .number, .other, .openParen, .closeParen:
                continue
            default:
                words += 1
                if words > 4 { return 0 }
            }
        }
        return 0
    }

    // MARK: - Units

    /// Turns the sentence's tokens into units.
    private mutating func buildUnits(_ range: Range<Int>) {
        units.removeAll(keepingCapacity: true)
        var i = range.lowerBound
        while i < range.upperBound {
            let span = spans[i]
            let initial = initialAt[i - range.lowerBound]
            switch span.kind {
            case .number:
                units.append(Unit(kind: .number, token: i, tokenEnd: i + 1, bytes: span.range, term: terms[i]))
                i += 1
            case .punct:
                units.append(Unit(kind: punctuationKind(span), token: i, tokenEnd: i + 1, bytes: span.range, term: terms[i]))
                i += 1
            case .word:
                let term = terms[i]
                let flags = table.flags(term)
                let upper = upperAt[i - range.lowerBound]
                if flags.contains(.phraseStart), let (phrase, end) = matchPhrase(at: i, limit: range.upperBound, upper: upper) {
                    var unit = Unit(kind: .entry, token: i, tokenEnd: end, bytes: span.start..<spans[end - 1].end, term: term, initial: initial)
                    switch phrase.target {
                    case .entry(let e): unit.kind = .entry; unit.target = e
                    case .demonym(let e): unit.kind = .demonym; unit.target = e
                    case .role(let r): unit.kind = .role; unit.target = r
                    }
                    units.append(unit)
                    i = end
                    continue
                }
                if !upper, NameParticles.isParticleName(bytes.base, start: span.start, end: span.end) {
                    // "al-Sabah", "el-Sisi": a capitalised name word after its particle.
                    units.append(Unit(kind: .cap, token: i, tokenEnd: i + 1, bytes: span.range, term: term, initial: initial))
                    i += 1
                    continue
                }
                if span.length > 2, containsHyphen(span), appendHyphenParts(span, token: i) {
                    i += 1
                    continue
                }
                var unit = Unit(kind: .word, token: i, tokenEnd: i + 1, bytes: span.range, term: term, initial: initial)
                if upper {
                    if flags.contains(.honorific) {
                        unit.kind = .honorific
                    } else if !isContraction(span) {
                        unit.kind = .cap
                    }
                } else if flags.contains(.possessive) {
                    unit.kind = .possessive
                } else if flags.contains(.connector) {
                    unit.kind = .connector
                } else if flags.contains(.particle) {
                    unit.kind = .particle
                } else if flags.contains(.article) {
                    unit.kind = .article
                } else if flags.contains(.modifier) {
                    unit.kind = .modifier
                }
                units.append(unit)
                i += 1
            }
        }
        absorbPlacesIntoNames()
        absorbLegalForms()
    }

    /// "General Motors Corp", "Ford Motor Co.", "Morgan Stanley and Co Inc": a listed
    /// organisation's name followed by a company's ending (organisation words closed by a legal
    /// form, or "and Co") is one name; the ending joins the listed name's unit.
    private mutating func absorbLegalForms() {
        var k = 0
        while k < units.count {
            defer { k += 1 }
            guard units[k].kind == .entry, units[k].target >= 0, units[k].target < table.gazetteer.entries.count,
                  table.gazetteer.entries[units[k].target].kind == .organization else { continue }
            var j = k + 1
            var end = k
            while j < units.count, gap(units[j - 1].bytes, units[j].bytes) == .space {
                let flags = table.flags(units[j].term)
                if units[j].kind == .cap && flags.contains(.organizationHead) {
                    if flags.contains(.companySuffix) { end = j }
                    j += 1
                } else if units[j].kind == .connector, j + 1 < units.count, isWord(units[j], table.words.and),
                          units[j + 1].kind == .cap, isWord(units[j + 1], table.words.co) {
                    j += 1
                } else {
                    break
                }
            }
            guard end > k else { continue }
            units[k].bytes = units[k].bytes.lowerBound..<units[end].bytes.upperBound
            units[k].tokenEnd = units[end].tokenEnd
            units.removeSubrange((k + 1)...end)
        }
    }

    /// The longest gazetteer phrase starting at token `i`, and the token index past it.
    private func matchPhrase(at i: Int, limit: Int, upper: Bool) -> (EntityLexicon.Phrase, Int)? {
        for phrase in table.phrases(startingWith: terms[i]) {
            let n = phrase.terms.count
            guard i + n <= limit else { continue }
            if phrase.capitalStart && !upper { continue }
            var ok = true
            for k in 0..<n {
                let span = spans[i + k]
                if terms[i + k] != phrase.terms[k] || (phrase.capitals[k] && !isAllCapitals(span)) {
                    ok = false
                    break
                }
                if k > 0 && bytes.containsLineBreak(from: spans[i + k - 1].end, to: span.start) {
                    ok = false
                    break
                }
            }
            if ok { return (phrase, i + n) }
        }
        return nil
    }

    /// Whether a word token has a hyphen inside (ASCII or U+2010/U+2011).
    @inline(__always)
    private func containsHyphen(_ span: TokenSpan) -> Bool {
        var j = span.start + 1
        while j < span.end - 1 {
            let b = buffer[j]
            if b == 0x2D || b == 0xE2 { return true }
            j += 1
        }
        return false
    }

    /// Splits a hyphenated word into units when one of its parts is a gazetteer name or demonym
    /// ("US-China" → two places, "Sino-US" → a demonym and a place, "CCTV-affiliated" → an
    /// organisation and a word). Returns false (adding nothing) otherwise.
    private mutating func appendHyphenParts(_ span: TokenSpan, token: Int) -> Bool {
        var pieces: [Range<Int>] = []
        var start = span.start
        var j = span.start
        while j < span.end {
            let b = buffer[j]
            if b == 0x2D {
                pieces.append(start..<j)
                j += 1
                start = j
            } else if b == 0xE2, j + 2 < span.end, buffer[j + 1] == 0x80, buffer[j + 2] == 0x90 || buffer[j + 2] == 0x91 {
                pieces.append(start..<j)
                j += 3
                start = j
            } else {
                j += 1
            }
        }
        guard !pieces.isEmpty else { return false }
        pieces.append(start..<span.end)
        var targets: [EntityLexicon.Target?] = []
        var any = false
        for piece in pieces {
            guard !piece.isEmpty, bytes.isUppercase(at: piece.lowerBound) else { targets.append(nil); continue }
            let t = table.singleWordTarget(Tokenizer.normalized(UnsafeBufferPointer(rebasing: buffer[piece])))
            if let t, case .role = t { targets.append(nil); continue }
            targets.append(t)
            if t != nil { any = true }
        }
        guard any else { return false }
        for (piece, target) in zip(pieces, targets) where !piece.isEmpty {
            var unit = Unit(kind: .word, token: token, tokenEnd: token + 1, bytes: piece)
            switch target {
            case .entry(let e)?: unit.kind = .entry; unit.target = e
            case .demonym(let e)?: unit.kind = .demonym; unit.target = e
            default: break
            }
            units.append(unit)
        }
        return true
    }

    /// "Michael Jordan", "George Washington": a one-word place that is also a name word, right
    /// after a given name, is part of a person's name; "Christian Lindner", "Jordan Peterson": a one-word demonym or place
    /// that is also a given name, right before a capitalised word, starts one.
    private mutating func absorbPlacesIntoNames() {
        guard units.count > 1 else { return }
        for k in 1..<units.count where units[k].kind == .entry && units[k].tokenEnd - units[k].token == 1 {
            let previous = units[k - 1]
            guard previous.kind == .cap, gap(previous.bytes, units[k].bytes) == .space,
                  table.flags(previous.term).contains(.nameWord), units[k].term != .max,
                  table.flags(units[k].term).contains(.nameWord),
                  units[k].target >= 0, units[k].target < table.gazetteer.entries.count,
                  table.gazetteer.entries[units[k].target].kind == .place else { continue }
            units[k].kind = .cap
            units[k].target = -1
        }
        for k in 0..<(units.count - 1) where units[k].kind == .demonym {
            guard units[k].tokenEnd - units[k].token == 1, units[k].term != .max,
                  table.flags(units[k].term).contains(.nameWord),
                  units[k + 1].kind == .cap, gap(units[k].bytes, units[k + 1].bytes) == .space else { continue }
            units[k].kind = .cap
            units[k].target = -1
        }
    }

    /// The unit kind of a punctuation token.
    private func punctuationKind(_ span: TokenSpan) -> Unit.Kind {
        let b = buffer[span.start]
        switch b {
        case 0x2C: return .comma
        case 0x3A: return .colon
        case 0x28, 0x5B: return .openParen
        case 0x29, 0x5D: return .closeParen
        case 0x2E, 0x21, 0x3F, 0x3B: return .stop
        case 0x26: return .connector
        case 0x22, 0x27: return isOpeningQuote(span) ? .openQuote : .closeQuote
        case 0xE2:
            guard span.length == 3, buffer[span.start + 1] == 0x80 else { return .other }
            switch buffer[span.start + 2] {
            case 0x9C, 0x98: return .openQuote
            case 0x9D, 0x99: return .closeQuote
            case 0xA6: return .stop
            default: return .other
            }
        default:
            return .other
        }
    }

    // MARK: - Byte helpers

    /// How two units are separated.
    enum Gap { case touch, space, broken }

    /// Whether only spaces (no line break) lie between two byte ranges.
    func gap(_ a: Range<Int>, _ b: Range<Int>) -> Gap {
        if b.lowerBound == a.upperBound { return .touch }
        guard b.lowerBound > a.upperBound else { return .broken }
        var i = a.upperBound
        while i < b.lowerBound {
            let byte = buffer[i]
            if byte == 0x0A || byte == 0x0D { return .broken }
            let length = bytes.spaceLength(at: i)
            if length == 0 { return .broken }
            i += length
        }
        return .space
    }

    /// Whether a token is written in capitals and has a letter.
    func isAllCapitals(_ span: TokenSpan) -> Bool {
        var letters = 0
        var i = span.start
        while i < span.end {
            let b = buffer[i]
            if b < 0x80 {
                if b >= 0x61 && b <= 0x7A { return false }
                if b >= 0x41 && b <= 0x5A { letters += 1 }
                i += 1
            } else {
                let (value, length) = bytes.decodeMultiByte(at: i, lead: b)
                if let scalar = Unicode.Scalar(value), scalar.properties.isAlphabetic {
                    if scalar.properties.isLowercase { return false }
                    letters += 1
                }
                i += length
            }
        }
        return letters > 0
    }

    /// "I’m", "There’s", "Don’t": a capitalised contraction is not a name ("O’Brien" is).
    private func isContraction(_ span: TokenSpan) -> Bool {
        var i = span.end - 1
        var suffixStart = -1
        while i > span.start {
            let b = buffer[i]
            if b == 0x27 { suffixStart = i + 1; break }
            if b == 0x99 && i >= span.start + 2 && buffer[i - 1] == 0x80 && buffer[i - 2] == 0xE2 { suffixStart = i + 1; break }
            i -= 1
        }
        guard suffixStart > 0, suffixStart < span.end, span.end - suffixStart <= 2 else { return false }
        let suffix = String(decoding: UnsafeBufferPointer(rebasing: buffer[suffixStart..<span.end]), as: UTF8.self)
        return EntityVocabulary.contractionEndings.contains(suffix)
    }

    /// The text of a byte range, whitespace collapsed.
    func text(_ range: Range<Int>) -> String {
        let lower = max(0, min(range.lowerBound, buffer.count))
        let upper = max(lower, min(range.upperBound, buffer.count))
        return Gazetteer.clean(String(decoding: UnsafeBufferPointer(rebasing: buffer[lower..<upper]), as: UTF8.self))
    }

    /// The normal form of a unit's words.
    func norm(_ unit: Unit) -> String {
        if isOneToken(unit) {
            return texts.text(unit.term)
        }
        return Tokenizer.norm(text(unit.bytes))
    }

    /// Whether a unit is one whole token (its normal form is its term's).
    @inline(__always)
    func isOneToken(_ unit: Unit) -> Bool {
        unit.term != .max && unit.tokenEnd - unit.token == 1 && spans[unit.token].range == unit.bytes
    }

    /// Whether a unit's normal form is one of `words`: `words.texts.contains(norm(unit))`,
    /// by term id for a unit of one token.
    @inline(__always)
    func isWord(_ unit: Unit, _ words: EntityLexicon.WordSet) -> Bool {
        if words.byID && isOneToken(unit) { return words.ids.contains(unit.term) }
        return words.texts.contains(norm(unit))
    }
}
