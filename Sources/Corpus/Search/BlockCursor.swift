/// Walks one term's postings for ranking: decodes one skip block (or short list) at a time into
/// a buffer and jumps over blocks that cannot hold the target, so `advance(to:)` past a
/// thousand postings decodes one block. Also answers, without moving, the score bound of the
/// documents ahead (`TermBlocks`), which block-max ranking uses to skip them.
///
/// It reads no positions (phrases use `PostingCursor`). Its buffers belong to its owner, which
/// calls `release()` once (or hands in buffers of its own, `init(_:buffers:)`): the cursor
/// lives in raw storage (a matcher's or a ranker's) so that the per-posting work touches no
/// reference counts and no exclusivity checks.
struct BlockCursor {
    let blocks: TermBlocks
    /// The current document (corpus index); -1 before the start, `Int.max` at the end.
    private(set) var document = -1
    /// The span whose postings are in the buffer (-1: none yet).
    private var decoded = -1
    /// The span the last bound question was about (questions go forward).
    private var shallow = 0
    private var i = 0
    private var n = 0
    private let documents: UnsafeMutablePointer<Int>
    private let frequencies: UnsafeMutablePointer<UInt32>

    init(_ blocks: TermBlocks) {
        self.blocks = blocks
        documents = .allocate(capacity: Segment.blockSize)
        frequencies = .allocate(capacity: Segment.blockSize)
    }

    /// A cursor decoding into buffers its owner allocated and frees (`Segment.blockSize`
    /// entries each); `release()` must not be called on it.
    init(_ blocks: TermBlocks, documents: UnsafeMutablePointer<Int>, frequencies: UnsafeMutablePointer<UInt32>) {
        self.blocks = blocks
        self.documents = documents
        self.frequencies = frequencies
    }

    /// Frees the buffers (once, when the cursor is done).
    func release() {
        documents.deallocate()
        frequencies.deallocate()
    }

    /// Occurrences of the term in the current document.
    @inline(__always)
    var frequency: Int { document >= 0 && document < Int.max ? Int(frequencies[i]) : 0 }

    /// The term's BM25 score in the current document.
    @inline(__always)
    var score: Double {
        guard document >= 0 && document < Int.max else { return 0 }
        return blocks.score(frequency: Int(frequencies[i]), document: document)
    }

    /// Moves to the first posting whose document is at least `target` (stays put when the
    /// current one already is).
    mutating func advance(to target: Int) {
        if document >= target { return }
        if n > 0 && documents[n - 1] >= target {
            var j = i + 1
            while documents[j] < target { j += 1 }
            i = j
            document = documents[j]
            return
        }
        let spans = blocks.spans
        var s = blocks.span(holding: target, from: decoded + 1)
        while s < spans.count {
            if spans[s].list < 0 {
                s += 1
                continue
            }
            n = blocks.decode(s, documents: documents, frequencies: frequencies)
            decoded = s
            if n > 0 && documents[n - 1] >= target {
                var j = 0
                while documents[j] < target { j += 1 }
                i = j
                document = documents[j]
                return
            }
            s += 1
        }
        n = 0
        i = 0
        document = Int.max
    }

    /// The last document of the span (skip block) holding `target`: the bound below holds
    /// for all of it. `target` must not decrease between calls.
    @inline(__always)
    mutating func blockEnd(from target: Int) -> Int {
        shallow = blocks.span(holding: target, from: shallow)
        return blocks.spans[shallow].end
    }

    /// An upper bound of the term's score in documents `target...last` (`target` must not
    /// decrease between calls).
    @inline(__always)
    mutating func bound(from target: Int, through last: Int) -> Double {
        shallow = blocks.span(holding: target, from: shallow)
        let spans = blocks.spans
        var s = shallow
        var best = spans[s].bound
        var steps = 0
        while spans[s].end < last {
            s += 1
            best = max(best, spans[s].bound)
            steps += 1
            if steps == 64 { return max(best, blocks.maxBound) }
        }
        return best
    }
}
