/// Which documents of one archive batch are deleted (`dossier index --remove`, or replaced by a
/// document of the same id added later): one bit per document, in the batch's order. Kept in a
/// file of its own (`deletions-bB-G.dsf`) that the manifest names next to the batch; a change
/// writes a new file and a new manifest, never the old file in place. An opened archive leaves
/// the deleted documents out of everything (`ArchiveReader`); `dossier index --compact` drops
/// them from disk.
struct DeletionBitmap: Sendable, Equatable {
    /// Documents in the batch.
    let documents: Int
    private(set) var words: [UInt64]
    /// Documents marked deleted.
    private(set) var deleted: Int
    /// What the marked documents count in the lexicon's statistics, written with the bits so
    /// that opening subtracts them without reading the documents' tokens; nil for a bitmap
    /// written before they were stored (opening then counts them).
    var statistics: DeletedStatistics?

    init(documents: Int) {
        self.documents = documents
        words = [UInt64](repeating: 0, count: (documents + 63) / 64)
        deleted = 0
    }

    /// Whether document `i` of the batch is deleted.
    func contains(_ i: Int) -> Bool {
        guard i >= 0, i < documents else { return false }
        return words[i >> 6] & (1 << UInt64(i & 63)) != 0
    }

    /// Marks document `i` deleted (once); the statistics must be counted again.
    mutating func insert(_ i: Int) {
        guard i >= 0, i < documents, !contains(i) else { return }
        words[i >> 6] |= 1 << UInt64(i & 63)
        deleted += 1
        statistics = nil
    }

    /// The file: section 0 the bits (u64 words, document i is bit i % 64 of word i / 64),
    /// section 1 scalars (u64: documents, deleted); when the statistics are known, sections
    /// 2–4 (u32 each): the terms the deleted documents have (ascending ids), and per term the
    /// deleted documents that have it and its occurrences in them.
    func file() -> StorageFileWriter {
        var w = StorageFileWriter(kind: ArchiveFormat.deletionsKind)
        w.add(words)
        w.add([UInt64(documents), UInt64(deleted)])
        if let statistics {
            w.add(statistics.terms)
            w.add(statistics.documentFrequency)
            w.add(statistics.collectionFrequency)
        }
        return w
    }

    /// Reads a batch's bitmap, checked against the batch's size and the manifest's count.
    init(_ file: StorageFileReader, documents: Int, deleted: Int) throws(ArchiveError) {
        let scalars = try file.column(1, of: UInt64.self)
        let bits = try file.column(0, of: UInt64.self)
        guard scalars.count == 2, scalars[0] == UInt64(documents), bits.count == (documents + 63) / 64 else {
            throw file.corrupted("its size does not match the batch's \(documents) documents")
        }
        var words = bits.arrayCopy
        // Bits past the last document would be deletions of documents that do not exist.
        if documents % 64 != 0, let last = words.last, last >> UInt64(documents % 64) != 0 {
            throw file.corrupted("it marks documents past the batch's end")
        }
        let count = words.reduce(0) { $0 + $1.nonzeroBitCount }
        guard count == Int(clamping: scalars[1]), count == deleted else {
            throw file.corrupted("it marks \(count) documents deleted where the manifest says \(deleted)")
        }
        self.documents = documents
        self.deleted = count
        if words.isEmpty { words = [] }
        self.words = words
        // The statistics are optional (older bitmaps lack them); present, they are checked.
        if file.sectionCount >= 5 {
            let terms = try file.column(2, of: UInt32.self).arrayCopy
            let df = try file.column(3, of: UInt32.self).arrayCopy
            let cf = try file.column(4, of: UInt32.self).arrayCopy
            guard let statistics = DeletedStatistics(terms: terms, documentFrequency: df, collectionFrequency: cf,
                                                     deleted: count) else {
                throw file.corrupted("its statistics of the deleted documents are malformed")
            }
            self.statistics = statistics
        } else {
            statistics = nil
        }
    }
}

/// What a batch's deleted documents count in the lexicon (`DeletionBitmap.statistics`): per
/// term they have, in ascending id order, in how many of them it occurs and how often. An
/// opened archive subtracts these from the lexicon's document and collection frequencies (and
/// their total from the token count), so its statistics are the live documents' exactly; the
/// work is proportional to the distinct terms of the deleted documents, not to their tokens.
struct DeletedStatistics: Sendable, Equatable {
    let terms: [UInt32]
    let documentFrequency: [UInt32]
    let collectionFrequency: [UInt32]

    /// Every token of the deleted documents.
    var tokens: Int { collectionFrequency.reduce(0) { $0 + Int($1) } }

    /// Checked columns: of one length, ids ascending, each term in 1…`deleted` documents and
    /// at least once in each.
    init?(terms: [UInt32], documentFrequency: [UInt32], collectionFrequency: [UInt32], deleted: Int) {
        guard terms.count == documentFrequency.count, terms.count == collectionFrequency.count else { return nil }
        for i in terms.indices {
            guard i == 0 || terms[i - 1] < terms[i],
                  documentFrequency[i] >= 1, Int(documentFrequency[i]) <= deleted,
                  collectionFrequency[i] >= documentFrequency[i] else { return nil }
        }
        self.terms = terms
        self.documentFrequency = documentFrequency
        self.collectionFrequency = collectionFrequency
    }

    /// Counts the documents `sequences` holds (their token ids; ids at or past `termCount`,
    /// which only a damaged archive has, are not counted).
    init(counting sequences: some Sequence<TermSequence>, termCount: Int) {
        var df = [UInt32](repeating: 0, count: termCount)
        var cf = [UInt32](repeating: 0, count: termCount)
        var lastSeen = [Int32](repeating: -1, count: termCount)
        var document: Int32 = 0
        for terms in sequences {
            terms.forEachID { _, id in
                let t = Int(id)
                guard t < termCount else { return }
                cf[t] += 1
                if lastSeen[t] != document {
                    lastSeen[t] = document
                    df[t] += 1
                }
            }
            document += 1
        }
        var ids: [UInt32] = [], documents: [UInt32] = [], occurrences: [UInt32] = []
        for t in 0..<termCount where cf[t] > 0 {
            ids.append(UInt32(t))
            documents.append(df[t])
            occurrences.append(cf[t])
        }
        terms = ids
        documentFrequency = documents
        collectionFrequency = occurrences
    }

    /// Subtracts the counts from `df` and `cf` (never below 0: a damaged archive's counts).
    func subtract(from df: inout [UInt32], _ cf: inout [UInt32]) {
        for (i, t) in terms.enumerated() where Int(t) < df.count && Int(t) < cf.count {
            let id = Int(t)
            df[id] = df[id] > documentFrequency[i] ? df[id] - documentFrequency[i] : 0
            cf[id] = cf[id] > collectionFrequency[i] ? cf[id] - collectionFrequency[i] : 0
        }
    }
}
