/// Parses query text into a `QueryExpression`.
///
/// Grammar (NOT binds tighter than AND, AND tighter than OR; AND is implied between terms):
///
///     query   := or
///     or      := and ("OR" and)*
///     and     := unary (["AND"] unary)*
///     unary   := ("NOT" | "-")* primary
///     primary := "(" or ")" | word | word* | "phrase" | field:value | field:"phrase"
///
/// Words are tokenised and normalised like corpus text: a word the tokenizer splits
/// (`China's` → `china` `'s`) becomes a phrase; punctuation at the edges of an unquoted word is
/// dropped (`balloon,` → `balloon`). Inside quotes every token counts, punctuation included.
enum QueryParser {
    /// Deepest nesting of parentheses accepted (deeper input is an error, not a crash).
    static let maxDepth = 100
    /// Most terms, phrases, prefixes and field values a query may hold: room for a query built
    /// from a long list of names, while `string.rep("c* ", 100000)` is refused at once.
    static let maxTerms = 10_000

    static func parse(_ text: String) throws(QueryError) -> QueryExpression {
        let lexemes = try QueryLexer.lex(text)
        guard !lexemes.isEmpty else { throw QueryError(.empty, at: 0) }
        var parser = Parser(lexemes: lexemes)
        let expression = try parser.parseOr(depth: 0)
        if let extra = parser.peek {
            // parseOr stops only at the end or at a ")" with no "(" open.
            throw QueryError(.unbalanced(")"), at: extra.position)
        }
        guard let expression else { throw QueryError(.nothingToSearch, at: 0) }
        return expression
    }

    private struct Parser {
        let lexemes: [QueryLexeme]
        var index = 0
        /// Terms, phrases, prefixes and fields read so far.
        var leaves = 0

        init(lexemes: [QueryLexeme]) { self.lexemes = lexemes }

        var peek: QueryLexeme? { index < lexemes.count ? lexemes[index] : nil }

        mutating func take() -> QueryLexeme? {
            guard index < lexemes.count else { return nil }
            index += 1
            return lexemes[index - 1]
        }

        /// True when the next lexeme can start an operand.
        var atOperand: Bool {
            guard let item = peek?.item else { return false }
            switch item {
            case .close, .and, .or: return false
            default: return true
            }
        }

        mutating func parseOr(depth: Int) throws(QueryError) -> QueryExpression? {
            var operands: [QueryExpression?] = [try parseAnd(depth: depth)]
            while let op = peek, op.item == .or {
                index += 1
                guard atOperand else { throw QueryError(.missingOperand("OR", before: false), at: op.position) }
                operands.append(try parseAnd(depth: depth))
            }
            return combine(operands.compactMap { $0 }, or: true)
        }

        mutating func parseAnd(depth: Int) throws(QueryError) -> QueryExpression? {
            if let op = peek {
                if op.item == .and { throw QueryError(.missingOperand("AND", before: true), at: op.position) }
                if op.item == .or { throw QueryError(.missingOperand("OR", before: true), at: op.position) }
            }
            var operands: [QueryExpression?] = [try parseUnary(depth: depth)]
            while let next = peek {
                if next.item == .and {
                    index += 1
                    guard atOperand else { throw QueryError(.missingOperand("AND", before: false), at: next.position) }
                    operands.append(try parseUnary(depth: depth))
                } else if atOperand {
                    operands.append(try parseUnary(depth: depth))
                } else {
                    break
                }
            }
            return combine(operands.compactMap { $0 }, or: false)
        }

        mutating func parseUnary(depth: Int) throws(QueryError) -> QueryExpression? {
            var negations = 0
            while let op = peek, case .not(let word) = op.item {
                index += 1
                negations += 1
                guard atOperand else { throw QueryError(.missingOperand(word, before: false), at: op.position) }
            }
            guard let primary = try parsePrimary(depth: depth) else { return nil }
            return negations % 2 == 1 ? .not(primary) : primary
        }

        mutating func parsePrimary(depth: Int) throws(QueryError) -> QueryExpression? {
            guard let lexeme = take() else { return nil }
            switch lexeme.item {
            case .word, .phrase, .field:
                leaves += 1
                guard leaves <= QueryParser.maxTerms else { throw QueryError(.tooManyTerms, at: lexeme.position) }
            default:
                break
            }
            switch lexeme.item {
            case .open:
                guard depth < QueryParser.maxDepth else { throw QueryError(.nestedTooDeep, at: lexeme.position) }
                if let next = peek, next.item == .close { throw QueryError(.emptyGroup, at: lexeme.position) }
                let inner = try parseOr(depth: depth + 1)
                guard let close = take(), close.item == .close else {
                    throw QueryError(.unbalanced("("), at: lexeme.position)
                }
                return inner
            case .close:
                throw QueryError(.unbalanced(")"), at: lexeme.position)
            case .word(let word):
                return try QueryParser.word(word, at: lexeme.position)
            case .phrase(let text):
                return QueryParser.sequence(QueryParser.norms(text, keepEdgePunctuation: true))
            case .field(let field, let value, let quoted):
                return try QueryParser.field(field, value: value, quoted: quoted, at: lexeme.position)
            case .and, .or, .not:
                // Callers check `atOperand` first; kept for completeness.
                return nil
            }
        }

        /// One operand as itself; several flattened into one AND / OR.
        func combine(_ operands: [QueryExpression], or: Bool) -> QueryExpression? {
            guard operands.count > 1 else { return operands.first }
            var flat: [QueryExpression] = []
            for operand in operands {
                switch (operand, or) {
                case (.or(let xs), true), (.and(let xs), false): flat.append(contentsOf: xs)
                default: flat.append(operand)
                }
            }
            return or ? .or(flat) : .and(flat)
        }
    }

    /// An unquoted word: a term, a phrase (when the tokenizer splits it) or a prefix.
    static func word(_ word: String, at position: Int) throws(QueryError) -> QueryExpression? {
        if word.hasSuffix("*") {
            let stem = word.dropLast()
            let norms = norms(String(stem), keepEdgePunctuation: false)
            guard !stem.contains("*"), norms.count == 1 else { throw QueryError(.badPrefix(word), at: position) }
            return .prefix(norms[0])
        }
        return sequence(norms(word, keepEdgePunctuation: false))
    }

    /// A field value: its tokens, the last one a prefix when it ends in `*` (unquoted only).
    static func field(_ field: QueryField, value: String, quoted: Bool, at position: Int) throws(QueryError) -> QueryExpression {
        var text = value
        var prefix = false
        if !quoted && text.hasSuffix("*") {
            text.removeLast()
            prefix = true
            guard !text.isEmpty, !text.contains("*") else { throw QueryError(.badPrefix(value), at: position) }
        }
        let norms = norms(text, keepEdgePunctuation: quoted)
        guard !norms.isEmpty else { throw QueryError(.missingFieldValue(field.rawValue), at: position) }
        return .field(field, norms, prefix: prefix)
    }

    /// A term for one token, a phrase for several, nothing for none.
    static func sequence(_ norms: [String]) -> QueryExpression? {
        switch norms.count {
        case 0: return nil
        case 1: return .term(norms[0])
        default: return .phrase(norms)
        }
    }

    /// The normalised tokens of query text; without `keepEdgePunctuation`, punctuation tokens
    /// before the first and after the last word or number are dropped (unless that is all).
    static func norms(_ text: String, keepEdgePunctuation: Bool) -> [String] {
        if let word = asciiWord(text) { return [word] }
        return tokenizedNorms(text, keepEdgePunctuation: keepEdgePunctuation)
    }

    /// The normal form of a plain word of ASCII letters (what most query words are): one token,
    /// lowercased, as the tokenizer would give it, without tokenizing. Nil for anything else.
    static func asciiWord(_ text: String) -> String? {
        var copy = text
        return copy.withUTF8 { bytes -> String? in
            guard !bytes.isEmpty, bytes.count <= 32 else { return nil }
            var upper = false
            for b in bytes {
                if b &- 0x61 < 26 { continue }
                guard b &- 0x41 < 26 else { return nil }
                upper = true
            }
            guard upper else { return text }
            return Tokenizer.lowercasedASCIIString(bytes)
        }
    }

    /// `norms` through the tokenizer.
    static func tokenizedNorms(_ text: String, keepEdgePunctuation: Bool) -> [String] {
        var copy = text
        return copy.withUTF8 { bytes -> [String] in
            var spans = Tokenizer.tokens(in: bytes)
            if !keepEdgePunctuation, let first = spans.firstIndex(where: { $0.kind != .punct }),
               let last = spans.lastIndex(where: { $0.kind != .punct }) {
                spans = Array(spans[first...last])
            }
            return spans.map { Tokenizer.normalized(UnsafeBufferPointer(rebasing: bytes[$0.range])) }
        }
    }
}
