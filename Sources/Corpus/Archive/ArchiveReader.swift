import Foundation
import NewsText

/// Opens an archive: reads the manifest, maps its five files, checks their headers and the
/// structure the rest of dossier relies on (offsets in range and in order, ids within the
/// lexicon, the hash table's slots), and assembles a `Corpus` whose columns are the mapped
/// sections. Texts, metadata and postings are read from disk only when used.
struct ArchiveReader {
    let folder: String

    /// The archive's corpus: its documents that are not deleted, numbered from 0, with
    /// statistics and postings that leave the deleted ones out (`StoredArchive.live`).
    /// - Parameter analyses: attach the stored analyses when they are current (`SavedAnalyses`).
    /// - Parameter storeAnalyses: store the analyses the session computes (`AnalysisWriteBack`).
    func open(verify: Bool, analyses: Bool = true, storeAnalyses: Bool = false) throws(ArchiveError) -> Corpus {
        let stored = try read(verify: verify)
        let manifest = stored.manifest
        let saved = try manifest.analysesAreCurrent && analyses
            ? manifest.analyses.map { a throws(ArchiveError) in try SavedAnalyses(folder: folder, analyses: a, verify: verify) }
            : nil
        let corpus = stored.live()
        if let saved { corpus.annotations.set(SavedAnalyses.key, saved) }
        if storeAnalyses {
            corpus.annotations.set(AnalysisWriteBack.key,
                                   AnalysisWriteBack(folder: folder, generation: manifest.generation, documents: manifest.documents))
        }
        return corpus
    }

    /// Maps and checks every file the manifest names, deletion bitmaps included.
    func read(verify: Bool) throws(ArchiveError) -> StoredArchive {
        let manifest = try ArchiveManifest.read(folder: folder)
        func file(_ name: String, _ kind: String) throws(ArchiveError) -> StorageFileReader {
            let reader = try StorageFileReader(path: (folder as NSString).appendingPathComponent(name), kind: kind)
            if verify { try reader.verify() }
            return reader
        }
        // Each batch's per-document columns first: the ranking's average length is over them all.
        var batches: [OpenBatch] = []
        var deletions: [DeletionBitmap?] = []
        var bitmapFiles: [StorageFileReader?] = []
        var base = 0
        var tokenCount = 0
        var lengths: [UInt32] = []
        lengths.reserveCapacity(manifest.documents)
        for batch in manifest.batches {
            let docsFile = try file(batch.files["docs"] ?? "", ArchiveFormat.docsKind)
            let n = batch.documents
            let scalars = try docsFile.column(8, of: UInt64.self)
            guard scalars.count == 2, scalars[0] == UInt64(n) else {
                throw docsFile.corrupted("its document count does not match the manifest's \(n)")
            }
            tokenCount += Int(clamping: scalars[1])
            let opened = OpenBatch(
                base: base, count: n,
                ids: try TextStore(docsFile, blob: 0, offsets: 1, expectedCount: n),
                paths: try TextStore(docsFile, blob: 2, offsets: 3, expectedCount: n),
                details: try TextStore(docsFile, blob: 4, offsets: 5, expectedCount: n),
                wordCounts: try docsFile.column(6, of: UInt32.self),
                texts: try DeflatedTexts(try file(batch.files["text"] ?? "", ArchiveFormat.textKind), expectedCount: n),
                postings: try file(batch.files["postings"] ?? "", ArchiveFormat.postingsKind),
                terms: try file(batch.files["terms"] ?? "", ArchiveFormat.termsKind))
            let batchLengths = try docsFile.column(7, of: UInt32.self)
            guard opened.wordCounts.count == n, batchLengths.count == n else {
                throw docsFile.corrupted("a per-document column has the wrong length")
            }
            if let name = batch.files[ArchiveManifest.deletionsPart] {
                let bitmapFile = try file(name, ArchiveFormat.deletionsKind)
                deletions.append(try DeletionBitmap(bitmapFile, documents: n, deleted: batch.deleted ?? 0))
                bitmapFiles.append(bitmapFile)
            } else {
                deletions.append(nil)
                bitmapFiles.append(nil)
            }
            lengths += batchLengths
            batches.append(opened)
            base += n
        }
        let n = base
        let total = lengths.reduce(0) { $0 + Int($1) }
        let averageLength = lengths.isEmpty ? 0 : Double(total) / Double(lengths.count)
        var segments: [Segment] = []
        for batch in batches {
            segments += try Self.segments(batch.postings, documents: batch.base..<(batch.base + batch.count),
                                          averageLength: averageLength)
        }
        let lexicon = try Self.lexicon(try file(manifest.lexicon, ArchiveFormat.lexiconKind), documentCount: n, segments: segments)
        for (b, bitmap) in deletions.enumerated() {
            if let last = bitmap?.statistics?.terms.last, Int(last) >= lexicon.count, let bitmapFile = bitmapFiles[b] {
                throw bitmapFile.corrupted("its statistics name term \(last), past the lexicon's \(lexicon.count)")
            }
        }
        var sequences: [[TermSequence]] = []
        for batch in batches {
            sequences.append(try Self.termSequences(batch.terms, documentCount: batch.count, termCount: lexicon.count))
        }
        return StoredArchive(folder: folder, manifest: manifest, batches: batches, deletions: deletions, lengths: lengths,
                             tokenCount: tokenCount, segments: segments, lexicon: lexicon, sequences: sequences)
    }

    /// A batch's files and columns while the archive is opened.
    struct OpenBatch {
        let base: Int
        let count: Int
        let ids: TextStore
        let paths: TextStore
        let details: TextStore
        let wordCounts: Column<UInt32>
        let texts: DeflatedTexts
        let postings: StorageFileReader
        let terms: StorageFileReader
    }

    /// A batch's segments, their columns read in place, checked. Block maxima computed when the
    /// average length was `built` bound the weights of a corpus whose average is `averageLength`
    /// once multiplied by `averageLength / built` when that is above 1: the length part of BM25's
    /// denominator shrinks by at most that factor, and so the weight grows by at most it.
    private static func segments(_ file: StorageFileReader, documents: Range<Int>, averageLength: Double)
        throws(ArchiveError) -> [Segment] {
        let table = try file.column(0, of: UInt64.self)
        guard table.count % 3 == 0, file.sectionCount == 1 + 8 * (table.count / 3) else {
            throw file.corrupted("the segment table does not match the sections")
        }
        var segments: [Segment] = []
        var next = documents.lowerBound
        for s in 0..<(table.count / 3) {
            let base = Int(clamping: table[3 * s])
            let count = Int(clamping: table[3 * s + 1])
            let built = Double(bitPattern: table[3 * s + 2])
            guard base >= next, count <= documents.upperBound, base <= documents.upperBound - count else {
                throw file.corrupted("segment \(s) covers documents outside its batch")
            }
            guard built.isFinite, built >= 0 else { throw file.corrupted("segment \(s) has no valid average length") }
            let scale = built > 0 && averageLength > built ? averageLength / built * 1.000_001 : 1
            next = base + count
            let k = 1 + 8 * s
            let docStream = try file.column(k, of: UInt8.self)
            let positionStream = try file.column(k + 1, of: UInt8.self)
            let termDocOffset = try file.column(k + 2, of: UInt32.self)
            let termPositionOffset = try file.column(k + 3, of: UInt32.self)
            let blocks = Segment.Blocks(termBlockStart: try file.column(k + 4), docOffset: try file.column(k + 5),
                                        previousDocument: try file.column(k + 6), maxWeight: try file.column(k + 7))
            let bad = file.corrupted("segment \(s)'s offsets are out of order or out of range")
            guard termDocOffset.count >= 1, termPositionOffset.count == termDocOffset.count,
                  blocks.termBlockStart.count == termDocOffset.count,
                  blocks.previousDocument.count == blocks.docOffset.count, blocks.maxWeight.count == blocks.docOffset.count,
                  ascending(termDocOffset, upTo: docStream.count), ascending(termPositionOffset, upTo: positionStream.count),
                  ascending(blocks.termBlockStart, upTo: blocks.docOffset.count),
                  blocks.termBlockStart[blocks.termBlockStart.count - 1] == UInt32(blocks.docOffset.count)
            else { throw bad }
            // Each block starts inside its term's list.
            let blocksInside = blocks.termBlockStart.withUnsafeBufferPointer { starts in
                blocks.docOffset.withUnsafeBufferPointer { offsets in
                    termDocOffset.withUnsafeBufferPointer { lists -> Bool in
                        for t in 0..<(starts.count - 1) {
                            for b in Int(starts[t])..<Int(starts[t + 1])
                            where offsets[b] < lists[t] || offsets[b] > lists[t + 1] { return false }
                        }
                        return true
                    }
                }
            }
            guard blocksInside else { throw bad }
            segments.append(Segment(baseDocument: base, documentCount: count, docStream: docStream,
                                    positionStream: positionStream, termDocOffset: termDocOffset,
                                    termPositionOffset: termPositionOffset, blocks: blocks, maxWeightScale: scale, maximaAverage: built))
        }
        return segments
    }

    /// The lexicon: its hash table read in place, its statistics copied (a few bytes a term).
    private static func lexicon(_ file: StorageFileReader, documentCount: Int, segments: [Segment]) throws(ArchiveError) -> Lexicon {
        let scalars = try file.column(9, of: UInt64.self)
        guard scalars.count == 2 else { throw file.corrupted("the scalars section is malformed") }
        let count = Int(clamping: scalars[0])
        let slotCount = Int(clamping: scalars[1])
        let arena = try file.column(0, of: UInt8.self)
        let starts = try file.column(1, of: UInt32.self)
        let hashes = try file.column(2, of: UInt32.self)
        let slots = try file.column(3, of: ByteTermTable.Slot.self)
        let kinds = try file.column(4, of: UInt8.self)
        let df = try file.column(5, of: UInt32.self)
        let cf = try file.column(6, of: UInt32.self)
        let segmentStart = try file.column(7, of: UInt32.self)
        let refs = try file.column(8, of: UInt64.self)
        let order = try file.column(10, of: UInt32.self)
        guard count < Int(UInt32.max), order.count == count, order.allSatisfy({ Int($0) < count }), starts.count == count + 1, hashes.count == count, kinds.count == count,
              df.count == count, cf.count == count, segmentStart.count == count + 1,
              slots.count == slotCount, slotCount > count, slotCount & (slotCount - 1) == 0,
              ascending(starts, upTo: arena.count), ascending(segmentStart, upTo: refs.count)
        else { throw file.corrupted("its term table's parts do not fit together") }
        // Every slot names a term that exists, and one at least is empty (a probe always ends).
        let slotsValid = slots.withUnsafeBufferPointer { s -> Bool in
            var empty = false
            for slot in s {
                let id = Int(slot.meta & 0xFFFF_FFFF)
                if slot.meta == 0 { empty = true } else if id == 0 || id > count { return false }
            }
            return empty
        }
        guard slotsValid else { throw file.corrupted("its hash slots name terms that do not exist") }
        let refsValid = refs.withUnsafeBufferPointer { r -> Bool in
            for ref in r {
                let (s, local) = Lexicon.segmentList(ref)
                if s >= segments.count || local + 1 >= segments[s].termDocOffset.count { return false }
            }
            return true
        }
        guard refsValid else { throw file.corrupted("a term's segment list names a segment or term that does not exist") }
        guard let kindValues = Optional(kinds.map { TokenKind(rawValue: $0) }), !kindValues.contains(nil) else {
            throw file.corrupted("a term has an unknown kind")
        }
        func mutable<T>(_ column: Column<T>) -> UnsafeMutablePointer<T> {
            column.withUnsafeBufferPointer {
                UnsafeMutablePointer(mutating: $0.baseAddress) ?? emptyBuffer.assumingMemoryBound(to: T.self)
            }
        }
        let table = ByteTermTable(mappedArena: mutable(arena), arenaCount: arena.count, starts: mutable(starts),
                                  hashes: mutable(hashes), count: count, slots: mutable(slots), slotCount: slotCount,
                                  owner: file.file)
        return Lexicon(table: table, kinds: kindValues.compactMap { $0 }, documentFrequency: df.arrayCopy,
                       collectionFrequency: cf.arrayCopy, documentCount: documentCount,
                       termSegmentStart: segmentStart.arrayCopy, segmentRefs: refs.arrayCopy, termOrder: TermOrder(order))
    }

    /// Each document's token ids, read in place: slices of the `terms` file's columns.
    private static func termSequences(_ file: StorageFileReader, documentCount n: Int, termCount: Int)
        throws(ArchiveError) -> [TermSequence] {
        let narrow = try file.column(0, of: UInt16.self)
        let narrowOffsets = try file.column(1, of: UInt64.self)
        let widePositions = try file.column(2, of: UInt32.self)
        let wideIDs = try file.column(3, of: UInt32.self)
        let wideOffsets = try file.column(4, of: UInt64.self)
        guard narrowOffsets.count == n + 1, wideOffsets.count == n + 1, wideIDs.count == widePositions.count,
              ascending(narrowOffsets, upTo: narrow.count), ascending(wideOffsets, upTo: widePositions.count),
              narrowOffsets[0] == 0, wideOffsets[0] == 0
        else { throw file.corrupted("its token offsets are out of order or out of range") }
        // Ids must name terms: a narrow id is below 65,535, so only a small lexicon needs its
        // tokens checked one by one.
        let idsValid = wideIDs.allSatisfy { Int($0) < termCount }
            && (termCount >= Int(TermSequence.escape) || narrow.allSatisfy { $0 == TermSequence.escape || Int($0) < termCount })
        guard idsValid else { throw file.corrupted("a token names a term the lexicon does not have") }
        var sequences: [TermSequence] = []
        sequences.reserveCapacity(n)
        for i in 0..<n {
            let tokens = Int(narrowOffsets[i])..<Int(narrowOffsets[i + 1])
            let wide = Int(wideOffsets[i])..<Int(wideOffsets[i + 1])
            sequences.append(TermSequence(narrow: narrow.slice(tokens), widePositions: widePositions.slice(wide),
                                          wideIDs: wideIDs.slice(wide)))
        }
        return sequences
    }

    /// Where an empty section's buffer points (the arena of a lexicon of no terms): the table
    /// reads no element of an empty buffer, but takes a non-null address. Allocated once.
    nonisolated(unsafe) private static let emptyBuffer = UnsafeMutableRawPointer.allocate(byteCount: 16, alignment: 16)

    /// Whether `values` never go down and end at or below `limit`.
    private static func ascending<T: FixedWidthInteger>(_ values: Column<T>, upTo limit: Int) -> Bool {
        values.withUnsafeBufferPointer { v in
            guard let last = v.last, Int(clamping: last) <= limit else { return v.isEmpty }
            for i in 1..<max(1, v.count) where v[i] < v[i - 1] { return false }
            return true
        }
    }
}
