/// A problem with one file or folder that did not stop the load: an empty, binary, mis-encoded,
/// too large or unreadable file, something that is not a regular file, a link loop, a folder that
/// cannot be listed.
public struct LoadWarning: Sendable, CustomStringConvertible, Hashable {
    /// The file, as found under the corpus path.
    public let path: String
    /// What was wrong and what dossier did about it.
    public let message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    /// `path: message`, one line.
    public var description: String { "\(path): \(message)" }
}
