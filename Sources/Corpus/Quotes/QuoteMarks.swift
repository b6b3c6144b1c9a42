/// Which kind of quotation mark: double (“ ” „ "), single (‘ ’ ') or guillemets (« »).
/// A quote opened with one family is closed by the same family; the other families inside it
/// are nested quotations and are not reported on their own.
enum QuoteFamily: Hashable, Sendable {
    case double, single, guillemet
}

/// What a quotation mark does where it stands.
enum MarkRole: Hashable, Sendable {
    case open, close
    /// A straight double quote whose direction the context does not tell (letters or spaces on
    /// both sides): it closes an open quote when it touches the word before it.
    case either
}

/// One quotation mark in a paragraph.
struct QuoteMark: Hashable, Sendable {
    /// Token index of the mark.
    var token: Int
    var family: QuoteFamily
    var role: MarkRole
    /// Whether the mark touches the word before it (no space in between).
    var touchesPrevious: Bool
}

/// Finds the quotation marks of a paragraph and decides their direction from their context,
/// not only their glyph: typed text mixes straight and curly marks and sometimes uses the wrong
/// curly one. An apostrophe (`don’t`, `Blinken’s`, `states’`, `’90s`) is never a mark: inside a
/// word the tokenizer keeps it in the word, and a lone `’` only closes a single-quoted span.
enum QuoteMarks {
    /// The marks among the tokens of one paragraph, in order.
    static func marks(in source: QuoteSource, paragraph p: Int) -> [QuoteMark] {
        // A paragraph with no `"`, `'`, `«` or `»` term has no mark (nor need its tokens be read).
        guard source.tokens.mayHoldMarks(paragraph: p) else { return [] }
        let range = source.paragraphTokens[p]
        let bounds = source.paragraphs[p]
        var result: [QuoteMark] = []
        for i in range where source.tokens[i].kind == .punct {
            guard let glyph = glyph(source, i) else { continue }
            let t = source.tokens[i]
            let before = context(source, before: t.start, from: bounds.lowerBound)
            let after = context(source, after: t.end, to: bounds.upperBound)
            let leftOpen = before == .edge || before == .space || before == .opener
            let rightClose = after == .edge || after == .space || after == .closer
            let touches = before != .edge && before != .space
            switch glyph {
            case .straightDouble:
                let role: MarkRole = leftOpen && !rightClose ? .open : (rightClose && !leftOpen ? .close : .either)
                result.append(QuoteMark(token: i, family: .double, role: role, touchesPrevious: touches))
            case .curlyDouble(let opens), .guillemet(let opens):
                let family: QuoteFamily = glyph.isGuillemet ? .guillemet : .double
                // French spacing (« Bonjour ») leaves the direction to the glyph; a lone » between
                // words ("Home » News") then closes nothing and is dropped by the extractor.
                let role: MarkRole = leftOpen && !rightClose ? .open : (rightClose && !leftOpen ? .close : (opens ? .open : .close))
                result.append(QuoteMark(token: i, family: family, role: role, touchesPrevious: touches))
            case .straightSingle, .curlySingle(true):
                // Opens only before a letter ('Taiwan issue'), closes only after a word or
                // punctuation and before a space or punctuation.
                if leftOpen && !rightClose && after == .letter {
                    result.append(QuoteMark(token: i, family: .single, role: .open, touchesPrevious: touches))
                } else if rightClose && !leftOpen {
                    result.append(QuoteMark(token: i, family: .single, role: .close, touchesPrevious: touches))
                }
            case .curlySingle(false):
                if rightClose && !leftOpen {
                    result.append(QuoteMark(token: i, family: .single, role: .close, touchesPrevious: touches))
                }
            }
        }
        return result
    }

    /// The glyphs that can be quotation marks.
    enum Glyph: Hashable {
        case straightDouble, straightSingle
        case curlyDouble(opens: Bool), curlySingle(opens: Bool), guillemet(opens: Bool)

        var isGuillemet: Bool { if case .guillemet = self { return true } else { return false } }
    }

    /// The quotation glyph token `i` is, if any.
    static func glyph(_ source: QuoteSource, _ i: Int) -> Glyph? {
        let t = source.tokens[i]
        let b = source.text.base
        switch t.length {
        case 1:
            if b[t.start] == 0x22 { return .straightDouble }
            if b[t.start] == 0x27 { return .straightSingle }
        case 2:
            if b[t.start] == 0xC2 && b[t.start + 1] == 0xAB { return .guillemet(opens: true) }
            if b[t.start] == 0xC2 && b[t.start + 1] == 0xBB { return .guillemet(opens: false) }
        case 3:
            guard b[t.start] == 0xE2 && b[t.start + 1] == 0x80 else { return nil }
            switch b[t.start + 2] {
            case 0x9C, 0x9E, 0x9F: return .curlyDouble(opens: true)   // “ „ ‟
            case 0x9D: return .curlyDouble(opens: false)              // ”
            case 0x98: return .curlySingle(opens: true)               // ‘
            case 0x99: return .curlySingle(opens: false)              // ’
            default: return nil
            }
        default:
            break
        }
        return nil
    }

    /// What stands next to a mark.
    enum Context: Hashable {
        /// The paragraph's start or end.
        case edge
        case space
        /// Something a quote can open after: ( [ { dashes, slash, another opening mark.
        case opener
        /// Something a quote can close before: . , ; : ! ? ) ] } … dashes, another closing mark.
        case closer
        case letter
        case other
    }

    /// The character just before byte `offset` (not before `start`).
    static func context(_ source: QuoteSource, before offset: Int, from start: Int) -> Context {
        guard offset > start else { return .edge }
        var lead = offset - 1
        while lead > start && offset - lead < 4 && source.text.base[lead] & 0xC0 == 0x80 { lead -= 1 }
        return classify(source, at: lead, opening: true)
    }

    /// The character at byte `offset` (not at or past `end`).
    static func context(_ source: QuoteSource, after offset: Int, to end: Int) -> Context {
        guard offset < end, offset < source.text.count else { return .edge }
        return classify(source, at: offset, opening: false)
    }

    private static func classify(_ source: QuoteSource, at i: Int, opening: Bool) -> Context {
        if source.text.spaceLength(at: i) > 0 { return .space }
        let (value, _) = source.text.scalar(at: i)
        switch value {
        case 0x28, 0x5B, 0x7B, 0x2F: return opening ? .opener : .other          // ( [ { /
        case 0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0x29, 0x5D, 0x7D, 0x2026:       // . , ; : ! ? ) ] } …
            return opening ? .other : .closer
        case 0x2D, 0x2013, 0x2014: return opening ? .opener : .closer            // - – —
        case 0x22, 0x27: return opening ? .opener : .closer                      // a straight mark beside
        case 0x201C, 0x2018, 0x00AB, 0x201E: return opening ? .opener : .other   // “ ‘ « „
        case 0x201D, 0x2019, 0x00BB: return opening ? .other : .closer           // ” ’ »
        default:
            if value < 0x80 {
                let b = UInt8(value)
                if (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) { return .letter }
                return .other
            }
            return CharacterClass.of(scalar: value) == .letter ? .letter : .other
        }
    }
}
