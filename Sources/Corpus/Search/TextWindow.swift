/// Character-level cutting of document text around byte offsets, for snippets and
/// concordance lines: never splits a character, and shows every run of whitespace (newlines,
/// tabs, no-break spaces) as one space.
enum TextWindow {
    /// The string index of UTF-8 offset `offset` (clamped to the text).
    static func index(_ text: String, _ offset: Int) -> String.Index {
        let utf8 = text.utf8
        return utf8.index(utf8.startIndex, offsetBy: max(0, min(offset, utf8.count)))
    }

    /// The UTF-8 offset of a string index.
    static func offset(_ text: String, _ index: String.Index) -> Int {
        text.utf8.distance(from: text.utf8.startIndex, to: index)
    }

    /// `text` with each run of whitespace as one space.
    static func flatten(_ text: some StringProtocol) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var inSpace = false
        for c in text {
            if c.isWhitespace {
                if !inSpace { out.append(" ") }
                inSpace = true
            } else {
                out.append(c)
                inSpace = false
            }
        }
        return out
    }

    /// Up to `count` characters (whitespace runs counting as one space) ending at byte
    /// `offset`, leaving out the whitespace right before it.
    static func before(_ text: String, byte offset: Int, count: Int) -> String {
        var i = index(text, offset)
        while i > text.startIndex {
            let j = text.index(before: i)
            guard text[j].isWhitespace else { break }
            i = j
        }
        var reversed: [Character] = []
        while i > text.startIndex && reversed.count < count {
            i = text.index(before: i)
            let c = text[i]
            if c.isWhitespace {
                if reversed.last != " " { reversed.append(" ") }
            } else {
                reversed.append(c)
            }
        }
        while reversed.last == " " { reversed.removeLast() }
        return String(reversed.reversed())
    }

    /// Up to `count` characters (whitespace runs counting as one space) starting at byte
    /// `offset`, leaving out the whitespace right after it.
    static func after(_ text: String, byte offset: Int, count: Int) -> String {
        var i = index(text, offset)
        while i < text.endIndex && text[i].isWhitespace { i = text.index(after: i) }
        var out: [Character] = []
        while i < text.endIndex && out.count < count {
            let c = text[i]
            if c.isWhitespace {
                if out.last != " " { out.append(" ") }
            } else {
                out.append(c)
            }
            i = text.index(after: i)
        }
        while out.last == " " { out.removeLast() }
        return String(out)
    }
}
