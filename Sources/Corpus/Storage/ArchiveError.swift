/// Why an archive (a `.dossier` folder) could not be written or opened. Every case names the
/// file, so a user knows which one to restore or rebuild.
public enum ArchiveError: Error, CustomStringConvertible, Sendable, Equatable {
    /// A file cannot be opened, read or mapped.
    case unreadable(file: String, reason: String)
    /// A file is shorter than its header or directory says: cut off by a crash or a copy.
    case truncated(file: String, expected: Int, actual: Int)
    /// A file's bytes are not what was written: a wrong magic number, a bad checksum, an offset
    /// out of range.
    case corrupted(file: String, reason: String)
    /// A file written by a newer dossier, in a format version this one does not know.
    case futureVersion(file: String, version: Int, supported: Int)
    /// A file written by an older dossier, in a format version this one no longer reads: the
    /// archive must be rebuilt from its sources (`dossier index SOURCES -o ARCHIVE`).
    case oldVersion(file: String, version: Int, current: Int)
    /// The folder is not an archive (no MANIFEST).
    case notAnArchive(path: String)
    /// Another process is writing the archive (its lock file is held).
    case locked(path: String, holder: String)
    /// The archive cannot be written.
    case unwritable(path: String, reason: String)
    /// This machine stores numbers big-endian; archives are little-endian.
    case unsupportedMachine(file: String)
    /// Ids given to remove that the archive has no (live) document for; nothing was changed.
    case unknownDocuments(path: String, ids: [String])

    public var description: String {
        switch self {
        case .unreadable(let file, let reason): return "cannot read archive file \(file): \(reason)"
        case .truncated(let file, let expected, let actual):
            return "archive file \(file) is truncated: \(actual) bytes where \(expected) were written (rebuild it with dossier index)"
        case .corrupted(let file, let reason):
            return "archive file \(file) is corrupted: \(reason) (rebuild it with dossier index)"
        case .futureVersion(let file, let version, let supported):
            return "archive file \(file) has format version \(version); this dossier reads up to version \(supported) (update dossier)"
        case .oldVersion(let file, let version, let current):
            return "archive file \(file) has format version \(version), written by an older dossier; this dossier reads version \(current) only (rebuild the archive from its sources with dossier index SOURCES -o ARCHIVE)"
        case .notAnArchive(let path): return "\(path) is not a dossier archive (no MANIFEST in it)"
        case .locked(let path, let holder):
            return "archive \(path) is being written by another process (\(holder)); wait for it to finish, or remove \(path)/LOCK if that process is gone"
        case .unwritable(let path, let reason): return "cannot write archive \(path): \(reason)"
        case .unsupportedMachine(let file): return "cannot open \(file): archives are little-endian and this machine is not"
        case .unknownDocuments(let path, let ids):
            let shown = ids.prefix(10).map { "'\($0)'" }.joined(separator: ", ") + (ids.count > 10 ? " and \(ids.count - 10) more" : "")
            return "archive \(path) has no document \(shown); nothing was removed"
        }
    }
}
