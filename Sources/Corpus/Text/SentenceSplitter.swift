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
///   word ends the sentence (`…agree.” millimeter.`) unless that word carries the sentence on — an
///   attribution, a pronoun, a conjunction or a determiner (`'This is great.' she said.`,
///   `'No.' and walked out`); a page citation right after the sentence stays with it (`"… in the
///   barn." (Ames 55).`). A number and a period that are
///   a sentence so far ("1. First item", "1.) First item") are a list label, not a sentence, and a
///   label "2.)" inside a sentence opens the next item ("1.) The first item 2.) The second item");
///   a spaced ellipsis (". . .", ". . . .") is one ellipsis; an ellipsis in brackets ("[…]") is an
///   elision and never ends a sentence; a middle initial "I." between capitalised words ("Albert I.
///   Jones") is not the pronoun; a lowercase word with a capital inside ("eBay") may open a sentence;
/// - at an abbreviation that can close a sentence ("U.S.", "Inc.", "etc.", "Jan.") only when the
///   next word is a capitalised function word that clearly starts a sentence ("… in the U.S. The
///   next day …" splits, "U.S. President Joe Biden" and "U.S. officials" do not), or a line break
///   follows; a time ("a.m.", "P.M.") ends one before any capitalised word but a weekday, month or
///   time zone ("at 5 p.m. Officials …", "9 A.M. Ms. Duarte" split; "7 p.m. Friday" does not);
///   titles ("Mr.", "Dr.", "Gen.", "No.", "e.g."), capital initials ("John F. Kennedy") and an
///   abbreviation that starts its sentence (a list label: "a. that it will …") never end one, except
///   "St." after a capitalised word before a clear sentence start ("40 Market St. The rent …");
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
            // A list label inside a sentence opens the next item: "1.) The first item 2.) The second item",
            // "1. Cut costs 2. Sell the plant", "a. The first b. The second", "• One • Two".
            if i > sentenceStart, isInlineListLabel(i, end: end) || isNextLabel(i, sentenceStart: sentenceStart, end: end)
                || isInlineBullet(i, end: end)
            {
                emit(sentenceStart..<i, into: &result)
                sentenceStart = i
            }
            var mark = self.mark(of: tokens[i])
            var last = i
            var ends = false
            switch mark {
            case .period, .stop, .ellipsis, .abbreviation:
                var k = i + 1
                // A spaced ellipsis (". . ." or ". . . .") is one mark.
                if mark == .period, let after = spacedEllipsisEnd(i, end: end) {
                    mark = .ellipsis
                    k = after
                }
                var closedByQuote = false
                var closedByStop = false
                let spacedDots = mark == .ellipsis && k > i + 1 ? k - i : 0
                while k < end && tokens[k].start == tokens[k - 1].end {
                    let closer = self.closer(tokens[k])
                    if closer == .none { break }
                    if closer == .quote { closedByQuote = true }
                    if closer == .stop, text.base[tokens[k].start] != 0x2E { closedByStop = true }
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
                case .abbreviation where closedByStop:
                    ends = lineBreak || !startsLowercase(next, end: end)  // "… 38th St.? I think so."
                case .abbreviation:
                    let token = tokens[i]
                    switch Abbreviations.role(text, start: token.start, end: token.end) {
                    case .title:
                        // "St." is a title before a name ("St. Louis") but a street after one ("40 Market St.").
                        ends = !closedByQuote && isStreetEnd(i, sentenceStart: sentenceStart)
                            && (lineBreak || startsSentenceClearly(next, end: end))
                    case .initial:
                        // "John F. Kennedy" goes on; "Plan B. The next step …" ends.
                        ends = !closedByQuote && startsSentenceClearly(next, end: end) && tokens[next].length >= 2
                    case .ordinary where i == sentenceStart && !closedByQuote:
                        ends = false  // a list label: "a. that it will respect …"
                    case .ordinary:
                        if closedByQuote {
                            ends = !continuesAfterQuote(next, end: end)  // "… in the U.S.” He" or "U.S.” he"
                        } else if Abbreviations.isTime(text, start: token.start, end: token.end) {
                            // "at 5 p.m. Officials …" ends; "at 7 p.m. Friday", "9 a.m. EST" do not, nor a time
                            // phrase that opens its sentence ("At 5 a.m. Mr. Smith went …": no sentence yet).
                            let opening = i - sentenceStart <= 3
                            ends = lineBreak || startsSentenceClearly(next, end: end)
                                || (!opening && startsCapitalised(next, end: end) && !continuesTime(next))
                        } else {
                            ends = lineBreak || startsSentenceClearly(next, end: end)
                        }
                    }
                case .period:
                    if isListLabel(sentenceStart, period: i, paragraphStart: range.lowerBound) || isListAfterColon(i) {
                        ends = false
                    } else if isInitialI(i, sentenceStart: sentenceStart, next: next, end: end) {
                        ends = false  // "Albert I. Jones"
                    } else if lineBreak {
                        ends = true
                    } else if closedByQuote {
                        ends = !continuesAfterQuote(next, end: end)
                    } else {
                        ends = !startsLowercase(next, end: end)
                    }
                case .ellipsis where isBracketed(i):
                    ends = false  // an elision "[…]" inside a quotation
                case .ellipsis where spacedDots == 3 && !closedByQuote:
                    // Three spaced dots mark an omission inside a sentence; four, one that ends it.
                    ends = lineBreak || (startsSentenceClearly(next, end: end) && !isPronounI(next))
                default:
                    ends = lineBreak || !(startsLowercase(next, end: end) || isDash(tokens[next]))
                }
                // A page citation after a quotation belongs to its sentence: '"… in the barn." (Ames 55).'
                if ends, !lineBreak, isCitation(next, end: end) { ends = false }
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

    /// Whether a token is a dash ("-", "--", "–", "—"): after "!" or "?" it carries the sentence on
    /// ("and -- voila! -- you have a cake").
    private func isDash(_ token: TokenSpan) -> Bool {
        guard token.kind == .punct else { return false }
        let b = text.base[token.start]
        if b == 0x2D { return true }
        return b == 0xE2 && token.length == 3 && text.base[token.start + 1] == 0x80
            && (text.base[token.start + 2] == 0x93 || text.base[token.start + 2] == 0x94)
    }

    /// Whether token `index` is the pronoun "I".
    private func isPronounI(_ index: Int) -> Bool {
        let token = tokens[index]
        return token.kind == .word && token.length == 1 && text.base[token.start] == 0x49
    }

    /// When the period token at `i` opens a spaced ellipsis (". . ." or ". . . ."): the index after its last
    /// period; nil otherwise. Its periods are single-period tokens one space apart.
    private func spacedEllipsisEnd(_ i: Int, end: Int) -> Int? {
        var k = i + 1
        var periods = 1
        while k < end, tokens[k].kind == .punct, tokens[k].length == 1, text.base[tokens[k].start] == 0x2E,
              tokens[k].start == tokens[k - 1].end + 1, text.base[tokens[k - 1].end] == 0x20
        {
            periods += 1
            k += 1
        }
        return periods >= 3 ? k : nil
    }

    /// Whether the mark at `i` stands between "[" and "]" ("[…]", "[...]"): an elision, never a sentence end.
    private func isBracketed(_ i: Int) -> Bool {
        guard i > 0, i + 1 < tokens.count else { return false }
        let before = tokens[i - 1], after = tokens[i + 1]
        return before.end == tokens[i].start && after.start == tokens[i].end
            && text.base[before.start] == 0x5B && text.base[after.start] == 0x5D
    }

    /// Whether token `index` opens a page citation: "(Smith 55)", "(Harper 112)", "(ibid., 4)" — a bracket of at
    /// most six tokens holding a number and no sentence end, closed right before a full stop.
    private func isCitation(_ index: Int, end: Int) -> Bool {
        guard index < end, tokens[index].kind == .punct, text.base[tokens[index].start] == 0x28 else { return false }
        var k = index + 1
        var hasNumber = false
        while k < end, k - index <= 7 {
            let token = tokens[k]
            if token.kind == .number { hasNumber = true }
            if token.kind == .punct {
                let b = text.base[token.start]
                if b == 0x29 {
                    return hasNumber && k + 1 < end && tokens[k + 1].start == token.end
                        && text.base[tokens[k + 1].start] == 0x2E
                }
                if b == 0x2E || b == 0x3F || b == 0x21 || b == 0x28 { return false }
            }
            k += 1
        }
        return false
    }

    /// Whether the lowercase word at `index`, after a sentence closed inside quotation marks, goes on with that
    /// sentence: an attribution ("'This is great.' she said."), a conjunction ("'No.' and walked out") or a
    /// determiner ("'Go.' the officer said"). Another lowercase word starts a sentence of its own.
    private func continuesAfterQuote(_ index: Int, end: Int) -> Bool {
        guard startsLowercase(index, end: end) else { return false }
        var k = index
        while k < end, tokens[k].kind == .punct { k += 1 }
        guard k < end, let key = Abbreviations.key(text, start: tokens[k].start, length: tokens[k].length) else {
            return false
        }
        return Self.quoteContinuationKeys.contains(key)
    }

    /// Lowercase words that carry a sentence on after a closing quotation mark.
    static let quoteContinuationKeys: Set<UInt64> = Set([
        "he", "she", "they", "we", "i", "it", "you", "who", "which", "that", "said", "says", "say", "asked",
        "asks", "added", "adds", "told", "tells", "replied", "replies", "wrote", "writes", "noted", "notes",
        "explained", "insisted", "recalled", "shouted", "yelled", "cried", "answered", "continued", "according",
        "declared", "argued", "warned", "and", "but", "or", "nor", "then", "so", "yet", "as", "while", "when",
        "the", "a", "an", "his", "her", "their", "its", "one",
    ].compactMap { Abbreviations.key($0) })

    /// Whether the number at `i` is an inline list label "2.)" (the number, a period and a closing bracket, one
    /// touching the next) followed by a word.
    private func isInlineListLabel(_ i: Int, end: Int) -> Bool {
        let token = tokens[i]
        guard token.kind == .number, token.length <= 2, i + 3 < end, tokens[i + 1].start == token.end,
              tokens[i + 2].start == tokens[i + 1].end, text.base[tokens[i + 1].start] == 0x2E,
              tokens[i + 1].length == 1, text.base[tokens[i + 2].start] == 0x29
        else { return false }
        return tokens[i + 3].kind != .punct && (i == 0 || tokens[i - 1].end < token.start)
    }

    /// Whether the period at `i` closes the capital "I" as an initial ("Albert I. Jones", "I. Smith voted"): the "I"
    /// opens the sentence or follows a capitalised word, and a capitalised word follows that does not clearly start
    /// a sentence; the pronoun "I." ends one ("… than I. The …").
    private func isInitialI(_ i: Int, sentenceStart: Int, next: Int, end: Int) -> Bool {
        guard i >= sentenceStart + 1, next < end else { return false }
        let letter = tokens[i - 1]
        guard letter.kind == .word, letter.length == 1, text.base[letter.start] == 0x49, letter.end == tokens[i].start,
              !startsSentenceClearly(next, end: end)
        else { return false }
        if i - 1 > sentenceStart {
            let before = tokens[i - 2]
            guard before.kind == .word, before.length >= 2, text.isUppercase(at: before.start) else { return false }
        }
        return tokens[next].kind == .word && text.isUppercase(at: tokens[next].start)
    }

    /// Whether the period at `i` closes the first label of a list after a colon ("The plan: 1. Cut …").
    private func isListAfterColon(_ i: Int) -> Bool {
        guard i >= 2 else { return false }
        let label = tokens[i - 1], colon = tokens[i - 2]
        return label.kind == .number && label.length == 1 && text.base[label.start] == 0x31 && label.end == tokens[i].start
            && colon.kind == .punct && text.base[colon.start] == 0x3A
    }

    /// Whether token `i` is the label that follows the current sentence's last label: "2." (or "2)", "2.)") after
    /// "1.", "b." after "a." — a list written on one line ("1. Cut costs 2. Sell the plant"). The label stands
    /// after a space and before a word.
    private func isNextLabel(_ i: Int, sentenceStart: Int, end: Int) -> Bool {
        guard let value = labelValue(i, end: end), value.ordinal > 1, tokens[i].start > tokens[i - 1].end else {
            return false
        }
        var k = i - 1
        while k >= sentenceStart {
            if let earlier = labelValue(k, end: end), earlier.isLetter == value.isLetter,
               earlier.ordinal == value.ordinal - 1, k == sentenceStart || tokens[k].start > tokens[k - 1].end
            {
                return true
            }
            k -= 1
        }
        return false
    }

    /// The value of a list label at `i` followed by a word: a number of one or two digits with ".", ")" or ".)"
    /// ("2.", "2)", "2.)"), or a lowercase letter abbreviation ("b.").
    private func labelValue(_ i: Int, end: Int) -> (ordinal: Int, isLetter: Bool)? {
        let token = tokens[i]
        var k = i + 1
        var ordinal: Int
        var isLetter = false
        if token.kind == .number, token.length <= 2 {
            ordinal = 0
            for offset in 0..<token.length {
                let b = text.base[token.start + offset]
                guard b >= 0x30 && b <= 0x39 else { return nil }
                ordinal = ordinal * 10 + Int(b - 0x30)
            }
            var marks = 0
            while k < end, k - i <= 2, tokens[k].start == tokens[k - 1].end, tokens[k].kind == .punct,
                  text.base[tokens[k].start] == 0x2E || text.base[tokens[k].start] == 0x29
            {
                marks += 1
                k += 1
            }
            guard marks > 0 else { return nil }
        } else if token.kind == .word, token.length == 2, text.base[token.start + 1] == 0x2E,
                  text.base[token.start] >= 0x61, text.base[token.start] <= 0x7A
        {
            ordinal = Int(text.base[token.start] - 0x60)
            isLetter = true
        } else {
            return nil
        }
        guard k < end, tokens[k].kind != .punct || isOpener(tokens[k]) else { return nil }
        return (ordinal, isLetter)
    }

    /// Whether token `i` is a bullet (see `isBullet`) after a space, before a word or number: the next item of a
    /// list written on one line.
    private func isInlineBullet(_ i: Int, end: Int) -> Bool {
        let token = tokens[i]
        guard isBullet(token), i + 1 < end, tokens[i + 1].kind != .punct, i > 0, token.start > tokens[i - 1].end
        else { return false }
        return true
    }

    /// Whether a token is a bullet: "•", "‣", "⁃", "◦", "▪".
    private func isBullet(_ token: TokenSpan) -> Bool {
        guard token.kind == .punct, token.length == 3 else { return false }
        let b0 = text.base[token.start], b1 = text.base[token.start + 1], b2 = text.base[token.start + 2]
        return (b0 == 0xE2 && b1 == 0x80 && (b2 == 0xA2 || b2 == 0xA3))  // • ‣
            || (b0 == 0xE2 && b1 == 0x81 && b2 == 0x83)  // ⁃
            || (b0 == 0xE2 && b1 == 0x97 && b2 == 0xA6)  // ◦
            || (b0 == 0xE2 && b1 == 0x96 && b2 == 0xAA)  // ▪
    }

    /// Whether the title abbreviation at `i` is "St." after a capitalised word inside the sentence: a street.
    private func isStreetEnd(_ i: Int, sentenceStart: Int) -> Bool {
        let token = tokens[i]
        guard token.length == 3, text.base[token.start] == 0x53, text.base[token.start + 1] == 0x74,
              i > sentenceStart + 1, tokens[i - 1].kind == .word
        else { return false }
        return text.isUppercase(at: tokens[i - 1].start)
    }

    /// Whether token `index` (past opening quotes and brackets) is a word with a capital first letter.
    private func startsCapitalised(_ index: Int, end: Int) -> Bool {
        var k = index
        while k < end && k < index + 3 {
            let token = tokens[k]
            if token.kind != .punct { return text.isUppercase(at: token.start) }
            if !isOpener(token) { return false }
            k += 1
        }
        return false
    }

    /// Whether the capitalised word at `index` goes on with a time: a weekday, a month, a time zone ("7 p.m.
    /// Friday", "9 a.m. EST", "noon Eastern time").
    private func continuesTime(_ index: Int) -> Bool {
        let token = tokens[index]
        guard token.kind == .word else { return false }
        let word = String(decoding: UnsafeBufferPointer(start: text.base + token.start, count: token.length), as: UTF8.self)
        return Abbreviations.timeFollowers.contains(word.lowercased().trimmingCharacters(in: ["."]))
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
            if token.kind != .punct { return text.isLowercase(at: token.start) && !hasInnerCapital(token) }
            if !isOpener(token) { return false }
            k += 1
        }
        return false
    }

    /// Whether a word written in lower case has a capital inside ("eBay", "iPhone"): a name, which may open a
    /// sentence.
    private func hasInnerCapital(_ token: TokenSpan) -> Bool {
        guard token.kind == .word, token.length >= 3 else { return false }
        var k = token.start + 1
        while k < token.end {
            let b = text.base[k]
            if b >= 0x41 && b <= 0x5A { return true }
            if b == 0x2E || b == 0x27 || b == 0x2D { return false }
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

    /// Whether the sentence so far is a list label: a short number alone at the start of a sentence
    /// (a line, a paragraph, or right after another sentence) followed by the period at `period`
    /// ("1. First item", "steps. 1. Cut the costs.", "1.) The first item").
    private func isListLabel(_ sentenceStart: Int, period: Int, paragraphStart: Int) -> Bool {
        // After a bullet ("• 9. The first item"), the label is the sentence's second token.
        let bulleted = period == sentenceStart + 2 && (isBullet(tokens[sentenceStart]) || isDash(tokens[sentenceStart]))
        guard period == sentenceStart + 1 || bulleted else { return false }
        let label = tokens[period - 1]
        return label.kind == .number && label.length <= 3 && tokens[period].start == label.end
    }
}
