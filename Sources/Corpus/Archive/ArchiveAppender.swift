import Foundation

/// Adds documents to an archive as a new batch (`dossier index --add`): the old batches' files
/// are kept as they are; the new documents' texts, records, token ids and segments are written
/// beside them, and the lexicon is rewritten with the new terms after the old ones (old ids do not
/// change) and the frequencies and segment lists of both. The work is proportional to the added
/// documents plus the lexicon's size, not to the documents already archived.
///
/// An added document whose id an archived (not deleted) document has replaces it: the old one
/// is marked in its batch's deletion bitmap (a new bitmap file), the new one keeps the id.
struct ArchiveAppender {
    let folder: String

    /// Adds `added`; returns the new manifest and how many archived documents were replaced.
    func add(_ added: Corpus, sources: [String]) throws(ArchiveError) -> (manifest: ArchiveManifest, replaced: Int) {
        guard DossierArchive.isArchive(folder) else { throw .notAnArchive(path: folder) }
        let lock = try ArchiveLock(folder: folder)
        defer { withExtendedLifetime(lock) {} }
        let previous = try ArchiveManifest.read(folder: folder)
        let stored = try ArchiveReader(folder: folder).read(verify: false)
        let old = stored.stored()
        let oldLexicon = old.index.lexicon
        let newLexicon = added.index.lexicon

        // The old terms keep their ids; the added corpus's terms are looked up, new ones appended.
        let table = ByteTermTable(capacity: oldLexicon.count + newLexicon.count)
        for id in 0..<oldLexicon.count { _ = oldLexicon.table.withBytes(of: id) { table.insert($0) } }
        var map = [UInt32](repeating: 0, count: newLexicon.count)
        for id in 0..<newLexicon.count { map[id] = newLexicon.table.withBytes(of: id) { table.insert($0) } }
        let termCount = table.count
        var kinds = oldLexicon.kinds.map(\.rawValue)
        var df = oldLexicon.documentFrequency + [UInt32](repeating: 0, count: termCount - oldLexicon.count)
        var cf = oldLexicon.collectionFrequency + [UInt32](repeating: 0, count: termCount - oldLexicon.count)
        var source = [Int](repeating: -1, count: termCount)  // global id -> the added corpus's id
        for id in 0..<newLexicon.count {
            let g = Int(map[id])
            if g >= oldLexicon.count { kinds.append(newLexicon.kinds[id].rawValue) }
            df[g] += newLexicon.documentFrequency[id]
            cf[g] += newLexicon.collectionFrequency[id]
            source[g] = id
        }
        // Each term's segments: the old ones, then the added corpus's, numbered after the old.
        let oldSegments = UInt64(old.index.segments.count)
        var starts: [UInt32] = [0]
        starts.reserveCapacity(termCount + 1)
        var refs: [UInt64] = []
        refs.reserveCapacity(oldLexicon.segmentRefs.count + newLexicon.segmentRefs.count)
        for g in 0..<termCount {
            if g < oldLexicon.count { refs += oldLexicon.segmentRefs(of: g) }
            if source[g] >= 0 { refs += newLexicon.segmentRefs(of: source[g]).map { $0 + (oldSegments << 32) } }
            starts.append(UInt32(refs.count))
        }
        let lexicon = ArchiveWriter.LexiconParts(table: table, kinds: kinds, documentFrequency: df, collectionFrequency: cf,
                                                 termSegmentStart: starts, segmentRefs: refs)

        // An added id that an archived document has replaces that document.
        var located: [String: (batch: Int, position: Int)] = [:]
        located.reserveCapacity(old.count)
        for (b, batch) in stored.batches.enumerated() {
            for i in 0..<batch.count where stored.deletions[b]?.contains(i) != true { located[batch.ids.string(i)] = (b, i) }
        }
        var deletions: [Int: DeletionBitmap] = [:]
        var replacedTokens = 0
        var replaced = 0
        for d in added.documents {
            guard let (b, i) = located[d.id] else { continue }
            var bitmap = deletions[b] ?? stored.deletions[b] ?? DeletionBitmap(documents: stored.batches[b].count)
            bitmap.insert(i)
            deletions[b] = bitmap
            replacedTokens += stored.sequences[b][i].count
            replaced += 1
        }
        let ids = added.documents.map(\.id)
        let batch = ArchiveWriter.Batch(documents: added.documents, ids: ids, terms: added.documents.map { $0.terms.remapped(map) },
                                        lengths: added.index.documentLengths, base: old.count, segments: added.index.segments,
                                        averageLength: added.index.averageLength)
        let totals = ArchiveWriter.Totals(documents: old.count + added.count,
                                          segments: old.index.segments.count + added.index.segments.count,
                                          tokens: previous.tokens - replacedTokens + added.index.tokenCount,
                                          sources: previous.sources + sources, warnings: old.warnings + added.warnings,
                                          skipped: old.summary.skipped.merging(added.summary.skipped, uniquingKeysWith: +))
        let manifest = try ArchiveWriter(folder: folder).publish(previous: previous, keeping: previous.batches,
                                                                 deletions: stored.withStatistics(deletions), batch: batch,
                                                                 lexicon: lexicon, totals: totals, analyses: previous.analyses)
        return (manifest, replaced)
    }
}
