import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Issue 12's probes of the release build, run again as a user would run them.
@Suite struct SandboxEscapeCLITests {
    /// A script writes a shared object into out/ (allowed), points package.cpath there and
    /// requires it: its luaopen_lpeg must never run.
    @Test func aScriptCannotLoadNativeCodeItWrote() throws {
        let w = try CLIWorkspace()
        let marker = w.path("native-code-ran")
        try w.write("analysis/module.c", """
            #include <stdio.h>
            int luaopen_lpeg(void *L) {
              FILE *f = fopen("\(marker)", "w");
              if (f) { fputs("native code ran\\n", f); fclose(f); }
              (void)L;
              return 0;
            }
            """)
        try compileSharedObject(w.path("analysis/module.c"), to: w.path("analysis/evil.so"))
        try w.write("analysis/escape.lua", """
            local here = arg[0]:match("^(.*)/")
            local bytes = assert(io.open(here .. "/evil.so", "rb")):read("a")
            local copy = assert(io.open("out/lpeg.so", "wb"))
            copy:write(bytes)
            copy:close()
            print(pcall(function() package.cpath = "./out/?.so;" .. package.cpath end))
            print(pcall(require, "lpeg"))
            """)
        let r = try w.run(["run", "analysis/escape.lua"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: marker), "the module's native code ran")
        #expect(r.stdout.contains("false\tanalysis/escape.lua:6: package.cpath cannot be changed in the sandbox (run with --trusted to allow it)"), "\(r.stdout)")
        #expect(r.stdout.contains("false\tmodule 'lpeg' not found"), "\(r.stdout)")
    }

    @Test func aDanglingLinkInOutIsNotWrittenThrough() throws {
        let w = try CLIWorkspace()
        try FileManager.default.createDirectory(atPath: w.path("out"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: w.path("out/notes.txt"), withDestinationPath: w.path("escaped.txt"))
        let r = try w.run(["eval", "local f = io.open('out/notes.txt', 'w') f:write('x') f:close()"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("io.open: writing to 'out/notes.txt' is refused: it is a symbolic link"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: w.path("escaped.txt")))
    }

    @Test func getenvSeesOnlyTheAllowList() throws {
        let w = try CLIWorkspace()
        let env = ["SANDBOX_PROBE_TOKEN": "hunter2", "DOSSIER_PROBE": "visible"]
        let r = try CLI.run(["eval", "return os.getenv('SANDBOX_PROBE_TOKEN'), os.getenv('DOSSIER_PROBE')"], in: w.url, environment: env)
        #expect(r.stdout == "nil\tvisible\n", "\(r.stderr)")
        let trusted = try CLI.run(["eval", "--trusted", "return os.getenv('SANDBOX_PROBE_TOKEN')"], in: w.url, environment: env)
        #expect(trusted.stdout == "hunter2\n")
    }

    // MARK: - Plugins

    @Test func pluginNamesOfLuaLibrariesAreRefused() throws {
        let w = try CLIWorkspace()
        let new = try w.run(["plugin", "new", "string"])
        #expect(new.status == 1)
        #expect(new.stderr.contains("'string' is the name of Lua's standard library 'string'"), "\(new.stderr)")
        #expect(!FileManager.default.fileExists(atPath: w.path("plugins/string")))
        try w.plugin("string", in: "lib")
        let load = try w.run(["eval", "--plugin", "string", "return 1"], libs: ["lib"])
        #expect(load.status != 0)
        #expect(load.stderr.contains("cannot load plugin 'string': 'string' is the name of Lua's standard library"), "\(load.stderr)")
    }

    /// A manifest calling a backtracking find hung every command, `plugin list` included.
    @Test func aBacktrackingManifestDoesNotHangPluginList() throws {
        let w = try CLIWorkspace()
        try w.write("lib/slow/manifest.lua", """
            local s = ("a"):rep(20000)
            s:find(("a*"):rep(6) .. "b")
            return { name = "slow", version = "1.0.0", description = "never returns" }
            """)
        try w.write("lib/slow/init.lua", "return {}")
        let start = Date()
        let r = try w.run(["plugin", "list"], libs: ["lib"])
        #expect(Date().timeIntervalSince(start) < 30)
        #expect(r.stdout.contains("the manifest did too much work"), "\(r.stdout)\(r.stderr)")
    }

    // MARK: - Ctrl-C

    /// One Ctrl-C stops a script stuck in Lua's pattern matcher (C code, where the count hook
    /// never fires), with "interrupted" and exit status 1.
    @Test func oneCtrlCStopsAScriptInsideThePatternMatcher() throws {
        let w = try CLIWorkspace()
        try w.write("slow.lua", """
            local s = ("a"):rep(1000000)
            print("started")
            io.stdout:flush()
            s:find(("a*"):rep(6) .. "b")
            print("finished")
            """)
        let run = try RunningDossier(["run", "slow.lua"], in: w.url)
        #expect(run.waitForOutput("started", seconds: 60))
        let interrupted = Date()
        run.interrupt()
        let status = run.waitForExit(seconds: 20)
        #expect(status == 1)
        #expect(Date().timeIntervalSince(interrupted) < 10)
        #expect(run.stderr.contains("slow.lua:4: interrupted"), "\(run.stderr)")
        #expect(!run.stdout.contains("finished"))
    }

    /// In the REPL one Ctrl-C stops the entry and the loop goes on with the next.
    @Test func oneCtrlCStopsAReplEntryAndTheReplGoesOn() throws {
        let w = try CLIWorkspace()
        let input = """
            s = ("a"):rep(1000000) print("started") io.stdout:flush() s:find(("a*"):rep(6) .. "b")
            print("after")

            """
        let run = try RunningDossier(["repl"], in: w.url, input: input)
        #expect(run.waitForOutput("started", seconds: 60))
        run.interrupt()
        let status = run.waitForExit(seconds: 20)
        #expect(status == 0)
        #expect(run.stdout.contains("after"), "\(run.stdout)")
        #expect(run.stderr.contains("interrupted"), "\(run.stderr)")
    }
}

/// Builds a shared object with the machine's C compiler (cc, or the Swift toolchain's clang).
func compileSharedObject(_ source: String, to path: String) throws {
    var messages: [String] = []
    for compiler in ["cc", "clang"] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [compiler, "-shared", "-fPIC", "-o", path, source]
        let err = Pipe()
        process.standardError = err
        try process.run()
        messages.append(String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
        process.waitUntilExit()
        if process.terminationStatus == 0 { return }
    }
    throw CompileError(message: messages.joined(separator: "\n"))
}

struct CompileError: Error, CustomStringConvertible {
    let message: String
    var description: String { "cannot compile the test module: \(message)" }
}

/// The dossier binary running in the background, so a test can signal it while it works.
final class RunningDossier: @unchecked Sendable {
    private let process = Process()
    private let lock = NSLock()
    private var out = Data()
    private var err = Data()

    init(_ arguments: [String], in directory: URL, input: String = "") throws {
        process.executableURL = CLI.binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "DOSSIER_CORPUS")
        env["DOSSIER_PLUGINS"] = ""
        process.environment = env
        let outPipe = Pipe(), errPipe = Pipe(), inPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        process.standardInput = inPipe
        outPipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            self?.lock.withLock { self?.out.append(data) }
        }
        errPipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            self?.lock.withLock { self?.err.append(data) }
        }
        try process.run()
        inPipe.fileHandleForWriting.write(Data(input.utf8))
        try inPipe.fileHandleForWriting.close()
    }

    var stdout: String { lock.withLock { String(decoding: out, as: UTF8.self) } }
    var stderr: String { lock.withLock { String(decoding: err, as: UTF8.self) } }

    /// Waits until standard output contains `text`; false after `seconds`.
    func waitForOutput(_ text: String, seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if stdout.contains(text) { return true }
            if !process.isRunning { return stdout.contains(text) }
            usleep(20_000)
        }
        return false
    }

    /// Ctrl-C.
    func interrupt() { kill(process.processIdentifier, SIGINT) }

    /// The exit status, or nil when it is still running after `seconds` (it is then killed).
    func waitForExit(seconds: Double) -> Int32? {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            return nil
        }
        usleep(100_000) // the last output
        return process.terminationStatus
    }
}
