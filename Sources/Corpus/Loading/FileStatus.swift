#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What `stat` says about a path, in the terms the loader needs.
struct FileStatus: Sendable {
    let identity: FileIdentity
    /// Size in bytes (for a regular file).
    let size: Int
    private let mode: UInt32

    init(_ info: stat) {
        identity = FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
        size = Int(info.st_size)
        mode = UInt32(info.st_mode)
    }

    /// The status of `path` (links followed unless `followLinks` is false), or the `errno` of
    /// the failure.
    static func of(_ path: UnsafePointer<CChar>, followLinks: Bool = true) -> Result<FileStatus, FileError> {
        var info = stat()
        let status = followLinks ? stat(path, &info) : lstat(path, &info)
        return status == 0 ? .success(FileStatus(info)) : .failure(.system(errno))
    }

    /// The status of the open file `fd`.
    static func of(descriptor fd: Int32) -> Result<FileStatus, FileError> {
        var info = stat()
        return fstat(fd, &info) == 0 ? .success(FileStatus(info)) : .failure(.system(errno))
    }

    var isRegular: Bool { mode & UInt32(S_IFMT) == UInt32(S_IFREG) }
    var isDirectory: Bool { mode & UInt32(S_IFMT) == UInt32(S_IFDIR) }
    var isLink: Bool { mode & UInt32(S_IFMT) == UInt32(S_IFLNK) }

    /// What kind of file this is, for a warning ("a named pipe").
    var kindName: String {
        switch mode & UInt32(S_IFMT) {
        case UInt32(S_IFREG): return "a regular file"
        case UInt32(S_IFDIR): return "a folder"
        case UInt32(S_IFIFO): return "a named pipe"
        case UInt32(S_IFCHR): return "a character device"
        case UInt32(S_IFBLK): return "a block device"
        case UInt32(S_IFSOCK): return "a socket"
        case UInt32(S_IFLNK): return "a symbolic link"
        default: return "not a file"
        }
    }
}

/// Why a file or folder could not be read, for a load warning.
enum FileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A system call failed with this `errno`.
    case system(Int32)
    /// Not a regular file (a named pipe, a device, a socket): reading it could block forever
    /// or never end, so it is not read.
    case notRegular(kind: String)
    /// Larger than the loader's per-file limit.
    case tooLarge(size: Int, limit: Int)
    /// The file at the path is not the one the listing found (replaced in between).
    case changed

    var description: String {
        switch self {
        case .system(let code): return "cannot be read (\(String(cString: strerror(code))))"
        case .notRegular(let kind): return "not a regular file (\(kind))"
        case .tooLarge(let size, let limit):
            return "\(FileError.bytes(size)), over the limit of \(FileError.bytes(limit)) for one file"
        case .changed: return "changed while the corpus loaded"
        }
    }

    /// `12 MB`, `3.5 GB`, `900 bytes`.
    static func bytes(_ n: Int) -> String {
        let units: [(Double, String)] = [(1_073_741_824, "GB"), (1_048_576, "MB"), (1024, "KB")]
        for (scale, unit) in units where Double(n) >= scale {
            let value = Double(n) / scale
            let rounded = (value * 10).rounded() / 10
            return rounded == rounded.rounded() ? "\(Int(rounded)) \(unit)" : "\(rounded) \(unit)"
        }
        return "\(n) bytes"
    }
}
