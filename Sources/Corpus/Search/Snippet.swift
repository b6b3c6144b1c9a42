/// The line shown under a search hit: the sentence with the strongest match — the one that
/// holds the most different query terms, then the longest match, then the earliest — cut to
/// about `maxCharacters` around its first match, with every match marked «like this».
enum Snippet {
    /// Longest snippet, in characters, before the ellipses.
    static let maxCharacters = 200
    /// Characters kept before the first match when a long sentence is cut.
    static let lead = 40
    /// Marks around matches.
    static let open: Character = "«"
    static let close: Character = "»"

    static func make(_ document: Document, matches: [TokenMatch], spans: [TokenSpan]) -> String {
        let text = document.text
        let layout = document.layout(tokens: spans)
        guard let first = matches.first else {
            let opening = layout.sentenceCount > 0 ? layout.sentenceBytes(0) : 0..<text.utf8.count
            return cut(text, sentence: opening, marks: [])
        }
        // Pick the sentence.
        var best = (sentence: layout.sentence(containingToken: first.tokens.lowerBound), patterns: 0, longest: 0)
        var current = (sentence: -1, patterns: Set<Int>(), longest: 0)
        func finish(_ c: (sentence: Int, patterns: Set<Int>, longest: Int)) {
            guard c.sentence >= 0 else { return }
            if c.patterns.count > best.patterns || (c.patterns.count == best.patterns && c.longest > best.longest) {
                best = (c.sentence, c.patterns.count, c.longest)
            }
        }
        for m in matches {
            let s = layout.sentence(containingToken: m.tokens.lowerBound)
            if s != current.sentence {
                finish(current)
                current = (s, [], 0)
            }
            current.patterns.insert(m.pattern)
            current.longest = max(current.longest, m.tokens.count)
        }
        finish(current)
        let sentence = layout.sentenceBytes(best.sentence)
        var marks: [Range<Int>] = []
        for m in matches {
            guard m.tokens.lowerBound < spans.count, m.tokens.upperBound <= spans.count, !m.tokens.isEmpty else { continue }
            let bytes = spans[m.tokens.lowerBound].start..<spans[m.tokens.upperBound - 1].end
            guard bytes.lowerBound >= sentence.lowerBound, bytes.upperBound <= sentence.upperBound else { continue }
            if let last = marks.last, bytes.lowerBound <= last.upperBound {
                marks[marks.count - 1] = last.lowerBound..<max(last.upperBound, bytes.upperBound)
            } else {
                marks.append(bytes)
            }
        }
        return cut(text, sentence: sentence, marks: marks)
    }

    /// The sentence's text (or a window of it around the first mark), marks inserted.
    static func cut(_ text: String, sentence: Range<Int>, marks: [Range<Int>]) -> String {
        let sentenceStart = TextWindow.index(text, sentence.lowerBound)
        let sentenceEnd = TextWindow.index(text, sentence.upperBound)
        var start = sentenceStart
        var end = sentenceEnd
        if text[sentenceStart..<sentenceEnd].count > maxCharacters {
            let anchor = TextWindow.index(text, marks.first?.lowerBound ?? sentence.lowerBound)
            let anchorEnd = TextWindow.index(text, marks.first?.upperBound ?? sentence.lowerBound)
            start = anchor
            var walked = 0
            while start > sentenceStart && walked < lead {
                start = text.index(before: start)
                walked += 1
            }
            if start > sentenceStart && !text[text.index(before: start)].isWhitespace {
                // Do not open on half a word: skip to the next space before the match.
                if let space = text[start..<anchor].firstIndex(where: \.isWhitespace) { start = text.index(after: space) }
            }
            end = start
            walked = 0
            while end < sentenceEnd && walked < maxCharacters {
                end = text.index(after: end)
                walked += 1
            }
            if end < anchorEnd { end = anchorEnd }
            if end < sentenceEnd && !text[end].isWhitespace,
               let space = text[anchorEnd..<end].lastIndex(where: \.isWhitespace) {
                end = space
            }
        }
        let startByte = TextWindow.offset(text, start)
        let endByte = TextWindow.offset(text, end)
        var out = start > sentenceStart ? "…" : ""
        var cursor = startByte
        for mark in marks where mark.lowerBound >= startByte && mark.upperBound <= endByte {
            out += TextWindow.flatten(text[TextWindow.index(text, cursor)..<TextWindow.index(text, mark.lowerBound)])
            out.append(open)
            out += TextWindow.flatten(text[TextWindow.index(text, mark.lowerBound)..<TextWindow.index(text, mark.upperBound)])
            out.append(close)
            cursor = mark.upperBound
        }
        out += TextWindow.flatten(text[TextWindow.index(text, cursor)..<end])
        if end < sentenceEnd { out += "…" }
        return out.trimmingSpaces()
    }
}

private extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
