/// Guesses whether the clause around a date expression is about the past or the future, from
/// marker words near it. News copy gives few other clues, and a wrong guess only moves a bare
/// weekday or month to the other side of the anchor, so a cheap, explainable rule wins.
///
/// The rule: look back up to `back` words and ahead up to `ahead` words, never across a
/// sentence end (`.`, `!`, `?`, `;` or a line break) — nor, for a `clause` window, across a comma,
/// colon or dash (a day's tense is its own clause's: in "which expires March 25 unless it is
/// extended, …, the company said" the "said" is another clause's). The nearest marker decides
/// (looking back wins a tie); with no marker the tense is unknown.
/// - Future markers: modals ("will", "would", "could", "can", "should", "must", lowercase "may",
///   "won't", "'ll"), "upcoming", "coming", "plans", "hoping", "expect(s)", the business calendar's
///   "payable", "effective", "expires", "resume(s)", and arrangement
///   participles ("expected", "scheduled", "slated", "planned", "invited", "poised", "set to",
///   "due" after a form of "be") — unless "was", "were" or "had" stands within the two words
///   before the participle ("was initially scheduled for February" is past), and not after
///   "than" or "as" ("better than expected", "as planned" compare, they arrange nothing).
/// - Past markers: "was", "were", "had", "did", "said", "told", "ago", common irregular past
///   forms ("met", "took", "held", …) and lowercase words ending in "-ed" ("arrived", "eased",
///   "alleged"), minus a few that are not verbs ("need", "hundred", "indeed", …) and
///   participles right after a form of "be" ("will be held", "unless it is extended" are not past;
///   "was" before them is a past marker of its own).
struct DateTenseDetector {
    let bytes: UnsafeBufferPointer<UInt8>
    let tokens: [DateToken]

    /// The tense of the clause around tokens `start..<end`.
    func tense(start: Int, end: Int, back: Int, ahead: Int, clause: Bool = false) -> DateTense {
        var backward: (distance: Int, tense: DateTense)?
        var words = 0
        var index = start - 1
        while index >= 0, words < back {
            if tokens[index + 1].lineBefore || isSentenceEnd(index) || (clause && isClauseEnd(index)) { break }
            if tokens[index].kind != .punct {
                words += 1
                if let tense = marker(at: index) {
                    backward = (words, tense)
                    break
                }
            }
            index -= 1
        }
        var forward: (distance: Int, tense: DateTense)?
        words = 0
        index = end
        while index < tokens.count, words < ahead {
            if tokens[index].lineBefore || isSentenceEnd(index) || (clause && isClauseEnd(index)) { break }
            if tokens[index].kind != .punct {
                words += 1
                if let tense = marker(at: index) {
                    forward = (words, tense)
                    break
                }
            }
            index += 1
        }
        switch (backward, forward) {
        case (nil, nil): return .unknown
        case let (.some(found), nil), let (nil, .some(found)): return found.tense
        case let (.some(before), .some(after)): return before.distance <= after.distance ? before.tense : after.tense
        }
    }

    /// True when the token ends a sentence: `!`, `?`, `;`, or a full stop that is not part of an
    /// abbreviation ("Mr.", "U.S.") or a decimal number ("39.4").
    func isSentenceEnd(_ index: Int) -> Bool {
        let token = tokens[index]
        guard token.kind == .punct else { return false }
        switch token.mark {
        case .bang, .question, .semicolon:
            return true
        case .dot:
            if index > 0, !token.spaceBefore {
                let previous = tokens[index - 1]
                if previous.kind == .word,
                   previous.end - previous.start == 1 || previous.word.flags.contains(.abbreviation) {
                    return false
                }
                if previous.kind == .number, index + 1 < tokens.count, tokens[index + 1].kind == .number,
                   !tokens[index + 1].spaceBefore {
                    return false
                }
            }
            return true
        default:
            return false
        }
    }

    /// True when the token closes a clause: a comma, colon or dash.
    func isClauseEnd(_ index: Int) -> Bool {
        let token = tokens[index]
        guard token.kind == .punct else { return false }
        return token.mark == .comma || token.mark == .colon || token.mark == .dash
    }

    /// The tense a single word signals, if any.
    func marker(at index: Int) -> DateTense? {
        let token = tokens[index]
        guard token.kind == .word else { return nil }
        let word = token.word
        switch word.keyword {
        case .won:
            // "won't" is future; "won" alone is the past of "win".
            if index + 2 < tokens.count, tokens[index + 1].mark == .apostrophe, tokens[index + 2].word.keyword == .t {
                return .future
            }
            return .past
        case .ll:
            if index > 0, tokens[index - 1].mark == .apostrophe { return .future }
        case .may:
            return token.isLower ? .future : nil
        default:
            break
        }
        let flags = word.flags
        if flags.contains(.future) { return .future }
        if flags.contains(.futureParticiple) { return participleTense(at: index) }
        let isPastForm = flags.contains(.past)
            || (!flags.contains(.edException) && token.isLower && token.end - token.start >= 4
                && bytes[token.end - 2] == UInt8(ascii: "e") && bytes[token.end - 1] == UInt8(ascii: "d"))
        guard isPastForm else { return nil }
        // "will be held", "to be announced": a participle after "be" carries no tense itself.
        if !flags.contains(.pastAuxiliary), index > 0,
           tokens[index - 1].word.keyword == .be || tokens[index - 1].word.flags.contains(.beForm) { return nil }
        return .past
    }

    /// "scheduled", "expected", "set to", "due": future arrangement unless a past auxiliary
    /// stands within the two words before; "set"/"bound" only before "to"/"for", "due" only after
    /// a form of "be" (otherwise "due to" means "because of").
    private func participleTense(at index: Int) -> DateTense? {
        let keyword = tokens[index].word.keyword
        if keyword == .set || keyword == .bound {
            let next = index + 1 < tokens.count ? tokens[index + 1].word.keyword : .none
            guard next == .to || next == .for else { return nil }
        }
        if keyword == .due {
            guard index > 0, tokens[index - 1].word.flags.contains(.beForm) else { return nil }
        }
        // "better than expected", "as planned": a comparison, not an arrangement.
        if index > 0, tokens[index - 1].kind == .word, tokens[index - 1].isLower {
            let before = tokens[index - 1]
            if before.end - before.start == 4, bytes[before.start] == UInt8(ascii: "t"),
               bytes[before.start + 1] == UInt8(ascii: "h"), bytes[before.start + 2] == UInt8(ascii: "a"),
               bytes[before.start + 3] == UInt8(ascii: "n") { return nil }
            if before.end - before.start == 2, bytes[before.start] == UInt8(ascii: "a"),
               bytes[before.start + 1] == UInt8(ascii: "s") { return nil }
        }
        var words = 0
        var back = index - 1
        while back >= 0, words < 2 {
            let token = tokens[back]
            if token.kind == .word {
                if token.word.flags.contains(.pastAuxiliary) { return .past }
                words += 1
            } else if token.kind == .punct, token.mark != .apostrophe, token.mark != .hyphen {
                break
            }
            back -= 1
        }
        return .future
    }
}
