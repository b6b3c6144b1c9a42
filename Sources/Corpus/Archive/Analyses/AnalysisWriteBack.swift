import Foundation

/// Stores in an archive the analyses a session computed on it anyway — what `dossier.open(path,
/// {annotate = true})` (`DossierArchive.open(_:storeAnalyses:)`) asks for: the first
/// `corpus:entities()`, `corpus:timeline()`, `corpus:duplicates()`, or `corpus:conflicts()` (with
/// the claims by source it was found in) with the default options on an archive that does not
/// store it yet writes its file beside the archive's and renames a new manifest naming it, as
/// `dossier index --annotate` does, so the next session reads it back.
///
/// It is opt-in, not automatic, because a session that reads should not change the files of an
/// archive unasked (one kept in backups, synchronised, or shared on a network disk with other
/// owners), and a shared plugin must not be able to make a reader write (only trusted scripts
/// may ask for it). It never blocks nor fails the session: when another writer holds the lock,
/// the archive changed since it was opened, the folder is not writable, or a write fails, the
/// analysis is simply not stored (the session keeps what it computed).
final class AnalysisWriteBack: @unchecked Sendable {
    /// The key it is kept under in the root corpus's annotations.
    static let key = "archive.writeBack"

    let folder: String
    /// What the opened archive was: an analysis is stored only into that archive.
    private let generation: Int
    private let documents: Int
    private let lock = NSLock()
    /// The claims by source with the default options, kept until their conflicts are computed
    /// (both are one file).
    private var pendingClaims: [Claim]?

    init(folder: String, generation: Int, documents: Int) {
        self.folder = folder
        self.generation = generation
        self.documents = documents
    }

    /// Keeps the default claims by source until their conflicts are found.
    func claimsComputed(_ claims: [Claim]) {
        lock.lock()
        defer { lock.unlock() }
        pendingClaims = claims
    }

    /// Stores the default claims and `conflicts` when they were found in them.
    func conflictsComputed(_ conflicts: [Conflict], in claims: [Claim]) {
        lock.lock()
        let pending = pendingClaims
        lock.unlock()
        guard let pending, Claim.same(pending, claims) else { return }
        store("claims") { ClaimFile.write(claims: claims, conflicts: conflicts, documents: documents) }
    }

    /// Writes `part`'s file and a manifest naming it, unless the archive already stores it, has
    /// changed since it was opened, is locked by a writer or cannot be written. True when stored.
    @discardableResult
    func store(_ part: String, _ file: () -> StorageFileWriter) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard let writer = try? ArchiveLock(folder: folder) else { return false }
        defer { withExtendedLifetime(writer) {} }
        guard var manifest = try? ArchiveManifest.read(folder: folder), manifest.generation == generation,
              manifest.documents == documents else { return false }
        let version = SavedAnalyses.version(part)
        var analyses = manifest.analysesAreCurrent ? manifest.analyses : nil
        if let current = analyses, current.files[part] != nil {
            // Stored already (by another session, or in a layout this dossier does not read: then
            // `dossier index --annotate` rewrites them all).
            return false
        }
        let stale = manifest.analysesAreCurrent ? [] : (manifest.analyses?.fileNames ?? [])
        if analyses == nil {
            analyses = ArchiveManifest.Analyses(generation: generation, documents: documents,
                                                serial: (manifest.analyses?.serial ?? 0) + 1,
                                                computed: ArchiveManifest.now(), files: [:], versions: [:])
        }
        guard var updated = analyses else { return false }
        let name = "\(part)-\(generation)-a\(updated.serial).dsf"
        let path = (folder as NSString).appendingPathComponent(name)
        do {
            try file().write(to: path)
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            return false
        }
        updated.files[part] = name
        updated.versions = (updated.versions ?? [:]).merging([part: version]) { _, new in new }
        manifest.analyses = updated
        do {
            try manifest.write(folder: folder)
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            return false
        }
        for old in stale where old != name {
            try? FileManager.default.removeItem(atPath: (folder as NSString).appendingPathComponent(old))
        }
        return true
    }
}

extension Corpus {
    /// Where analyses computed on this corpus are stored (an archive opened with
    /// `storeAnalyses`), nil otherwise.
    var analysisWriteBack: AnalysisWriteBack? { root.annotations.peek(AnalysisWriteBack.key, as: AnalysisWriteBack.self) }
}
