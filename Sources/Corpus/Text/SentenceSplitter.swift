/// A sentence as a range of token indices and the byte range from its first token's start to
/// its last token's end.
public struct SentenceSpan: Hashable, Sendable {
    /// Indices into the token array the sentence was split from.
    public var tokens: Range<Int>
    /// Bytes of the text, from the first token's first byte to the last token's last byte.
    public var bytes: Range<Int>

    /// Makes a sentence span; `SentenceSplitter` is the usual source of these.
    public init(tokens: Range<Int>, bytes: Range<Int>) {
        self.tokens = tokens
        self.bytes = bytes
    }
}

/// Splits paragraphs into sentences, with rules for news prose.
///
/// A sentence ends:
/// - at "." "?" "!" "…" "..." (and CJK "。" "！" "？"), together with any closing quotes, brackets and
///   further end marks that touch it (`responsibly."`, `responsibly.”`, `?!`, `.)`), unless the next
///   word starts with a lowercase letter (`“Why?” he asked`, `wait… what`, or a period after an
///   unknown abbreviation). One exception: a period *inside* a closing quote followed by a lowercase
///   word still ends the sentence (`…agree.” millimeter.`), since in news style a quote that
///   continues into attribution ends with a comma, not a period. A number and a period that are
///   the whole line so far ("1. First item") are a list label, not a sentence;
/// - at an abbreviation that can close a sentence ("U.S.", "Inc.", "etc.", "Jan.") only when the
///   next word is a capitalised function word that clearly starts a sentence ("… in the U.S. The
///   next day …" splits, "U.S. President Joe Biden" and "U.S. officials" do not), or a line break
///   follows; titles ("Mr.", "Dr.", "Gen.", "No.", "e.g."), capital initials ("John F. Kennedy") and an
///   abbreviation that starts its sentence (a list label: "a. that it will …") never end one;
/// - at a line break inside a paragraph, when the line has no final punctuation (a heading, a caption,
///   a title, a list label like "Firstly:"), unless the sentence was only wrapped: the next line starts
///   with a lowercase letter, the line ends in a comma, an opening bracket or quote, a dash or a
///   function word ("the", "of", "and", …), or the whole paragraph is hard-wrapped (three or more
///   lines, all but the last at least 60 bytes long);
/// - at a colon that ends a line; a colon inside a line ("Washington: It is …") does not end one;
/// - always at the end of a paragraph: sentences never cross paragraphs.
public enum SentenceSplitter {
    /// Sentences as token ranges (indices into `tokens`) and byte ranges of `bytes`; never crosses a paragraph.
    ///
    /// `tokens` must be the tokens of `bytes` in order (as from `Tokenizer.scan`); `paragraphs` are
    /// byte ranges (as from `ParagraphSplitter`). Tokens outside every paragraph belong to no sentence.
    public static func sentences(in bytes: UnsafeBufferPointer<UInt8>, tokens: [TokenSpan], paragraphs: [Range<Int>]) -> [SentenceSpan] {
        guard let base = bytes.baseAddress, bytes.count > 0, !tokens.isEmpty else { return [] }
        let text = UTF8Bytes(base: base, count: bytes.count)
        var result: [SentenceSpan] = []
        result.reserveCapacity(tokens.count / 16 + paragraphs.count)
        tokens.withUnsafeBufferPointer { tokenBuffer in
            let splitter = SentenceScanner(text: text, tokens: tokenBuffer)
            for paragraph in paragraphs {
                let first = tokenBuffer.firstToken(atOrAfter: max(0, paragraph.lowerBound))
                var last = first
                // Stop at the paragraph's end, and at any token that does not lie inside the text.
                while last < tokenBuffer.count && tokenBuffer[last].start < paragraph.upperBound
                    && tokenBuffer[last].start >= 0 && tokenBuffer[last].length > 0 && tokenBuffer[last].end <= bytes.count {
                    last += 1
                }
                if first < last { splitter.split(first..<last, into: &result) }
            }
        }
        return result
    }

    /// Sentences of UTF-8 bytes: tokenises, finds paragraphs and splits them.
    public static func sentences(in bytes: UnsafeBufferPointer<UInt8>) -> [SentenceSpan] {
        sentences(in: bytes, tokens: Tokenizer.tokens(in: bytes), paragraphs: ParagraphSplitter.paragraphs(in: bytes))
    }

    /// The sentences of a string as strings (convenience for `dossier.sentences(text)`).
    public static func sentences(in text: String) -> [String] {
        var text = text
        return text.withUTF8 { buffer in
            sentences(in: buffer).map { String(decoding: UnsafeBufferPointer(rebasing: buffer[$0.bytes]), as: UTF8.self) }
        }
    }
}

/// The sentence rules over the tokens of one paragraph at a time. Internal; see `SentenceSplitter`.
struct SentenceScanner {
    let text: UTF8Bytes
    let tokens: UnsafeBufferPointer<TokenSpan>

    /// What a token means for sentence ends.
    private enum Mark {
        case none, period, stop, ellipsis, colon, continuation, abbreviation
    }

    /// Appends the sentences of the paragraph whose tokens are `range`.
    func split(_ range: Range<Int>, into result: inout [SentenceSpan]) {
        var sentenceStart = range.lowerBound
        var i = range.lowerBound
        let end = range.upperBound
        var wrapped: Bool?  // decided on the first bare line break: is this paragraph hard-wrapped?
        while i < end {
            if i == end - 1 {
                emit(sentenceStart..<end, into: &result)
                return
            }
            let mark = self.mark(of: tokens[i])
            var last = i
            var ends = false
            switch mark {
            case .period, .stop, .ellipsis, .abbreviation:
                var closedByQuote = false
                var k = i + 1
                while k < end && tokens[k].start == tokens[k - 1].end {
                    let closer = self.closer(tokens[k])
                    if closer == .none { break }
                    if closer == .quote { closedByQuote = true }
                    k += 1
                }
                last = k - 1
                if last == end - 1 {
                    ends = true
                    break
                }
                let next = last + 1
                var lineBreak = text.containsLineBreak(from: tokens[last].end, to: tokens[next].start)
                if lineBreak {
                    if wrapped == nil { wrapped = isHardWrapped(range) }
                    lineBreak = wrapped != true  // in hard-wrapped text a line break is a space
                }
                switch mark {
                case .abbreviation:
                    let token = tokens[i]
                    switch Abbreviations.role(text, start: token.start, end: token.end) {
                    case .title, .initial:
                        ends = false
                    case .ordinary where i == sentenceStart && !closedByQuote:
                        ends = false  // a list label: "a. that it will respect …"
                    case .ordinary:
                        if closedByQuote {
                            ends = true  // "… in the U.S.” He" or "U.S.” he": the quote closed the sentence
                        } else {
                            ends = lineBreak || startsSentenceClearly(next, end: end)
                        }
                    }
                case .period:
                    if lineBreak {
                        ends = !(isListLabel(sentenceStart, period: i, paragraphStart: range.lowerBound))
                    } else if isListLabel(sentenceStart, period: i, paragraphStart: range.lowerBound) {
                        ends = false
                    } else {
                        ends = closedByQuote || !startsLowercase(next, end: end)
                    }
                default:
                    ends = lineBreak || !startsLowercase(next, end: end)
                }
            case .colon:
                ends = text.containsLineBreak(from: tokens[i].end, to: tokens[i + 1].start)
            case .continuation:
                ends = false
            case .none:
                if text.containsLineBreak(from: tokens[i].end, to: tokens[i + 1].start) {
                    if wrapped == nil { wrapped = isHardWrapped(range) }
                    ends = wrapped != true && !startsLowercase(i + 1, end: end) && !endsInFunctionWord(tokens[i])
                }
            }
            if ends {
                emit(sentenceStart..<(last + 1), into: &result)
                sentenceStart = last + 1
            }
            i = last + 1
        }
        if sentenceStart < end { emit(sentenceStart..<end, into: &result) }
    }

    /// Appends one sentence.
    @inline(__always)
    private func emit(_ range: Range<Int>, into result: inout [SentenceSpan]) {
        guard let first = range.first, range.count > 0 else { return }
        result.append(SentenceSpan(tokens: range, bytes: tokens[first].start..<tokens[range.upperBound - 1].end))
    }

    /// Classifies a token by what it can do to a sentence.
    @inline(__always)
    private func mark(of token: TokenSpan) -> Mark {
        let b = text.base[token.start]
        switch token.kind {
        case .word:
            return token.length > 1 && text.base[token.end - 1] == 0x2E ? .abbreviation : .none
        case .number:
            return .none
        case .punct:
            break
        }
        switch b {
        case 0x2E: return token.length == 1 ? .period : .ellipsis
        case 0x3F, 0x21: return .stop
        case 0x3A: return .colon
        case 0x2C, 0x28, 0x5B, 0x7B, 0x2D, 0x2F, 0x26: return .continuation  // , ( [ { - / &
        case 0x22, 0x27: return .none
        case 0xE2:
            guard token.length == 3 else { return .none }
            let b1 = text.base[token.start + 1], b2 = text.base[token.start + 2]
            if b1 == 0x80 && b2 == 0xA6 { return .ellipsis }                          // …
            if b1 == 0x80 && (b2 == 0x93 || b2 == 0x94 || b2 == 0x9C || b2 == 0x98) { return .continuation }  // – — “ ‘
            return .none
        case 0xE3:  // 。
            return token.length == 3 && text.base[token.start + 1] == 0x80 && text.base[token.start + 2] == 0x82 ? .stop : .none
        case 0xEF:  // ！ ？ ．
            guard token.length == 3 && text.base[token.start + 1] == 0xBC else { return .none }
            let b2 = text.base[token.start + 2]
            return b2 == 0x81 || b2 == 0x9F ? .stop : (b2 == 0x8E ? .period : .none)
        default:
            return .none
        }
    }

    /// What can follow a sentence end and still belong to the sentence.
    private enum Closer { case none, quote, bracket, stop }

    /// Whether a token touching a sentence end closes it: a closing quote or bracket, or more end marks.
    @inline(__always)
    private func closer(_ token: TokenSpan) -> Closer {
        guard token.kind == .punct else { return .none }
        let b = text.base[token.start]
        switch b {
        case 0x22, 0x27: return .quote
        case 0x29, 0x5D, 0x7D: return .bracket
        case 0x2E, 0x3F, 0x21: return .stop
        case 0xE2:
            guard token.length == 3, text.base[token.start + 1] == 0x80 else { return .none }
            switch text.base[token.start + 2] {
            case 0x9D, 0x99, 0xBA: return .quote  // ” ’ ›
            case 0xA6: return .stop               // …
            default: return .none
            }
        case 0xC2:
            return token.length == 2 && text.base[token.start + 1] == 0xBB ? .quote : .none  // »
        default:
            return .none
        }
    }

    /// Whether the first word at or after token `index` and before `end` (skipping opening quotes
    /// and brackets) starts with a lowercase letter.
    private func startsLowercase(_ index: Int, end: Int) -> Bool {
        var k = index
        while k < end && k < index + 3 {
            let token = tokens[k]
            if token.kind != .punct { return text.isLowercase(at: token.start) }
            if !isOpener(token) { return false }
            k += 1
        }
        return false
    }

    /// Whether token `index` clearly opens a new sentence: a capitalised function word ("The",
    /// "He", "But", …), or an opening double quote followed by a capitalised word.
    private func startsSentenceClearly(_ index: Int, end: Int) -> Bool {
        let token = tokens[index]
        if token.kind == .word {
            guard let key = Abbreviations.key(text, start: token.start, length: token.length) else { return false }
            return Abbreviations.starterKeys.contains(key)
        }
        if token.kind == .punct && isOpener(token) && index + 1 < end {
            let next = tokens[index + 1]
            return next.kind != .punct && text.isUppercase(at: next.start)
        }
        return false
    }

    /// Whether a punct token is an opening quote or bracket: “ ‘ " ' ( [ « ‹.
    private func isOpener(_ token: TokenSpan) -> Bool {
        let b = text.base[token.start]
        switch b {
        case 0x22, 0x27, 0x28, 0x5B: return true
        case 0xE2: return token.length == 3 && text.base[token.start + 1] == 0x80
            && (text.base[token.start + 2] == 0x9C || text.base[token.start + 2] == 0x98 || text.base[token.start + 2] == 0xB9)
        case 0xC2: return token.length == 2 && text.base[token.start + 1] == 0xAB
        default: return false
        }
    }

    /// Whether a line ends in a word that cannot end a heading or caption ("the", "of", "and", …),
    /// which shows a sentence wrapped onto the next line.
    private func endsInFunctionWord(_ token: TokenSpan) -> Bool {
        guard token.kind == .word, token.length <= 5,
              let key = Abbreviations.key(text, start: token.start, length: token.length) else { return false }
        return Self.functionWordKeys.contains(key)
    }

    /// Lowercase function words that do not end a title line.
    static let functionWordKeys: Set<UInt64> = Set([
        "the", "a", "an", "of", "to", "in", "on", "for", "with", "and", "or", "but", "by", "from", "at",
        "as", "that", "which", "who", "whose", "is", "are", "was", "were", "be", "been", "has", "have",
        "had", "its", "their", "his", "her", "our", "this", "these", "those", "than", "into", "via",
        "per", "not", "nor", "will", "would", "can", "could", "may", "might", "must", "should",
    ].compactMap { Abbreviations.key($0) })

    /// Whether the paragraph of tokens `range` is hard-wrapped text (a block of at least three
    /// lines, all but the last at least 60 bytes long), where line breaks are only spaces.
    /// Headings, captions and credits stacked in one block are short lines, and stay sentences.
    private func isHardWrapped(_ range: Range<Int>) -> Bool {
        guard let first = range.first else { return false }
        let start = tokens[first].start
        let end = tokens[range.upperBound - 1].end
        var lineStart = start
        var lines = 0
        var i = start
        while i < end {
            let b = text.base[i]
            if b == 0x0A || b == 0x0D {
                if i - lineStart < 60 || isRule(lineStart..<i) { return false }
                lines += 1
                if b == 0x0D && i + 1 < end && text.base[i + 1] == 0x0A { i += 1 }
                lineStart = i + 1
            }
            i += 1
        }
        return lines >= 2
    }

    /// Whether a line is a rule of one repeated symbol ("=====", "-----"), as under a plain-text heading.
    private func isRule(_ line: Range<Int>) -> Bool {
        var s = line.lowerBound
        var e = line.upperBound
        while s < e && text.base[s] <= 0x20 { s += 1 }
        while e > s && text.base[e - 1] <= 0x20 { e -= 1 }
        guard s < e else { return false }
        let first = text.base[s]
        guard first < 0x80 && !(first | 0x20 >= 0x61 && first | 0x20 <= 0x7A) && !(first >= 0x30 && first <= 0x39) else { return false }
        return text.base[e - 1] == first
    }

    /// Whether the sentence so far is a list label: a short number alone at the start of a line
    /// (or of the paragraph) followed by the period at `period` ("1. First item").
    private func isListLabel(_ sentenceStart: Int, period: Int, paragraphStart: Int) -> Bool {
        guard period == sentenceStart + 1 else { return false }
        let label = tokens[sentenceStart]
        guard label.kind == .number && label.length <= 3 else { return false }
        return sentenceStart == paragraphStart
            || text.containsLineBreak(from: tokens[sentenceStart - 1].end, to: label.start)
    }
}
