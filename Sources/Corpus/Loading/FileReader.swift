#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads whole files into one buffer reused from file to file (one per loading thread).
///
/// A load reads a hundred thousand small files; reading each into a fresh `Data` costs an
/// allocation, Foundation's bookkeeping and page faults on new memory every time. This reads
/// with `open`/`read`/`close` into a buffer that only grows.
final class FileReader: @unchecked Sendable {
    private var buffer: UnsafeMutableRawPointer
    private var capacity: Int

    init(capacity: Int = 1 << 16) {
        self.capacity = capacity
        buffer = .allocate(byteCount: capacity, alignment: 16)
    }

    deinit {
        buffer.deallocate()
    }

    /// Calls `body` with the bytes of the file at `path`, or returns nil when it cannot be
    /// opened or read (a folder, no permission, an I/O error). The bytes are valid only
    /// during `body`.
    func withContents<R>(of path: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var count = 0
        while true {
            if count == capacity { grow() }
            let got = read(fd, buffer + count, capacity - count)
            if got == 0 { break }
            if got < 0 {
                if errno == EINTR { continue }
                return nil
            }
            count += got
        }
        return body(UnsafeBufferPointer(start: buffer.assumingMemoryBound(to: UInt8.self), count: count))
    }

    private func grow() {
        let larger = capacity * 2
        let fresh = UnsafeMutableRawPointer.allocate(byteCount: larger, alignment: 16)
        fresh.copyMemory(from: buffer, byteCount: capacity)
        buffer.deallocate()
        buffer = fresh
        capacity = larger
    }
}
