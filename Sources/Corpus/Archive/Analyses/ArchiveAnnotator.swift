import Foundation

/// Computes an archive's analyses and stores them beside its documents (`dossier index
/// --annotate`): the entity index, every document's quotations and dates, the claims by source and
/// their conflicts, each with the default options, as `SavedAnalyses` reads them. All are
/// computed over the whole archive, because each depends on all of its documents (entity ids rank
/// entities by mentions across the corpus and speakers carry them; an undated document's dates are
/// read against the corpus's evidence; claims and conflicts compare documents). What is per
/// document in them is taken from the analyses stored before, for the documents a write
/// (`--add`, `--remove`) kept: their date mentions as scanned (every document's date and anchor
/// are decided again from them), and the near-duplicates' band keys and pairs (`DuplicateUpdate`);
/// only the added documents are scanned and signed. Quotations are found again: their speakers
/// are the new entity index's (resolved in text order, a quotation leaning on the earlier ones'),
/// and the file keeps only the resolved quotations, not the per-document stage before (spans and
/// attribution phrases) from which the speakers could be resolved again.
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
        // What was stored before this write (current or stale), and which documents it was
        // computed on: the near-duplicates file keeps every document's place.
        let previousPairs = try previousFile(manifest, "duplicates").flatMap { try DuplicateUpdate.stored($0) }
        let match = previousPairs.map { PlaceMatch(now: places, before: $0.keys) }
        // Dates: the kept documents' mentions read back (the scan is all that is per document),
        // the added ones' scanned; every document's date and anchor decided again.
        let datesStart = Date()
        let kept = keptMentions(manifest, match: match, documents: corpus.documents)
        let dates = try corpus.dates(scanned: kept ?? [], cancellation: cancellation)
        report.seconds.append((kept == nil ? "dates" : "dates (added documents)", Date().timeIntervalSince(datesStart)))
        let claims = try timed("claims") { try ClaimFinder.claims(in: corpus, by: .source, cancellation: cancellation) }
        let conflicts = try timed("conflicts") {
            try ConflictFinder.conflicts(in: corpus, claims: claims, by: .source, cancellation: cancellation)
        }
        // Near-duplicates: from the pairs and keys stored before, signing only the documents
        // added since, when that is exact (`DuplicateUpdate`); else all of them.
        let updated = try previousPairs.flatMap { stored in
            try timed("duplicates (added documents)") {
                try DuplicateUpdate.update(corpus, places: places, previous: stored, cancellation: cancellation)
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

    /// The file of `part` stored before (current or stale), when this dossier reads its layout
    /// and it passes its checksum.
    private func previousFile(_ manifest: ArchiveManifest, _ part: String) -> StorageFileReader? {
        guard let analyses = manifest.analyses, let name = analyses.files[part], let kind = SavedAnalyses.kinds[part],
              analyses.versions?[part] ?? 1 == SavedAnalyses.version(part) else { return nil }
        let file = try? StorageFileReader(path: (folder as NSString).appendingPathComponent(name), kind: kind)
        guard let file, (try? file.verify()) != nil else { return nil }
        return file
    }

    /// The stored date mentions of the documents this write kept (`DateFile.keptMentions`), by
    /// current position; nil when none can be reused (no dates or places stored, a damaged
    /// file, or no document kept: after `--compact` every batch has a new name).
    private func keptMentions(_ manifest: ArchiveManifest, match: PlaceMatch?, documents: [Document]) -> [[DateMention]?]? {
        guard let match, match.added.count < documents.count, let file = previousFile(manifest, "dates"),
              let kept = try? DateFile.keptMentions(file, match: match, documents: documents) else { return nil }
        return kept
    }
}

extension Corpus {
    /// The corpus's dates (`dates(cancellation:)`), with the mentions of some documents known
    /// already (`CorpusDates.build(_:scanned:cancellation:)`).
    fileprivate func dates(scanned: [[DateMention]?], cancellation: Cancellation) throws(WorkLimit) -> CorpusDates {
        guard !scanned.isEmpty else { return try dates(cancellation: cancellation) }
        let root = self.root
        return try root.annotations.value(CorpusDates.self) { () throws(WorkLimit) in
            try cancellation.working(on: "dates") { () throws(WorkLimit) in
                try CorpusDates.build(root.documents, scanned: scanned, cancellation: cancellation)
            }
        }
    }
}
