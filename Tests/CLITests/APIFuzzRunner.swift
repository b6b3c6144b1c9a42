import Foundation

/// Runs generated Lua API calls in a child `dossier repl` fed from a file, so that a Swift trap,
/// a sanitizer abort or a hang ends the child, not the test. Each call is one REPL entry, under
/// the REPL's time limit (`--timeout`, so a Lua loop that runs on is stopped as a user's would
/// be) and Lua memory cap; the entry first prints a marker, so the last marker names the call
/// that killed or stalled the child. After a crash the runner starts a new child at the next call.
struct APIFuzzRunner {
    enum Outcome {
        /// Every call from `first` on ran (each one returned or raised a Lua error).
        case finished
        /// The child died during call `index` (0-based): killed by `signal`, or exited with `status`.
        case crashed(index: Int, signal: Int32?, status: Int32, stderr: String)
        /// Call `index` ran longer than the per-call limit, past the REPL's own time limit (so
        /// in Swift or C code that does not stop for it); the child was killed.
        case hung(index: Int, seconds: Double)
        /// The prelude (making the objects) failed before the first call.
        case setupFailed(status: Int32, stderr: String)
    }

    let workspace: URL
    /// The calls, one line of Lua each.
    var calls: [String]
    /// The program run as `dossier` (tests of the runner itself give a stand-in).
    var executable: URL = CLI.binary
    /// The REPL's time limit per entry (`--timeout`).
    var entryTimeout: Double = 5
    /// Most CPU seconds a single call may use before it counts as a hang (past `entryTimeout`);
    /// DOSSIER_API_FUZZ_CALL_LIMIT sets it (scripts/sanitize does: sanitized builds are slower).
    /// CPU time, not wall-clock time, so that a busy machine does not turn a slow call into a
    /// hang; a call that waits without using the CPU counts as hung after `waitLimit` seconds.
    var callLimit: Double = ProcessInfo.processInfo.environment["DOSSIER_API_FUZZ_CALL_LIMIT"].flatMap(Double.init) ?? 20
    var waitLimit: Double = 120
    /// The child's address-space limit (`ulimit -v`) in MB, so that a runaway allocation fails
    /// (a crash the test reports) instead of taking the machine's memory; 0 for none (sanitizer
    /// builds reserve terabytes of shadow memory: scripts/sanitize sets DOSSIER_API_FUZZ_MEMORY_MB=0).
    var addressSpaceMB: Int = ProcessInfo.processInfo.environment["DOSSIER_API_FUZZ_MEMORY_MB"].flatMap(Int.init) ?? 6144

    static let marker = "\u{1}FUZZ "

    /// The REPL input from call `first` (0-based) on: the prelude, then one entry per call.
    func input(from first: Int) -> String {
        var lines = [APIFuzzCalls.prelude]
        for i in first..<calls.count {
            lines.append("io.stdout:write(\"\\n\\1FUZZ \(i + 1)\\n\") io.stdout:flush() \(calls[i])")
            if i % 20 == 19 { lines.append("collectgarbage()") }
        }
        lines.append("io.stdout:write(\"\\n\\1FUZZ done\\n\") io.stdout:flush()")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Runs the calls from `first` (0-based) until they finish, or one crashes or hangs.
    func run(from first: Int) throws -> Outcome {
        let input = workspace.appendingPathComponent("input-\(first).lua")
        let out = workspace.appendingPathComponent("stdout-\(first).txt")
        let err = workspace.appendingPathComponent("stderr-\(first).txt")
        try Data(self.input(from: first).utf8).write(to: input)
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        defer {
            for file in [input, out, err] { try? FileManager.default.removeItem(at: file) }
        }
        // The shell sets the folder, the limit and the redirections, then becomes dossier.
        let limit = addressSpaceMB > 0 ? "ulimit -v \(addressSpaceMB * 1024) && " : ""
        let script = "cd \"$1\" && \(limit)shift && exec \"$0\" \"$@\" <\"\(input.path)\" >\"\(out.path)\" 2>\"\(err.path)\""
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "DOSSIER_CORPUS")
        env["DOSSIER_PLUGINS"] = ""
        env["DOSSIER_PATH"] = ""
        env["XDG_CONFIG_HOME"] = workspace.appendingPathComponent("config").path
        let child = try ChildProcess(["/bin/sh", "-c", script, executable.path, workspace.path,
                                      "repl", "--timeout", String(entryTimeout), "--max-memory", "1G"],
                                     environment: env)

        let reader = try FileHandle(forReadingFrom: out)
        defer { try? reader.close() }
        var pending = Data()
        var current: Int?  // 1-based, as the driver counts
        var done = false
        var lastProgress = Date()
        var cpuAtProgress = 0.0
        func scan() {
            pending.append(reader.readDataToEndOfFile())
            guard let lastNewline = pending.lastIndex(of: 10) else { return }
            let lines = String(decoding: pending[..<lastNewline], as: UTF8.self)
            pending = Data(pending[(lastNewline + 1)...])
            for line in lines.split(separator: "\n") {
                guard let range = line.range(of: Self.marker) else { continue }
                let rest = line[range.upperBound...]
                if rest == "done" { done = true } else if let i = Int(rest) {
                    current = i
                    lastProgress = Date()
                    cpuAtProgress = child.cpuSeconds() ?? 0
                }
            }
        }
        var ended: ChildProcess.Ending?
        while ended == nil {
            Thread.sleep(forTimeInterval: 0.05)
            ended = child.poll()
            scan()
            guard ended == nil, let current else { continue }
            let cpu = (child.cpuSeconds() ?? cpuAtProgress) - cpuAtProgress
            let wall = Date().timeIntervalSince(lastProgress)
            if cpu > callLimit || wall > waitLimit {
                child.kill()
                return .hung(index: current - 1, seconds: wall)
            }
        }
        let stderr = (try? String(contentsOf: err, encoding: .utf8)) ?? ""
        guard let ended else { return .finished }
        if done && ended.status == 0 && ended.signal == nil { return .finished }
        guard let current else { return .setupFailed(status: ended.status, stderr: stderr) }
        return .crashed(index: current - 1, signal: ended.signal, status: ended.status, stderr: stderr)
    }
}

/// A child process started with posix_spawn and reaped with waitpid, with a clean signal mask.
final class ChildProcess {
    struct Ending {
        var status: Int32
        var signal: Int32?
    }

    private let pid: pid_t
    private var ending: Ending?

    init(_ arguments: [String], environment: [String: String]) throws {
        var argv = arguments.map { strdup($0) } + [nil]
        var envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for p in argv { free(p) }
            for p in envp { free(p) }
        }
        // The child starts with no signal blocked and every signal at its default action: test
        // threads (Dispatch workers) block signals, and a child would inherit that mask.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, arguments[0], nil, &attributes, &argv, &envp)
        guard rc == 0 else { throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "posix_spawn: \(rc)"]) }
        self.pid = pid
    }

    deinit {
        if ending == nil { kill() }
    }

    /// How the child ended, or nil while it runs.
    func poll() -> Ending? {
        if let ending { return ending }
        var status: Int32 = 0
        guard waitpid(pid, &status, WNOHANG) == pid else { return nil }
        let signal = status & 0x7F
        ending = signal == 0 ? Ending(status: (status >> 8) & 0xFF, signal: nil) : Ending(status: 128 + signal, signal: signal)
        return ending
    }

    /// CPU seconds (user and system, all threads) the child has used so far, from /proc.
    func cpuSeconds() -> Double? {
        guard ending == nil,
              let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        // After "pid (name)": state is field 3, utime field 14, stime field 15.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// Kills the child and reaps it.
    func kill() {
        guard ending == nil else { return }
        _ = Glibc.kill(pid, SIGKILL)
        var status: Int32 = 0
        _ = waitpid(pid, &status, 0)
        ending = Ending(status: 128 + SIGKILL, signal: SIGKILL)
    }
}
