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
///
/// Only regular files are read, and only up to a size limit: the file is opened without
/// blocking (a named pipe would otherwise wait for a writer) and checked with `fstat` on the
/// open descriptor before a byte is read, so a link to `/dev/zero` or a pipe is refused rather
/// than read forever.
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

    /// Calls `body` with the bytes of the file at `path`, or says why it was not read (it cannot
    /// be opened, is not a regular file, is larger than `limit` bytes, or is not the file
    /// `expected`). The bytes are valid only during `body`.
    func withContents<R>(of path: [UInt8], expected: FileIdentity? = nil, limit: Int,
                         _ body: (UnsafeBufferPointer<UInt8>) -> R) -> Result<R, FileError> {
        let fd = DirectoryWalk.withCPath(path) { open($0, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY) }
        guard fd >= 0 else { return .failure(.system(errno)) }
        defer { close(fd) }
        let status: FileStatus
        switch FileStatus.of(descriptor: fd) {
        case .success(let s): status = s
        case .failure(let error): return .failure(error)
        }
        guard status.isRegular else { return .failure(.notRegular(kind: status.kindName)) }
        if let expected, expected != status.identity { return .failure(.changed) }
        guard status.size <= limit else { return .failure(.tooLarge(size: status.size, limit: limit)) }
        // Room for the whole file and one byte more, which tells whether it grew meanwhile.
        if capacity < status.size + 1 { grow(to: status.size + 1) }
        var count = 0
        while true {
            if count == capacity {
                guard count <= limit else { return .failure(.tooLarge(size: count, limit: limit)) }
                grow(to: min(capacity * 2, limit + 1))
            }
            let got = read(fd, buffer + count, capacity - count)
            if got == 0 { break }
            if got < 0 {
                if errno == EINTR { continue }
                return .failure(.system(errno))
            }
            count += got
        }
        guard count <= limit else { return .failure(.tooLarge(size: count, limit: limit)) }
        return .success(body(UnsafeBufferPointer(start: buffer.assumingMemoryBound(to: UInt8.self), count: count)))
    }

    /// Calls `body` with the bytes `range` of the file at `path` (checked as `withContents`
    /// does; `limit` bounds the range). Fails with `changed` when the file is now shorter.
    func withContents<R>(of path: [UInt8], expected: FileIdentity? = nil, range: Range<Int>, limit: Int,
                         _ body: (UnsafeBufferPointer<UInt8>) -> R) -> Result<R, FileError> {
        let opened = openChecked(path, expected: expected)
        guard case .success(let (fd, status)) = opened else {
            if case .failure(let error) = opened { return .failure(error) }
            return .failure(.changed)
        }
        defer { close(fd) }
        guard range.upperBound <= status.size else { return .failure(.changed) }
        guard range.count <= limit else { return .failure(.tooLarge(size: range.count, limit: limit)) }
        if capacity < range.count { grow(to: range.count) }
        var count = 0
        while count < range.count {
            let got = pread(fd, buffer + count, range.count - count, off_t(range.lowerBound + count))
            if got == 0 { return .failure(.changed) }
            if got < 0 {
                if errno == EINTR { continue }
                return .failure(.system(errno))
            }
            count += got
        }
        return .success(body(UnsafeBufferPointer(start: buffer.assumingMemoryBound(to: UInt8.self), count: count)))
    }

    /// Calls `body` with the file at `path` chunk after chunk, in order (for a pass over a file
    /// too large to hold at once).
    func forEachChunk(of path: [UInt8], expected: FileIdentity? = nil,
                      _ body: (UnsafeBufferPointer<UInt8>) -> Void) -> Result<Void, FileError> {
        let opened = openChecked(path, expected: expected)
        guard case .success(let (fd, _)) = opened else {
            if case .failure(let error) = opened { return .failure(error) }
            return .failure(.changed)
        }
        defer { close(fd) }
        while true {
            let got = read(fd, buffer, capacity)
            if got == 0 { return .success(()) }
            if got < 0 {
                if errno == EINTR { continue }
                return .failure(.system(errno))
            }
            body(UnsafeBufferPointer(start: buffer.assumingMemoryBound(to: UInt8.self), count: got))
        }
    }

    /// Opens a regular file without blocking and checks it is `expected`.
    private func openChecked(_ path: [UInt8], expected: FileIdentity?) -> Result<(Int32, FileStatus), FileError> {
        let fd = DirectoryWalk.withCPath(path) { open($0, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY) }
        guard fd >= 0 else { return .failure(.system(errno)) }
        switch FileStatus.of(descriptor: fd) {
        case .success(let status):
            if !status.isRegular {
                close(fd)
                return .failure(.notRegular(kind: status.kindName))
            }
            if let expected, expected != status.identity {
                close(fd)
                return .failure(.changed)
            }
            return .success((fd, status))
        case .failure(let error):
            close(fd)
            return .failure(error)
        }
    }

    private func grow(to size: Int) {
        let larger = max(size, capacity)
        let fresh = UnsafeMutableRawPointer.allocate(byteCount: larger, alignment: 16)
        fresh.copyMemory(from: buffer, byteCount: capacity)
        buffer.deallocate()
        buffer = fresh
        capacity = larger
    }
}
