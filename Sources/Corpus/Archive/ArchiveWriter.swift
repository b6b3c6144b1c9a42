import Foundation

/// Writes a corpus as an archive's five files (`text`, `docs`, `terms`, `lexicon`, `postings`;
/// layouts in docs/architecture.md), each the columns the corpus already holds, written as they
/// are. A new generation's files are written beside the old ones and published by renaming the
/// manifest; the old generation's files are removed only after that.
struct ArchiveWriter {
    let corpus: Corpus

    /// A test's way to simulate a crash: called after the files are written and before the
    /// manifest is; throwing from it leaves the folder as a crash at that moment would.
    nonisolated(unsafe) static var beforeManifest: (() throws(ArchiveError) -> Void)?

    func write(folder: String, sources: [String]) throws(ArchiveError) -> ArchiveManifest {
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
        let lock = try ArchiveLock(folder: folder)
        defer { withExtendedLifetime(lock) {} }
        let previous = try? ArchiveManifest.read(folder: folder)
        if previous == nil {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            if entries.contains(where: { $0 != ArchiveLock.fileName && !$0.hasSuffix(".dsf") && !$0.hasPrefix(ArchiveManifest.fileName) }) {
                throw .unwritable(path: folder, reason: "the folder holds files that are not an archive's; give a new or empty folder")
            }
        }
        let generation = (previous?.generation ?? 0) + 1
        var files: [String: String] = [:]
        for part in ArchiveManifest.parts {
            let name = ArchiveManifest.fileName(part: part, generation: generation)
            files[part] = name
            let path = (folder as NSString).appendingPathComponent(name)
            try writer(part).write(to: path)
        }
        try Self.beforeManifest?()
        let now = ArchiveManifest.now()
        let index = corpus.index
        let manifest = ArchiveManifest(
            generation: generation, created: previous?.created ?? now, updated: now, documents: corpus.count,
            segments: index.segments.count, tokens: index.tokenCount, terms: index.lexicon.count, sources: sources,
            files: files,
            warnings: corpus.warnings.map { ArchiveManifest.Warning(path: $0.path, place: $0.place, message: $0.message) },
            skipped: corpus.summary.skipped)
        try manifest.write(folder: folder)
        // The new manifest is in place: the older generations' files are no longer read by a
        // new reader (one that opened them keeps its mapping), and leftovers of a crashed write go too.
        let keep = Set(files.values)
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        where entry.hasSuffix(".dsf") && !keep.contains(entry) {
            try? FileManager.default.removeItem(atPath: (folder as NSString).appendingPathComponent(entry))
        }
        return manifest
    }

    private func writer(_ part: String) -> StorageFileWriter {
        switch part {
        case "text": return textFile()
        case "docs": return docsFile()
        case "terms": return termsFile()
        case "lexicon": return lexiconFile()
        default: return postingsFile()
        }
    }

    /// `text`: 0 the texts' UTF-8, back to back; 1 their offsets (u64, documents + 1).
    private func textFile() -> StorageFileWriter {
        var w = StorageFileWriter(kind: ArchiveFormat.textKind)
        let store = TextStore(corpus.documents.lazy.map(\.text))
        w.add(store.blob)
        w.add(store.offsets)
        return w
    }

    /// `docs`: 0–1 ids, 2–3 paths, 4–5 metadata records (`DetailsCodec`), each a blob and its
    /// offsets; 6 word counts (u32); 7 ranking lengths (u32); 8 scalars (u64: documents, tokens).
    private func docsFile() -> StorageFileWriter {
        var w = StorageFileWriter(kind: ArchiveFormat.docsKind)
        let documents = corpus.documents
        let ids = TextStore(documents.lazy.map(\.id))
        let paths = TextStore(documents.lazy.map(\.path))
        let details = TextStore(records: documents.lazy.map {
            DetailsCodec.encode(Document.Details(metadata: $0.metadata, origin: $0.origin))
        })
        for store in [ids, paths, details] {
            w.add(store.blob)
            w.add(store.offsets)
        }
        w.add(documents.map { UInt32(clamping: $0.wordCount) })
        w.add(corpus.index.documentLengths)
        w.add([UInt64(documents.count), UInt64(corpus.index.tokenCount)])
        return w
    }

    /// `terms`: 0 every document's narrow ids (u16) back to back; 1 where each document's start
    /// (u64, documents + 1); 2 the escaped tokens' positions and 3 their ids (u32); 4 where each
    /// document's escaped tokens start (u64, documents + 1).
    private func termsFile() -> StorageFileWriter {
        var narrow: [UInt16] = []
        var narrowOffsets: [UInt64] = [0]
        var widePositions: [UInt32] = []
        var wideIDs: [UInt32] = []
        var wideOffsets: [UInt64] = [0]
        narrow.reserveCapacity(corpus.index.tokenCount)
        for d in corpus.documents {
            narrow += d.terms.narrow
            widePositions += d.terms.widePositions
            wideIDs += d.terms.wideIDs
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

    /// `lexicon`: the term table as it is in memory (0 term bytes, 1 term starts (u32, terms + 1),
    /// 2 hashes (u32), 3 hash slots (16 bytes each: key u64, meta u64)), then 4 kinds (u8),
    /// 5 document and 6 collection frequencies (u32), 7 each term's first segment ref (u32,
    /// terms + 1), 8 segment refs (u64: segment << 32 | local id), 9 scalars (u64: terms, slots).
    private func lexiconFile() -> StorageFileWriter {
        let lexicon = corpus.index.lexicon
        var w = StorageFileWriter(kind: ArchiveFormat.lexiconKind)
        var slotCount = 0
        lexicon.table.withStorage { arena, starts, hashes, slots in
            w.add(Array(arena))
            w.add(Array(starts))
            w.add(Array(hashes))
            w.add(Array(slots))
            slotCount = slots.count
        }
        w.add(lexicon.kinds.map(\.rawValue))
        w.add(lexicon.documentFrequency)
        w.add(lexicon.collectionFrequency)
        w.add(lexicon.termSegmentStart)
        w.add(lexicon.segmentRefs)
        w.add([UInt64(lexicon.count), UInt64(slotCount)])
        return w
    }

    /// `postings`: 0 the segments (u64 pairs: first document, document count), then eight
    /// sections per segment: doc stream, position stream (bytes), each local term's doc and
    /// position offsets (u32, terms + 1), its first skip block (u32, terms + 1), and per block
    /// its doc stream offset, the document before it (u32) and its best BM25 weight (f32).
    private func postingsFile() -> StorageFileWriter {
        var w = StorageFileWriter(kind: ArchiveFormat.postingsKind)
        let segments = corpus.index.segments
        w.add(segments.flatMap { [UInt64($0.baseDocument), UInt64($0.documentCount)] })
        for s in segments {
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
}
