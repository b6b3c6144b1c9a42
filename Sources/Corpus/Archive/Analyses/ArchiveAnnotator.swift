import Foundation

/// Computes an archive's analyses and stores them beside its documents (`dossier index
/// --annotate`): the entity index, every document's quotations and dates, the claims by source and
/// their conflicts, each with the default options, as `SavedAnalyses` reads them. All are
/// computed over the whole archive, because each depends on all of its documents (entity ids rank
/// entities by mentions across the corpus and speakers carry them; an undated document's dates are
/// read against the corpus's evidence; claims and conflicts compare documents).
///
/// The files are written beside the archive's, then the manifest is renamed over the old one
/// naming them, with the generation and document count they were computed from: any later write
/// of the documents (`--add`) leaves them stale, and a stale analysis is never served.
struct ArchiveAnnotator {
    let folder: String

    /// What was computed, and how long each took (seconds).
    struct Report: Sendable {
        var seconds: [(analysis: String, seconds: Double)] = []
    }

    func annotate(cancellation: Cancellation = .none) throws -> Report {
        guard DossierArchive.isArchive(folder) else { throw ArchiveError.notAnArchive(path: folder) }
        let lock = try ArchiveLock(folder: folder)
        defer { withExtendedLifetime(lock) {} }
        var manifest = try ArchiveManifest.read(folder: folder)
        let stored = try ArchiveReader(folder: folder).read(verify: false)
        let corpus = stored.live()
        let places = ArchivePlaces(stored)
        var report = Report()
        func timed<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
            let start = Date()
            defer { report.seconds.append((name, Date().timeIntervalSince(start))) }
            return try body()
        }
        let entities = try timed("entities") { try corpus.entityIndex(cancellation: cancellation) }
        let quotes = try timed("quotes") { try corpus.quoteIndex(cancellation: cancellation).quotes(in: corpus.documents, cancellation: cancellation) }
        let dates = try timed("dates") { try corpus.dates(cancellation: cancellation) }
        let claims = try timed("claims") { try ClaimFinder.claims(in: corpus, by: .source, cancellation: cancellation) }
        let conflicts = try timed("conflicts") {
            try ConflictFinder.conflicts(in: corpus, claims: claims, by: .source, cancellation: cancellation)
        }
        // Near-duplicates: from the pairs and keys stored before, signing only the documents
        // added since, when that is exact (`DuplicateUpdate`); else all of them.
        let previous = previousDuplicates(manifest)
        let updated = try previous.flatMap { file in
            try timed("duplicates (added documents)") {
                try DuplicateUpdate.update(corpus, places: places, previous: file, cancellation: cancellation)
            }
        }
        let (duplicates, keys) = try updated ?? timed("duplicates") {
            var signatures: [[UInt32]] = []
            let pairs = try DuplicateFinder.computed(in: corpus, options: DuplicateOptions(), cancellation: cancellation,
                                                     signed: { signatures = $0 })
            return (pairs, DuplicateKeys(signatures: signatures, places: places, options: DuplicateOptions()))
        }
        let serial = (manifest.analyses?.serial ?? 0) + 1
        var files: [String: String] = [:]
        let writers: [(String, StorageFileWriter)] = [
            ("entities", EntityFile.write(entities, documents: corpus.count)),
            ("quotes", QuoteFile.write(quotes)),
            ("dates", DateFile.write(dates, timeline: DateFile.timelineOrder(dates, documents: corpus.documents))),
            ("claims", ClaimFile.write(claims: claims, conflicts: conflicts, documents: corpus.count)),
            ("duplicates", DuplicateFile.write(duplicates, documents: corpus.count, keys: keys)),
        ]
        for (part, writer) in writers {
            let name = "\(part)-\(manifest.generation)-a\(serial).dsf"
            try writer.write(to: (folder as NSString).appendingPathComponent(name))
            files[part] = name
        }
        let old = Set(manifest.analyses?.fileNames ?? [])
        manifest.analyses = ArchiveManifest.Analyses(generation: manifest.generation, documents: manifest.documents,
                                                     serial: serial, computed: ArchiveManifest.now(), files: files,
                                                     versions: SavedAnalyses.versions)
        try manifest.write(folder: folder)
        // The previous analyses' files are no longer named: a reader that opened them keeps its mapping.
        for name in old.subtracting(manifest.fileNames) {
            try? FileManager.default.removeItem(atPath: (folder as NSString).appendingPathComponent(name))
        }
        return report
    }

    /// The near-duplicates file stored before (current or stale), when this dossier reads its
    /// layout and it passes its checksum.
    private func previousDuplicates(_ manifest: ArchiveManifest) -> StorageFileReader? {
        guard let analyses = manifest.analyses, let name = analyses.files["duplicates"],
              analyses.versions?["duplicates"] ?? 1 == SavedAnalyses.version("duplicates") else { return nil }
        let file = try? StorageFileReader(path: (folder as NSString).appendingPathComponent(name), kind: DuplicateFile.kind)
        guard let file, (try? file.verify()) != nil else { return nil }
        return file
    }
}
