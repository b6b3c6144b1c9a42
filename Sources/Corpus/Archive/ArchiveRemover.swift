/// Removes documents from an archive by id (`dossier index --remove`): marks them in their
/// batches' deletion bitmaps, written as new files with what the batch's deleted documents count
/// in the lexicon (`DeletedStatistics`), and publishes a new manifest. Nothing else is rewritten
/// (the lexicon keeps the statistics as stored; an opened archive subtracts the bitmaps' counts
/// and its readers skip the deleted documents, `StoredArchive.live`), so the cost follows the
/// deleted documents, plus reading the archive's ids. An id the archive does not have stops the removal before anything is
/// written, naming every such id.
struct ArchiveRemover {
    let folder: String

    /// Removes the documents `ids` names; returns the new manifest.
    func remove(_ ids: [String]) throws(ArchiveError) -> ArchiveManifest {
        guard DossierArchive.isArchive(folder) else { throw .notAnArchive(path: folder) }
        let lock = try ArchiveLock(folder: folder)
        defer { withExtendedLifetime(lock) {} }
        let previous = try ArchiveManifest.read(folder: folder)
        let stored = try ArchiveReader(folder: folder).read(verify: false)
        var wanted = Set(ids)
        var deletions: [Int: DeletionBitmap] = [:]
        var removedTokens = 0
        for (b, batch) in stored.batches.enumerated() where !wanted.isEmpty {
            for i in 0..<batch.count where stored.deletions[b]?.contains(i) != true {
                let id = batch.ids.string(i)
                guard wanted.remove(id) != nil else { continue }
                var bitmap = deletions[b] ?? stored.deletions[b] ?? DeletionBitmap(documents: batch.count)
                bitmap.insert(i)
                deletions[b] = bitmap
                removedTokens += stored.sequences[b][i].count
            }
        }
        guard wanted.isEmpty else {
            var seen = Set<String>()
            throw .unknownDocuments(path: folder, ids: ids.filter { wanted.contains($0) && seen.insert($0).inserted })
        }
        let totals = ArchiveWriter.Totals(documents: previous.documents, segments: previous.segments,
                                          tokens: previous.tokens - removedTokens, sources: previous.sources,
                                          warnings: previous.warnings.map { LoadWarning(path: $0.path, place: $0.place, message: $0.message) },
                                          skipped: previous.skipped)
        return try ArchiveWriter(folder: folder).publish(previous: previous, keeping: previous.batches,
                                                         deletions: stored.withStatistics(deletions),
                                                         batch: nil, lexicon: nil, totals: totals, analyses: previous.analyses)
    }
}
