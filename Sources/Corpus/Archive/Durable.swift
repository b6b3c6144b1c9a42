import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Flushing to disk, so that a rename that publishes files happens after their bytes are safe.
enum Durable {
    /// `fsync` of a file or a folder (a folder's entries: a rename in it).
    static func sync(path: String) throws(ArchiveError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .unwritable(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw .unwritable(path: path, reason: String(cString: strerror(errno))) }
    }
}
