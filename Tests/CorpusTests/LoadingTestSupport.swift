import Foundation
import Testing
@testable import Corpus
#if canImport(Glibc)
import Glibc
#endif

/// A temporary folder tree for loading tests: files (with byte names), folders, links and
/// named pipes. Removed when the value goes away.
final class LoadFixture {
    let url: URL
    var path: String { url.path }

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-load-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        // Folders made unreadable by a test must be readable again to be removed.
        if let walker = FileManager.default.enumerator(atPath: path) {
            for case let relative as String in walker { chmod(path + "/" + relative, 0o755) }
        }
        try? FileManager.default.removeItem(at: url)
    }

    /// Writes a file (folders on the way are made).
    func write(_ relative: String, _ contents: String) throws {
        try write(relative, bytes: Array(contents.utf8))
    }

    func write(_ relative: String, bytes: [UInt8]) throws {
        if let slash = relative.lastIndex(of: "/") { try folder(String(relative[..<slash])) }
        try write(name: Array(relative.utf8), bytes: bytes)
    }

    /// Writes a file whose name is given as bytes (not necessarily UTF-8), with plain system
    /// calls (a test of ten thousand files would spend a minute in Foundation).
    func write(name: [UInt8], _ contents: String) throws {
        try write(name: name, bytes: Array(contents.utf8))
    }

    func write(name: [UInt8], bytes: [UInt8]) throws {
        let fd = DirectoryWalk.withCPath(Array(path.utf8) + [UInt8(ascii: "/")] + name) {
            open($0, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        }
        guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(fd) }
        let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count else { throw POSIXError(.EIO) }
    }

    func folder(_ relative: String) throws {
        try FileManager.default.createDirectory(at: url.appendingPathComponent(relative), withIntermediateDirectories: true)
    }

    /// `ln -s target relative`.
    func link(_ relative: String, to target: String) throws {
        try FileManager.default.createSymbolicLink(atPath: path + "/" + relative, withDestinationPath: target)
    }

    /// `mkfifo relative`.
    func fifo(_ relative: String) throws {
        guard mkfifo(path + "/" + relative, 0o644) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    }
}

/// True when this process ignores file permissions (root): tests of unreadable files skip then.
let ignoresPermissions = geteuid() == 0

/// Runs `body` on another thread and waits at most `seconds` for it: a load that hangs (on a
/// named pipe, in a link loop) fails the test instead of stopping the test run. Returns nil
/// (and records an issue) when it did not finish in time.
func finishing<T: Sendable>(within seconds: Double, _ what: String,
                            _ body: @escaping @Sendable () throws -> T) -> Result<T, any Error>? {
    let box = ResultBox<T>()
    let done = DispatchSemaphore(value: 0)
    Thread.detachNewThread {
        box.result = Result { try body() }
        done.signal()
    }
    guard done.wait(timeout: .now() + seconds) == .success else {
        Issue.record("\(what) did not finish in \(seconds) s")
        return nil
    }
    return box.result
}

/// A result handed from one thread to another (after a semaphore).
final class ResultBox<T>: @unchecked Sendable {
    var result: Result<T, any Error>?
}
