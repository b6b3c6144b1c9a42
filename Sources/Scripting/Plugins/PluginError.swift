/// A problem with a plugin (its manifest, its requirements, its files), worded for the user and
/// naming the file when there is one: `plugins/foo/manifest.lua: missing field 'version'`.
public struct PluginError: Error, CustomStringConvertible, Sendable, Equatable {
    public let message: String

    /// An error with this message.
    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
