/// One item of query text, with its 1-based character position.
struct QueryLexeme: Equatable {
    enum Item: Equatable {
        case open, close, and, or
        /// `NOT` or a leading `-` (the text says which, for messages).
        case not(String)
        /// An unquoted word (may end in `*`).
        case word(String)
        /// The text between quotes.
        case phrase(String)
        /// `title:value` / `source:"a phrase"`.
        case field(QueryField, value: String, quoted: Bool)
    }

    let item: Item
    let position: Int
}

/// Splits query text into words, quoted phrases, fields, parentheses and operators.
///
/// Operators are recognised only in capitals (`AND`, `OR`, `NOT`); in lower case they are
/// ordinary words. A `-` that starts an item means NOT. Quotes may be straight (`"`) or
/// curly (`“ ” „`), and any of them closes a phrase.
enum QueryLexer {
    static let quotes: Set<Character> = ["\"", "\u{201C}", "\u{201D}", "\u{201E}", "\u{201F}"]

    static func lex(_ text: String) throws(QueryError) -> [QueryLexeme] {
        // ASCII text (most queries) is read byte by byte, which costs no grapheme breaking and
        // no scalar decoding: there a character is a byte, so positions are the same.
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return try lex(text.utf8.map(ASCIIUnit.init)) }
        return try lex(Array(text))
    }

    private static func lex<Unit: QueryTextUnit>(_ chars: [Unit]) throws(QueryError) -> [QueryLexeme] {
        var out: [QueryLexeme] = []
        var i = 0
        func isBoundary(_ c: Unit) -> Bool {
            c.isSpace || c == "(" || c == ")" || c.isQuote
        }
        /// Reads a quoted phrase whose opening quote is at `i`; returns its text and the index after it.
        func readPhrase(at start: Int) throws(QueryError) -> (String, Int) {
            var j = start + 1
            while j < chars.count && !chars[j].isQuote { j += 1 }
            guard j < chars.count else { throw QueryError(.unbalanced(chars[start].character), at: start + 1) }
            return (Unit.text(chars[(start + 1)..<j]), j + 1)
        }
        while i < chars.count {
            let c = chars[i]
            if c.isSpace { i += 1; continue }
            let position = i + 1
            if c == "(" { out.append(QueryLexeme(item: .open, position: position)); i += 1; continue }
            if c == ")" { out.append(QueryLexeme(item: .close, position: position)); i += 1; continue }
            if c.isQuote {
                let (phrase, next) = try readPhrase(at: i)
                out.append(QueryLexeme(item: .phrase(phrase), position: position))
                i = next
                continue
            }
            if c == "-" {
                guard i + 1 < chars.count, !chars[i + 1].isSpace, chars[i + 1] != ")" else {
                    throw QueryError(.missingOperand("-", before: false), at: position)
                }
                out.append(QueryLexeme(item: .not("-"), position: position))
                i += 1
                continue
            }
            var j = i
            while j < chars.count && !isBoundary(chars[j]) { j += 1 }
            let word = Unit.text(chars[i..<j])
            switch word {
            case "AND": out.append(QueryLexeme(item: .and, position: position)); i = j; continue
            case "OR": out.append(QueryLexeme(item: .or, position: position)); i = j; continue
            case "NOT": out.append(QueryLexeme(item: .not("NOT"), position: position)); i = j; continue
            default: break
            }
            if let colon = word.firstIndex(of: ":"), colon != word.startIndex,
               word[..<colon].allSatisfy({ $0.isASCII && $0.isLetter }) {
                let name = word[..<colon].lowercased()
                guard let field = QueryField(rawValue: name) else {
                    throw QueryError(.unknownField(String(word[..<colon])), at: position)
                }
                let value = String(word[word.index(after: colon)...])
                if value.isEmpty {
                    guard j < chars.count, chars[j].isQuote else {
                        throw QueryError(.missingFieldValue(name), at: position)
                    }
                    let (phrase, next) = try readPhrase(at: j)
                    out.append(QueryLexeme(item: .field(field, value: phrase, quoted: true), position: position))
                    i = next
                    continue
                }
                out.append(QueryLexeme(item: .field(field, value: value, quoted: false), position: position))
                i = j
                continue
            }
            out.append(QueryLexeme(item: .word(word), position: position))
            i = j
        }
        return out
    }
}

/// What the lexer reads query text as: characters, or for ASCII text the cheaper scalars.
protocol QueryTextUnit: Equatable, ExpressibleByUnicodeScalarLiteral {
    var isSpace: Bool { get }
    /// One of `QueryLexer.quotes`.
    var isQuote: Bool { get }
    var character: Character { get }
    static func text(_ units: ArraySlice<Self>) -> String
}

extension Character: QueryTextUnit {
    var isSpace: Bool { isWhitespace }
    var isQuote: Bool { QueryLexer.quotes.contains(self) }
    var character: Character { self }
    static func text(_ units: ArraySlice<Character>) -> String { String(units) }
}

/// One byte of ASCII query text (what the lexer reads a query that is all ASCII as).
struct ASCIIUnit: QueryTextUnit {
    let byte: UInt8

    init(_ byte: UInt8) { self.byte = byte }
    init(unicodeScalarLiteral value: Unicode.Scalar) { byte = UInt8(truncatingIfNeeded: value.value) }

    var isSpace: Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
    var isQuote: Bool { byte == 0x22 }
    var character: Character { Character(Unicode.Scalar(byte)) }
    static func text(_ units: ArraySlice<ASCIIUnit>) -> String {
        units.withUnsafeBufferPointer { buffer in
            String(decoding: UnsafeRawBufferPointer(buffer), as: UTF8.self)
        }
    }
}
