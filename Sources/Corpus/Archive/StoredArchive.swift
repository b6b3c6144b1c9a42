import NewsText

/// An archive's files as mapped and checked by `ArchiveReader`, before deletions are applied:
/// every stored document (deleted ones included, numbered across batches), the postings and
/// lexicon statistics as written, and each batch's deletion bitmap. Writers work on this
/// (`--add` and `--remove` keep the stored numbering); readers get `live()`.
struct StoredArchive {
    let folder: String
    let manifest: ArchiveManifest
    let batches: [ArchiveReader.OpenBatch]
    /// Per batch, its deletions (nil: none).
    let deletions: [DeletionBitmap?]
    /// Per stored document, its ranking length.
    let lengths: [UInt32]
    let tokenCount: Int
    let segments: [Segment]
    let lexicon: Lexicon
    /// Per batch, each stored document's token ids.
    let sequences: [[TermSequence]]

    /// Stored documents, deleted ones included.
    var storedCount: Int { lengths.count }

    /// Whether any document is deleted.
    var hasDeletions: Bool { deletions.contains { ($0?.deleted ?? 0) > 0 } }

    /// Every stored document as a corpus, deleted ones included, with the statistics as
    /// written: what `--add` extends.
    func stored() -> Corpus {
        var documents: [Document] = []
        documents.reserveCapacity(storedCount)
        for (b, batch) in batches.enumerated() {
            let archived = ArchivedDocuments(texts: batch.texts, details: batch.details)
            for i in 0..<batch.count {
                documents.append(Document(id: batch.ids.string(i), path: batch.paths.string(i), index: batch.base + i,
                                          archived: archived, position: i, wordCount: Int(batch.wordCounts[i]),
                                          terms: sequences[b][i], lexicon: lexicon))
            }
        }
        let index = CorpusIndex(lexicon: lexicon, segments: segments, documentLengths: lengths, tokenCount: tokenCount)
        return corpus(documents: documents, index: index)
    }

    /// The documents that are not deleted, numbered from 0 in stored order, as if only they had
    /// been indexed: the deleted documents are left out of the documents, the lengths and their
    /// average, the token count and the lexicon's document and collection frequencies (their
    /// tokens subtracted, a pass over the deleted documents only); the segments are used as
    /// written, their readers skipping the deleted documents (`Segment.liveBefore`), so opening
    /// decodes no postings.
    func live() -> Corpus {
        guard hasDeletions else { return stored() }
        // Each stored document's number among the live ones (-1: deleted), and how many live
        // documents come before each stored one.
        var liveIndex = [Int32](repeating: -1, count: storedCount + 1)
        var liveBefore = [Int32](repeating: 0, count: storedCount + 1)
        var live = 0
        var lengths: [UInt32] = []
        var tokens = tokenCount
        var df = lexicon.documentFrequency
        var cf = lexicon.collectionFrequency
        // The deleted documents' counts, as their bitmaps store them (a bitmap written before
        // they were stored has them counted here, from the documents' tokens).
        for b in batches.indices {
            guard let bitmap = deletions[b], bitmap.deleted > 0 else { continue }
            let statistics = bitmap.statistics ?? counted(bitmap, batch: b)
            statistics.subtract(from: &df, &cf)
            tokens -= statistics.tokens
        }
        for (b, batch) in batches.enumerated() {
            let bitmap = deletions[b]
            for i in 0..<batch.count {
                let p = batch.base + i
                liveBefore[p] = Int32(live)
                if let bitmap, bitmap.contains(i) { continue }
                liveIndex[p] = Int32(live)
                lengths.append(self.lengths[p])
                live += 1
            }
        }
        liveBefore[storedCount] = Int32(live)
        let average = lengths.isEmpty ? 0 : Double(lengths.reduce(0) { $0 + Int($1) }) / Double(lengths.count)

        // Every segment is used as written, renumbered; one that holds deleted documents gets
        // its slice of the live map, and its readers skip them (`Segment.liveBefore`).
        let liveSegments = segments.map { segment -> Segment in
            let first = segment.baseDocument
            let end = min(storedCount, first + segment.storedCount)
            let base = Int(liveBefore[first])
            guard end - first > Int(liveBefore[end]) - base else {
                return segment.opened(base: base, averageLength: average, liveBefore: nil)
            }
            let slice = liveBefore[first...end].map { $0 - Int32(base) }
            return segment.opened(base: base, averageLength: average, liveBefore: slice)
        }
        // The terms keep their segment lists (a list may now hold only deleted documents: it
        // yields nothing); their statistics are the live documents'.
        let liveLexicon = Lexicon(table: lexicon.table, kinds: lexicon.kinds, documentFrequency: df,
                                  collectionFrequency: cf, documentCount: live,
                                  termSegmentStart: lexicon.termSegmentStart, segmentRefs: lexicon.segmentRefs,
                                  termOrder: lexicon.termOrder)
        var documents: [Document] = []
        documents.reserveCapacity(live)
        for (b, batch) in batches.enumerated() {
            let archived = ArchivedDocuments(texts: batch.texts, details: batch.details)
            for i in 0..<batch.count where liveIndex[batch.base + i] >= 0 {
                documents.append(Document(id: batch.ids.string(i), path: batch.paths.string(i), index: documents.count,
                                          archived: archived, position: i, wordCount: Int(batch.wordCounts[i]),
                                          terms: sequences[b][i], lexicon: liveLexicon))
            }
        }
        let index = CorpusIndex(lexicon: liveLexicon, segments: liveSegments, documentLengths: lengths, tokenCount: tokens)
        return corpus(documents: documents, index: index)
    }

    /// What the documents `bitmap` marks in batch `b` count in the lexicon: a pass over their
    /// tokens, done when a bitmap is written (`ArchiveRemover`, `ArchiveAppender`) so that
    /// opening does not.
    func counted(_ bitmap: DeletionBitmap, batch b: Int) -> DeletedStatistics {
        let deleted = (0..<bitmap.documents).lazy.filter { bitmap.contains($0) && $0 < sequences[b].count }.map { sequences[b][$0] }
        return DeletedStatistics(counting: deleted, termCount: lexicon.count)
    }

    /// Changed bitmaps (by batch) with their statistics counted, ready to be written.
    func withStatistics(_ bitmaps: [Int: DeletionBitmap]) -> [Int: DeletionBitmap] {
        var result = bitmaps
        for (b, bitmap) in bitmaps where batches.indices.contains(b) {
            result[b]?.statistics = counted(bitmap, batch: b)
        }
        return result
    }

    private func corpus(documents: [Document], index: CorpusIndex) -> Corpus {
        let info = ArchiveInfo(path: folder, manifest: manifest, folder: folder)
        return Corpus(documents: documents,
                      warnings: manifest.warnings.map { LoadWarning(path: $0.path, place: $0.place, message: $0.message) },
                      location: folder, index: index, summary: LoadSummary(documents: documents.count, skipped: manifest.skipped),
                      rawSource: RecordRawSource(), archive: info)
    }
}
