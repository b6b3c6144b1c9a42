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

        /// The default largest file: 256 MB.
        public static let defaultMaxFileBytes = 256 << 20

        public init(acceptsPath: (@Sendable (String) -> Bool)? = nil, maxFileBytes: Int = Options.defaultMaxFileBytes,
                    cancellation: Cancellation = .none) {
            self.acceptsPath = acceptsPath
            self.maxFileBytes = maxFileBytes
            self.cancellation = cancellation
        }
    }
}

/// Where a loaded document's file is, for reading it again (`Document.raw`).
struct LoadedFile: Sendable {
    /// The path as bytes, when it is not the (UTF-8) `Document.path`.
    let location: [UInt8]?
    /// The file that was loaded: a file since put in its place is not read as the document's.
    let identity: FileIdentity?
}
