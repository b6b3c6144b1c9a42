extension Segment {
    /// The same postings without the documents `isDeleted` names (by their number in the
    /// segment's streams), re-encoded: the surviving documents renumbered from 0 in their order
    /// and based at `base`, each term's list re-encoded without the deleted ones (positions
    /// copied as they are), the skip blocks redone as `build` makes them, and the block maxima
    /// computed for `lengths` (the corpus's, by corpus index) and `averageLength`. Local term
    /// ids do not change: a term whose every document was deleted keeps an empty list. The work
    /// is one pass over the segment's postings: what writing an opened archive's corpus as a
    /// new archive needs (`withoutDeletions`), never what opening does (`opened`).
    func removing(_ isDeleted: (Int) -> Bool, base: Int, lengths: [UInt32], averageLength: Double) -> Segment {
        var renumbered = [Int32](repeating: -1, count: storedCount)
        var live: Int32 = 0
        for d in 0..<storedCount where !isDeleted(d) {
            renumbered[d] = live
            live += 1
        }
        let terms = max(0, termDocOffset.count - 1)
        var docs = ByteWriter(capacity: docStream.count)
        var positionBytes = ByteWriter(capacity: positionStream.count)
        var termDoc = [UInt32](repeating: 0, count: terms + 1)
        var termPosition = [UInt32](repeating: 0, count: terms + 1)
        var termBlock = [UInt32](repeating: 0, count: terms + 1)
        var docOffset: [UInt32] = []
        var previousDocument: [UInt32] = []
        docStream.withUnsafeBufferPointer { stream in
            positionStream.withUnsafeBufferPointer { positions in
                for t in 0..<terms {
                    termDoc[t] = UInt32(docs.count)
                    termPosition[t] = UInt32(positionBytes.count)
                    let blocksBefore = docOffset.count
                    termBlock[t] = UInt32(blocksBefore)
                    var offset = Int(termDocOffset[t])
                    let end = min(Int(termDocOffset[t + 1]), stream.count)
                    var p = Int(termPositionOffset[t])
                    var doc = 0
                    var previous: UInt32 = 0
                    var kept = 0
                    while offset < end {
                        doc += Int(VarInt.read(stream, &offset, end: end))
                        let tf = VarInt.read(stream, &offset, end: end)
                        let first = p
                        var remaining = tf
                        while remaining > 0 && p < positions.count {
                            if positions[p] < 0x80 { remaining -= 1 }
                            p += 1
                        }
                        // Only a damaged archive has a posting past its segment: the list ends there.
                        guard doc < storedCount else { break }
                        let survivor = renumbered[doc]
                        guard survivor >= 0 else { continue }
                        if kept % Self.blockSize == 0 {
                            docOffset.append(UInt32(docs.count))
                            previousDocument.append(previous)
                        }
                        docs.ensure(10)
                        docs.varint(UInt32(survivor) - previous)
                        docs.varint(tf)
                        positionBytes.append(UnsafeBufferPointer(rebasing: positions[first..<p]))
                        previous = UInt32(survivor)
                        kept += 1
                    }
                    // Short lists are decoded whole; only long ones keep their blocks.
                    if kept <= Self.blockSize {
                        docOffset.removeLast(docOffset.count - blocksBefore)
                        previousDocument.removeLast(previousDocument.count - blocksBefore)
                    }
                }
            }
        }
        termDoc[terms] = UInt32(docs.count)
        termPosition[terms] = UInt32(positionBytes.count)
        termBlock[terms] = UInt32(docOffset.count)
        let blocks = Blocks(termBlockStart: Column(termBlock), docOffset: Column(docOffset),
                            previousDocument: Column(previousDocument))
        let filtered = Segment(baseDocument: 0, documentCount: Int(live), docStream: Column(docs.finish()),
                               positionStream: Column(positionBytes.finish()), termDocOffset: Column(termDoc),
                               termPositionOffset: Column(termPosition), blocks: blocks)
        return filtered.assembled(base: base, lengths: lengths, averageLength: averageLength)
    }

    /// The segment's postings with its deleted documents re-encoded away (itself when it has
    /// none), numbered from its base: for writing them out (`ArchiveWriter`), where the streams
    /// must hold only the documents written.
    func withoutDeletions(lengths: [UInt32], averageLength: Double) -> Segment {
        guard liveBefore != nil else { return self }
        return removing({ liveDocument($0) < 0 }, base: baseDocument, lengths: lengths, averageLength: averageLength)
    }

    /// The same streams, as written, for an opened archive: its live documents numbered from
    /// `base`, the deleted ones (`liveBefore`, see `Segment.liveBefore`; nil: none) skipped by
    /// every reader, and the block maxima's scale for a corpus whose average length is
    /// `averageLength` (see `ArchiveReader`). The stored maxima stay upper bounds: they were
    /// taken over a superset of the live postings. Nothing is decoded or copied.
    func opened(base: Int, averageLength: Double, liveBefore: [Int32]?) -> Segment {
        let built = maximaAverage
        let scale = built > 0 && averageLength > built ? averageLength / built * 1.000_001 : 1
        return Segment(baseDocument: base, documentCount: storedCount, docStream: docStream,
                       positionStream: positionStream, termDocOffset: termDocOffset, termPositionOffset: termPositionOffset,
                       blocks: blocks, maxWeightScale: scale, maximaAverage: maximaAverage, liveBefore: liveBefore)
    }
}
