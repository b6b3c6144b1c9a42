extension CorpusLoader {
    /// How a load treats what it finds.
    public struct Options: Sendable {
        /// Sees where every folder and file of the load leads, links resolved (an absolute
        /// path), before it is read; what it refuses is skipped with a warning naming it (the
        /// path given itself, refused, is an error). A sandbox passes its allowed folders here,
        /// so a link out of them is not followed. Nil: everything is accepted.
        public var acceptsPath: (@Sendable (String) -> Bool)?
        /// The largest file read, in bytes; a larger one is skipped with a warning. News
        /// articles are kilobytes: the limit keeps a stray disk image or log from taking the
        /// memory of the whole corpus.
        public var maxFileBytes: Int
        /// Checked as the files are read: a time limit or an interrupt stops the load with
        /// `CorpusError.stopped`.
        public var cancellation: Cancellation
        /// Reads every file as this format, whatever its name; nil: each file's extension says,
        /// else its first bytes.
        public var format: DocumentFormat?
        /// Which input fields hold the text, title, date and the rest (`FieldNames.standard`,
        /// with an analyst's names put first).
        public var fields: FieldNames
        /// Whether the folders under the corpus folder are read too.
        public var recursive: Bool
        /// A glob (`*.jsonl`, `2024-*`) that a file's name must match to be read; nil: every file
        /// with an extension dossier reads.
        public var pattern: String?
        /// For an archive: store in it the analyses the session computes and it does not store
        /// yet (`DossierArchive.open(_:storeAnalyses:)`). Ignored for sources.
        public var storeAnalyses = false

        /// The default largest file: 256 MB.
        public static let defaultMaxFileBytes = 256 << 20

        public init(acceptsPath: (@Sendable (String) -> Bool)? = nil, maxFileBytes: Int = Options.defaultMaxFileBytes,
                    cancellation: Cancellation = .none, format: DocumentFormat? = nil,
                    fields: FieldNames = .standard, recursive: Bool = true, pattern: String? = nil) {
            self.acceptsPath = acceptsPath
            self.maxFileBytes = maxFileBytes
            self.cancellation = cancellation
            self.format = format
            self.fields = fields
            self.recursive = recursive
            self.pattern = pattern
        }
    }
}

