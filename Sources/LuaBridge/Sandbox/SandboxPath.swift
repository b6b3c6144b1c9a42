import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What is at a path, without following a final symbolic link.
enum SandboxFileKind: Equatable {
    case missing, file, folder, link
    /// A FIFO, socket or device: opening one may block or never end.
    case special(String)

    init(atPath path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            self = .missing
            return
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: self = .file
        case S_IFDIR: self = .folder
        case S_IFLNK: self = .link
        case S_IFIFO: self = .special("a FIFO")
        case S_IFSOCK: self = .special("a socket")
        case S_IFCHR, S_IFBLK: self = .special("a device")
        default: self = .special("not a file")
        }
    }
}

extension LuaSandbox {
    /// `path` made absolute (against the current folder), with symlinks and `.`/`..` resolved
    /// as the kernel would. Components that do not exist yet (a file about to be created) are
    /// appended to the resolved part that exists.
    public static func resolve(_ path: String) -> String {
        resolveAbsolute(absolute(path), depth: 0)
    }

    /// `path` made absolute against the current folder, not resolved.
    static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        let cwd = FileManager.default.currentDirectoryPath
        return (cwd.hasSuffix("/") ? cwd : cwd + "/") + path
    }

    /// The path a write, removal or rename of `path` acts on: its folder resolved, its last
    /// component kept as written (the system calls act on a link itself, not on its target;
    /// opening for writing is refused on a link). A path ending in `/`, `.` or `..` names a
    /// folder and is resolved whole.
    static func entryPath(_ path: String) -> String {
        let absolute = absolute(path)
        let components = absolute.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard let last = components.last, last != ".", last != "..", !absolute.hasSuffix("/") else {
            return resolveAbsolute(absolute, depth: 0)
        }
        let folder = resolveAbsolute("/" + components.dropLast().joined(separator: "/"), depth: 0)
        return folder == "/" ? "/" + last : folder + "/" + last
    }

    private static func resolveAbsolute(_ absolute: String, depth: Int) -> String {
        let components = absolute.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        // The longest prefix that exists, resolved by realpath(3).
        var existing = components.count
        var base = "/"
        while existing >= 0 {
            let prefix = "/" + components.prefix(existing).joined(separator: "/")
            if let real = realPath(prefix) {
                base = real
                break
            }
            existing -= 1
        }
        if existing < 0 { existing = 0 }
        let tail = components.dropFirst(existing)
        if tail.isEmpty { return base }
        var result = base
        var sawParent = false
        for component in tail {
            switch component {
            case ".": continue
            case "..":
                sawParent = true
                result = parent(of: result)
            default:
                result = result == "/" ? "/" + component : result + "/" + component
            }
        }
        // A `..` after a missing folder can land on existing paths (even symlinks): resolve again.
        if sawParent && depth < 8 { return resolveAbsolute(result, depth: depth + 1) }
        return result
    }

    private static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), path != "/" else { return "/" }
        let head = String(path[..<slash])
        return head.isEmpty ? "/" : head
    }

    /// realpath(3), or nil when the path does not exist.
    static func realPath(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    /// What the symbolic link at `path` says, as written in the link.
    static func linkText(_ path: String) -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
    }

    /// True when `path` is `root` or lies below it (both resolved).
    static func isPath(_ path: String, within root: String) -> Bool {
        if root == "/" { return true }
        return path == root || path.hasPrefix(root + "/")
    }

    /// True when resolved `path` lies in one of the resolved `roots`.
    public static func isPath(_ path: String, withinAnyOf roots: [String]) -> Bool {
        roots.contains { isPath(path, within: $0) }
    }
}
