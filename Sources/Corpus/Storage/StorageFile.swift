/// The layout every archive file shares (tantivy's composite file, simplified): a header naming
/// the format version and the file's kind, a directory of sections, the sections (each aligned to
/// 16 bytes, so a section of fixed-width values is read in place), and a footer with the CRC-32
/// of everything before it. docs/architecture.md ("The archive's files") gives the byte layout.
///
/// ```
/// 0   8  magic "DOSSIER\u{1A}"
/// 8   4  format version (u32)          12  4  kind, four ASCII bytes ("text", "docs", …)
/// 16  4  section count n (u32)         20  4  CRC-32 of bytes 0..<20 and the directory
/// 24  8  file length in bytes (u64)
/// 32  16n directory: per section, offset (u64) and length (u64) in bytes
/// …      sections, each at an offset that is a multiple of 16, zero padding between
/// L-16 4 CRC-32 of bytes 0..<L-16      L-12 4 zero        L-8 8 end magic "DOSSEND\0"
/// ```
/// All numbers are little-endian.
enum StorageFile {
    /// The archive format version: one number for the whole archive, written in `MANIFEST` and
    /// in every file's header, and the only one this dossier reads (an older archive is refused
    /// with `ArchiveError.oldVersion`, which says to rebuild it; a newer one with `futureVersion`).
    /// 1–2: texts stored as they are, the lexicon without its sorted order (manifest 2 added
    /// deletions); 3: texts deflated per document, token ids in a byte code, a sorted term order.
    static let version: UInt32 = 3
    static let magic: [UInt8] = Array("DOSSIER\u{1A}".utf8)
    static let endMagic: [UInt8] = Array("DOSSEND\0".utf8)
    static let headerSize = 32
    static let footerSize = 16
    static let alignment = 16

    /// A four-letter file kind as its u32.
    static func kind(_ name: String) -> UInt32 {
        var v: UInt32 = 0
        for (i, b) in name.utf8.prefix(4).enumerated() { v |= UInt32(b) << (8 * UInt32(i)) }
        return v
    }

    static func kindName(_ kind: UInt32) -> String {
        String(decoding: (0..<4).map { UInt8(truncatingIfNeeded: kind >> (8 * $0)) }, as: UTF8.self)
    }

    /// Whether this machine stores integers little-endian (the archive's byte order).
    static var hostIsLittleEndian: Bool { 1.littleEndian == 1 }
}
