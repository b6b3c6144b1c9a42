/// Why a corpus could not be opened at all.
public enum CorpusError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The corpus path does not exist.
    case notFound(path: String)
    /// The path exists but cannot be read.
    case unreadable(path: String, reason: String)
    /// The folder holds no file dossier reads.
    case empty(path: String)
    /// The load was stopped (a time limit, an interrupt) before it finished.
    case stopped(WorkLimit)
    /// The path is an archive that cannot be opened.
    case archive(ArchiveError)

    public var description: String {
        switch self {
        case .notFound(let path):
            return "corpus not found: \(path) (give a folder or file of articles with --corpus: .txt, .jsonl, .json, .csv…)"
        case .unreadable(let path, let reason): return "cannot read corpus \(path): \(reason)"
        case .empty(let path):
            return "no readable documents in \(path) (looked for \(DocumentFormat.extensionsListed.joined(separator: ", ")))"
        case .stopped(let limit): return limit.description
        case .archive(let error): return error.description
        }
    }
}
