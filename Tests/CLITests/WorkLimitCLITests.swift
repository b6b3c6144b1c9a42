import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// What a user sees when the corpus holds a named pipe, and when `--timeout` or Ctrl-C meets
/// long Swift work (not Lua code): the run stops with the limit's message, soon.
@Suite struct WorkLimitCLITests {
    /// A temporary folder, removed at the end.
    final class Folder {
        let url: URL
        init() throws {
            url = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-limits-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        }
        deinit { try? FileManager.default.removeItem(at: url) }
        func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    }

    /// A corpus of one 2.6 MB one-line article (the seeds' bodies, many times over): its
    /// quotations take a debug build tens of seconds.
    static func bigCorpus(copies: Int = 120) throws -> Folder {
        let folder = try Folder()
        let seeds = CLI.projectRoot.appendingPathComponent("seeds")
        let names = try FileManager.default.contentsOfDirectory(atPath: seeds.path).filter { $0.hasSuffix(".txt") }.sorted()
        let text = try names.map { try String(contentsOf: seeds.appendingPathComponent($0), encoding: .utf8) }
            .joined(separator: " ").replacingOccurrences(of: "\n", with: " ")
        try ("Headline\n\n" + String(repeating: text + " ", count: copies)).write(toFile: folder.path("big.txt"), atomically: true, encoding: .utf8)
        return folder
    }

    /// Runs dossier with `arguments`; gives up after `seconds` (ending the process) and records
    /// an issue, so a hang fails the test instead of stopping the test run.
    static func run(_ arguments: [String], within seconds: Double,
                    whenStarted: ((Process) -> Void)? = nil) throws -> (output: CLI.Output, elapsed: Double)? {
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = arguments
        process.currentDirectoryURL = CLI.projectRoot
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "DOSSIER_CORPUS")
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        let start = Date()
        try process.run()
        var stdout = Data()
        if let whenStarted {
            // Wait for the script's "started" line, then act.
            while !String(decoding: stdout, as: UTF8.self).contains("started") && process.isRunning
                    && Date().timeIntervalSince(start) < seconds {
                stdout += out.fileHandleForReading.availableData
            }
            whenStarted(process)
        }
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        if process.isRunning && finished.wait(timeout: .now() + max(0, seconds - Date().timeIntervalSince(start))) == .timedOut {
            process.terminate()
            Issue.record("dossier \(arguments.joined(separator: " ")) did not finish in \(seconds) s")
            return nil
        }
        process.waitUntilExit()
        stdout += out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        let output = CLI.Output(stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self),
                                status: process.terminationStatus)
        return (output, Date().timeIntervalSince(start))
    }

    @Test func aCorpusPathThatIsANamedPipeIsAnErrorNotAHang() throws {
        let folder = try Folder()
        let fifo = folder.path("pipe")
        #expect(mkfifo(fifo, 0o644) == 0)
        guard let (r, _) = try Self.run(["eval", "--corpus", fifo, "return 1"], within: 60) else { return }
        #expect(r.status != 0)
        #expect(r.stderr.contains("not a regular file (a named pipe)"), "\(r.stderr)")
    }

    @Test func aNamedPipeInTheCorpusIsSkippedWithAWarning() throws {
        let folder = try Folder()
        try "Title\n\nText about Beijing.\n".write(toFile: folder.path("a.txt"), atomically: true, encoding: .utf8)
        #expect(mkfifo(folder.path("pipe.txt"), 0o644) == 0)
        guard let (r, _) = try Self.run(["eval", "--corpus", folder.url.path, "return #corpus"], within: 60) else { return }
        #expect(r.status == 0)
        #expect(r.stdout == "1\n")
        #expect(r.stderr.contains("pipe.txt: not a regular file (a named pipe), skipped"), "\(r.stderr)")
    }

    @Test func timeoutStopsLongSwiftWork() throws {
        let corpus = try Self.bigCorpus()
        // Without the limit this runs for minutes in a debug build on a busy machine.
        guard let (r, elapsed) = try Self.run(["eval", "--timeout", "2", "--corpus", corpus.url.path, "return #corpus:quotes()"],
                                              within: 120) else { return }
        #expect(r.status == 1)
        #expect(r.stderr.contains("time limit of 2 s exceeded"), "\(r.stderr)")
        #expect(r.stderr.contains("stopped by --timeout"))
        #expect(elapsed < 100)
    }

    @Test func pcallDoesNotSwallowATimeoutInSwiftWork() throws {
        let corpus = try Self.bigCorpus()
        let code = "local ok, e = pcall(function() return corpus:entities() end) print('swallowed', ok, e) return 0"
        guard let (r, _) = try Self.run(["eval", "--timeout", "1", "--corpus", corpus.url.path, code], within: 120) else { return }
        #expect(r.status == 1)
        #expect(!r.stdout.contains("swallowed"))
        #expect(r.stderr.contains("time limit of 1 s exceeded"), "\(r.stderr)")
    }

    @Test func oneControlCStopsLongSwiftWork() throws {
        let corpus = try Self.bigCorpus()
        let code = "print('started') io.stdout:flush() return #corpus:quotes()"
        var sent: Date?
        guard let (r, _) = try Self.run(["eval", "--corpus", corpus.url.path, code], within: 120, whenStarted: { process in
            Thread.sleep(forTimeInterval: 0.5)
            sent = Date()
            kill(process.processIdentifier, SIGINT)
        }) else { return }
        #expect(r.status == 1)
        #expect(r.stderr.contains("interrupted"), "\(r.stderr)")
        if let sent { #expect(Date().timeIntervalSince(sent) < 60) }
    }
}
