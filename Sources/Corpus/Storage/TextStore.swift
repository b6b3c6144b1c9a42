/// Many strings kept as one blob of UTF-8 bytes and a column of offsets (`count + 1` of them):
/// string i is `blob[offsets[i] ..< offsets[i + 1]]`. How an archive stores texts, ids, paths
/// and per-document records; the offsets are checked once when it is opened.
struct TextStore: @unchecked Sendable {
    let blob: Column<UInt8>
    let offsets: Column<UInt64>

    /// Number of strings.
    var count: Int { Swift.max(0, offsets.count - 1) }

    /// A store of `strings`, built in memory (for writing).
    init(_ strings: some Sequence<String>) {
        var blob: [UInt8] = []
        var offsets: [UInt64] = [0]
        for s in strings {
            blob += s.utf8
            offsets.append(UInt64(blob.count))
        }
        self.blob = Column(blob)
        self.offsets = Column(offsets)
    }

    /// A store of byte records, built in memory (for writing).
    init(records: some Sequence<[UInt8]>) {
        var blob: [UInt8] = []
        var offsets: [UInt64] = [0]
        for r in records {
            blob += r
            offsets.append(UInt64(blob.count))
        }
        self.blob = Column(blob)
        self.offsets = Column(offsets)
    }

    /// A store read from two sections of a file, checked: the offsets start at 0, never go
    /// down, and end at the blob's size.
    init(_ file: StorageFileReader, blob: Int, offsets: Int, expectedCount: Int? = nil) throws(ArchiveError) {
        self.blob = try file.column(blob)
        self.offsets = try file.column(offsets)
        guard self.offsets.count >= 1 else { throw file.corrupted("section \(offsets) has no offsets") }
        if let expectedCount, self.offsets.count != expectedCount + 1 {
            throw file.corrupted("section \(offsets) has \(self.offsets.count - 1) entries where \(expectedCount) were expected")
        }
        let size = UInt64(self.blob.count)
        let ok = self.offsets.withUnsafeBufferPointer { o -> Bool in
            guard o[0] == 0, o[o.count - 1] == size else { return false }
            for i in 1..<o.count where o[i] < o[i - 1] { return false }
            return true
        }
        guard ok else { throw file.corrupted("the offsets in section \(offsets) are out of order or out of range") }
    }

    /// The byte range of string `i`.
    func range(_ i: Int) -> Range<Int> { Int(offsets[i])..<Int(offsets[i + 1]) }

    /// The bytes of string `i`, handed to `body`.
    func withBytes<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let r = range(i)
        return try blob.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[r])) }
    }

    /// String `i` (invalid UTF-8 repaired, as everywhere in dossier).
    func string(_ i: Int) -> String { withBytes(i) { String(decoding: $0, as: UTF8.self) } }
}
