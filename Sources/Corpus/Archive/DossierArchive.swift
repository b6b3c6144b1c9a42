import Foundation

/// A corpus saved as an archive: a folder (named `NAME.dossier` by convention) of files laid out
/// to be memory-mapped, so that opening it takes milliseconds and reads nothing until used, with
/// results identical to loading the sources it was built from (same ids, ranking, KWIC,
/// statistics and analyses). docs/guide.md ("Keeping an archive") shows the commands,
/// docs/architecture.md the files' byte layout.
public enum DossierArchive {
    /// Writes `corpus` as an archive in `folder` (made when missing). Writing over an archive
    /// replaces its contents safely: the new files are written beside the old, then the
    /// manifest is renamed over the old one. A second writer at the same time is refused.
    /// - Parameter sources: the paths the corpus was read from, kept in the manifest.
    @discardableResult
    public static func write(_ corpus: Corpus, to folder: String, sources: [String]) throws(ArchiveError) -> ArchiveInfo {
        let manifest = try ArchiveWriter(folder: folder).write(corpus.root, sources: sources)
        return ArchiveInfo(path: folder, manifest: manifest, folder: folder)
    }

    /// Adds the documents of `corpus` to the archive in `folder` as a new batch: the archived
    /// documents' files are not rewritten (only the lexicon is), so the cost follows what is added.
    /// Search statistics (document frequencies, the average length) cover old and new documents
    /// alike, so results are those of loading all of them together. An added document whose id
    /// an archived document has replaces that one (marked deleted; `ArchiveInfo.replaced` counts them).
    @discardableResult
    public static func add(_ corpus: Corpus, to folder: String, sources: [String]) throws(ArchiveError) -> ArchiveInfo {
        let (manifest, replaced) = try ArchiveAppender(folder: folder).add(corpus.root, sources: sources)
        var info = ArchiveInfo(path: folder, manifest: manifest, folder: folder)
        info.replaced = replaced
        return info
    }

    /// Removes the documents with these ids from the archive in `folder`: they are marked in
    /// deletion bitmaps (new files, then a new manifest), and an opened archive leaves them out
    /// of everything. An id the archive does not have throws `ArchiveError.unknownDocuments`
    /// and nothing is changed.
    @discardableResult
    public static func remove(_ ids: [String], from folder: String) throws(ArchiveError) -> ArchiveInfo {
        ArchiveInfo(path: folder, manifest: try ArchiveRemover(folder: folder).remove(ids), folder: folder)
    }

    /// Rewrites the archive in `folder` as one batch without its deleted documents, the lexicon
    /// numbered afresh: the same results as indexing the surviving documents' sources anew.
    /// New files, then the manifest, as every write: a crash leaves the previous archive, and a
    /// process that opened it keeps reading its (then unlinked) files.
    @discardableResult
    public static func compact(_ folder: String) throws(ArchiveError) -> ArchiveInfo {
        ArchiveInfo(path: folder, manifest: try ArchiveCompactor(folder: folder).compact(), folder: folder)
    }

    /// Opens the archive in `folder` by mapping its files.
    /// - Parameter verify: also read every byte against the files' checksums (slower: it reads
    ///   the whole archive; opening otherwise checks headers and structure only).
    /// - Parameter storeAnalyses: store in the archive the analyses the session computes with
    ///   the default options and the archive does not store yet (entities, dates, near-duplicates,
    ///   claims with their conflicts), when it can be written (`AnalysisWriteBack`).
    public static func open(_ folder: String, verify: Bool = false, storeAnalyses: Bool = false) throws(ArchiveError) -> Corpus {
        try ArchiveReader(folder: folder).open(verify: verify, storeAnalyses: storeAnalyses)
    }

    /// Reads every file of the archive against its checksum and its structure (the stored
    /// analyses too: each is read back in full).
    public static func verify(_ folder: String) throws(ArchiveError) {
        let corpus = try ArchiveReader(folder: folder).open(verify: true)
        try corpus.savedAnalyses?.check(documents: corpus.documents)
    }

    /// Computes the archive's analyses (entities, quotations, dates, claims and conflicts, with
    /// the default options) and stores them in it, so that a corpus opened from it answers
    /// `entities`, `quotes`, `timeline`, `compare` and `conflicts` without computing them.
    /// Replaces analyses stored before. Returns the seconds each analysis took.
    @discardableResult
    public static func annotate(_ folder: String, cancellation: Cancellation = .none) throws -> [(analysis: String, seconds: Double)] {
        try ArchiveAnnotator(folder: folder).annotate(cancellation: cancellation).seconds
    }

    /// The archive's manifest and file sizes, without opening its files.
    public static func info(_ folder: String) throws(ArchiveError) -> ArchiveInfo {
        ArchiveInfo(path: folder, manifest: try ArchiveManifest.read(folder: folder), folder: folder)
    }

    /// Whether `path` is a folder holding an archive manifest (what `--corpus` and
    /// `dossier.open` check to open an archive rather than load sources).
    public static func isArchive(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else { return false }
        return FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent(ArchiveManifest.fileName))
    }
}
