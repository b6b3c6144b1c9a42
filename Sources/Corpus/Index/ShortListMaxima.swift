import Foundation

/// The best BM25 term weight (before idf) of each short posting list asked for: a list of a
/// segment with no skip blocks (`Segment.blockSize` documents or fewer), which has no stored
/// block maximum. Without it, ranking can only bound such a list by the largest weight any
/// posting could have, (k1 + 1), and a disjunction can hardly ever leave one out; a medium term
/// has only short lists in segments of a few thousand documents.
///
/// Found on first use (decoding the list once, as scoring it would) and kept for the index's
/// life, so loading pays nothing for lists no query reads. Shared by every query of the corpus
/// and its sub-corpora; safe from several threads.
final class ShortListMaxima: @unchecked Sendable {
    /// At most this many lists are kept (about 24 bytes each); past it maxima are still
    /// computed, not kept.
    static let capacity = 1 << 20

    private let lock = NSLock()
    private var maxima: [UInt64: Float] = [:]

    /// The best weight of segment `s`'s short list of local term `local`, rounded up.
    func maximum(segment s: Int, local: Int, in index: CorpusIndex) -> Double {
        let key = UInt64(s) << 32 | UInt64(UInt32(truncatingIfNeeded: local))
        lock.lock()
        let known = maxima[key]
        lock.unlock()
        if let known { return Double(known) }
        let segment = index.segments[s]
        var best = 0.0
        index.lengthNorms.withUnsafeBufferPointer { norms in
            segment.docStream.withUnsafeBufferPointer { stream in
                var offset = Int(segment.termDocOffset[local])
                let stop = min(Int(segment.termDocOffset[local + 1]), stream.count)
                var local = 0
                while offset < stop {
                    local += Int(VarInt.read(stream, &offset))
                    let tf = Int(VarInt.read(stream, &offset))
                    guard local < segment.storedCount else { break }  // a damaged archive's posting
                    let live = segment.liveDocument(local)
                    guard live >= 0 else { continue }  // deleted
                    let doc = segment.baseDocument + live
                    let norm = doc < norms.count ? norms[doc] : CorpusIndex.k1
                    best = max(best, CorpusIndex.termWeight(frequency: tf, norm: norm))
                }
            }
        }
        // Rounded up past any rounding of the scores it bounds.
        let bound = Float(best * 1.0001).nextUp
        lock.lock()
        if maxima.count < Self.capacity { maxima[key] = bound }
        lock.unlock()
        return Double(bound)
    }
}
