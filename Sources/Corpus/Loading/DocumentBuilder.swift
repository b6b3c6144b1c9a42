import Foundation

/// Runs the per-document stages on one text at load: cleaning, tokens, term ids.
///
/// Everything here works on one document alone, so the loader runs it in parallel, one
/// segment of files per task; each segment has its own term table, merged into the corpus
/// lexicon afterwards.
enum DocumentBuilder {
    /// A document's analysis before it gets its corpus-wide term ids and its index.
    struct Prepared: Sendable {
        /// The document's id (made unique by the index builder).
        var id: String
        let path: String
        var metadata: DocumentMetadata
        let text: String
        let wordCount: Int
        /// Term ids local to the segment's table until the loader remaps them.
        var terms: TermSequence
        let raw: String?
        /// Where the record is, when it came from a file.
        var origin: RecordOrigin? = nil

        func document(index: Int, lexicon: Lexicon) -> Document {
            Document(id: id, path: path, index: index, metadata: metadata, text: text,
                     wordCount: wordCount, terms: terms, lexicon: lexicon, raw: raw, origin: origin)
        }
    }

    /// Per-segment state: the term table and reusable buffers.
    struct Workspace {
        /// Term ids for the segment's tokens, with the segment's table.
        let terms: TermAssigner
        /// The segment's table of normal forms.
        var table: ByteTermTable { terms.table }
        /// The kind of each term of `table`, by id.
        var kinds: [TokenKind] { terms.kinds }
        /// Outlet names for credit lines (the standard table, or one a plugin extended).
        var outlets = OutletTable.standard
        /// The buffer files are read into.
        let files: FileReader

        init(capacity: Int = 4096) {
            terms = TermAssigner(capacity: capacity)
            files = FileReader()
        }
    }

    static func prepare(id: String, path: String, text raw: String, keepRaw: Bool,
                        workspace w: inout Workspace) -> Prepared {
        let cleaned = Cleaner.clean(raw, outlets: w.outlets)
        // The cleaner's body is a new string of exactly its size: the corpus keeps it as is.
        var text = cleaned.text
        return analyse(id: id, path: path, cleaned: cleaned, text: &text, raw: keepRaw ? raw : nil, workspace: &w)
    }

    /// Analyses a record a reader gave: its text cleaned (the title found in the text only when
    /// no field gives one), then the fields' metadata put over what cleaning inferred.
    static func prepare(id: String, path: String, record: RawRecord, origin: RecordOrigin,
                        workspace w: inout Workspace) -> Prepared {
        let fields = record.fields
        var cleaned = Cleaner.clean(record.text, outlets: w.outlets, givenTitle: fields.title)
        if let title = fields.title {
            cleaned.title = title
            cleaned.titleFrom = MetadataOrigin.field
        }
        if let source = fields.source {
            cleaned.source = source
            cleaned.sourceFrom = MetadataOrigin.field
        }
        if let written = fields.date, let iso = FieldDate.iso(written) {
            cleaned.date = iso
            cleaned.dateFrom = DateSource.field
        }
        var text = cleaned.text
        var prepared = analyse(id: id, path: path, cleaned: cleaned, text: &text, raw: nil,
                               detectLanguage: fields.language == nil, workspace: &w)
        prepared.metadata.url = fields.url
        prepared.metadata.authors = fields.authors
        if let language = fields.language {
            prepared.metadata.language = language
            prepared.metadata.languageFrom = MetadataOrigin.field
        }
        prepared.metadata.fields = fields.other
        prepared.origin = origin
        return prepared
    }

    /// Tokenises the body and turns its tokens into term ids of the workspace table.
    /// The language is detected from the body (its first few KB) unless the input gives one.
    static func analyse(id: String, path: String, cleaned: CleanedText, text: inout String, raw: String?,
                        detectLanguage: Bool = true, workspace w: inout Workspace) -> Prepared {
        let (terms, wordCount, language) = text.withUTF8 { bytes in
            let (terms, count) = w.terms.assign(bytes)
            return (terms, count, detectLanguage ? LanguageDetector.detect(utf8: bytes) : nil)
        }
        // Paragraphs and sentences are not split here: a document finds its layout on first
        // use (`Document.layout`), so a load pays only for what the index needs.
        var metadata = DocumentMetadata(title: cleaned.title, boilerplate: cleaned.boilerplate,
                                        dateline: cleaned.dateline, source: cleaned.source, givenDate: cleaned.date,
                                        givenDateFrom: cleaned.dateFrom, credits: cleaned.credits,
                                        titleFrom: cleaned.titleFrom, sourceFrom: cleaned.sourceFrom)
        metadata.language = language
        metadata.languageFrom = language == nil ? nil : MetadataOrigin.detected
        return Prepared(id: id, path: path, metadata: metadata, text: text,
                        wordCount: wordCount, terms: terms, raw: raw)
    }
}
