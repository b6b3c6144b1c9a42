import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Unreadable folders and files as a user meets them. Root reads anything whatever its mode,
/// so when the tests run as root, dossier is run as `nobody` (through setpriv) instead.
@Suite struct LoadingCLITests {
    /// dossier's arguments, run as an unprivileged user when this process is root; nil when
    /// that is not possible here.
    static func unprivileged(_ arguments: [String], folder: URL) throws -> (executable: String, arguments: [String])? {
        guard geteuid() == 0 else { return (CLI.binary.path, arguments) }
        let setpriv = "/usr/bin/setpriv"
        guard FileManager.default.isExecutableFile(atPath: setpriv) else { return nil }
        // A copy nobody can run (the build folder may not be open to other users).
        let copy = folder.appendingPathComponent("dossier")
        try FileManager.default.copyItem(at: CLI.binary, to: copy)
        chmod(copy.path, 0o755)
        return (setpriv, ["--reuid=65534", "--regid=65534", "--clear-groups", copy.path] + arguments)
    }

    @Test(.enabled(if: geteuid() != 0 || FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"),
                   "running as root without setpriv: cannot drop privileges to check unreadable files"))
    func unreadableFoldersAndFilesWarnWithTheReason() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-perm-\(UUID().uuidString)")
        let corpus = base.appendingPathComponent("corpus")
        try FileManager.default.createDirectory(at: corpus.appendingPathComponent("locked"), withIntermediateDirectories: true)
        defer {
            chmod(corpus.appendingPathComponent("locked").path, 0o755)
            try? FileManager.default.removeItem(at: base)
        }
        try "Title\n\nReadable.\n".write(to: corpus.appendingPathComponent("good.txt"), atomically: true, encoding: .utf8)
        try "Title\n\nHidden.\n".write(to: corpus.appendingPathComponent("locked/inner.txt"), atomically: true, encoding: .utf8)
        try "Title\n\nSecret.\n".write(to: corpus.appendingPathComponent("secret.txt"), atomically: true, encoding: .utf8)
        chmod(corpus.appendingPathComponent("secret.txt").path, 0)
        chmod(corpus.appendingPathComponent("locked").path, 0)
        for folder in [base, corpus] { chmod(folder.path, 0o755) }
        guard let (executable, arguments) = try Self.unprivileged(["eval", "--corpus", corpus.path, "return #corpus"], folder: base)
        else { return }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = base
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(stderr)")
        #expect(stdout == "1\n")
        #expect(stderr.contains("locked: folder cannot be read (Permission denied), skipped"), "\(stderr)")
        #expect(stderr.contains("secret.txt: cannot be read (Permission denied), skipped"), "\(stderr)")
    }
}
