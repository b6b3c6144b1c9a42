/// The `dupl` analysis file: the near-duplicate pairs of the whole archive with the default
/// options (`corpus:duplicates()`: Jaccard of 5-word shingles at least 0.5, five passages),
/// cross-document, so one file for the archive. Sections: 0–1 strings (`StringTable`: the
/// passages); 2 scalars (u64: documents, pairs, passages); 3 pairs (u32 × 3 each: document a,
/// document b, which one is `contained`: 0 none, 1 a, 2 b); 4 scores (f64 × 4 each: similarity,
/// Jaccard, containment, estimate); 5 each pair's first passage (u32 × pairs + 1); 6 the passages
/// (string ids). Optional, for `--add` to find the pairs of added documents without signing the
/// archived ones again (`DuplicateUpdate`; a file without them is read as well): 7 every
/// document's band keys (u32 × bands each, the low half of `DuplicateFinder.bandKey`, 0 for a
/// document without shingles); 8 whether each document has a signature (u8); 9 each document's
/// place in the archive (u64: batch << 32 | position in it); 10 the batches, by their text file's
/// name (string ids).
enum DuplicateFile {
    static let kind = "dupl"

    static func write(_ pairs: [DuplicatePair], documents: Int, keys: DuplicateKeys? = nil) -> StorageFileWriter {
        var strings = StringTable()
        var rows: [UInt32] = []
        var scores: [Double] = []
        var first: [UInt32] = [0]
        var passages: [UInt32] = []
        for p in pairs {
            let contained: UInt32 = p.contained.map { $0 === p.a ? 1 : 2 } ?? 0
            rows += [UInt32(p.a.index), UInt32(p.b.index), contained]
            scores += [p.similarity, p.jaccard, p.containment, p.estimate]
            passages += p.passages.map { strings.id($0) }
            first.append(UInt32(passages.count))
        }
        let batchNames = keys.map { $0.batchNames.map { strings.id($0) } }
        var w = StorageFileWriter(kind: kind)
        strings.add(to: &w)
        w.add([UInt64(documents), UInt64(pairs.count), UInt64(passages.count)])
        w.add(rows)
        w.add(scores)
        w.add(first)
        w.add(passages)
        if let keys, let batchNames, keys.addresses.count == documents {
            w.add(keys.keys)
            w.add(keys.signed)
            w.add(keys.addresses)
            w.add(batchNames)
        }
        return w
    }

    /// One stored pair, by the positions of its documents among those the file was written for.
    struct StoredPair {
        var a: Int
        var b: Int
        /// Which one is contained: 0 none, 1 `a`, 2 `b`.
        var contained: UInt32
        /// Similarity, Jaccard, containment, estimate.
        var scores: [Double]
        var passages: [String]
    }

    /// The pair columns of a file and how many documents they were computed on (`documents`
    /// when given: the archive's), every position, score and string id checked: the one reader
    /// of the pair columns, for serving them (`read`) and for bringing them up to date
    /// (`DuplicateUpdate`).
    static func columns(_ file: StorageFileReader, documents expected: Int?) throws(ArchiveError) -> DuplicateColumns {
        let strings = try TextStore(file, blob: 0, offsets: 1)
        let scalars = try file.analysisScalars(count: 3, documentsAt: 0, documents: expected, counts: [1, 2])
        let documents = Int(scalars[0]), n = Int(scalars[1])
        let rows = try file.column(3, of: UInt32.self)
        let scores = try file.column(4, of: Double.self)
        let first = try file.column(5, of: UInt32.self)
        let passages = try file.column(6, of: UInt32.self)
        guard rows.count == 3 * n, scores.count == 4 * n, first.count == n + 1,
              Lists.ascending(first, upTo: Int(scalars[2])), passages.count == Int(scalars[2]) else {
            throw file.corrupted("its near-duplicate columns do not fit together")
        }
        for i in 0..<n {
            let a = rows[3 * i], b = rows[3 * i + 1], contained = rows[3 * i + 2]
            var ok = a < b && Int(b) < documents && contained <= 2
            for k in 4 * i..<4 * i + 4 where !(scores[k] >= 0 && scores[k] <= 1) { ok = false }
            for k in Int(first[i])..<Int(first[i + 1]) where Int(passages[k]) >= strings.count { ok = false }
            guard ok else { throw file.corrupted("near-duplicate pair \(i + 1) is damaged") }
        }
        return DuplicateColumns(documents: documents, count: n, strings: strings, rows: rows, scores: scores, first: first,
                                passages: passages)
    }

    /// The stored pairs and how many documents they were computed on, decoded (`DuplicateUpdate`).
    static func pairs(_ file: StorageFileReader, documents expected: Int?) throws(ArchiveError)
        -> (documents: Int, pairs: [StoredPair])
    {
        let columns = try columns(file, documents: expected)
        return (columns.documents, (0..<columns.count).map(columns.pair))
    }

    /// The stored pairs of the archive's `documents`, left in their columns, every document
    /// index, score and string id checked.
    static func read(_ file: StorageFileReader, documents: [Document]) throws(ArchiveError) -> StoredDuplicates {
        StoredDuplicates(columns: try columns(file, documents: documents.count), documents: documents)
    }
}

/// The pair columns of a `dupl` file, checked (`DuplicateFile.columns`): pair `i` decoded on demand.
struct DuplicateColumns: @unchecked Sendable {
    let documents: Int
    let count: Int
    let strings: TextStore
    let rows: Column<UInt32>
    let scores: Column<Double>
    let first: Column<UInt32>
    let passages: Column<UInt32>

    func pair(_ i: Int) -> DuplicateFile.StoredPair {
        DuplicateFile.StoredPair(a: Int(rows[3 * i]), b: Int(rows[3 * i + 1]), contained: rows[3 * i + 2],
                                 scores: (4 * i..<4 * i + 4).map { scores[$0] },
                                 passages: (Int(first[i])..<Int(first[i + 1])).map { strings.string(Int(passages[$0])) })
    }
}

/// An archive's stored near-duplicate pairs (`corpus:duplicates()` with the default options),
/// opened: each pair is decoded from the mapped columns when it is asked for, so handing 358,000
/// pairs to a script never holds them all as objects. Every row was checked when the file was
/// opened, so decoding cannot fail.
public struct StoredDuplicates: RandomAccessCollection, @unchecked Sendable {
    private let columns: DuplicateColumns
    private let documents: [Document]

    init(columns: DuplicateColumns, documents: [Document]) {
        self.columns = columns
        self.documents = documents
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { columns.count }

    /// Pair `i`, decoded from the columns.
    public subscript(i: Int) -> DuplicatePair {
        let p = columns.pair(i)
        return DuplicatePair(a: documents[p.a], b: documents[p.b], similarity: p.scores[0], jaccard: p.scores[1],
                             containment: p.scores[2], contained: p.contained == 0 ? nil : documents[p.contained == 1 ? p.a : p.b],
                             estimate: p.scores[3], passages: p.passages)
    }
}

extension DuplicateOptions {
    /// Whether these are the default options (the only near-duplicates an archive stores).
    var isDefault: Bool {
        let d = DuplicateOptions()
        return threshold == d.threshold && measure == d.measure && sampleRate == d.sampleRate && maxPosting == d.maxPosting
            && shingleSize == d.shingleSize && hashes == d.hashes && bands == d.bands && maxPassages == d.maxPassages
            && maxBucket == d.maxBucket
    }
}
