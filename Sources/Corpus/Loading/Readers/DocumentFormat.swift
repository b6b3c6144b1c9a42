/// The input formats dossier reads, each with its reader.
///
/// A file's format comes from its extension (`format(ofName:)`), else from its first bytes
/// (`sniff`), unless `CorpusLoader.Options.format` forces one.
public enum DocumentFormat: String, Sendable, CaseIterable {
    /// Plain text: one article per file, with an optional header block.
    case txt
    /// JSON Lines: one article object per line (`.jsonl`, `.ndjson`).
    case jsonl
    /// A JSON array of article objects, or an object holding one under `articles`, `items` or `data`.
    case json
    /// Comma-separated values with a header row (RFC 4180).
    case csv
    /// Tab-separated values with a header row.
    case tsv
    /// A saved web page: main text and metadata extracted (`.html`, `.htm`).
    case html
    /// A web archive (ISO 28500): the HTML pages of its `response` records (`.warc`).
    case warc

    /// The extensions listed in a folder, for messages ("looked for .txt, .jsonl, …").
    static let extensionsListed = [".txt", ".jsonl", ".ndjson", ".json", ".csv", ".tsv", ".html", ".htm", ".warc",
                                   "and any of them with .gz"]

    /// The format a file name's extension gives (any case), or nil.
    static func format(ofName name: UnsafeBufferPointer<UInt8>) -> DocumentFormat? {
        // A gzip-compressed file is the format of its inner name (`june.jsonl.gz`).
        if isCompressed(name: name) { return format(ofName: UnsafeBufferPointer(rebasing: name.dropLast(3))) }
        guard let dot = name.lastIndex(of: UInt8(ascii: ".")), dot + 1 < name.count, name.count - dot <= 7 else { return nil }
        // The extension lowercased, packed into one integer: no allocation per listed file.
        var key: UInt64 = 0
        for b in name[(dot + 1)...] { key = key << 8 | UInt64(b >= 65 && b <= 90 ? b | 0x20 : b) }
        switch key {
        case Self.key("txt"): return .txt
        case Self.key("jsonl"), Self.key("ndjson"): return .jsonl
        case Self.key("json"): return .json
        case Self.key("csv"): return .csv
        case Self.key("tsv"), Self.key("tab"): return .tsv
        case Self.key("html"), Self.key("htm"), Self.key("xhtml"): return .html
        case Self.key("warc"): return .warc
        default: return nil
        }
    }

    /// Whether a file name ends in `.gz` (any case).
    static func isCompressed(name: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = name.count
        return n > 3 && name[n - 3] == UInt8(ascii: ".") && name[n - 2] | 0x20 == UInt8(ascii: "g")
            && name[n - 1] | 0x20 == UInt8(ascii: "z")
    }

    static func isCompressed(name: [UInt8]) -> Bool {
        name.withUnsafeBufferPointer { isCompressed(name: $0) }
    }

    private static func key(_ ext: StaticString) -> UInt64 {
        var key: UInt64 = 0
        ext.withUTF8Buffer { for b in $0 { key = key << 8 | UInt64(b) } }
        return key
    }

    static func format(ofName name: [UInt8]) -> DocumentFormat? {
        name.withUnsafeBufferPointer { format(ofName: $0) }
    }

    /// The format the first bytes of a file suggest: JSON Lines when it opens with an object
    /// that ends on its first line, JSON when it opens with `[` or a multi-line `{`, else
    /// plain text. (Only for files whose name does not say.)
    static func sniff(_ bytes: UnsafeBufferPointer<UInt8>) -> DocumentFormat {
        var i = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
        while i < bytes.count, bytes[i] == 32 || bytes[i] == 9 || bytes[i] == 10 || bytes[i] == 13 { i += 1 }
        guard i < bytes.count else { return .txt }
        let rest = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[i...])
        if WARCFile.looksLikeWARC(rest) { return .warc }
        if bytes[i] == UInt8(ascii: "<"), HTMLExtractor.looksLikeHTML(rest) { return .html }
        if bytes[i] == UInt8(ascii: "[") { return .json }
        guard bytes[i] == UInt8(ascii: "{") else { return .txt }
        // An object closed on its own line is a JSON Lines record; one that runs on is a document.
        var end = i
        while end < bytes.count, bytes[end] != 10 { end += 1 }
        var last = end - 1
        while last > i, bytes[last] == 32 || bytes[last] == 9 || bytes[last] == 13 { last -= 1 }
        return bytes[last] == UInt8(ascii: "}") ? .jsonl : .json
    }

    /// The reader for this format.
    var reader: any DocumentReader {
        switch self {
        case .txt: return PlainTextReader()
        case .jsonl: return JSONLinesReader()
        case .json: return JSONArrayReader()
        case .csv, .tsv: return CSVDocumentReader()
        case .html: return HTMLDocumentReader()
        case .warc: return WARCDocumentReader()
        }
    }

    /// The fields of a header row (CSV, TSV), or nil for other formats.
    func headerFields(_ bytes: [UInt8]) -> [String]? {
        guard self == .csv || self == .tsv else { return nil }
        var row = bytes
        if row.starts(with: [0xEF, 0xBB, 0xBF]) { row.removeFirst(3) }
        while let last = row.last, last == 10 || last == 13 { row.removeLast() }
        return row.withUnsafeBufferPointer {
            CSVDocumentReader.fields(of: $0, delimiter: self == .tsv ? 9 : UInt8(ascii: ",")).fields
        }
    }

    /// Whether a large file of this format can be cut into byte ranges read in parallel.
    var splits: Bool { self == .jsonl || self == .csv || self == .tsv }
}
