/// The postings of a contiguous range of documents.
///
/// Segments are built in parallel while a corpus loads and are kept as they are (no merge):
/// a term's postings are the concatenation of its lists in each segment, in document order.
/// Each list is varint-encoded: per document `docDelta, tf` in `docStream`, and the positions
/// (delta-encoded within the document) in `positionStream`; ranking reads the doc stream only.
final class Segment: @unchecked Sendable {
    /// Index (in the corpus) of the segment's first document.
    let baseDocument: Int
    /// Documents of the segment the corpus has (its deleted ones left out).
    let documentCount: Int
    /// Documents the streams number (`0..<storedCount`), deleted ones included.
    let storedCount: Int
    /// For an archive opened with deletions (nil otherwise): per stored document d, how many
    /// live documents come before it (`storedCount + 1` entries). Document d is deleted when
    /// `liveBefore[d + 1] == liveBefore[d]`, else it is the segment's live document
    /// `liveBefore[d]`. Readers of the streams skip the deleted ones where they decode (as
    /// Lucene's live-docs bits), so the segment is used as written (`Segment+Deletions`).
    let liveBefore: [Int32]?
    let docStream: Column<UInt8>
    let positionStream: Column<UInt8>
    /// Per local term: where its lists start (`count + 1` entries each).
    let termDocOffset: Column<UInt32>
    let termPositionOffset: Column<UInt32>
    /// Skip blocks of `blockSize` postings, for terms in more than `blockSize` documents of the
    /// segment: term t's blocks are `termBlockStart[t] ..< termBlockStart[t + 1]`.
    let blocks: Blocks
    /// What the stored block maxima are multiplied by to bound this corpus's BM25 weights: 1,
    /// unless the segment was built (`--add`) when the average document length was smaller
    /// than now (a weight grows at most as the average does; see `ArchiveReader`).
    let maxWeightScale: Double
    /// The average document length the block maxima were computed with, when it is not the
    /// corpus's (an archive's segment; 0 otherwise): written back with the segment.
    let maximaAverage: Double

    /// Where each block starts, so ranking can decode only the blocks that may hold a top
    /// document (block-max): the doc stream offset, the document before the block (the base of
    /// its first delta), and, once the corpus is assembled, the best BM25 term weight in it.
    /// Columns, so an archive's segments read them in place (`Column`).
    struct Blocks: Sendable {
        var termBlockStart = Column<UInt32>()
        var docOffset = Column<UInt32>()
        var previousDocument = Column<UInt32>()
        var maxWeight = Column<Float>()
    }

    static let blockSize = 128

    init(baseDocument: Int, documentCount: Int, docStream: Column<UInt8>, positionStream: Column<UInt8>,
         termDocOffset: Column<UInt32>, termPositionOffset: Column<UInt32>, blocks: Blocks, maxWeightScale: Double = 1,
         maximaAverage: Double = 0, liveBefore: [Int32]? = nil) {
        self.maxWeightScale = maxWeightScale
        self.maximaAverage = maximaAverage
        self.baseDocument = baseDocument
        // The live map must cover exactly the stored documents; one that does not is ignored.
        let live = liveBefore.flatMap { $0.count == documentCount + 1 ? $0 : nil }
        self.liveBefore = live
        self.storedCount = documentCount
        self.documentCount = live.map { Int($0[documentCount]) } ?? documentCount
        self.docStream = docStream
        self.positionStream = positionStream
        self.termDocOffset = termDocOffset
        self.termPositionOffset = termPositionOffset
        self.blocks = blocks
    }

    /// The same postings for documents numbered from `base` (segments are built before their
    /// documents' corpus positions are known), with block maxima for these document lengths.
    func assembled(base: Int, lengths: [UInt32], averageLength: Double) -> Segment {
        var b = blocks
        var maxWeight = [Float](repeating: 0, count: b.docOffset.count)
        docStream.withUnsafeBufferPointer { stream in
            for t in 0..<(b.termBlockStart.count - 1) {
                let first = Int(b.termBlockStart[t])
                let last = Int(b.termBlockStart[t + 1])
                guard first < last else { continue }
                let end = Int(termDocOffset[t + 1])
                for block in first..<last {
                    var offset = Int(b.docOffset[block])
                    var doc = Int(b.previousDocument[block])
                    let stop = block + 1 < last ? Int(b.docOffset[block + 1]) : end
                    var best: Double = 0
                    while offset < stop {
                        doc += Int(VarInt.read(stream, &offset))
                        let tf = Int(VarInt.read(stream, &offset))
                        let length = base + doc < lengths.count ? Double(lengths[base + doc]) : averageLength
                        best = max(best, CorpusIndex.termWeight(frequency: tf, length: length, averageLength: averageLength))
                    }
                    maxWeight[block] = Float(best) * 1.0001
                }
            }
        }
        b.maxWeight = Column(maxWeight)
        return Segment(baseDocument: base, documentCount: documentCount, docStream: docStream,
                       positionStream: positionStream, termDocOffset: termDocOffset,
                       termPositionOffset: termPositionOffset, blocks: b)
    }

    /// Builds the postings of documents given as local term-id sequences.
    /// - Parameters:
    ///   - documents: each document's tokens as local term ids.
    ///   - localTermCount: number of distinct local ids.
    /// - Returns: the segment and, per local term, its document and collection frequencies.
    static func build(baseDocument: Int, documents: [TermSequence], localTermCount: Int)
        -> (Segment, df: [UInt32], cf: [UInt32])
    {
        let v = localTermCount
        var cf = [UInt32](repeating: 0, count: v)
        var total = 0
        cf.withUnsafeMutableBufferPointer { cf in
            for terms in documents {
                total += terms.count
                terms.forEachID { _, t in if Int(t) < cf.count { cf[Int(t)] &+= 1 } }
            }
        }
        // Counting sort of every occurrence by term, packed as (doc << shift | position);
        // stable, so each term's occurrences come out in (doc, position) order. Four bytes an
        // occurrence when documents and positions fit, else eight.
        var slot = [Int](repeating: 0, count: v + 1)
        for t in 0..<v { slot[t + 1] = slot[t] + Int(cf[t]) }
        var o = Encoded(docStream: ByteWriter(capacity: total + total / 2),
                        positionStream: ByteWriter(capacity: total + total / 4),
                        termDocOffset: [UInt32](repeating: 0, count: v + 1),
                        termPositionOffset: [UInt32](repeating: 0, count: v + 1),
                        termBlockStart: [UInt32](repeating: 0, count: v + 1), docOffset: [], previousDocument: [],
                        df: [UInt32](repeating: 0, count: v))
        let longest = documents.reduce(0) { max($0, $1.count) }
        if documents.count <= 1 << 12 && longest < 1 << 20 {
            encode(UInt32.self, shift: 20, documents: documents, slot: slot, total: total, into: &o)
        } else {
            encode(UInt64.self, shift: 32, documents: documents, slot: slot, total: total, into: &o)
        }
        o.termBlockStart[v] = UInt32(o.docOffset.count)
        o.termDocOffset[v] = UInt32(o.docStream.count)
        o.termPositionOffset[v] = UInt32(o.positionStream.count)
        let blocks = Blocks(termBlockStart: Column(o.termBlockStart), docOffset: Column(o.docOffset),
                            previousDocument: Column(o.previousDocument))
        let segment = Segment(baseDocument: baseDocument, documentCount: documents.count,
                              docStream: Column(o.docStream.finish()), positionStream: Column(o.positionStream.finish()),
                              termDocOffset: Column(o.termDocOffset), termPositionOffset: Column(o.termPositionOffset),
                              blocks: blocks)
        return (segment, o.df, cf)
    }

    /// The streams and tables `build` fills (a struct passed inout, so the encoding loop works on
    /// plain local storage rather than on variables captured by a closure).
    struct Encoded {
        var docStream: ByteWriter
        var positionStream: ByteWriter
        var termDocOffset: [UInt32]
        var termPositionOffset: [UInt32]
        var termBlockStart: [UInt32]
        var docOffset: [UInt32]
        var previousDocument: [UInt32]
        var df: [UInt32]
    }

    /// Counting-sorts every occurrence by term (packed as doc << shift | position) and encodes
    /// each term's postings.
    private static func encode<Packed: FixedWidthInteger & UnsignedInteger>(
        _: Packed.Type, shift: Int, documents: [TermSequence], slot: [Int], total: Int, into o: inout Encoded
    ) {
        let v = slot.count - 1
        var cursor = slot
        // Every slot is written exactly once (the cursors start at each term's first slot and
        // `slot` was counted from these very sequences), so the array needs no zero fill.
        let occurrences = [Packed](unsafeUninitializedCapacity: total) { out, count in
            cursor.withUnsafeMutableBufferPointer { cursor in
                for (d, terms) in documents.enumerated() {
                    let high = Packed(d) << shift
                    terms.forEachID { p, id in
                        let t = Int(id)
                        let i = cursor[t]
                        out[i] = high | Packed(p)
                        cursor[t] = i + 1
                    }
                }
            }
            count = total
        }
        let positionMask: Packed = (1 << shift) - 1
        // The streams and per-term tables are written through local variables and raw
        // buffers: the loop runs once per occurrence, and array writes through `o` would check
        // uniqueness each time.
        var docStream = o.docStream
        var positionStream = o.positionStream
        var docOffset = o.docOffset
        var previousDocument = o.previousDocument
        o.termDocOffset.withUnsafeMutableBufferPointer { termDocOffset in
        o.termPositionOffset.withUnsafeMutableBufferPointer { termPositionOffset in
        o.termBlockStart.withUnsafeMutableBufferPointer { termBlockStart in
        o.df.withUnsafeMutableBufferPointer { df in
        occurrences.withUnsafeBufferPointer { occ in
            for t in 0..<v {
                termDocOffset[t] = UInt32(docStream.count)
                termPositionOffset[t] = UInt32(positionStream.count)
                let blocksBefore = docOffset.count
                termBlockStart[t] = UInt32(blocksBefore)
                var i = slot[t]
                let end = slot[t + 1]
                var previousDoc: UInt32 = 0
                var documentsWithTerm: UInt32 = 0
                while i < end {
                    let doc = UInt32(truncatingIfNeeded: occ[i] >> shift)
                    if documentsWithTerm % UInt32(blockSize) == 0 {
                        docOffset.append(UInt32(docStream.count))
                        previousDocument.append(previousDoc)
                    }
                    var j = i
                    var previousPosition: UInt32 = 0
                    while j < end {
                        let occurrence = occ[j]
                        guard UInt32(truncatingIfNeeded: occurrence >> shift) == doc else { break }
                        let p = UInt32(truncatingIfNeeded: occurrence & positionMask)
                        positionStream.ensure(5)
                        positionStream.varint(p - previousPosition)
                        previousPosition = p
                        j += 1
                    }
                    docStream.ensure(10)
                    docStream.varint(doc - previousDoc)
                    docStream.varint(UInt32(j - i))
                    previousDoc = doc
                    documentsWithTerm += 1
                    i = j
                }
                df[t] = documentsWithTerm
                // Short lists are decoded whole; only long ones keep their blocks.
                if documentsWithTerm <= UInt32(blockSize) {
                    docOffset.removeLast(docOffset.count - blocksBefore)
                    previousDocument.removeLast(previousDocument.count - blocksBefore)
                }
            }
        }
        }
        }
        }
        }
        o.docStream = docStream
        o.positionStream = positionStream
        o.docOffset = docOffset
        o.previousDocument = previousDocument
    }

    /// Calls `body(document, tf, positionBytes)` for each posting of local term `local`;
    /// `positionBytes` is the range of `positionStream` holding its positions. (The doc stream
    /// does not store that length: a posting's positions end after `tf` varints, found by
    /// counting the bytes that end a varint, which keeps the index smaller.)
    @inline(__always)
    func forEachPosting(local: Int, _ body: (Int, Int, Range<Int>) -> Void) {
        let start = Int(termDocOffset[local])
        let end = Int(termDocOffset[local + 1])
        var positionOffset = Int(termPositionOffset[local])
        docStream.withUnsafeBufferPointer { stream in
            positionStream.withUnsafeBufferPointer { positions in
                let bytes = UnsafeBufferPointer(rebasing: stream[start..<end])
                var offset = 0
                var doc = 0
                while offset < bytes.count {
                    doc += Int(VarInt.read(bytes, &offset))
                    // Only a damaged archive has a posting past its segment: the list ends there.
                    guard doc < storedCount else { break }
                    let tf = Int(VarInt.read(bytes, &offset))
                    var p = positionOffset
                    var remaining = tf
                    while remaining > 0 && p < positions.count {
                        if positions[p] < 0x80 { remaining -= 1 }
                        p += 1
                    }
                    let live = liveDocument(doc)
                    if live >= 0 { body(baseDocument + live, tf, positionOffset..<p) }
                    positionOffset = p
                }
            }
        }
    }

    /// The segment's live number of stored document `d` (< `storedCount`), or -1 when it is
    /// deleted.
    @inline(__always)
    func liveDocument(_ d: Int) -> Int {
        guard let liveBefore else { return d }
        let before = Int(liveBefore[d])
        return Int(liveBefore[d + 1]) > before ? before : -1
    }

    /// The segment's live number of the last live document at or before stored document `d`
    /// (-1 when there is none): where a skip block ending at `d` ends among the live documents.
    func lastLiveDocument(atOrBefore d: Int) -> Int {
        guard let liveBefore else { return d }
        return Int(liveBefore[max(0, min(d + 1, storedCount))]) - 1
    }

    /// Decodes the positions stored at `range` (token indices in the document).
    func positions(_ range: Range<Int>, into out: inout [Int]) {
        out.removeAll(keepingCapacity: true)
        positionStream.withUnsafeBufferPointer { stream in
            guard range.upperBound <= stream.count else { return }
            let bytes = UnsafeBufferPointer(rebasing: stream[range])
            var offset = 0
            var position = 0
            while offset < bytes.count {
                position += Int(VarInt.read(bytes, &offset))
                out.append(position)
            }
        }
    }
}
