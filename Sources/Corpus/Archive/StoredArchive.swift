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
    /// tokens subtracted, a pass over the deleted documents only), and out of the postings of
    /// the segments that hold them (`Segment.removing`, a pass over those segments only).
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
        var lastSeen = [Int32](repeating: -1, count: lexicon.count)
        for (b, batch) in batches.enumerated() {
            for i in 0..<batch.count {
                let p = batch.base + i
                liveBefore[p] = Int32(live)
                if let bitmap = deletions[b], bitmap.contains(i) {
                    let terms = sequences[b][i]
                    tokens -= terms.count
                    terms.forEachID { _, id in
                        let t = Int(id)
                        guard t < cf.count else { return }
                        cf[t] &-= 1
                        if lastSeen[t] != Int32(p) {
                            lastSeen[t] = Int32(p)
                            df[t] &-= 1
                        }
                    }
                    continue
                }
                liveIndex[p] = Int32(live)
                lengths.append(self.lengths[p])
                live += 1
            }
        }
        liveBefore[storedCount] = Int32(live)
        let average = lengths.isEmpty ? 0 : Double(lengths.reduce(0) { $0 + Int($1) }) / Double(lengths.count)

        // The segments with deleted documents re-encoded without them (in parallel), the others
        // renumbered in place.
        let storedCount = self.storedCount
        let segments = self.segments
        let frozenIndex = liveIndex, frozenBefore = liveBefore, frozenLengths = lengths
        let filtered = segments.map { segment in
            Int(frozenBefore[min(storedCount, segment.baseDocument + segment.documentCount)]) - Int(frozenBefore[segment.baseDocument])
                < segment.documentCount
        }
        let liveSegments = Parallel.map(segments.count, chunk: 1) { s -> Segment in
            let segment = segments[s]
            let first = segment.baseDocument
            let base = Int(frozenBefore[first])
            guard filtered[s] else { return segment.rebased(base, averageLength: average) }
            return segment.removing({ frozenIndex[first + $0] < 0 }, base: base, lengths: frozenLengths, averageLength: average)
        }
        // Segment lists left empty by the deletions are dropped from the terms' lists.
        var starts: [UInt32] = [0]
        starts.reserveCapacity(lexicon.count + 1)
        var refs: [UInt64] = []
        refs.reserveCapacity(lexicon.segmentRefs.count)
        for t in 0..<lexicon.count {
            for ref in lexicon.segmentRefs(of: t) {
                let (s, local) = Lexicon.segmentList(ref)
                if filtered[s] && liveSegments[s].isEmpty(local: local) { continue }
                refs.append(ref)
            }
            starts.append(UInt32(refs.count))
        }
        let liveLexicon = Lexicon(table: lexicon.table, kinds: lexicon.kinds, documentFrequency: df,
                                  collectionFrequency: cf, documentCount: live,
                                  termSegmentStart: starts, segmentRefs: refs, termOrder: lexicon.termOrder)
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

    private func corpus(documents: [Document], index: CorpusIndex) -> Corpus {
        let info = ArchiveInfo(path: folder, manifest: manifest, folder: folder)
        return Corpus(documents: documents,
                      warnings: manifest.warnings.map { LoadWarning(path: $0.path, place: $0.place, message: $0.message) },
                      location: folder, index: index, summary: LoadSummary(documents: documents.count, skipped: manifest.skipped),
                      rawSource: RecordRawSource(), archive: info)
    }
}
