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

    /// Marks document `i` deleted (once).
    mutating func insert(_ i: Int) {
        guard i >= 0, i < documents, !contains(i) else { return }
        words[i >> 6] |= 1 << UInt64(i & 63)
        deleted += 1
    }

    /// The file: section 0 the bits (u64 words, document i is bit i % 64 of word i / 64),
    /// section 1 scalars (u64: documents, deleted).
    func file() -> StorageFileWriter {
        var w = StorageFileWriter(kind: ArchiveFormat.deletionsKind)
        w.add(words)
        w.add([UInt64(documents), UInt64(deleted)])
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
    }
}
