/// Opens one archive file in the `StorageFile` layout by mapping it, and hands out its sections
/// as columns read in place. Opening checks the header, the directory (its own checksum, and
/// every section inside the file and aligned) and the footer, which costs a few pages whatever the
/// file's size; `verify` reads every byte against the footer's checksum.
struct StorageFileReader {
    let file: MappedFile
    private let sections: [Range<Int>]

    /// Maps `path` and checks that it is a `kind` file of a version this dossier reads.
    init(path: String, kind: String) throws(ArchiveError) {
        guard StorageFile.hostIsLittleEndian else { throw .unsupportedMachine(file: path) }
        file = try MappedFile(path: path)
        let bytes = file.bytes
        let minimum = StorageFile.headerSize + StorageFile.footerSize
        guard bytes.count >= minimum else { throw .truncated(file: path, expected: minimum, actual: bytes.count) }
        guard bytes.prefix(8).elementsEqual(StorageFile.magic) else {
            throw .corrupted(file: path, reason: "it does not start with the archive file magic number")
        }
        let version = Self.load(UInt32.self, bytes, 8)
        guard version != 0 else { throw .corrupted(file: path, reason: "format version 0") }
        guard version <= StorageFile.version else {
            throw .futureVersion(file: path, version: Int(version), supported: Int(StorageFile.version))
        }
        guard version == StorageFile.version else {
            throw .oldVersion(file: path, version: Int(version), current: Int(StorageFile.version))
        }
        let foundKind = Self.load(UInt32.self, bytes, 12)
        guard foundKind == StorageFile.kind(kind) else {
            throw .corrupted(file: path, reason: "it is a '\(StorageFile.kindName(foundKind))' file where a '\(kind)' file was expected")
        }
        let count = Int(Self.load(UInt32.self, bytes, 16))
        let length = Self.load(UInt64.self, bytes, 24)
        let directoryEnd = StorageFile.headerSize + 16 * count
        guard count < 1 << 20, directoryEnd <= bytes.count else {
            throw .truncated(file: path, expected: directoryEnd, actual: bytes.count)
        }
        var crc = Checksum()
        crc.update(UnsafeRawBufferPointer(rebasing: bytes[0..<20]))
        crc.update(UnsafeRawBufferPointer(rebasing: bytes[StorageFile.headerSize..<directoryEnd]))
        guard crc.value == Self.load(UInt32.self, bytes, 20) else {
            throw .corrupted(file: path, reason: "the header checksum does not match")
        }
        guard length == UInt64(bytes.count) else {
            if length > UInt64(bytes.count) { throw .truncated(file: path, expected: Int(clamping: length), actual: bytes.count) }
            throw .corrupted(file: path, reason: "it is \(bytes.count) bytes where \(length) were written")
        }
        guard bytes.suffix(8).elementsEqual(StorageFile.endMagic) else {
            throw .corrupted(file: path, reason: "the footer is missing")
        }
        let dataEnd = bytes.count - StorageFile.footerSize
        var sections: [Range<Int>] = []
        sections.reserveCapacity(count)
        for i in 0..<count {
            let offset = Self.load(UInt64.self, bytes, StorageFile.headerSize + 16 * i)
            let size = Self.load(UInt64.self, bytes, StorageFile.headerSize + 16 * i + 8)
            guard offset % UInt64(StorageFile.alignment) == 0, offset >= UInt64(directoryEnd),
                  size <= UInt64(dataEnd), offset <= UInt64(dataEnd) - size else {
                throw .corrupted(file: path, reason: "section \(i) lies outside the file")
            }
            sections.append(Int(offset)..<Int(offset + size))
        }
        self.sections = sections
    }

    var path: String { file.path }
    var sectionCount: Int { sections.count }

    /// Reads every byte and compares the checksum with the footer's.
    func verify() throws(ArchiveError) {
        let bytes = file.bytes
        let end = bytes.count - StorageFile.footerSize
        let stored = Self.load(UInt32.self, bytes, end)
        guard Checksum.of(UnsafeRawBufferPointer(rebasing: bytes[0..<end])) == stored else {
            throw .corrupted(file: path, reason: "its checksum does not match its contents")
        }
    }

    /// Section `index` as a column of `T` (fixed-width, little-endian), read in place.
    func column<T>(_ index: Int, of _: T.Type = T.self) throws(ArchiveError) -> Column<T> {
        guard index < sections.count else { throw .corrupted(file: path, reason: "section \(index) is missing") }
        let range = sections[index]
        let stride = MemoryLayout<T>.stride
        guard range.count % stride == 0 else {
            throw .corrupted(file: path, reason: "section \(index) is not a whole number of \(stride)-byte values")
        }
        guard let base = file.base, range.count > 0 else { return Column() }
        let pointer = UnsafePointer((base + range.lowerBound).assumingMemoryBound(to: T.self))
        return Column(mapped: pointer, count: range.count / stride, owner: file)
    }

    /// The bytes of section `index`.
    func bytes(_ index: Int) throws(ArchiveError) -> UnsafeRawBufferPointer {
        guard index < sections.count else { throw .corrupted(file: path, reason: "section \(index) is missing") }
        return UnsafeRawBufferPointer(rebasing: file.bytes[sections[index]])
    }

    /// A typed error naming this file.
    func corrupted(_ reason: String) -> ArchiveError { .corrupted(file: path, reason: reason) }

    private static func load<T: FixedWidthInteger>(_: T.Type, _ bytes: UnsafeRawBufferPointer, _ offset: Int) -> T {
        T(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: T.self))
    }
}
