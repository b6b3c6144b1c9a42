/// A problem with one file or folder that did not stop the load: an empty, binary, mis-encoded,
/// too large or unreadable file, something that is not a regular file, a link loop, a folder that
/// cannot be listed.
public struct LoadWarning: Sendable, CustomStringConvertible, Hashable {
    /// The file, as found under the corpus path.
    public let path: String
    /// Where in the file, for a file of many records: "line 17", "item 3"; nil for the file.
    public let place: String?
    /// What was wrong and what dossier did about it.
    public let message: String

    public init(path: String, place: String? = nil, message: String) {
        self.path = path
        self.place = place
        self.message = message
    }

    /// `path: message` or `path, line 17: message`, one line.
    public var description: String { place.map { "\(path), \($0): \(message)" } ?? "\(path): \(message)" }
}

/// Why a corpus could not be opened at all.
public enum CorpusError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The corpus path does not exist.
    case notFound(path: String)
    /// The path exists but cannot be read.
    case unreadable(path: String, reason: String)
    /// The folder holds no file dossier reads.
    case empty(path: String)
    /// No document id or prefix matches.
    case noSuchDocument(String)
    /// A prefix matches several documents.
    case ambiguousDocument(String, candidates: [String])
    /// The load was stopped (a time limit, an interrupt) before it finished.
    case stopped(WorkLimit)

    public var description: String {
        switch self {
        case .notFound(let path):
            return "corpus not found: \(path) (give a folder or file of articles with --corpus: .txt, .jsonl, .json, .csv…)"
        case .unreadable(let path, let reason): return "cannot read corpus \(path): \(reason)"
        case .empty(let path):
            return "no readable documents in \(path) (looked for \(DocumentFormat.extensionsListed.joined(separator: ", ")))"
        case .noSuchDocument(let id): return "no document with id or prefix '\(id)'"
        case .ambiguousDocument(let id, let candidates):
            let shown = candidates.prefix(5).joined(separator: ", ")
            return "'\(id)' matches \(candidates.count) documents (\(shown)\(candidates.count > 5 ? ", …" : "")): give more of the id"
        case .stopped(let limit): return limit.description
        }
    }
}
