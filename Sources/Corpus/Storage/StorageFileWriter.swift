import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes one archive file in the `StorageFile` layout: add the sections in order, then `write`.
/// Sections are handed over as arrays or columns of fixed-width values and copied to the file
/// as they are (little-endian machines only), checksummed on the way.
struct StorageFileWriter {
    private let kind: UInt32
    private var sections: [(length: Int, bytes: ((UnsafeRawBufferPointer) -> Void) -> Void)] = []

    init(kind: String) { self.kind = StorageFile.kind(kind) }

    /// Number of sections added so far (the next one's index).
    var sectionCount: Int { sections.count }

    /// Adds a section holding `values`.
    mutating func add<T>(_ values: [T]) {
        sections.append((values.count * MemoryLayout<T>.stride, { body in values.withUnsafeBytes { body($0) } }))
    }

    /// Adds a section holding a column's values.
    mutating func add<T>(_ values: Column<T>) {
        sections.append((values.count * MemoryLayout<T>.stride, { body in
            values.withUnsafeBufferPointer { body(UnsafeRawBufferPointer($0)) }
        }))
    }

    /// Adds a section of raw bytes given by a buffer that lives as long as the writer.
    mutating func add(raw length: Int, _ provide: @escaping ((UnsafeRawBufferPointer) -> Void) -> Void) {
        sections.append((length, provide))
    }

    /// Writes the file at `path` (a new file in place of any there), flushed to disk before it returns.
    func write(to path: String) throws(ArchiveError) {
        var offsets: [Int] = []
        var position = StorageFile.headerSize + 16 * sections.count
        for s in sections {
            position = Self.aligned(position)
            offsets.append(position)
            position += s.length
        }
        let fileLength = Self.aligned(position) + StorageFile.footerSize
        var header = [UInt8]()
        header.reserveCapacity(StorageFile.headerSize + 16 * sections.count)
        header += StorageFile.magic
        Self.append(UInt32(StorageFile.version), to: &header)
        Self.append(kind, to: &header)
        Self.append(UInt32(sections.count), to: &header)
        var directory = [UInt8]()
        for (i, s) in sections.enumerated() {
            Self.append(UInt64(offsets[i]), to: &directory)
            Self.append(UInt64(s.length), to: &directory)
        }
        var headerCRC = Checksum()
        header.withUnsafeBytes { headerCRC.update($0) }
        directory.withUnsafeBytes { headerCRC.update($0) }
        Self.append(headerCRC.value, to: &header)
        Self.append(UInt64(fileLength), to: &header)
        header += directory

        // A new file, never one rewritten in place: a process that still maps a file of that
        // name keeps its bytes.
        unlink(path)
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .unwritable(path: path, reason: String(cString: strerror(errno))) }
        var out = Sink(fd: fd)
        out.write(header)
        for (i, s) in sections.enumerated() {
            out.pad(to: offsets[i])
            s.bytes { out.write($0) }
        }
        out.pad(to: fileLength - StorageFile.footerSize)
        var footer = [UInt8]()
        Self.append(out.checksum.value, to: &footer)
        Self.append(UInt32(0), to: &footer)
        footer += StorageFile.endMagic
        out.write(footer)
        let failure = out.failure
        let synced = failure == nil ? fsync(fd) : 0
        let syncError = errno
        close(fd)
        if let failure { throw .unwritable(path: path, reason: failure) }
        if synced != 0 { throw .unwritable(path: path, reason: String(cString: strerror(syncError))) }
    }

    static func aligned(_ n: Int) -> Int { (n + StorageFile.alignment - 1) / StorageFile.alignment * StorageFile.alignment }

    static func append<T: FixedWidthInteger>(_ value: T, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
    }

    /// A file descriptor written through, checksumming what goes out; the first error is kept.
    private struct Sink {
        let fd: Int32
        var written = 0
        var checksum = Checksum()
        var failure: String?

        mutating func write(_ bytes: [UInt8]) { bytes.withUnsafeBytes { write($0) } }

        mutating func write(_ bytes: UnsafeRawBufferPointer) {
            guard failure == nil, var base = bytes.baseAddress else { return }
            checksum.update(bytes)
            var remaining = bytes.count
            while remaining > 0 {
                let n = systemWrite(fd, base, min(remaining, 1 << 26))
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno))
                    return
                }
                base += n
                remaining -= n
            }
            written += bytes.count
        }

        mutating func pad(to offset: Int) {
            if offset > written { write([UInt8](repeating: 0, count: offset - written)) }
        }
    }
}

/// `write(2)` (the name is taken by `Sink.write`).
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, buffer, count)
}
