/// One record of a WARC file (ISO 28500, WARC/1.0 and 1.1): its named header fields and its
/// content block.
public struct WARCRecord: Sendable {
    /// The version line's version, "1.0" or "1.1".
    public var version: String
    /// The header fields in file order (names as written; values trimmed).
    public var fields: [(name: String, value: String)]
    /// The content block: `Content-Length` bytes after the header.
    public var block: [UInt8]
    /// The record's number in its file, from 1.
    public var number: Int
    /// The byte offset of the record's version line in the (decompressed) stream.
    public var offset: Int
    /// The byte offset just after its content block in the stream.
    public var end: Int

    public init(version: String, fields: [(name: String, value: String)], block: [UInt8], number: Int, offset: Int, end: Int) {
        self.version = version
        self.fields = fields
        self.block = block
        self.number = number
        self.offset = offset
        self.end = end
    }

    /// The first field named `name` (case-insensitive, as the standard's field names are).
    public subscript(_ name: String) -> String? {
        let wanted = name.lowercased()
        return fields.first { $0.name.lowercased() == wanted }?.value
    }

    /// `WARC-Type`, lower-case: "response", "request", "warcinfo", "metadata", "resource",
    /// "revisit", "conversion", "continuation".
    public var type: String { (self["WARC-Type"] ?? "").lowercased() }

    /// `WARC-Target-URI`, without the angle brackets WARC/1.0 writers sometimes put around it.
    public var targetURI: String? {
        guard var uri = self["WARC-Target-URI"], !uri.isEmpty else { return nil }
        if uri.hasPrefix("<") && uri.hasSuffix(">") { uri = String(uri.dropFirst().dropLast()) }
        return uri
    }

    /// `WARC-Date` (an ISO 8601 timestamp, UTC).
    public var date: String? { self["WARC-Date"] }
}
