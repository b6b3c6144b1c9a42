/// Word shingles of a document: every run of `size` consecutive word and number tokens
/// (punctuation skipped, normal forms, so case and curly quotes do not matter), hashed to 64 bits.
///
/// A shingle's hash is made from its words' text (`termHash`), not from the corpus's term ids, so
/// one text has the same shingles in every corpus: the parts of a split corpus sketch their
/// documents as the whole corpus would (`DuplicateSketch`).
///
/// A document with fewer words than `size` has one shingle of all its words; an empty one has none.
enum Shingles {
    /// A 64-bit hash of a term's normal form (FNV-1a over its UTF-8 bytes, then mixed).
    static func termHash(_ text: String) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return mix(h)
    }

    /// `termHash` of every term of `lexicon`, by id.
    static func termHashes(_ lexicon: Lexicon) -> [UInt64] {
        (0..<lexicon.count).map { termHash(lexicon.term($0)) }
    }

    /// The term hashes of the corpus `document` belongs to (made once per corpus).
    static func termHashes(of document: Document) -> [UInt64] {
        document.corpus?.shingleTermHashes ?? termHashes(document.lexicon)
    }

    /// The word and number tokens' positions in `document.terms`.
    static func wordPositions(_ document: Document) -> [Int] {
        let kinds = document.lexicon.kinds
        var out: [Int] = []
        out.reserveCapacity(document.terms.count)
        for (i, t) in document.terms.enumerated() where Int(t) < kinds.count && kinds[Int(t)] != .punct { out.append(i) }
        return out
    }

    /// The shingle hashes of a document, in text order (shingle i starts at word i).
    static func hashes(_ document: Document, size: Int) -> [UInt64] {
        let terms = document.terms
        let words = wordPositions(document)
        guard !words.isEmpty else { return [] }
        let table = termHashes(of: document)
        func text(_ position: Int) -> UInt64 {
            let id = Int(terms[position])
            return id < table.count ? table[id] : 0
        }
        let k = max(1, size)
        if words.count < k { return [hash(words.map(text))] }
        var out: [UInt64] = []
        out.reserveCapacity(words.count - k + 1)
        var window = [UInt64](repeating: 0, count: k)
        for start in 0...(words.count - k) {
            for j in 0..<k { window[j] = text(words[start + j]) }
            out.append(hash(window))
        }
        return out
    }

    /// A 64-bit hash of a run of term hashes.
    static func hash(_ terms: [UInt64]) -> UInt64 {
        var h: UInt64 = 0x243F_6A88_85A3_08D3
        for t in terms {
            h = (h ^ t) &* 0x9E37_79B9_7F4A_7C15
            h ^= h >> 29
        }
        return mix(h)
    }

    /// The splitmix64 finaliser: spreads every input bit over the output.
    static func mix(_ x: UInt64) -> UInt64 {
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The sorted distinct shingles of a document, as 32-bit values (for exact Jaccard; a
    /// collision between two different shingles of two documents is a one-in-four-billion event).
    static func set(_ document: Document, size: Int) -> [UInt32] {
        var values = hashes(document, size: size).map { UInt32(truncatingIfNeeded: $0 >> 32) }
        values.sort()
        var out: [UInt32] = []
        out.reserveCapacity(values.count)
        for v in values where out.last != v { out.append(v) }
        return out
    }

    /// Jaccard similarity of two sorted distinct sets.
    static func jaccard(_ a: ArraySlice<UInt32>, _ b: ArraySlice<UInt32>) -> Double {
        overlap(a, b).jaccard
    }

    /// Jaccard similarity and containment (shared over the smaller set) of two sorted distinct sets.
    static func overlap(_ a: ArraySlice<UInt32>, _ b: ArraySlice<UInt32>) -> (jaccard: Double, containment: Double) {
        guard !a.isEmpty, !b.isEmpty else { return (0, 0) }
        var i = a.startIndex
        var j = b.startIndex
        var shared = 0
        while i < a.endIndex && j < b.endIndex {
            if a[i] == b[j] {
                shared += 1
                i += 1
                j += 1
            } else if a[i] < b[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return (Double(shared) / Double(a.count + b.count - shared), Double(shared) / Double(min(a.count, b.count)))
    }
}

/// One-permutation MinHash: each shingle (a value of the document's shingle set, mixed to 64
/// bits) falls in one of `count` bins by its top bits and the bin keeps the smallest; empty bins
/// borrow from another bin chosen by a fixed probe sequence (optimal densification), so every
/// document gets a full signature from one hash per shingle. Equal signature slots estimate the
/// Jaccard similarity of two shingle sets. Made from the set alone, so a sketch that carries the
/// set (`DuplicateSketch`) needs no signature beside it.
enum MinHashSignature {
    /// The signature of a document's shingle set (`Shingles.set`); empty when it has none.
    static func signature(_ set: [UInt32], count: Int) -> [UInt32] {
        guard !set.isEmpty, count > 0 else { return [] }
        var bins = [UInt64](repeating: UInt64.max, count: count)
        let n = UInt64(count)
        for v in set {
            let h = Shingles.mix(UInt64(v) | 0x5851_F42D_0000_0000)
            let bin = Int((h >> 32) % n)
            let value = h & 0xFFFF_FFFF
            if value < bins[bin] { bins[bin] = value }
        }
        var out = [UInt32](repeating: 0, count: count)
        for i in 0..<count {
            if bins[i] != UInt64.max {
                out[i] = UInt32(bins[i])
                continue
            }
            var attempt: UInt64 = 1
            while true {
                let j = Int(Shingles.mix(UInt64(i) << 32 | attempt) % n)
                if bins[j] != UInt64.max {
                    out[i] = UInt32(truncatingIfNeeded: bins[j] &+ attempt &* 0x9E37_79B9)
                    break
                }
                attempt += 1
            }
        }
        return out
    }
}
