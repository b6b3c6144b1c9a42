/// The value of an input field dossier keeps without giving it a meaning of its own (a
/// JSONL export's `section`, `tags` or `word_count`; a CSV column): `Document.meta`.
public enum FieldValue: Sendable, Equatable {
    case text(String)
    case number(Double)
    case bool(Bool)
    /// A list (JSON array); an object nested in it is kept as its JSON text.
    case list([FieldValue])

    /// The value as text (a list's items joined by ", "), for printing and for `filter` matches.
    public var text: String {
        switch self {
        case .text(let s): return s
        case .number(let n): return n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n)
        case .bool(let b): return b ? "true" : "false"
        case .list(let items): return items.map(\.text).joined(separator: ", ")
        }
    }
}
