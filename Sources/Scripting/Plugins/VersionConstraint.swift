import Foundation

/// A condition on a version: `>=0.1`, `>=1.2 <2`, `=1.0.0`, `^1.2` (same major, at least 1.2),
/// or `*` (any). Clauses separated by spaces or commas must all hold; a bare version means `=`.
public struct VersionConstraint: Sendable, CustomStringConvertible {
    /// One comparison.
    public struct Clause: Sendable {
        /// How the version compares: `>=`, `>`, `<=`, `<`, `=`, or `^` (same major, at least).
        public enum Operator: String, Sendable, CaseIterable {
            case atLeast = ">=", above = ">", atMost = "<=", below = "<", exactly = "=", compatible = "^"
        }
        public let op: Operator
        public let version: SemanticVersion

        func holds(for v: SemanticVersion) -> Bool {
            switch op {
            case .atLeast: return v >= version
            case .above: return v > version
            case .atMost: return v <= version
            case .below: return v < version
            case .exactly: return v == version
            case .compatible: return v >= version && v.major == version.major
            }
        }
    }

    /// The constraint as written.
    public let text: String
    public let clauses: [Clause]

    /// Parses a constraint; the error says what is wrong with it.
    public init(parsing text: String) throws(PluginError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        self.text = trimmed
        if trimmed.isEmpty || trimmed == "*" {
            clauses = []
            return
        }
        // Split into clauses: an operator may be followed by spaces (`>= 1.2`).
        var tokens: [String] = []
        var pendingOperator: String?
        for piece in trimmed.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" }) {
            let p = String(piece)
            if Clause.Operator.allCases.contains(where: { $0.rawValue == p }) || p == "==" {
                pendingOperator = p
                continue
            }
            tokens.append((pendingOperator ?? "") + p)
            pendingOperator = nil
        }
        guard pendingOperator == nil, !tokens.isEmpty else {
            throw PluginError("version constraint '\(trimmed)' is incomplete (examples: >=0.1, >=1.2 <2.0)")
        }
        var parsed: [Clause] = []
        for token in tokens {
            var rest = Substring(token)
            var op = Clause.Operator.exactly
            for candidate in ["==", ">=", "<=", ">", "<", "=", "^"] where rest.hasPrefix(candidate) {
                op = candidate == "==" ? .exactly : Clause.Operator(rawValue: candidate) ?? .exactly
                rest = rest.dropFirst(candidate.count)
                break
            }
            guard let version = SemanticVersion(partial: String(rest)) else {
                throw PluginError("version constraint '\(trimmed)' is not understood (examples: >=0.1, >=1.2 <2.0, ^1.0)")
            }
            parsed.append(Clause(op: op, version: version))
        }
        clauses = parsed
    }

    /// True when `version` meets every clause.
    public func isSatisfied(by version: SemanticVersion) -> Bool {
        clauses.allSatisfy { $0.holds(for: version) }
    }

    /// True for `*` or an empty constraint.
    public var isAny: Bool { clauses.isEmpty }

    public var description: String { isAny ? "any version" : text }
}
