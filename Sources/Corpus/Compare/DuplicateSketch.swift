import Foundation

/// One document's near-duplicate sketch, made on one part of a corpus split across machines and
/// compared on another (issue 14): the distinct hashes of its word shingles (`Shingles.set`), as
/// compact text for a row of JSON.
///
/// Shingles are hashed from their words' text, so a document has the same sketch in any part; the
/// MinHash signature, the LSH bands and the sampled shingles containment reads are all made from
/// the set, and the set decides the exact Jaccard and containment. `DuplicateFinder.duplicates(
/// sketches:)` over the sketches of every part in corpus order therefore finds the pairs
/// `corpus.duplicates` finds on the whole corpus.
///
/// Text form: `s5:` (the shingle size) then base64 of the ascending values as variable-length
/// gaps: about 4 bytes of base64 per distinct shingle, somewhat less than the text.
public struct DuplicateSketch: Sendable, Hashable {
    /// Words per shingle.
    public var shingleSize: Int
    /// The distinct shingle values, ascending.
    public var shingles: [UInt32]

    /// The sketch of `document` with shingles of `shingleSize` words.
    public init(_ document: Document, shingleSize: Int = 5) {
        self.shingleSize = max(1, shingleSize)
        shingles = Shingles.set(document, size: self.shingleSize)
    }

    /// A sketch from its parts (`shingles` ascending and distinct).
    public init(shingleSize: Int, shingles: [UInt32]) {
        self.shingleSize = shingleSize
        self.shingles = shingles
    }

    /// The text form.
    public var encoded: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(shingles.count * 4)
        var previous: UInt32 = 0
        for (i, v) in shingles.enumerated() {
            var gap = i == 0 ? v : v &- previous
            previous = v
            while gap >= 0x80 {
                bytes.append(UInt8(gap & 0x7F) | 0x80)
                gap >>= 7
            }
            bytes.append(UInt8(gap))
        }
        return "s\(shingleSize):" + Data(bytes).base64EncodedString()
    }

    /// Reads the text form; a malformed one is an error saying what is wrong.
    public init(encoded text: String) throws(DuplicateSketchError) {
        guard text.hasPrefix("s"), let colon = text.firstIndex(of: ":"),
              let size = Int(text[text.index(after: text.startIndex)..<colon]), size >= 1, size <= 100 else {
            throw DuplicateSketchError("a sketch starts with s<shingle size>: (as corpus:duplicate_sketches writes it)")
        }
        guard let data = Data(base64Encoded: String(text[text.index(after: colon)...])) else {
            throw DuplicateSketchError("the sketch after \"s\(size):\" is not base64")
        }
        var values: [UInt32] = []
        values.reserveCapacity(data.count / 3)
        var current: UInt64 = 0
        var gap: UInt64 = 0
        var shift: UInt64 = 0
        for byte in data {
            gap |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 != 0 {
                shift += 7
                guard shift < 35 else { throw DuplicateSketchError("a shingle value of the sketch runs past 32 bits") }
                continue
            }
            current = values.isEmpty ? gap : current + gap
            guard current <= UInt64(UInt32.max), values.isEmpty || gap > 0 else {
                throw DuplicateSketchError("the sketch's shingle values are not ascending 32-bit numbers")
            }
            values.append(UInt32(current))
            gap = 0
            shift = 0
        }
        guard shift == 0 else { throw DuplicateSketchError("the sketch ends in the middle of a value") }
        shingleSize = size
        shingles = values
    }
}

/// A sketch that cannot be read.
public struct DuplicateSketchError: Error, CustomStringConvertible, Sendable {
    public let description: String
    init(_ description: String) { self.description = description }
}

extension DuplicateFinder {
    /// The near-duplicate pairs among documents known by their sketches (positions in
    /// `sketches`, which should be in corpus order: the earlier document of a pair is `a`), most
    /// similar first, as `duplicates(in:options:)` finds them on the corpus they come from.
    /// `options.shingleSize` is the sketches' (they must all have the same).
    public static func duplicates(sketches: [DuplicateSketch], options: DuplicateOptions = DuplicateOptions(),
                                  cancellation: Cancellation = .none) throws(WorkLimit) -> [Match] {
        let sets = sketches.map(\.shingles)
        return try pairs(count: sets.count, options: options, cancellation: cancellation, set: { sets[$0] })
    }

    /// Groups of near-duplicates: the connected documents of `matches` (positions among `count`),
    /// each group named by its first position; a position in no pair has no group.
    public static func groups(_ matches: [Match], count: Int) -> [Int: Int] {
        var sets = DisjointSets(count: count)
        for m in matches where m.a >= 0 && m.a < count && m.b >= 0 && m.b < count {
            sets.union(m.a, m.b)
        }
        var result: [Int: Int] = [:]
        for m in matches where m.a >= 0 && m.a < count && m.b >= 0 && m.b < count {
            result[m.a] = sets.find(m.a)
            result[m.b] = sets.find(m.b)
        }
        return result
    }
}

extension Corpus {
    /// `Shingles.termHash` of every term of the corpus, made once (shared by sub-corpora).
    var shingleTermHashes: [UInt64] {
        root.annotations.value("compare.shingleTermHashes") { Shingles.termHashes(root.index.lexicon) }
    }
}

extension DuplicateSketch {
    /// The sketches of every document of `corpus`, in corpus order (in parallel).
    public static func sketches(of corpus: Corpus, shingleSize: Int = 5,
                                cancellation: Cancellation = .none) throws(WorkLimit) -> [DuplicateSketch] {
        let docs = corpus.documents
        return try Parallel.map(docs.count, cancellation: cancellation) { d throws(WorkLimit) in
            DuplicateSketch(docs[d], shingleSize: shingleSize)
        }
    }
}
