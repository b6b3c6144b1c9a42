/// What a token is: the three kinds the rest of the pipeline filters on.
///
/// The kind is decided by the token's first character, so it costs nothing to compute:
/// a token that starts with a digit is a `number` ("2023", "39.4C", "1990s", "18-6-2023"),
/// one that starts with a letter is a `word` ("China", "U.S.", "face-to-face", and the clitic "’s"),
/// and everything else is `punct` (one character, or an ellipsis "..." / "…").
public enum TokenKind: UInt8, Sendable, CaseIterable, CustomStringConvertible {
    case word, number, punct

    /// The lowercase name used in scripts and reports ("word", "number", "punct").
    public var description: String {
        switch self {
        case .word: return "word"
        case .number: return "number"
        case .punct: return "punct"
        }
    }
}

/// A token as a byte range of the UTF-8 text it was scanned from.
///
/// Tokens are plain ranges, not strings, so a whole corpus can be tokenised without allocating
/// per token and the ranges can be stored in columnar arrays.
public struct TokenSpan: Hashable, Sendable {
    /// Byte offset of the token's first byte in the scanned text.
    public var start: Int
    /// Length of the token in bytes (always > 0 for tokens produced by `Tokenizer`).
    public var length: Int
    /// Word, number or punctuation.
    public var kind: TokenKind

    /// Makes a token span; `Tokenizer` is the usual source of these.
    public init(start: Int, length: Int, kind: TokenKind) {
        self.start = start
        self.length = length
        self.kind = kind
    }

    /// Byte offset just past the token's last byte.
    public var end: Int { start + length }

    /// The token's bytes as a range, for slicing the text it came from.
    public var range: Range<Int> { start..<(start + length) }
}

extension RandomAccessCollection where Element == TokenSpan, Index == Int {
    /// Index of the first token that starts at or after byte `offset` (binary search: tokens
    /// are in text order), or `endIndex` when none does.
    package func firstToken(atOrAfter offset: Int) -> Int {
        var low = startIndex
        var high = endIndex
        while low < high {
            let mid = (low + high) / 2
            if self[mid].start < offset { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
