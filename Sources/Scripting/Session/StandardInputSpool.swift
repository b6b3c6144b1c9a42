import Corpus
import Foundation

/// `--corpus -`: the articles come on standard input (JSON lines unless `--format` says
/// otherwise), as in `zcat news.jsonl.gz | dossier run --corpus - script.lua`.
///
/// The bytes are spooled to a private file named `stdin.<format>` in a fresh temporary folder,
/// so the loader reads them like any file: in parallel segments cut at record boundaries, with
/// ids `stdin:LINE`, and `doc.raw` reading the record's own bytes back. The folder is removed
/// when the process exits.
struct StandardInputSpool {
    /// The spooled file, to load.
    let path: String
    /// The temporary folder that holds it.
    let folder: String

    /// Copies standard input to a new file; throws a message naming what failed.
    static func spool(format: DocumentFormat?) throws(ScriptError) -> StandardInputSpool {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("dossier-stdin-\(getpid())-\(UInt32.random(in: 0 ... .max))").path
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw .setup("--corpus -: cannot create a temporary folder for standard input (\(error.localizedDescription))")
        }
        let path = folder + "/stdin." + (format?.rawValue ?? "jsonl")
        guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]),
              let output = FileHandle(forWritingAtPath: path) else {
            try? FileManager.default.removeItem(atPath: folder)
            throw .setup("--corpus -: cannot write the temporary file \(path)")
        }
        defer { try? output.close() }
        let input = FileHandle.standardInput
        var bytes = 0
        do {
            while let chunk = try input.read(upToCount: 1 << 20), !chunk.isEmpty {
                try output.write(contentsOf: chunk)
                bytes += chunk.count
            }
        } catch {
            try? FileManager.default.removeItem(atPath: folder)
            throw .setup("--corpus -: cannot read standard input (\(error.localizedDescription))")
        }
        guard bytes > 0 else {
            // Said in the user's terms, not the spool file's: the usual cause is a pipe that
            // produced nothing, or no pipe at all.
            try? FileManager.default.removeItem(atPath: folder)
            throw .setup("standard input is empty: pipe articles in (e.g. `zcat news.jsonl.gz | dossier map script.lua`) or name a file with --input FILE or --corpus PATH")
        }
        SpoolFolders.shared.add(folder)
        return StandardInputSpool(path: path, folder: folder)
    }
}

/// The spool folders of this process, removed at exit (documents read their raw bytes back
/// from them for as long as the process runs).
final class SpoolFolders: @unchecked Sendable {
    static let shared = SpoolFolders()
    private let lock = NSLock()
    private var folders: [String] = []

    private init() {
        atexit { SpoolFolders.shared.removeAll() }
    }

    func add(_ folder: String) {
        lock.withLock { folders.append(folder) }
    }

    func removeAll() {
        let all = lock.withLock { () -> [String] in
            defer { folders = [] }
            return folders
        }
        for folder in all { try? FileManager.default.removeItem(atPath: folder) }
    }
}
