/// Turns the bytes of one input (a file, or a byte range of a large file cut at record
/// boundaries) into raw records: the seam between the formats dossier reads and the pipeline
/// (clean → tokenise → index) that consumes every record the same way.
///
/// A reader is handed bytes that are valid only during `read`, and hands each record to `emit`
/// as soon as it has it, so the pipeline analyses it before the next is read. Whatever it cannot
/// read it reports through `warn` with its place (a line, an array item) and goes on: one bad
/// record never loses the others. Readers are values without state, safe to use from several
/// threads at once.
///
/// A reader checks `input.cancellation` in its loops (every few records, and inside a long
/// parse: a large WARC file, a page of many elements) and throws its `WorkLimit`, so a
/// `--timeout`, a Ctrl-C or a script's time budget stops a load inside one large file too.
protocol DocumentReader: Sendable {
    /// Reads every record of `input`; throws when `input.cancellation` says stop.
    func read(_ input: ReaderInput, emit: (RawRecord) -> Void, warn: (ReaderProblem) -> Void) throws(WorkLimit)
}

/// What a reader reads: bytes and where they are.
struct ReaderInput {
    /// The bytes to read (a whole file, or a range of one that starts and ends at record
    /// boundaries).
    let bytes: UnsafeBufferPointer<UInt8>
    /// The file's offset of `bytes[0]`.
    let offset: Int
    /// The 1-based line of `bytes[0]` in its file.
    let firstLine: Int
    /// A CSV file's header row, read by the plan when this input is a later range of the file.
    let header: [String]?
    /// Which input fields hold the text, title, date and the rest.
    let fields: FieldNames
    /// The format the reader was chosen for ("txt", "jsonl", "csv"…).
    let format: DocumentFormat
    /// The load's token: a time limit, an interrupt.
    var cancellation: Cancellation = .none
}

/// How often the readers check the token: every this many records.
let readerCheckInterval = 64

/// A problem with one record (or with the whole input) that did not stop the load.
struct ReaderProblem: Sendable {
    /// Where, in words: "line 17", "item 3", "row at line 9"; nil for the whole input.
    var place: String?
    /// What was wrong and what was done about it ("not valid JSON (…), skipped").
    var message: String
    /// The reason a record was skipped, counted in the load summary ("malformed JSON"); nil
    /// when nothing was skipped (a record read with a repair).
    var skipped: String?
}

/// One record as read: the text of an article and what the input says about it, before any
/// cleaning.
struct RawRecord {
    /// The text as the input holds it (decoded; line ends normalised to LF).
    var text: String
    /// What the input's fields (or a plain-text header block) gave.
    var fields: RecordFields
    /// The record's bytes in its file, and its line or array item.
    var byteRange: Range<Int>
    var line: Int?
    var item: Int?
    /// A warning about the record that did not stop it loading (text read as Windows-1252).
    var warning: String?
}

/// The metadata an input gives for one record. Every value is as given, trimmed; nil or empty
/// when absent.
struct RecordFields: Sendable {
    var id: String?
    var title: String?
    /// The date as written in the field (normalised later).
    var date: String?
    var source: String?
    var url: String?
    var authors: [String] = []
    var language: String?
    /// The other fields, in input order.
    var other: [(name: String, value: FieldValue)] = []

    var isEmpty: Bool {
        id == nil && title == nil && date == nil && source == nil && url == nil && authors.isEmpty
            && language == nil && other.isEmpty
    }
}
