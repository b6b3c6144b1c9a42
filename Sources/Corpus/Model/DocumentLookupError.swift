/// Why `Corpus.document(_:)` found no one document for an id or prefix.
public enum DocumentLookupError: Error, CustomStringConvertible, Sendable, Equatable {
    /// No document id or prefix matches.
    case noSuchDocument(String)
    /// A prefix matches several documents.
    case ambiguousDocument(String, candidates: [String])

    public var description: String {
        switch self {
        case .noSuchDocument(let id): return "no document with id or prefix '\(id)'"
        case .ambiguousDocument(let id, let candidates):
            let shown = candidates.prefix(5).joined(separator: ", ")
            return "'\(id)' matches \(candidates.count) documents (\(shown)\(candidates.count > 5 ? ", …" : "")): give more of the id"
        }
    }
}
