import Foundation

/// The archive's table of contents, `MANIFEST` (JSON, a few hundred bytes plus the load's
/// warnings): the format version, the generation and the file of each part for that generation,
/// when the archive was made and last written, what was indexed. A writer writes new files, then
/// replaces the manifest by an atomic rename: the manifest names the only files a reader opens.
struct ArchiveManifest: Codable, Sendable {
    static let fileName = "MANIFEST"
    static let formatName = "dossier-archive"
    /// The archive's format version (`StorageFile.version`, which every file's header carries
    /// too). An older manifest is refused with `ArchiveError.oldVersion` (rebuild the archive).
    static let version = Int(StorageFile.version)

    var format = formatName
    var version = ArchiveManifest.version
    /// Incremented by every write; the files of generation g end in `-g.dsf`.
    var generation: Int
    /// ISO 8601 times (UTC).
    var created: String
    var updated: String
    var documents: Int
    var segments: Int
    var tokens: Int
    var terms: Int
    /// The paths the documents were read from.
    var sources: [String]
    /// The lexicon's file (one for the whole archive, rewritten by every write).
    var lexicon: String
    /// The documents in batches, in corpus order: the first written by `dossier index`, one more
    /// by each `--add`. Each maps a part ("text", "docs", "terms", "postings") to its file.
    var batches: [Batch]
    var warnings: [Warning]
    var skipped: [String: Int]
    /// The analyses stored by `dossier index --annotate`, if any (absent from older manifests).
    var analyses: Analyses? = nil

    struct Batch: Codable, Sendable {
        /// Documents stored in the batch's files, deleted ones included.
        var documents: Int
        var files: [String: String]
        /// Documents of the batch marked deleted in its `deletions` file (absent: none).
        var deleted: Int?

        /// The batch's documents that are not deleted.
        var live: Int { documents - (deleted ?? 0) }
    }

    /// Every file the manifest names.
    var fileNames: [String] {
        [lexicon] + batches.flatMap { b in (Self.batchParts + [Self.deletionsPart]).compactMap { b.files[$0] } } + (analyses?.fileNames ?? [])
    }

    /// Documents that are not deleted, in all batches.
    var liveDocuments: Int { batches.reduce(0) { $0 + $1.live } }

    /// Documents deleted but still in the batches' files (until `--compact`).
    var deletedDocuments: Int { documents - liveDocuments }

    /// The analysis files (`SavedAnalyses`) and what they were computed from: they are served only
    /// while `generation` and `documents` are the manifest's own (a later write makes them stale).
    struct Analyses: Codable, Sendable {
        var generation: Int
        var documents: Int
        /// Incremented by every `--annotate` (the files of one are named `PART-G-aN.dsf`).
        var serial: Int
        /// When they were computed (ISO 8601, UTC).
        var computed: String
        /// Maps an analysis ("entities", "quotes", "dates", "claims") to its file.
        var files: [String: String]
        /// Each analysis file's layout version (`SavedAnalyses.versions`); absent (older
        /// manifests) or missing an analysis means version 1. A file of another version than this
        /// dossier writes is not served.
        var versions: [String: Int]? = nil

        var fileNames: [String] { SavedAnalyses.parts.compactMap { files[$0] } }
    }

    /// Whether the stored analyses (if any) were computed from the documents the manifest names.
    var analysesAreCurrent: Bool {
        guard let analyses else { return false }
        return analyses.generation == generation && analyses.documents == documents
    }

    struct Warning: Codable, Sendable {
        var path: String
        var place: String?
        var message: String
    }

    /// A batch's parts, in the order they are written.
    static let batchParts = ["text", "docs", "terms", "postings"]

    /// A batch's optional part: its deletion bitmap (`DeletionBitmap`).
    static let deletionsPart = "deletions"

    static func fileName(part: String, generation: Int) -> String { "\(part)-\(generation).dsf" }

    /// The deletion bitmap of batch `batch` (0-based) written by generation `generation`.
    static func deletionsFileName(batch: Int, generation: Int) -> String { "\(deletionsPart)-b\(batch + 1)-\(generation).dsf" }

    static func now() -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: Date())
    }

    /// Reads `folder/MANIFEST`.
    static func read(folder: String) throws(ArchiveError) -> ArchiveManifest {
        let path = (folder as NSString).appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: path) else { throw .notAnArchive(path: folder) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(file: path, reason: "cannot read it")
        }
        // The version first, so a newer manifest is reported as such rather than as unreadable.
        struct Probe: Decodable { var format: String?; var version: Int? }
        guard let probe = try? JSONDecoder().decode(Probe.self, from: data), probe.format == formatName,
              let version = probe.version else {
            throw .corrupted(file: path, reason: "it is not a dossier archive manifest")
        }
        guard version <= Self.version else { throw .futureVersion(file: path, version: version, supported: Self.version) }
        guard version == Self.version else { throw .oldVersion(file: path, version: version, current: Self.version) }
        do {
            let manifest = try JSONDecoder().decode(ArchiveManifest.self, from: data)
            for (b, batch) in manifest.batches.enumerated() {
                for part in batchParts where batch.files[part] == nil {
                    throw ArchiveError.corrupted(file: path, reason: "batch \(b + 1) names no \(part) file")
                }
                let deleted = batch.deleted ?? 0
                guard deleted >= 0, deleted <= batch.documents, (deleted > 0) == (batch.files[deletionsPart] != nil) else {
                    throw ArchiveError.corrupted(file: path, reason: "batch \(b + 1)'s deleted count does not fit its documents and deletions file")
                }
            }
            guard manifest.batches.reduce(0, { $0 + $1.documents }) == manifest.documents else {
                throw ArchiveError.corrupted(file: path, reason: "its batches do not add up to its \(manifest.documents) documents")
            }
            for name in manifest.fileNames where name.contains("/") || name.hasPrefix(".") || name.isEmpty {
                throw ArchiveError.corrupted(file: path, reason: "it names a file outside the archive: \(name)")
            }
            return manifest
        } catch let error as ArchiveError {
            throw error
        } catch {
            throw .corrupted(file: path, reason: "\(error)")
        }
    }

    /// Writes the manifest to `folder/MANIFEST.tmp`, flushes it, and renames it over `MANIFEST`
    /// (atomic: a reader sees the old manifest or the new one, never a mix).
    func write(folder: String) throws(ArchiveError) {
        let path = (folder as NSString).appendingPathComponent(Self.fileName)
        let temporary = path + ".tmp"
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        do {
            let data = try encoder.encode(self)
            try data.write(to: URL(fileURLWithPath: temporary))
        } catch {
            throw .unwritable(path: folder, reason: "\(error)")
        }
        try Durable.sync(path: temporary)
        guard rename(temporary, path) == 0 else {
            throw .unwritable(path: folder, reason: "cannot rename \(temporary): \(String(cString: strerror(errno)))")
        }
        try Durable.sync(path: folder)
    }
}
