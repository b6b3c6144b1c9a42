/// A file's identity on its machine: the device and inode `stat` reports. Two paths that lead
/// to the same file (through links, or as hard links) have the same identity.
struct FileIdentity: Hashable, Sendable {
    let device: UInt64
    let inode: UInt64
}

/// Where a document's record is: its file, the bytes of the file it was read from, and its
/// place among the file's records. `Document.raw` reads those bytes again; ids and warnings
/// name the place.
///
/// Pure data: the model keeps it, and the loader that made it (through `RawRecordSource`) is
/// the one that knows how to read it again, so the model does not depend on the readers.
public struct RecordOrigin: Sendable {
    /// The path as bytes, when they are not the UTF-8 of `Document.path` (a name that is not UTF-8).
    let location: [UInt8]?
    /// The file that was loaded: a file since put in its place is not read as the document's.
    let identity: FileIdentity?
    /// The record's bytes in its file (the whole file for a plain-text document).
    public let byteRange: Range<Int>
    /// The 1-based line the record starts on, for formats with a record per line or row
    /// (JSONL, CSV); nil otherwise.
    public let line: Int?
    /// The record's 0-based position in a JSON array; nil otherwise.
    public let item: Int?
    /// The input format: "txt", "jsonl", "json", "csv", "tsv", "html", "warc".
    public let format: String

    init(location: [UInt8]?, identity: FileIdentity?, byteRange: Range<Int>, line: Int? = nil, item: Int? = nil,
         format: String) {
        self.location = location
        self.identity = identity
        self.byteRange = byteRange
        self.line = line
        self.item = item
        self.format = format
    }

    /// How the record's place extends its file's id: `:LINE` for a line or row, `#N` for an
    /// array item, nothing for a file that is one document.
    public var idSuffix: String {
        if let line { return ":\(line)" }
        if let item { return "#\(item)" }
        return ""
    }

    /// The record's place in words ("line 17", "item 3"), nil for a file that is one document.
    public var place: String? {
        if let line { return "line \(line)" }
        if let item { return "item \(item)" }
        return nil
    }
}

/// Reads a record's own bytes again, as text (`Document.raw`). The loader gives the corpus one,
/// so the model reaches the file system only through it.
protocol RawRecordSource: Sendable {
    /// The record's text as read from `origin` in the file at `path`, or nil when the file is
    /// gone, is now another file, or no longer holds text.
    func raw(path: String, origin: RecordOrigin) -> String?
}
