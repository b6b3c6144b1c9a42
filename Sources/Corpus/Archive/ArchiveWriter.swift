import Foundation

/// Writes an archive's files (per batch of documents `text`, `docs`, `terms`, `postings`, and
/// one `lexicon`; layouts in docs/architecture.md), each the columns the corpus already holds,
/// written as they are. A new generation's files are written beside the old ones and published
/// by renaming the manifest; files no longer named are removed only after that.
struct ArchiveWriter {
    let folder: String

    /// A test's way to simulate a crash: writes to these folders fail after their files are
    /// written and before the manifest is, leaving the folder as a crash at that moment would.
    /// Per folder, so that tests running at once do not fail each other's writes.
    nonisolated(unsafe) private static var crashingFolders: Set<String> = []
    private static let crashLock = NSLock()

    /// Makes writes to `folder` fail before their manifest (`crash`), or succeed again.
    static func simulateCrashes(in folder: String, _ crash: Bool) {
        crashLock.lock()
        defer { crashLock.unlock() }
        if crash { crashingFolders.insert(folder) } else { crashingFolders.remove(folder) }
    }

    private func crashPoint() throws(ArchiveError) {
        Self.crashLock.lock()
        let crash = Self.crashingFolders.contains(folder)
        Self.crashLock.unlock()
        if crash { throw .unwritable(path: folder, reason: "simulated crash") }
    }

    /// One batch of documents to write: their texts and records, token ids (in the archive's
    /// lexicon), ranking lengths, and the segments that index them.
    struct Batch {
        var documents: [Document]
        var ids: [String]
        var terms: [TermSequence]
        var lengths: [UInt32]
        /// Corpus index of the batch's first document (segments' bases are shifted by it).
        var base: Int
        var segments: [Segment]
        /// The average document length the segments' block maxima were computed with.
        var averageLength: Double
    }

    /// The lexicon's parts as written.
    struct LexiconParts {
        var table: ByteTermTable
        var kinds: [UInt8]
        var documentFrequency: [UInt32]
        var collectionFrequency: [UInt32]
        var termSegmentStart: [UInt32]
        var segmentRefs: [UInt64]
    }

    /// What the manifest records besides the files.
    struct Totals {
        /// Documents stored in the batches, deleted ones included.
        var documents: Int
        var segments: Int
        /// Tokens of the documents that are not deleted.
        var tokens: Int
        var sources: [String]
        var warnings: [LoadWarning]
        var skipped: [String: Int]
    }

    /// Creates the folder when missing; refuses a file in the way or a folder of other files.
    func prepareFolder() throws(ArchiveError) {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw .unwritable(path: folder, reason: "a file of that name is in the way") }
        } else {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw .unwritable(path: folder, reason: "cannot create the folder: \(error.localizedDescription)")
            }
        }
        if !DossierArchive.isArchive(folder) {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            if entries.contains(where: { $0 != ArchiveLock.fileName && !$0.hasSuffix(".dsf") && !$0.hasPrefix(ArchiveManifest.fileName) }) {
                throw .unwritable(path: folder, reason: "the folder holds files that are not an archive's; give a new or empty folder")
            }
        }
    }

    /// Writes a whole corpus as the archive's only batch (replacing what the folder held).
    func write(_ corpus: Corpus, sources: [String]) throws(ArchiveError) -> ArchiveManifest {
        try prepareFolder()
        let lock = try ArchiveLock(folder: folder)
        defer { withExtendedLifetime(lock) {} }
        let previous = try? ArchiveManifest.read(folder: folder)
        let index = corpus.index
        let lexicon = index.lexicon
        // An opened archive's segments may hold its deleted documents (skipped when read): the
        // files get only the documents written.
        let segments = index.segments.map { $0.withoutDeletions(lengths: index.documentLengths, averageLength: index.averageLength) }
        let batch = Batch(documents: corpus.documents, ids: corpus.documents.map(\.id), terms: corpus.documents.map(\.terms),
                          lengths: index.documentLengths, base: 0, segments: segments, averageLength: index.averageLength)
        let parts = LexiconParts(table: lexicon.table, kinds: lexicon.kinds.map(\.rawValue),
                                 documentFrequency: lexicon.documentFrequency, collectionFrequency: lexicon.collectionFrequency,
                                 termSegmentStart: lexicon.termSegmentStart, segmentRefs: lexicon.segmentRefs)
        let totals = Totals(documents: corpus.count, segments: index.segments.count, tokens: index.tokenCount,
                            sources: sources, warnings: corpus.warnings, skipped: corpus.summary.skipped)
        return try publish(previous: previous, keeping: [], batch: batch, lexicon: parts, totals: totals)
    }

    /// Writes generation G+1: the deletion bitmaps that changed, the new batch's files and the
    /// lexicon (when given; else the previous lexicon is kept), then the manifest naming them with
    /// the batches kept; then removes the files no longer named. Call with the lock held.
    /// - Parameter deletions: new bitmaps of kept batches, by the batch's index in `kept`.
    func publish(previous: ArchiveManifest?, keeping kept: [ArchiveManifest.Batch], deletions: [Int: DeletionBitmap] = [:],
                 batch: Batch?, lexicon: LexiconParts?, totals: Totals,
                 analyses: ArchiveManifest.Analyses? = nil, analysesStayCurrent: Bool = false) throws(ArchiveError) -> ArchiveManifest {
        let generation = (previous?.generation ?? 0) + 1
        func path(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }
        var batches = kept
        for (b, bitmap) in deletions.sorted(by: { $0.key < $1.key }) where batches.indices.contains(b) {
            if bitmap.deleted == 0 {
                batches[b].files[ArchiveManifest.deletionsPart] = nil
                batches[b].deleted = nil
                continue
            }
            let name = ArchiveManifest.deletionsFileName(batch: b, generation: generation)
            try bitmap.file().write(to: path(name))
            batches[b].files[ArchiveManifest.deletionsPart] = name
            batches[b].deleted = bitmap.deleted
        }
        if let batch {
            var files: [String: String] = [:]
            for part in ArchiveManifest.batchParts {
                let name = ArchiveManifest.fileName(part: part, generation: generation)
                files[part] = name
                try writer(part, batch).write(to: path(name))
            }
            batches.append(ArchiveManifest.Batch(documents: batch.documents.count, files: files))
        }
        var lexiconName = previous?.lexicon ?? ""
        var terms = previous?.terms ?? 0
        if let lexicon {
            lexiconName = ArchiveManifest.fileName(part: "lexicon", generation: generation)
            try lexiconFile(lexicon).write(to: path(lexiconName))
            terms = lexicon.table.count
        }
        try crashPoint()
        let now = ArchiveManifest.now()
        var manifest = ArchiveManifest(
            generation: generation, created: previous?.created ?? now, updated: now, documents: totals.documents,
            segments: totals.segments, tokens: totals.tokens, terms: terms, sources: totals.sources,
            lexicon: lexiconName, batches: batches,
            warnings: totals.warnings.map { ArchiveManifest.Warning(path: $0.path, place: $0.place, message: $0.message) },
            skipped: totals.skipped)
        // Stored analyses are kept: stale ones (after --add or --remove) for `ArchiveAnnotator` to
        // update from, current ones when the documents are the same (after --compact).
        manifest.analyses = analyses
        if analysesStayCurrent, manifest.analyses != nil {
            manifest.analyses?.generation = generation
            manifest.analyses?.documents = totals.documents
        }
        try manifest.write(folder: folder)
        // The new manifest is in place: files it does not name are no longer read by a new
        // reader (one that opened them keeps its mapping: on Linux an unlinked file stays
        // readable while it is mapped), and leftovers of a crashed write go too.
        let keep = Set(manifest.fileNames)
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        where entry.hasSuffix(".dsf") && !keep.contains(entry) {
            try? FileManager.default.removeItem(atPath: path(entry))
        }
        return manifest
    }

    private func writer(_ part: String, _ batch: Batch) -> StorageFileWriter {
        switch part {
        case "text": return textFile(batch)
        case "docs": return docsFile(batch)
        case "terms": return termsFile(batch)
        default: return postingsFile(batch)
        }
    }

    /// `text` (`DeflatedTexts`): 0 each text deflated, back to back; 1 where each starts (u64,
    /// documents + 1); 2 where each text starts once inflated (u64, documents + 1); 3 the
    /// dictionary the streams share.
    private func textFile(_ batch: Batch) -> StorageFileWriter {
        var w = StorageFileWriter(kind: ArchiveFormat.textKind)
        let (streams, textOffsets, dictionary) = DeflatedTexts.encode(batch.documents.map(\.text))
        w.add(streams.blob)
        w.add(streams.offsets)
        w.add(textOffsets)
        w.add(dictionary)
        return w
    }

    /// `docs`: 0–1 ids, 2–3 paths, 4–5 metadata records (`DetailsCodec`), each a blob and its
    /// offsets; 6 word counts (u32); 7 ranking lengths (u32); 8 scalars (u64: documents, tokens).
    private func docsFile(_ batch: Batch) -> StorageFileWriter {
        var w = StorageFileWriter(kind: ArchiveFormat.docsKind)
        let documents = batch.documents
        let ids = TextStore(batch.ids)
        let paths = TextStore(documents.lazy.map(\.path))
        let details = TextStore(records: documents.lazy.map {
            DetailsCodec.encode(Document.Details(metadata: $0.metadata, origin: $0.origin))
        })
        for store in [ids, paths, details] {
            w.add(store.blob)
            w.add(store.offsets)
        }
        w.add(documents.map { UInt32(clamping: $0.wordCount) })
        w.add(batch.lengths)
        w.add([UInt64(documents.count), UInt64(batch.terms.reduce(0) { $0 + $1.count })])
        return w
    }

    /// `terms`: 0 every document's narrow ids (u16) back to back; 1 where each document's start
    /// (u64, documents + 1); 2 the escaped tokens' positions and 3 their ids (u32); 4 where each
    /// document's escaped tokens start (u64, documents + 1).
    private func termsFile(_ batch: Batch) -> StorageFileWriter {
        var narrow: [UInt16] = []
        var narrowOffsets: [UInt64] = [0]
        var widePositions: [UInt32] = []
        var wideIDs: [UInt32] = []
        var wideOffsets: [UInt64] = [0]
        narrow.reserveCapacity(batch.terms.reduce(0) { $0 + $1.count })
        for terms in batch.terms {
            narrow += terms.narrow
            widePositions += terms.widePositions
            wideIDs += terms.wideIDs
            narrowOffsets.append(UInt64(narrow.count))
            wideOffsets.append(UInt64(widePositions.count))
        }
        var w = StorageFileWriter(kind: ArchiveFormat.termsKind)
        w.add(narrow)
        w.add(narrowOffsets)
        w.add(widePositions)
        w.add(wideIDs)
        w.add(wideOffsets)
        return w
    }

    /// `lexicon`: the term table (0 term bytes, 1 term starts (u32, terms + 1), 2 hashes (u32),
    /// 3 hash slots (16 bytes each: key u64, meta u64), packed at most three-quarters full),
    /// then 4 kinds (u8), 5 document and 6 collection frequencies (u32), 7 each term's first
    /// segment ref (u32, terms + 1), 8 segment refs (u64: segment << 32 | local id), 9 scalars
    /// (u64: terms, slots), 10 the sorted term dictionary (u32 ids in their terms' byte order).
    private func lexiconFile(_ lexicon: LexiconParts) -> StorageFileWriter {
        var w = StorageFileWriter(kind: ArchiveFormat.lexiconKind)
        let slots = lexicon.table.packedSlots()
        lexicon.table.withStorage { arena, starts, hashes, _ in
            w.add(Array(arena))
            w.add(Array(starts))
            w.add(Array(hashes))
        }
        w.add(slots)
        w.add(lexicon.kinds)
        w.add(lexicon.documentFrequency)
        w.add(lexicon.collectionFrequency)
        w.add(lexicon.termSegmentStart)
        w.add(lexicon.segmentRefs)
        w.add([UInt64(lexicon.table.count), UInt64(slots.count)])
        w.add(lexicon.table.sortedIDs())
        return w
    }

    /// `postings`: 0 the segments (u64 triples: first document in the corpus, document count,
    /// the average length its block maxima were computed with as f64 bits), then eight
    /// sections per segment: doc stream, position stream (bytes), each local term's doc and
    /// position offsets (u32, terms + 1), its first skip block (u32, terms + 1), and per block
    /// its doc stream offset, the document before it (u32) and its best BM25 weight (f32).
    private func postingsFile(_ batch: Batch) -> StorageFileWriter {
        var w = StorageFileWriter(kind: ArchiveFormat.postingsKind)
        w.add(batch.segments.flatMap { s -> [UInt64] in
            let average = s.maximaAverage > 0 ? s.maximaAverage : batch.averageLength
            return [UInt64(batch.base + s.baseDocument), UInt64(s.documentCount), average.bitPattern]
        })
        for s in batch.segments {
            w.add(s.docStream)
            w.add(s.positionStream)
            w.add(s.termDocOffset)
            w.add(s.termPositionOffset)
            w.add(s.blocks.termBlockStart)
            w.add(s.blocks.docOffset)
            w.add(s.blocks.previousDocument)
            w.add(s.blocks.maxWeight)
        }
        return w
    }
}

/// The archive files' kinds (the four letters in each header).
enum ArchiveFormat {
    static let textKind = "text"
    static let docsKind = "docs"
    static let termsKind = "toks"
    static let lexiconKind = "lexi"
    static let postingsKind = "post"
    static let deletionsKind = "dele"
}
