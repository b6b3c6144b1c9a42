import Foundation

/// One article of a corpus: its clean text and the structure found in it.
///
/// Text is kept once, as the clean body; structure is columnar: the tokens are term ids (into
/// the corpus `Lexicon`), sentences and paragraphs are ranges (`DocumentLayout`, found on first
/// use). Token byte offsets are not stored: `tokenSpans()` re-tokenises the text
/// (deterministic, microseconds), which keeps a large corpus small. The record's own bytes are read again on
/// demand (`raw`).
public final class Document: @unchecked Sendable {
    /// The document's id, unique in its corpus: the input's `id` field, else the file name
    /// without extension, with `:LINE` or `#N` for a record inside a file (`june:17`).
    public let id: String
    /// The file's path as found under the corpus path.
    public let path: String
    /// Where the record is in its file (nil for a document made from a string).
    public var origin: RecordOrigin? { details.origin }
    /// Position of the document in its corpus.
    public let index: Int
    /// What cleaning found: title, boilerplate, dateline, source, a given date.
    public var metadata: DocumentMetadata { details.metadata }
    /// The headline, when the file opens with one.
    public var title: String? { metadata.title }
    /// Where the title came from: "field" (the input's metadata), "text" (the opening line),
    /// "breadcrumb"; nil without a title (`MetadataOrigin`).
    public var titleFrom: String? { metadata.titleFrom }
    /// Lines removed from the body, with the reason for each.
    public var boilerplate: [BoilerplateLine] { metadata.boilerplate }
    /// The dateline (`18-6-2023 (BEIJING)`), when the body opens with one.
    public var dateline: Dateline? { metadata.dateline }
    /// The outlet: the input's field, else from credit lines, share prompts or the dateline.
    public var source: String? { metadata.source }
    /// Where the source came from: "field" (the input's metadata), "credit", "share",
    /// "dateline"; nil without a source (`MetadataOrigin`).
    public var sourceFrom: String? { metadata.sourceFrom }
    /// The article's address, when the input gives one.
    public var url: String? { metadata.url }
    /// The authors the input names.
    public var authors: [String] { metadata.authors }
    /// The language: the input's, else the one detected in the text (`LanguageDetector`), else nil.
    public var language: String? { metadata.language }
    /// Where `language` came from: "field" or "detected"; nil without a language.
    public var languageFrom: String? { metadata.languageFrom }
    /// The input's other fields, in input order.
    public var meta: [(name: String, value: FieldValue)] { metadata.fields }
    /// The input format: "txt", "jsonl", "json", "csv", "tsv", "html", "warc"; nil for a document made from a string.
    public var format: String? { origin?.format }
    /// The loaded corpus this document belongs to (set when the corpus is made).
    public internal(set) weak var corpus: Corpus?

    /// Credits taken out of the body: bylines, sign-offs, reporting, editing and contributor lines.
    public var credits: [String] { metadata.credits }
    /// The clean body text. (A document of an opened archive decodes it from the mapped file
    /// on first use and keeps it.)
    public var text: String {
        if case .loaded(let text, _) = storage { return text }
        return archived(\.decodedText, empty: "") { $0.text($1) }
    }
    /// Paragraphs as UTF-8 byte ranges of `text`.
    public var paragraphs: [Range<Int>] { layout.paragraphs }
    /// Number of paragraphs.
    public var paragraphCount: Int { layout.paragraphCount }
    /// Number of word and number tokens.
    public let wordCount: Int
    /// Every token as a term id of `lexicon`.
    public let terms: TermSequence
    /// Index (into `terms`) of each sentence's first token.
    public var sentenceStarts: [UInt32] { layout.sentenceStarts }
    /// The corpus term dictionary the ids refer to.
    public let lexicon: Lexicon
    private let rawText: String?
    /// Where text, metadata and origin are: in memory (a load), or in an archive's mapped files
    /// until first used (`ArchivedDocuments`).
    private let storage: Storage
    /// (The loaded case is boxed: a Document of an archive then carries 16 bytes here rather
    /// than the few hundred of the metadata, which adds up over 100,000 documents.)
    private enum Storage {
        indirect case loaded(text: String, details: Details)
        case archived(ArchivedDocuments, Int)
    }
    /// Metadata and origin, kept together (decoded together from an archive).
    struct Details: Sendable {
        var metadata: DocumentMetadata
        var origin: RecordOrigin?
    }
    /// An archived document's text and its details once decoded, each on its own first use (a
    /// script listing titles and sources does not inflate 100,000 texts); boxed, so that an
    /// undecoded document carries two pointers; under `Self.layoutLocks[index & 63]`.
    private var decodedText: Decoded<String>?
    private var decodedDetails: Decoded<Details>?
    private final class Decoded<Value: Sendable>: Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }
    /// The layout once found; read and written under `Self.layoutLocks[index & 63]`.
    private var foundLayout: DocumentLayout?
    /// Locks for `foundLayout`, shared by documents with the same index modulo 64: a lock per
    /// document would cost more memory than the layouts, and two threads rarely meet on one.
    private static let layoutLocks: [NSLock] = (0..<64).map { _ in NSLock() }

    init(id: String, path: String, index: Int, metadata: DocumentMetadata, text: String,
         wordCount: Int, terms: TermSequence, lexicon: Lexicon, raw: String?, origin: RecordOrigin? = nil) {
        self.id = id
        self.path = path
        self.index = index
        storage = .loaded(text: text, details: Details(metadata: metadata, origin: origin))
        self.wordCount = wordCount
        self.terms = terms
        self.lexicon = lexicon
        self.rawText = raw
    }

    /// A document of an opened archive: its text and details stay in the mapped files until used
    /// (`position` is its place in `archived`, its batch).
    init(id: String, path: String, index: Int, archived: ArchivedDocuments, position: Int, wordCount: Int,
         terms: TermSequence, lexicon: Lexicon) {
        self.id = id
        self.path = path
        self.index = index
        storage = .archived(archived, position)
        self.wordCount = wordCount
        self.terms = terms
        self.lexicon = lexicon
        rawText = nil
    }

    /// Bytes of `text` in UTF-8, without decoding an archived document's text.
    public var textByteCount: Int {
        if case .archived(let source, let i) = storage { return source.textByteCount(i) }
        return text.utf8.count
    }

    private var details: Details {
        if case .loaded(_, let details) = storage { return details }
        return archived(\.decodedDetails, empty: Details(metadata: DocumentMetadata())) { $0.details($1) }
    }

    /// An archived document's text or details (`slot`), decoded from `source` on first use and
    /// kept (safe from any thread: when two threads race, the first stored value wins; both
    /// are the same).
    private func archived<Value: Sendable>(_ slot: ReferenceWritableKeyPath<Document, Decoded<Value>?>, empty: Value,
                                           _ decode: (ArchivedDocuments, Int) -> Value) -> Value {
        let lock = Self.layoutLocks[index & 63]
        lock.lock()
        if let found = self[keyPath: slot] {
            lock.unlock()
            return found.value
        }
        lock.unlock()
        guard case .archived(let source, let i) = storage else { return empty }
        let fresh = Decoded(decode(source, i))
        lock.lock()
        defer { lock.unlock() }
        if let found = self[keyPath: slot] { return found.value }
        self[keyPath: slot] = fresh
        return fresh.value
    }

    /// The document's paragraphs and sentences, split from its text on first use (safe from
    /// any thread). A loop over many sentences takes it once rather than through the
    /// per-sentence accessors below, which each fetch it.
    public var layout: DocumentLayout { layout(tokens: nil) }

    /// `layout`, split from `tokens` when it has not been found yet: a caller that has just
    /// re-tokenised the text (`tokenSpans()`) passes the spans so the split does not tokenise
    /// it again. `tokens` must be this document's `tokenSpans()`.
    func layout(tokens: [TokenSpan]?) -> DocumentLayout {
        let lock = Self.layoutLocks[index & 63]
        lock.lock()
        if let found = foundLayout {
            lock.unlock()
            return found
        }
        lock.unlock()
        // Split outside the lock so documents sharing it do not wait on each other; when two
        // threads race on one document, the first stored layout wins (both are the same).
        let built = tokens.map { DocumentLayout(text: text, tokens: $0) } ?? DocumentLayout(text: text)
        lock.lock()
        defer { lock.unlock() }
        if let found = foundLayout { return found }
        foundLayout = built
        return built
    }

    /// The layout when it has been found already, else nil (nothing is split).
    var knownLayout: DocumentLayout? {
        let lock = Self.layoutLocks[index & 63]
        lock.lock()
        defer { lock.unlock() }
        return foundLayout
    }

    /// Bytes held by the layout, or 0 before it has been found.
    var layoutMemoryBytes: Int {
        let lock = Self.layoutLocks[index & 63]
        lock.lock()
        defer { lock.unlock() }
        return foundLayout?.memoryBytes ?? 0
    }

    /// The record as read: a text file's text (decoded, line ends normalised), a JSONL line or
    /// a CSV row as written. Read again from its file on demand so a large corpus does not hold
    /// every text twice; when the file is gone or changed into another file, the clean text.
    public var raw: String {
        if let rawText { return rawText }
        if let origin, let source = corpus?.root.rawSource, let read = source.raw(path: path, origin: origin) {
            return read
        }
        return text
    }

    /// Number of tokens (words, numbers, punctuation).
    public var tokenCount: Int { terms.count }

    /// Number of sentences.
    public var sentenceCount: Int { layout.sentenceCount }

    /// The tokens of sentence `i` as a range of token indices.
    public func sentenceTokens(_ i: Int) -> Range<Int> { layout.sentenceTokens(i) }

    /// The byte range of sentence `i` in `text`.
    public func sentenceBytes(_ i: Int) -> Range<Int> { layout.sentenceBytes(i) }

    /// The text of sentence `i`.
    public func sentenceText(_ i: Int) -> String { substring(sentenceBytes(i)) }

    /// The sentence holding token `position` (binary search).
    public func sentence(containingToken position: Int) -> Int { layout.sentence(containingToken: position) }

    /// The sentence holding byte `offset` of `text`, or nil between sentences.
    public func sentence(containingByte offset: Int) -> Int? { layout.sentence(containingByte: offset) }

    /// The tokens' byte ranges, recomputed from the text (same tokens as `terms`).
    public func tokenSpans() -> [TokenSpan] {
        Tokenizer.tokens(in: text)
    }

    /// The normalised form of token `i`.
    public func norm(ofToken i: Int) -> String {
        guard i >= 0, i < terms.count else { return "" }
        return lexicon.term(Int(terms[i]))
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
