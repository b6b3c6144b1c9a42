import Foundation

/// One article of a corpus: its clean text and the structure found in it.
///
/// Text is kept once, as the clean body; structure is ranges into it (UTF-8 byte offsets), so
/// a document costs little beyond its text. The raw file is read again on demand (`raw`).
public final class Document: @unchecked Sendable {
    /// The file name without extension (unique in its corpus).
    public let id: String
    /// The file's path as found under the corpus path.
    public let path: String
    /// Position of the document in its corpus store.
    public let index: Int
    /// The headline, when the file opens with one.
    public let title: String?
    /// The clean body text.
    public let text: String
    /// Paragraphs as UTF-8 byte ranges of `text`.
    public let paragraphs: [Range<Int>]
    /// Number of word tokens in `text`.
    public let wordCount: Int
    /// The raw text when it was decoded from a file that is no longer needed for it (for
    /// example a document made from a string); otherwise nil and `raw` re-reads the file.
    private let rawText: String?

    public init(id: String, path: String, index: Int, title: String?, text: String,
                paragraphs: [Range<Int>], wordCount: Int, raw: String? = nil) {
        self.id = id
        self.path = path
        self.index = index
        self.title = title
        self.text = text
        self.paragraphs = paragraphs
        self.wordCount = wordCount
        self.rawText = raw
    }

    /// The file text as read (decoded, line ends normalised). Re-read from disk on demand so a
    /// large corpus does not hold every file twice.
    public var raw: String {
        if let rawText { return rawText }
        guard let data = FileManager.default.contents(atPath: path) else { return text }
        if case .text(let t, _) = TextDecoding.decode([UInt8](data)) { return t }
        return text
    }

    /// The text of a byte range of `text`.
    public func substring(_ range: Range<Int>) -> String {
        let utf8 = text.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: max(0, min(range.lowerBound, utf8.count)))
        let upper = utf8.index(utf8.startIndex, offsetBy: max(0, min(range.upperBound, utf8.count)))
        return String(decoding: utf8[lower..<upper], as: UTF8.self)
    }

    /// The paragraphs' text.
    public var paragraphTexts: [String] { paragraphs.map(substring) }
}
