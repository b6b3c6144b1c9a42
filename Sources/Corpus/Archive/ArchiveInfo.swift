import Foundation

/// What an archive holds, from its manifest and its files' sizes: `corpus.archive` in Lua and
/// `dossier archive info`.
public struct ArchiveInfo: Sendable, Equatable {
    /// The archive folder.
    public let path: String
    /// The archive's format version (its manifest's and every file's: `StorageFile.version`).
    public let formatVersion: Int
    /// How many times the archive has been written.
    public let generation: Int
    /// Documents in the archive (not counting deleted ones).
    public let documents: Int
    /// Documents removed or replaced but still in the files until `dossier index --compact`.
    public let deleted: Int
    /// Archived documents the write that returned this replaced (added documents with their ids).
    public internal(set) var replaced = 0
    /// Index segments (postings are kept per segment, as they were built).
    public let segments: Int
    /// Batches of documents: the first `dossier index`, then one per `--add`.
    public let batches: Int
    public let tokens: Int
    /// Distinct terms in the lexicon.
    public let terms: Int
    /// When the archive was first written and last written (ISO 8601, UTC).
    public let created: String
    public let updated: String
    /// The paths the documents were read from.
    public let sources: [String]
    /// Each file (the lexicon, then each batch's) with its part and size in bytes.
    public let files: [FileEntry]
    /// Analyses stored with the archive (`dossier index --annotate`): each file with its
    /// analysis as `part` ("entities", "quotes", "dates", "claims") and its size; empty when none
    /// are stored (they are computed on first use).
    public let analyses: [FileEntry]
    /// Whether the stored analyses were computed from the archive's current documents; stale
    /// ones (the archive was written since) are not used.
    public let analysesCurrent: Bool
    /// When the stored analyses were computed (ISO 8601, UTC), nil when none are.
    public let analysesComputed: String?

    public struct FileEntry: Sendable, Equatable {
        public let part: String
        public let name: String
        public let bytes: Int
    }

    /// Bytes of all the files (the stored analyses' included).
    public var totalBytes: Int { (files + analyses).reduce(0) { $0 + $1.bytes } }

    init(path: String, manifest: ArchiveManifest, folder: String) {
        self.path = path
        formatVersion = manifest.version
        generation = manifest.generation
        documents = manifest.liveDocuments
        deleted = manifest.deletedDocuments
        segments = manifest.segments
        tokens = manifest.tokens
        terms = manifest.terms
        created = manifest.created
        updated = manifest.updated
        sources = manifest.sources
        batches = manifest.batches.count
        var entries = [("lexicon", manifest.lexicon)]
        for batch in manifest.batches {
            for part in ArchiveManifest.batchParts { entries.append((part, batch.files[part] ?? "")) }
            if let name = batch.files[ArchiveManifest.deletionsPart] { entries.append((ArchiveManifest.deletionsPart, name)) }
        }
        files = entries.map { part, name in
            let attributes = try? FileManager.default.attributesOfItem(atPath: (folder as NSString).appendingPathComponent(name))
            return FileEntry(part: part, name: name, bytes: (attributes?[.size] as? NSNumber)?.intValue ?? 0)
        }
        analyses = SavedAnalyses.parts.compactMap { part in
            manifest.analyses?.files[part].map { FileEntry(part: part, name: $0, bytes: Self.size(of: $0, in: folder)) }
        }
        analysesCurrent = manifest.analysesAreCurrent
        analysesComputed = manifest.analyses?.computed
    }

    /// The size of a file of the archive in bytes (0 when it cannot be read).
    private static func size(of name: String, in folder: String) -> Int {
        let attributes = try? FileManager.default.attributesOfItem(atPath: (folder as NSString).appendingPathComponent(name))
        return (attributes?[.size] as? NSNumber)?.intValue ?? 0
    }
}
