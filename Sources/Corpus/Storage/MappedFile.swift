import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A whole file mapped into memory read-only (`mmap`), unmapped when the last column that reads
/// it goes away. Pages are read from disk only when touched, and the kernel may drop them again:
/// an opened archive costs address space, not resident memory.
///
/// The file is mapped private and writable (copy-on-write), so that read-only structures built
/// for heap memory (`ByteTermTable`) can point into it; nothing ever writes through the mapping,
/// and a write would change only this process's copy, never the file.
final class MappedFile: @unchecked Sendable {
    /// The file's path, for errors.
    let path: String
    /// The first byte (nil for an empty file).
    let base: UnsafeMutableRawPointer?
    /// The file's size in bytes.
    let count: Int

    /// Maps the file at `path`.
    init(path: String) throws(ArchiveError) {
        self.path = path
        // An archive's files are regular files it wrote: a link in their place (which could lead
        // a sandboxed `dossier.open` out of its folders) is refused.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { throw .unreadable(file: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .unreadable(file: path, reason: String(cString: strerror(errno))) }
        count = Int(info.st_size)
        guard count > 0 else {
            base = nil
            return
        }
        let address = mmap(nil, count, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0)
        guard let address, address != MAP_FAILED else {
            throw .unreadable(file: path, reason: "cannot map it: \(String(cString: strerror(errno)))")
        }
        base = address
    }

    deinit {
        if let base { munmap(base, count) }
    }

    /// The mapped bytes.
    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: base == nil ? 0 : count) }
}
