import NewsText

/// Rewrites an archive as one batch of its live documents (`dossier index --compact`): deleted
/// documents dropped, the lexicon numbered afresh (by frequency, as a load numbers it, so a term
/// no live document has is gone and ids are those of indexing the surviving documents anew),
/// postings rebuilt in segments of `segmentDocuments` documents. Like every write it makes new
/// files and then renames the manifest, so a crash leaves the previous archive whole and a
/// reader that opened it keeps its files (unlinked, still mapped) until it closes.
struct ArchiveCompactor {
    let folder: String
    /// Documents per rebuilt segment (the postings encoder's fast layout holds up to 4,096).
    static let segmentDocuments = 4096

    func compact() throws(ArchiveError) -> ArchiveManifest {
        guard DossierArchive.isArchive(folder) else { throw .notAnArchive(path: folder) }
        let lock = try ArchiveLock(folder: folder)
        defer { withExtendedLifetime(lock) {} }
        let previous = try ArchiveManifest.read(folder: folder)
        let corpus = try ArchiveReader(folder: folder).read(verify: false).live()
        let old = corpus.index.lexicon
        let documents = corpus.documents
        let size = Self.segmentDocuments
        let chunkCount = (documents.count + size - 1) / size

        // 1. Each segment's terms numbered by first occurrence, its postings built on them.
        struct Built: @unchecked Sendable {
            let segment: Segment
            let table: ByteTermTable
            let kinds: [TokenKind]
            let oldIDs: [UInt32]
            let df: [UInt32]
            let cf: [UInt32]
        }
        let built = Parallel.map(chunkCount, chunk: 1) { c -> Built in
            let range = (c * size)..<min(documents.count, (c + 1) * size)
            var local = [UInt32](repeating: UInt32.max, count: old.count)
            var oldIDs: [UInt32] = []
            var kinds: [TokenKind] = []
            let table = ByteTermTable(capacity: 4096)
            var sequences: [TermSequence] = []
            sequences.reserveCapacity(range.count)
            for d in documents[range] {
                d.terms.forEachID { _, id in
                    let t = Int(id)
                    guard t < local.count, local[t] == UInt32.max else { return }
                    local[t] = old.table.withBytes(of: t) { table.insert($0) }
                    oldIDs.append(id)
                    kinds.append(old.kind(t))
                }
                sequences.append(d.terms.remapped(local))
            }
            let (segment, df, cf) = Segment.build(baseDocument: 0, documents: sequences, localTermCount: oldIDs.count)
            return Built(segment: segment, table: table, kinds: kinds, oldIDs: oldIDs, df: df, cf: cf)
        }

        // 2. One lexicon numbered as a load numbers it, and its statistics.
        let merger = TermMerger(capacity: max(1024, old.count))
        for (s, b) in built.enumerated() { merger.add(segment: s, table: b.table, kinds: b.kinds, frequencies: b.cf) }
        let (table, kinds, maps) = merger.finish(segments: built.count)
        var renumber = [UInt32](repeating: 0, count: old.count)
        for (s, b) in built.enumerated() {
            for (l, id) in b.oldIDs.enumerated() { renumber[Int(id)] = maps[s][l] }
        }
        let statistics = IndexBuilder.termStatistics(dfs: built.map(\.df), cfs: built.map(\.cf), localToGlobal: maps,
                                                     termCount: table.count)
        let lexicon = ArchiveWriter.LexiconParts(table: table, kinds: kinds.map(\.rawValue), documentFrequency: statistics.df,
                                                 collectionFrequency: statistics.cf, termSegmentStart: statistics.segmentStart,
                                                 segmentRefs: statistics.refs)

        // 3. The documents' tokens in the new ids, the segments placed and their block maxima.
        let lengths = corpus.index.documentLengths
        let average = corpus.index.averageLength
        let segments = built.enumerated().map { s, b in
            b.segment.assembled(base: s * size, lengths: lengths, averageLength: average)
        }
        let batch = ArchiveWriter.Batch(documents: documents, ids: documents.map(\.id),
                                        terms: documents.map { $0.terms.remapped(renumber) }, lengths: lengths, base: 0,
                                        segments: segments, averageLength: average)
        let totals = ArchiveWriter.Totals(documents: documents.count, segments: segments.count, tokens: corpus.index.tokenCount,
                                          sources: previous.sources,
                                          warnings: previous.warnings.map { LoadWarning(path: $0.path, place: $0.place, message: $0.message) },
                                          skipped: previous.skipped)
        // The documents, their order and texts stay what they were, so current analyses stay
        // current (stale ones, computed on other documents, go).
        let current = previous.analysesAreCurrent
        return try ArchiveWriter(folder: folder).publish(previous: previous, keeping: [], batch: batch, lexicon: lexicon,
                                                         totals: totals, analyses: current ? previous.analyses : nil,
                                                         analysesStayCurrent: current)
    }
}
