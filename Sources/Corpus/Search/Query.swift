/// A parsed search query: the text the user wrote and its expression tree.
///
/// Parse once with `Query.parse(_:)`, then hand it to `Search.search` or `Search.kwic`
/// (which also accept the text directly). See docs/query-language.md for the syntax.
public struct Query: Sendable, Hashable, CustomStringConvertible {
    /// The query as written.
    public let text: String
    /// The expression the text means, with words already normalised (`Tokenizer.norm`).
    public let expression: QueryExpression

    /// Makes a query from an expression (for callers that build queries in code).
    public init(text: String, expression: QueryExpression) {
        self.text = text
        self.expression = expression
    }

    /// Parses query text; throws a `QueryError` naming the position of a syntax error.
    public static func parse(_ text: String) throws(QueryError) -> Query {
        Query(text: text, expression: try QueryParser.parse(text))
    }

    /// The expression in a canonical, fully parenthesised form (for messages and tests).
    public var description: String { expression.description }
}

/// A document field a query can restrict: `title:` and `source:`.
public enum QueryField: String, Sendable, CaseIterable, Hashable {
    /// The document's headline.
    case title
    /// The outlet the document came from.
    case source
}

/// The meaning of a query, as a tree.
///
/// Leaves hold normalised forms (lowercase, typographic variants folded — see `Tokenizer.norm`),
/// so they compare directly with the corpus `Lexicon`.
public indirect enum QueryExpression: Sendable, Hashable, CustomStringConvertible {
    /// One token, e.g. `balloon`.
    case term(String)
    /// Consecutive tokens, e.g. `"spy balloon"` or the word `China's` (`china` `'s`).
    case phrase([String])
    /// Every term starting with this normalised prefix, e.g. `balloon*`.
    case prefix(String)
    /// A field that holds these consecutive tokens; when `prefix` is true the last one is a
    /// prefix (`title:ballo*`).
    case field(QueryField, [String], prefix: Bool)
    /// Documents matching every operand.
    case and([QueryExpression])
    /// Documents matching at least one operand.
    case or([QueryExpression])
    /// Documents not matching the operand.
    case not(QueryExpression)

    /// A canonical rendering: `(balloon AND "spy balloon")`, `NOT title:"spy balloon"`.
    public var description: String {
        switch self {
        case .term(let t): return t
        case .phrase(let ts): return "\"" + ts.joined(separator: " ") + "\""
        case .prefix(let p): return p + "*"
        case .field(let f, let ts, let prefix):
            let value = ts.count == 1 ? ts[0] : "\"" + ts.joined(separator: " ") + "\""
            return f.rawValue + ":" + value + (prefix ? "*" : "")
        case .and(let xs): return "(" + xs.map(\.description).joined(separator: " AND ") + ")"
        case .or(let xs): return "(" + xs.map(\.description).joined(separator: " OR ") + ")"
        case .not(let x): return "NOT " + x.description
        }
    }

    /// The terms, phrases and prefixes that are not under a NOT: what ranking scores and what
    /// snippets and concordances show.
    public var positiveLeaves: [QueryExpression] {
        var out: [QueryExpression] = []
        var seen: Set<QueryExpression> = []
        collectPositive(into: &out, seen: &seen)
        return out
    }

    /// Every prefix stem in the expression, negated or not.
    var prefixes: [String] {
        switch self {
        case .prefix(let stem): return [stem]
        case .term, .phrase, .field: return []
        case .not(let x): return x.prefixes
        case .and(let xs), .or(let xs): return xs.flatMap(\.prefixes)
        }
    }

    private func collectPositive(into out: inout [QueryExpression], seen: inout Set<QueryExpression>) {
        switch self {
        case .term, .phrase, .prefix:
            if seen.insert(self).inserted { out.append(self) }
        case .field, .not:
            return
        case .and(let xs), .or(let xs):
            for x in xs { x.collectPositive(into: &out, seen: &seen) }
        }
    }
}
