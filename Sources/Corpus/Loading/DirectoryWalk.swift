#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The first stage of a load: the `.txt` files of a folder tree (or the one file given), each
/// with where it leads once links are resolved and which file it is (device and inode).
///
/// The tree is read with `readdir`, much faster than FileManager's enumerator on folders of
/// many thousands of files, and with no depth limit (one folder is open at a time, whatever
/// the depth). What it does not list, it says why in a warning:
/// - hidden entries (names starting with ".") and files that are not corpus files (their
///   extension is not one of `DocumentFormat`'s, or they do not match the pattern given) are
///   passed over silently;
/// - a corpus file entry that is not a regular file (a named pipe, a device such as a link to
///   `/dev/zero`, a socket) is skipped: reading it could block or never end;
/// - a folder or file reached a second time (a link loop such as `ln -s . self`, two links to one
///   folder, a link to a file listed already) is read once: folders are known by device and
///   inode, and the real tree is read before anything reached through a link;
/// - a folder or file that cannot be read (no permission, a dangling link) gets the system's
///   reason;
/// - with an `accepts` filter, a folder or file whose resolved path it refuses (a link out of
///   the folders a sandbox allows) is skipped.
struct DirectoryWalk {
    /// One file to read.
    struct Entry: Sendable {
        /// The path relative to the walked folder, as bytes (file names need not be UTF-8);
        /// empty when the path listed was this one file.
        let relative: [UInt8]
        /// Where the file's path leads with every link resolved (absolute), when it was worked
        /// out: for a file reached through a link, and for every file when there is a filter.
        /// (Nil otherwise: a file of the tree itself is its resolved folder plus its name.)
        let resolved: String?
        /// Which file it is: the reader checks it opened this very file.
        let identity: FileIdentity
        /// Size in bytes when listed.
        let size: Int
    }

    /// The files found and the warnings about what was skipped.
    struct Listing {
        /// The path listed, as given.
        var root: [UInt8]
        var entries: [Entry] = []
        var warnings: [LoadWarning] = []
        /// The path listed was one file, not a folder.
        var isSingleFile = false

        /// The path to open for an entry: the path listed, then the entry's relative path.
        func path(of entry: Entry) -> [UInt8] {
            DirectoryWalk.join(root, entry.relative)
        }
    }

    /// A folder to read: its path relative to the root and its resolved path.
    private struct Folder {
        let relative: [UInt8]
        let resolved: String
        /// Reached through a link (opened following it; a real folder is opened with O_NOFOLLOW).
        let viaLink: Bool
    }

    /// A link to something that is not a folder, checked after every folder has been read.
    private struct LinkedFile {
        let relative: [UInt8]
    }

    /// Which files and folders a walk takes.
    struct Filter: Sendable {
        /// A glob (`fnmatch`) the file name must match; nil: any name with a known extension.
        var pattern: String?
        /// Whether sub-folders are read.
        var recursive = true

        /// Whether a file named `name` is a corpus file.
        func wants(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
            guard let pattern else { return DocumentFormat.format(ofName: name) != nil }
            var terminated = Array(name)
            terminated.append(0)
            return terminated.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { c in c.baseAddress.map { fnmatch(pattern, $0, 0) == 0 } ?? false }
            }
        }

        func wants(_ name: [UInt8]) -> Bool {
            let last = name.lastIndex(of: UInt8(ascii: "/")).map { name.index(after: $0) } ?? name.startIndex
            return Array(name[last...]).withUnsafeBufferPointer { wants($0) }
        }
    }

    private let root: [UInt8]
    private let accepts: (@Sendable (String) -> Bool)?
    private let filter: Filter
    private var listing: Listing
    private var visitedFolders: Set<FileIdentity> = []
    /// Each listed file's identity and its place in `listing.entries`.
    private var listedFiles: [FileIdentity: Int] = [:]
    private var pending: [Folder] = []
    private var linkedFolders: [Folder] = []
    private var linkedFiles: [LinkedFile] = []

    private init(root: [UInt8], accepts: (@Sendable (String) -> Bool)?, filter: Filter) {
        self.root = root
        self.accepts = accepts
        self.filter = filter
        listing = Listing(root: root)
    }

    /// Lists `path`: every corpus file under a folder (the order is not defined), or the file
    /// itself. `accepts` (when given) sees every folder's and file's resolved path and may
    /// refuse it. Throws when `path` does not exist, cannot be read, is neither a folder nor a
    /// regular file, or is refused.
    static func list(_ path: String, accepts: (@Sendable (String) -> Bool)? = nil,
                     filter: Filter = Filter()) throws(CorpusError) -> Listing {
        var bytes = Array(path.utf8)
        while bytes.count > 1 && bytes.last == UInt8(ascii: "/") { bytes.removeLast() }
        let status: FileStatus
        switch withCPath(bytes, { FileStatus.of($0) }) {
        case .success(let s): status = s
        case .failure(.system(let code)) where code == ENOENT || code == ENOTDIR: throw .notFound(path: path)
        case .failure(let error): throw .unreadable(path: path, reason: error.description)
        }
        guard let resolved = realPath(bytes) else {
            throw .unreadable(path: path, reason: "cannot resolve the path (\(String(cString: strerror(errno))))")
        }
        if let accepts, !accepts(resolved) {
            throw .unreadable(path: path, reason: "it lies outside the folders this session may read")
        }
        if status.isRegular {
            return Listing(root: bytes, entries: [Entry(relative: [], resolved: resolved, identity: status.identity, size: status.size)],
                           isSingleFile: true)
        }
        guard status.isDirectory else { throw .unreadable(path: path, reason: FileError.notRegular(kind: status.kindName).description) }
        let probe = withCPath(bytes) { open($0, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        guard probe >= 0 else { throw .unreadable(path: path, reason: "cannot list the folder (\(String(cString: strerror(errno))))") }
        close(probe)
        var walk = DirectoryWalk(root: bytes, accepts: accepts, filter: filter)
        walk.pending.append(Folder(relative: [], resolved: resolved, viaLink: true))
        walk.run()
        return walk.listing
    }

    // MARK: - The walk

    private mutating func run() {
        while true {
            if let folder = pending.popLast() {
                read(folder)
            } else if !linkedFolders.isEmpty {
                // The real tree is done: folders reached through links, in name order.
                linkedFolders.sort { ByteOrder.precedes($0.relative, $1.relative) }
                read(linkedFolders.removeFirst())
            } else {
                break
            }
        }
        linkedFiles.sort { ByteOrder.precedes($0.relative, $1.relative) }
        for link in linkedFiles { addLinkedFile(link) }
    }

    /// Reads one folder: its files are listed, its sub-folders queued.
    private mutating func read(_ folder: Folder) {
        let path = fullPath(folder.relative)
        if let accepts, !accepts(folder.resolved) {
            warnOutside(path, leadsTo: folder.resolved)
            return
        }
        let flags = O_RDONLY | O_DIRECTORY | O_CLOEXEC | (folder.viaLink ? 0 : O_NOFOLLOW)
        let fd = Self.withCPath(path) { open($0, flags) }
        guard fd >= 0 else {
            warn(path, "folder \(FileError.system(errno).description), skipped")
            return
        }
        guard let dir = fdopendir(fd) else {
            warn(path, "folder \(FileError.system(errno).description), skipped")
            close(fd)
            return
        }
        defer { closedir(dir) }
        guard case .success(let status) = FileStatus.of(descriptor: fd) else {
            warn(path, "folder \(FileError.system(errno).description), skipped")
            return
        }
        guard visitedFolders.insert(status.identity).inserted else {
            if !folder.relative.isEmpty { warn(path, "links to a folder that is read already, skipped") }
            return
        }
        let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name) ?? 0
        while true {
            errno = 0
            guard let entry = readdir(dir) else {
                if errno != 0 { warn(path, "folder listing stopped early (\(String(cString: strerror(errno))))") }
                break
            }
            // The name is read up to its NUL only: the record readdir returns is as long as the
            // name needs, not the 256 bytes `d_name` is declared with.
            let namePointer = UnsafeRawPointer(entry).advanced(by: nameOffset).assumingMemoryBound(to: CChar.self)
            let length = strlen(namePointer)
            let name = UnsafeBufferPointer(start: UnsafeRawPointer(namePointer).assumingMemoryBound(to: UInt8.self), count: length)
            guard length > 0, name[0] != UInt8(ascii: ".") else { continue }
            var type = entry.pointee.d_type
            let isText = filter.wants(name)
            let mightBeFolder = type == UInt8(DT_DIR) || type == UInt8(DT_LNK) || type == UInt8(DT_UNKNOWN)
            guard isText || mightBeFolder else { continue }
            let relative = folder.relative.isEmpty ? Array(name) : folder.relative + [UInt8(ascii: "/")] + Array(name)
            var info = stat()
            if type != UInt8(DT_DIR) && type != UInt8(DT_LNK) {
                // Files (and entries of unknown type) are looked at without following a link.
                guard fstatat(fd, namePointer, &info, AT_SYMLINK_NOFOLLOW) == 0 else {
                    if isText { warn(fullPath(relative), FileError.system(errno).description + ", skipped") }
                    continue
                }
                type = Self.direntType(info.st_mode)
            }
            switch type {
            case UInt8(DT_DIR):
                guard filter.recursive else { continue }
                let resolved = folder.resolved + (folder.resolved.hasSuffix("/") ? "" : "/") + String(decoding: name, as: UTF8.self)
                pending.append(Folder(relative: relative, resolved: resolved, viaLink: false))
            case UInt8(DT_LNK):
                queueLink(relative)
            case UInt8(DT_REG):
                guard isText else { continue }
                // Worked out only for a filter: a big folder has a hundred thousand of these.
                let resolved = accepts == nil ? nil
                    : folder.resolved + (folder.resolved.hasSuffix("/") ? "" : "/") + String(decoding: name, as: UTF8.self)
                add(Entry(relative: relative, resolved: resolved, identity: FileStatus(info).identity, size: Int(info.st_size)))
            default:
                if isText { warn(fullPath(relative), FileError.notRegular(kind: FileStatus(info).kindName).description + ", skipped") }
            }
        }
    }

    /// A link: a folder it leads to is read after the real tree; a file it leads to is
    /// listed after every folder (so the file's own path wins when both are in the corpus).
    private mutating func queueLink(_ relative: [UInt8]) {
        let path = fullPath(relative)
        switch Self.withCPath(path, { FileStatus.of($0) }) {
        case .success(let target) where target.isDirectory:
            guard filter.recursive else { return }
            guard let resolved = Self.realPath(path) else {
                warn(path, "folder \(FileError.system(errno).description), skipped")
                return
            }
            linkedFolders.append(Folder(relative: relative, resolved: resolved, viaLink: true))
        case .success:
            if filter.wants(relative) { linkedFiles.append(LinkedFile(relative: relative)) }
        case .failure(let error):
            // A dangling link: worth a word only when it looks like a corpus file.
            if filter.wants(relative) { warn(path, error.description + " (a link to nothing), skipped") }
        }
    }

    private mutating func addLinkedFile(_ link: LinkedFile) {
        let path = fullPath(link.relative)
        let status: FileStatus
        switch Self.withCPath(path, { FileStatus.of($0) }) {
        case .success(let s): status = s
        case .failure(let error):
            warn(path, error.description + ", skipped")
            return
        }
        guard let resolved = Self.realPath(path) else {
            warn(path, FileError.system(errno).description + ", skipped")
            return
        }
        guard status.isRegular else {
            if let accepts, !accepts(resolved) {
                warnOutside(path, leadsTo: resolved)
            } else {
                warn(path, FileError.notRegular(kind: status.kindName).description + ", skipped")
            }
            return
        }
        add(Entry(relative: link.relative, resolved: resolved, identity: status.identity, size: status.size))
    }

    /// Lists a file unless the filter refuses it or it was listed already.
    private mutating func add(_ entry: Entry) {
        if let accepts, let resolved = entry.resolved, !accepts(resolved) {
            warnOutside(fullPath(entry.relative), leadsTo: resolved)
            return
        }
        if let first = listedFiles[entry.identity] {
            let other = FileName.display(fullPath(listing.entries[first].relative))
            warn(fullPath(entry.relative), "the same file as \(other), which is loaded; skipped")
            return
        }
        listedFiles[entry.identity] = listing.entries.count
        listing.entries.append(entry)
    }

    private mutating func warn(_ path: [UInt8], _ message: String) {
        listing.warnings.append(LoadWarning(path: FileName.display(path), message: message))
    }

    /// The filter refused where `path` leads: the warning says where that is.
    private mutating func warnOutside(_ path: [UInt8], leadsTo resolved: String) {
        warn(path, "a link out of the folders this session may read (it leads to '\(resolved)'), skipped")
    }

    /// The root as given, then `relative`.
    private func fullPath(_ relative: [UInt8]) -> [UInt8] {
        Self.join(root, relative)
    }

    /// `root`, then `relative` after a slash (none after a root of "/").
    static func join(_ root: [UInt8], _ relative: [UInt8]) -> [UInt8] {
        if relative.isEmpty { return root }
        return root == [UInt8(ascii: "/")] ? root + relative : root + [UInt8(ascii: "/")] + relative
    }

    // MARK: - System calls on byte paths

    /// Calls `body` with `path` as a NUL-terminated C string.
    static func withCPath<R>(_ path: [UInt8], _ body: (UnsafePointer<CChar>) -> R) -> R {
        var terminated = path
        terminated.append(0)
        return terminated.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { c in
                guard let base = c.baseAddress else { return "".withCString(body) }
                return body(base)
            }
        }
    }

    /// The absolute path `path` leads to, every link resolved; nil when it cannot be resolved
    /// (`errno` says why).
    static func realPath(_ path: [UInt8]) -> String? {
        guard let pointer = withCPath(path, { realpath($0, nil) }) else { return nil }
        defer { free(pointer) }
        return String(decoding: UnsafeRawBufferPointer(start: pointer, count: strlen(pointer)), as: UTF8.self)
    }

    /// The `d_type` value of a file mode.
    private static func direntType(_ mode: mode_t) -> UInt8 {
        switch UInt32(mode) & UInt32(S_IFMT) {
        case UInt32(S_IFDIR): return UInt8(DT_DIR)
        case UInt32(S_IFLNK): return UInt8(DT_LNK)
        case UInt32(S_IFREG): return UInt8(DT_REG)
        default: return UInt8(DT_UNKNOWN)
        }
    }
}
