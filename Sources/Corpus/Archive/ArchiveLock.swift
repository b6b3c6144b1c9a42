import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The writer's lock on an archive: `LOCK` in the folder, held with `flock` for as long as the
/// writer lives. A second writer is refused at once (`ArchiveError.locked`) with the holder's
/// process id; the kernel releases the lock when the writer exits, even by a crash, so a stale
/// `LOCK` file never blocks anyone. Readers take no lock: they read the files the manifest named
/// when they opened it, which a writer never changes (it writes new ones).
final class ArchiveLock {
    static let fileName = "LOCK"
    private let fd: Int32

    init(folder: String) throws(ArchiveError) {
        let path = (folder as NSString).appendingPathComponent(Self.fileName)
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .unwritable(path: folder, reason: "cannot create \(path): \(String(cString: strerror(errno)))") }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            var buffer = [UInt8](repeating: 0, count: 64)
            let n = pread(fd, &buffer, buffer.count, 0)
            close(fd)
            let holder = n > 0 ? String(decoding: buffer[0..<n], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) : "unknown"
            throw .locked(path: folder, holder: holder.isEmpty ? "unknown" : "pid \(holder)")
        }
        _ = ftruncate(fd, 0)
        let pid = Array("\(getpid())\n".utf8)
        _ = pid.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
        self.fd = fd
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
