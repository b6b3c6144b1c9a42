import Foundation

/// Why `AtomicFile` refused or failed to write a file. Every message names the path involved and
/// says what to do instead.
public enum AtomicFileError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// The path was empty or named no file.
    case emptyPath
    /// The path was absolute (or started with `~`), but must be relative to the output folder.
    case absolutePath(String)
    /// The path contained a `..` component.
    case parentReference(String)
    /// The path contained a NUL character.
    case invalidName(String)
    /// A symbolic link on the way leads outside the output folder (or nowhere).
    case escapesRoot(path: String, target: String)
    /// Part of the path that must be a folder is a file.
    case notAFolder(String)
    /// The path names an existing folder, not a file.
    case isAFolder(String)
    /// A file or folder name on the path is longer than the file system takes.
    case nameTooLong(path: String, name: String)
    /// The whole path, under the output folder, is longer than the system takes.
    case pathTooLong(path: String, length: Int, limit: Int)
    /// The operating system refused an operation.
    case io(path: String, operation: String, message: String)

    /// A sentence saying what went wrong, naming the path.
    public var description: String {
        switch self {
        case .emptyPath:
            return "cannot write a file: the path is empty; give a file name such as \"report.html\""
        case .absolutePath(let p):
            return "cannot write \"\(p)\": the path must be relative to the output folder (no leading / or ~)"
        case .parentReference(let p):
            return "cannot write \"\(p)\": \"..\" is not allowed; files are written only inside the output folder"
        case .invalidName(let p):
            return "cannot write \"\(p)\": the path contains a NUL character"
        case .escapesRoot(let p, let target):
            return "cannot write \"\(p)\": it goes through a symbolic link to \"\(target)\", outside the output folder"
        case .notAFolder(let p):
            return "cannot write under \"\(p)\": it is a file, not a folder"
        case .isAFolder(let p):
            return "cannot write \"\(p)\": it is a folder; give a file name"
        case .nameTooLong(let p, let name):
            return "cannot write \"\(AtomicFileError.shortened(p))\": the name \"\(AtomicFileError.shortened(name))\" is too long "
                + "(\(name.utf8.count) bytes; a name may have at most \(AtomicFile.maximumName))"
        case .pathTooLong(let p, let length, let limit):
            return "cannot write \"\(AtomicFileError.shortened(p))\": the path is too long (\(length) bytes with the output "
                + "folder; at most \(limit)); use fewer or shorter folder names"
        case .io(let p, let operation, let message):
            return "cannot write \"\(p)\": \(operation) failed: \(message)"
        }
    }

    /// A long path or name cut in the middle for messages (`a/a/a/…/a/x.txt`).
    static func shortened(_ text: String) -> String {
        guard text.count > 120 else { return text }
        return String(text.prefix(60)) + "…" + String(text.suffix(50))
    }

    /// The same text as `description`, for APIs that show `localizedDescription`.
    public var errorDescription: String? { description }
}
