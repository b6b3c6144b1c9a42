/// Walks one term's postings in document order, decoding as it goes, and can skip ahead.
///
/// A term's postings are one varint list per segment (see `Segment`); skipping to a document
/// beyond the current segment jumps straight to the segment that may hold it, without decoding
/// the lists in between.
struct PostingCursor {
    private let segments: [Segment]
    /// The term's lists: `(segment << 32) | localID`, in document order.
    private let refs: ArraySlice<UInt64>
    private var nextRef: Int
    /// The open list's segment streams, copied once per list (a column copy retains its storage,
    /// so the per-posting and per-document paths read these and never the segment's own).
    private var stream = Column<UInt8>()
    private var positionStream = Column<UInt8>()
    private var offset = 0
    private var end = 0
    private var segmentEnd = 0
    private var base = 0
    /// The current posting's document as the segment's streams number it.
    private var localDoc = 0
    private var storedCount = 0
    /// The open segment's live map (`Segment.liveBefore`; nil when it has no deletions).
    private var liveBefore: [Int32]?
    /// Where unread positions start in the segment's position stream, and how many position
    /// varints (of postings passed over) must be skipped before the current posting's.
    private var positionOffset = 0
    private var positionsToSkip = 0
    private var currentResolved = false
    /// Segment of the current posting.
    private(set) var segment = 0
    /// The current document (corpus index); -1 before the first `next`, `Int.max` at the end.
    private(set) var document = -1
    /// Occurrences of the term in the current document.
    private(set) var frequency = 0

    init(index: CorpusIndex, term id: Int) {
        segments = index.segments
        refs = index.lexicon.segmentRefs(of: id)
        nextRef = refs.startIndex
    }

    /// Moves to the next posting (to `Int.max` when there is none). Postings of deleted
    /// documents (an archive opened with deletions, `Segment.liveBefore`) are passed over.
    mutating func next() {
        while true {
            while offset >= end {
                guard nextRef < refs.endIndex else {
                    document = Int.max
                    frequency = 0
                    return
                }
                openList(refs[nextRef])
                nextRef += 1
            }
            // Positions are found only when asked for: passing a posting just adds its count.
            if !currentResolved { positionsToSkip += frequency }
            currentResolved = false
            localDoc += Int(read())
            frequency = Int(read())
            guard localDoc < storedCount else {
                // Only a damaged archive has a posting past its segment: that list ends there.
                offset = end
                currentResolved = true
                continue
            }
            if let liveBefore {
                let before = Int(liveBefore[localDoc])
                // A deleted document: its positions are skipped with the next posting's.
                guard Int(liveBefore[localDoc + 1]) > before else { continue }
                document = base + before
            } else {
                document = base + localDoc
            }
            return
        }
    }

    /// Moves to the first posting whose document is at least `target` (stays put when the
    /// current one already is).
    mutating func advance(to target: Int) {
        if document >= target { return }
        if offset >= end || segmentEnd <= target {
            // The open list cannot hold the target: jump to the first list whose segment can.
            var r = nextRef
            while r < refs.endIndex {
                let s = segments[Int(refs[r] >> 32)]
                if s.baseDocument + s.documentCount > target { break }
                r += 1
            }
            guard r < refs.endIndex else {
                nextRef = r
                offset = end
                document = Int.max
                frequency = 0
                return
            }
            openList(refs[r])
            nextRef = r + 1
        }
        repeat { next() } while document < target
    }

    /// The positions (token indices) of the term in the current document.
    ///
    /// One pass over the open segment's position stream: the varints of the postings passed
    /// over are skipped (a varint ends with a byte < 0x80), then the current posting's
    /// `frequency` deltas are decoded straight into `out`.
    mutating func positions(into out: inout [Int]) {
        out.removeAll(keepingCapacity: true)
        guard document >= 0, document < Int.max else { return }
        let skip = positionsToSkip
        let count = frequency
        var p = positionOffset
        positionStream.withUnsafeBufferPointer { bytes in
            var remaining = skip
            while remaining > 0 && p < bytes.count {
                if bytes[p] < 0x80 { remaining -= 1 }
                p += 1
            }
            out.reserveCapacity(count)
            var position = 0
            var left = count
            while left > 0 && p < bytes.count {
                position += Int(VarInt.read(bytes, &p))
                out.append(position)
                left -= 1
            }
        }
        positionsToSkip = 0
        positionOffset = p
        currentResolved = true
    }

    private mutating func openList(_ ref: UInt64) {
        let (segment, local) = Lexicon.segmentList(ref)
        self.segment = segment
        let s = segments[segment]
        stream = s.docStream
        positionStream = s.positionStream
        offset = Int(s.termDocOffset[local])
        end = Int(s.termDocOffset[local + 1])
        positionOffset = Int(s.termPositionOffset[local])
        positionsToSkip = 0
        currentResolved = false
        frequency = 0
        base = s.baseDocument
        segmentEnd = s.baseDocument + s.documentCount
        storedCount = s.storedCount
        liveBefore = s.liveBefore
        localDoc = 0
    }

    /// One LEB128 value from the document stream (0 past the end; never traps).
    @inline(__always)
    private mutating func read() -> UInt32 {
        VarInt.read(stream, &offset, end: end)
    }
}
