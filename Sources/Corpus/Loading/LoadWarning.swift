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
