import Foundation

/// Writes output files so that readers never see a half-written file and scripts cannot write
/// outside their output folder.
public enum AtomicFile {
    /// Writes `contents` as UTF-8 to `relativePath` under `root` atomically, creating folders as
    /// needed (the root too), and returns the written file's URL (symbolic links resolved).
    ///
    /// The text goes to a temporary file in the destination folder, which is flushed to disk
    /// (fsync) and then renamed over the destination, so the file is either the old one or the
    /// complete new one. An existing file keeps its permissions. Refused, with an
    /// `AtomicFileError` naming the path: empty paths, absolute paths (and `~`), `..` components,
    /// and symbolic links (in folders or the file itself) that lead outside `root`. On failure no
    /// temporary file is left behind.
    @discardableResult
    public static func write(_ contents: String, to relativePath: String, under root: URL) throws -> URL {
        try write(Data(contents.utf8), to: relativePath, under: root, beforeRename: {})
    }

    /// Writes `data` like `write(_:to:under:)` does text.
    @discardableResult
    public static func write(_ data: Data, to relativePath: String, under root: URL) throws -> URL {
        try write(data, to: relativePath, under: root, beforeRename: {})
    }

    /// Writes what `produce` hands to its sink, piece by piece, like `write(_:to:under:)` does
    /// text: a long file (a CSV table) never needs to be one string in memory. When `produce`
    /// throws, nothing is renamed and the temporary file is removed.
    @discardableResult
    public static func write(to relativePath: String, under root: URL,
                             produce: (_ sink: (String) throws -> Void) throws -> Void) throws -> URL {
        try write(to: relativePath, under: root, beforeRename: {}) { fd in
            try produce { piece in
                var piece = piece
                try piece.withUTF8 { try writeAll(UnsafeRawBufferPointer($0), to: fd, path: relativePath) }
            }
        }
    }

    /// The checked path split into folder names and the file name.
    static func components(of relativePath: String) throws -> (folders: [String], file: String) {
        if relativePath.utf8.contains(0) { throw AtomicFileError.invalidName(relativePath) }
        if relativePath.hasPrefix("/") || relativePath.hasPrefix("~") { throw AtomicFileError.absolutePath(relativePath) }
        let parts = relativePath.split(separator: "/", omittingEmptySubsequences: true).map(String.init).filter { $0 != "." }
        if parts.contains("..") { throw AtomicFileError.parentReference(relativePath) }
        guard let file = parts.last, !relativePath.hasSuffix("/") else {
            if parts.isEmpty { throw AtomicFileError.emptyPath }
            throw AtomicFileError.isAFolder(relativePath)
        }
        return (Array(parts.dropLast()), file)
    }

    /// The longest file or folder name the file system takes, in bytes.
    static let maximumName = Int(NAME_MAX)
    /// The longest path the system calls take, in bytes (without the final NUL).
    static let maximumPath = Int(PATH_MAX) - 1

    /// Refuses names the file system cannot take, before anything is made.
    static func checkNames(_ names: [String], of relativePath: String) throws {
        for name in names where name.utf8.count > maximumName {
            throw AtomicFileError.nameTooLong(path: relativePath, name: name)
        }
    }

    /// The name of the temporary file written before the rename: `.name.tmp-1f3a…`, or, when
    /// that would be longer than a name may be, `.dossier-tmp-1f3a…`.
    static func temporaryName(for base: String) -> String {
        let random = String(UInt64.random(in: 0...UInt64.max), radix: 16)
        let name = "." + base + ".tmp-" + random
        return name.utf8.count <= maximumName ? name : ".dossier-tmp-" + random
    }

    /// The writer, with a hook run just before the rename (tests use it to simulate a failure).
    ///
    /// Nothing is made for a write that cannot succeed: names and the whole path are checked
    /// against the file system's limits first, and folders made on the way (the output folder
    /// included) are removed again when the write fails.
    static func write(_ data: Data, to relativePath: String, under root: URL, beforeRename: () throws -> Void) throws -> URL {
        try write(to: relativePath, under: root, beforeRename: beforeRename) { fd in
            try data.withUnsafeBytes { try writeAll($0, to: fd, path: relativePath) }
        }
    }

    /// The writer, with the bytes written to the temporary file's descriptor by `contents`.
    static func write(to relativePath: String, under root: URL, beforeRename: () throws -> Void,
                      contents: (Int32) throws -> Void) throws -> URL {
        let (folders, file) = try components(of: relativePath)
        try checkNames(folders + [file], of: relativePath)
        let rootPath = root.standardizedFileURL.path
        var created: [String] = []
        do {
            return try write(contents, folders: folders, file: file, relativePath: relativePath, rootPath: rootPath,
                             created: &created, beforeRename: beforeRename)
        } catch {
            for folder in created.reversed() { _ = rmdir(folder) }
            throw error
        }
    }

    private static func write(_ contents: (Int32) throws -> Void, folders: [String], file: String, relativePath: String, rootPath: String,
                              created: inout [String], beforeRename: () throws -> Void) throws -> URL {
        // The output folder and any missing folders above it.
        var missing: [String] = []
        var above = rootPath
        while above != "/" && !above.isEmpty && kind(of: above) == .missing {
            missing.append(above)
            above = (above as NSString).deletingLastPathComponent
        }
        do {
            try FileManager.default.createDirectory(atPath: rootPath, withIntermediateDirectories: true)
            created += missing.reversed()
        } catch {
            throw AtomicFileError.io(path: rootPath, operation: "creating the output folder", message: error.localizedDescription)
        }
        guard let realRoot = realPath(rootPath) else {
            throw AtomicFileError.io(path: rootPath, operation: "finding the output folder", message: lastErrorMessage())
        }
        func inside(_ path: String) -> Bool { path == realRoot || path.hasPrefix(realRoot == "/" ? "/" : realRoot + "/") }

        // The whole path (with the longer of the file's and the temporary file's names) must
        // fit the system's limit before any folder is made for it.
        let longestName = Swift.max(file.utf8.count, temporaryName(for: file).utf8.count)
        let pathLength = realRoot.utf8.count + folders.reduce(0) { $0 + 1 + $1.utf8.count } + 1 + longestName
        if pathLength > maximumPath {
            throw AtomicFileError.pathTooLong(path: relativePath, length: pathLength, limit: maximumPath)
        }

        // Walk down the folders, creating missing ones and checking links.
        var folder = realRoot
        var shown = ""
        for name in folders {
            shown += (shown.isEmpty ? "" : "/") + name
            let candidate = folder + "/" + name
            switch kind(of: candidate) {
            case .missing:
                if mkdir(candidate, 0o755) != 0 {
                    if errno != EEXIST {
                        throw AtomicFileError.io(path: shown, operation: "creating the folder", message: lastErrorMessage())
                    }
                } else {
                    created.append(candidate)
                }
                guard kind(of: candidate) == .folder else { throw AtomicFileError.notAFolder(shown) }
                folder = candidate
            case .folder:
                folder = candidate
            case .link:
                guard let target = realPath(candidate) else {
                    throw AtomicFileError.escapesRoot(path: shown, target: linkText(candidate))
                }
                guard inside(target) else { throw AtomicFileError.escapesRoot(path: shown, target: target) }
                guard kind(of: target) == .folder else { throw AtomicFileError.notAFolder(shown) }
                folder = target
            case .other:
                throw AtomicFileError.notAFolder(shown)
            }
        }

        // The destination itself.
        var destination = folder + "/" + file
        var existingMode: mode_t?
        switch kind(of: destination) {
        case .missing: break
        case .folder: throw AtomicFileError.isAFolder(relativePath)
        case .link:
            guard let target = realPath(destination) else {
                throw AtomicFileError.escapesRoot(path: relativePath, target: linkText(destination))
            }
            guard inside(target) else { throw AtomicFileError.escapesRoot(path: relativePath, target: target) }
            if kind(of: target) == .folder { throw AtomicFileError.isAFolder(relativePath) }
            destination = target
            existingMode = mode(of: target)
        case .other:
            existingMode = mode(of: destination)
        }

        let directory = (destination as NSString).deletingLastPathComponent
        let base = (destination as NSString).lastPathComponent
        let temporary = directory + "/" + temporaryName(for: base)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode_t(0o644))
        guard fd >= 0 else {
            throw AtomicFileError.io(path: relativePath, operation: "creating a temporary file", message: lastErrorMessage())
        }
        var isOpen = true
        do {
            if let existingMode { _ = fchmod(fd, existingMode & 0o7777) }
            try contents(fd)
            guard fsync(fd) == 0 else {
                throw AtomicFileError.io(path: relativePath, operation: "flushing to disk", message: lastErrorMessage())
            }
            isOpen = false
            guard close(fd) == 0 else {
                throw AtomicFileError.io(path: relativePath, operation: "closing", message: lastErrorMessage())
            }
            try beforeRename()
            guard rename(temporary, destination) == 0 else {
                throw AtomicFileError.io(path: relativePath, operation: "replacing the file", message: lastErrorMessage())
            }
        } catch {
            if isOpen { _ = close(fd) }
            _ = unlink(temporary)
            throw error
        }
        // Make the rename itself durable.
        let directoryFD = Foundation.open(directory, O_RDONLY | O_CLOEXEC)
        if directoryFD >= 0 {
            _ = fsync(directoryFD)
            _ = close(directoryFD)
        }
        return URL(fileURLWithPath: destination)
    }

    enum Kind: Equatable { case missing, folder, link, other }

    /// What is at `path`, without following a final symbolic link.
    static func kind(of path: String) -> Kind {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .folder
        case S_IFLNK: return .link
        default: return .other
        }
    }

    static func mode(of path: String) -> mode_t? {
        var info = stat()
        return stat(path, &info) == 0 ? info.st_mode : nil
    }

    /// The canonical absolute path with every symbolic link resolved, or nil if it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// What a symbolic link points to, as written in the link.
    static func linkText(_ path: String) -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
    }

    static func lastErrorMessage() -> String { String(cString: strerror(errno)) }
}

/// Writes every byte of `buffer` to `fd`, retrying short writes and interruptions. Lives outside
/// `AtomicFile` so that `write` here means the system call, not `AtomicFile.write`.
private func writeAll(_ buffer: UnsafeRawBufferPointer, to fd: Int32, path: String) throws {
    guard let base = buffer.baseAddress else { return }
    var offset = 0
    while offset < buffer.count {
        let n = write(fd, base + offset, buffer.count - offset)
        if n < 0 {
            if errno == EINTR { continue }
            throw AtomicFileError.io(path: path, operation: "writing", message: AtomicFile.lastErrorMessage())
        }
        offset += n
    }
}
