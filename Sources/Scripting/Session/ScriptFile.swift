import Foundation

/// Reads a script's bytes from a path: a regular file, or a pipe or terminal such as
/// `/dev/stdin` (or `-`) or a shell's `<(…)`, read to its end (`echo 'print(1)' | dossier run -`).
/// A failure names its real cause (no such file, permission denied, a folder…).
enum ScriptFile {
    /// What was read, and whether it is a regular file (only then may the sandbox open the
    /// script's folder to it: the folder of `/dev/stdin` is `/dev`).
    struct Contents {
        let bytes: [UInt8]
        let isRegularFile: Bool
    }

    /// Scripts larger than this are refused (a path to a device that never ends, say).
    static let maximumBytes = 256 << 20

    /// `path` "-" is standard input, as for `lua -`.
    static func read(_ path: String) throws(ScriptError) -> Contents {
        let fd = path == "-" ? dup(0) : open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .unreadableScript(path: path, reason: reason(errno)) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .unreadableScript(path: path, reason: reason(errno)) }
        let type = info.st_mode & S_IFMT
        if type == S_IFDIR { throw .unreadableScript(path: path, reason: "a folder, not a script") }
        var bytes: [UInt8] = []
        if type == S_IFREG { bytes.reserveCapacity(Int(info.st_size)) }
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let n = chunk.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, $0.count) }
            if n == 0 { break }
            if n < 0 {
                if errno == EINTR { continue }
                throw .unreadableScript(path: path, reason: reason(errno))
            }
            bytes.append(contentsOf: chunk[0..<n])
            if bytes.count > maximumBytes {
                throw .unreadableScript(path: path, reason: "longer than \(maximumBytes >> 20) MB: not a script")
            }
        }
        return Contents(bytes: bytes, isRegularFile: type == S_IFREG)
    }

    private static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT: return "no such file"
        case EACCES, EPERM: return "permission denied"
        case EISDIR: return "a folder, not a script"
        default: return String(cString: strerror(code))
        }
    }
}
