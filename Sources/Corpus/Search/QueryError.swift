/// A query that cannot be understood, with the 1-based character position of the problem.
///
/// Its description reads `query: unbalanced '(' at 12`, ready to show to a user.
public struct QueryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Sendable, Equatable {
        /// The query is empty or only spaces.
        case empty
        /// A quote or parenthesis without its partner; holds the character.
        case unbalanced(Character)
        /// `AND`, `OR`, `NOT` or `-` without an operand where one is needed: the operator, and
        /// whether the missing term is the one before it (`AND b`) or after it (`a AND`).
        case missingOperand(String, before: Bool)
        /// `()`.
        case emptyGroup
        /// `word:value` with a field name that is not `title` or `source`.
        case unknownField(String)
        /// `title:` with nothing after it.
        case missingFieldValue(String)
        /// A `*` that does not end a single word (`*`, `"a b"*`, `U.S.-Ch*`).
        case badPrefix(String)
        /// Parentheses nested deeper than `QueryParser.maxDepth`.
        case nestedTooDeep
        /// Words that hold no searchable token (only control characters, say).
        case nothingToSearch
        /// More terms, phrases, prefixes and fields than `QueryParser.maxTerms`.
        case tooManyTerms
        /// The query's prefixes stand for this many terms together, more than
        /// `QueryPlan.totalExpansionLimit`.
        case expandsTooFar(Int)
        /// The search was stopped (a time limit, an interrupt) before it finished.
        case stopped(WorkLimit)
    }

    /// What went wrong.
    public let kind: Kind
    /// 1-based character (not byte) position in the query text; 0 when it is about the whole query.
    public let position: Int

    /// Makes an error (the parser's job; public for tests and callers that validate).
    public init(_ kind: Kind, at position: Int) {
        self.kind = kind
        self.position = position
    }

    /// `query: unbalanced '(' at 12`.
    public var description: String {
        let at = position > 0 ? " at \(position)" : ""
        switch kind {
        case .empty:
            return "query: empty query"
        case .unbalanced(let c):
            return "query: unbalanced '\(c)'\(at)"
        case .missingOperand(let op, let before):
            return "query: '\(op)' needs a term \(before ? "before" : "after") it\(at)"
        case .emptyGroup:
            return "query: empty parentheses\(at)"
        case .unknownField(let name):
            return "query: unknown field '\(name)'\(at) (fields: title, source)"
        case .missingFieldValue(let name):
            return "query: '\(name):' needs a value\(at)"
        case .badPrefix(let text):
            if text == "*" { return "query: '*' needs a word before it\(at)" }
            return "query: '\(text)': only a single word can end in '*'\(at)"
        case .nestedTooDeep:
            return "query: parentheses nested too deep\(at) (at most \(QueryParser.maxDepth) levels)"
        case .nothingToSearch:
            return "query: nothing to search for\(at)"
        case .tooManyTerms:
            return "query: too many terms\(at) (at most \(QueryParser.maxTerms) terms, phrases and prefixes)"
        case .expandsTooFar(let count):
            return "query: its prefixes stand for \(count) terms (at most \(QueryPlan.totalExpansionLimit)): use fewer or longer prefixes"
        case .stopped(let limit):
            return limit.description
        }
    }
}
