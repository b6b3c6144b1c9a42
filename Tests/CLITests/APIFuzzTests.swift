import Foundation
import Testing

/// The Lua API fuzzer: random arguments to every function and method documented in
/// docs/api/dossier.lua (and to the objects' `#`, indexing, `pairs`, `tostring`, `..`, and the
/// printer's settings), run in a sandboxed `dossier run` child with a memory cap. A Lua error is
/// a fine answer to a bad argument; a crash (a Swift trap, an abort) or a call that runs on is a
/// failure naming the call and a line to reproduce it.
///
/// The calls are drawn from a fixed seed, so every run makes the same ones. To fuzz longer or
/// differently: `DOSSIER_API_FUZZ_CALLS=20000 DOSSIER_API_FUZZ_SEED=7 swift test --skip-build
/// --filter APIFuzzTests` (docs/security.md, "Keeping it fixed").
@Suite struct APIFuzzTests {
    static let defaultCalls = 4000
    static let defaultSeed: UInt64 = 12

    /// A crash found by this fuzzer whose fix is in progress elsewhere: calls it matches are made
    /// (so the rest of the sequence stays the same) but not run.
    struct KnownCrash: Sendable {
        var name: String
        /// Where it is being fixed.
        var fixedIn: String
        var matches: @Sendable (FuzzCall) -> Bool
    }

    /// Crashes whose fixes are in flight on other branches while this test lands; empty when
    /// none is. The issue 12 entries (report.bars' huge widths, including the 1e7 hang; the
    /// printer's width of math.mininteger; pairs stepping past math.maxinteger) were deleted
    /// once their fixes were merged: the test runs those calls again. Nothing else belongs here:
    /// a new crash is fixed, not listed.
    static let knownInProgress: [KnownCrash] = []

    @Test func randomCallsOfTheDocumentedAPINeverCrashOrHang() throws {
        let environment = ProcessInfo.processInfo.environment
        let count = environment["DOSSIER_API_FUZZ_CALLS"].flatMap(Int.init) ?? Self.defaultCalls
        let seed = environment["DOSSIER_API_FUZZ_SEED"].flatMap(UInt64.init) ?? Self.defaultSeed
        let surface = try APIFuzzSurface.load()
        let targets = Self.targets(surface)
        #expect(targets.count > 80, "the annotations should document over 80 functions, found \(targets.count)")

        var generator = APIFuzzCalls(surface: surface, rng: SplitMix64(seed: seed))
        let printerFields = surface.fields["dossier.printer"] ?? []
        var made = generator.numericSweep(targets, printerFields: printerFields)
        let swept = made.count
        for _ in 0..<count {
            switch generator.rng.below(20) {
            case 0, 1: made.append(generator.protocolCall())
            case 2 where !printerFields.isEmpty:
                made.append(generator.fieldCall(owner: "dossier.printer", field: generator.rng.pick(printerFields)))
            default: made.append(generator.call(generator.rng.pick(targets)))
            }
        }
        var calls: [FuzzCall] = []
        var skipped: [String: Int] = [:]
        for call in made {
            if let known = Self.knownInProgress.first(where: { $0.matches(call) }) {
                skipped[known.name, default: 0] += 1
                calls.append(FuzzCall(function: call.function, receiver: nil, arguments: [], lua: "-- skipped: \(known.name)"))
            } else {
                calls.append(call)
            }
        }

        let workspace = try CLIWorkspace()
        let runner = APIFuzzRunner(workspace: workspace.url, calls: calls.map(\.lua))

        var next = 0
        var failures: [String] = []
        var children = 0
        let started = Date()
        while next < calls.count, failures.count < 25 {
            children += 1
            switch try runner.run(from: next) {
            case .finished:
                next = calls.count
            case .setupFailed(let status, let stderr):
                Issue.record("the fuzz driver's prelude failed (exit \(status)):\n\(stderr)")
                return
            case .hung(let index, let seconds):
                failures.append(Self.describe(calls[index], index: index, seed: seed,
                                              problem: "ran over \(Int(seconds)) s (a hang)", stderr: ""))
                next = index + 1
            case .crashed(let index, let signal, let status, let stderr):
                let problem = signal.map { "was killed by signal \($0) (\(Self.signalName($0)))" } ?? "exited with status \(status)"
                failures.append(Self.describe(calls[index], index: index, seed: seed, problem: problem, stderr: stderr))
                next = index + 1
            }
        }
        let elapsed = Int(Date().timeIntervalSince(started))
        print("Lua API fuzz: \(swept) numeric sweep + \(count) random calls (seed \(seed)) over \(targets.count) functions in \(children) child processes, \(elapsed) s; "
              + "\(failures.count) failures; skipped as known: \(skipped.isEmpty ? "none" : skipped.sorted { $0.key < $1.key }.map { "\($0.key) ×\($0.value)" }.joined(separator: ", "))")
        for failure in failures { Issue.record(Comment(rawValue: failure)) }
    }

    /// The functions the fuzzer calls: every documented one but the plugin-test helpers
    /// (`describe`, `it`, `assert.*`), which exist only under `dossier plugin test`.
    static func targets(_ surface: APIFuzzSurface) -> [APIFuzzSurface.Function] {
        surface.functions.filter { $0.owner != "_G" && $0.owner != "assert" && !$0.owner.hasPrefix("assert.") }
    }

    static func describe(_ call: FuzzCall, index: Int, seed: UInt64, problem: String, stderr: String) -> String {
        let tail = Self.crashSummary(stderr).map { "    " + $0 }.joined(separator: "\n")
        let script = APIFuzzCalls.prelude + "; " + call.lua.replacingOccurrences(of: "\n", with: " ")
        return """
            Lua API fuzz call #\(index + 1) (seed \(seed)) of \(call.function) \(problem):
              \(call.lua)
              reproduce: dossier eval \(Self.shellQuoted(script))
            \(tail)
            """
    }

    /// The lines of a crash report that say what and where: the error, and the top frames of the
    /// crashed thread (Swift's backtracer) or the sanitizer's summary; else the last lines.
    static func crashSummary(_ stderr: String) -> [String] {
        let lines = stderr.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        var out: [String] = []
        var frames = 0
        for line in lines {
            if line.contains("Fatal error") || line.contains("Program crashed") || line.contains("ERROR: AddressSanitizer")
                || line.contains("WARNING: ThreadSanitizer") || line.hasPrefix("SUMMARY:") {
                out.append(line)
            } else if line.contains(" crashed:") {
                frames = 5
            } else if frames > 0, !line.hasPrefix("...") {
                out.append(line.trimmingCharacters(in: .whitespaces))
                frames -= 1
            }
        }
        return out.isEmpty ? Array(lines.suffix(8)) : out
    }

    static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\"'\"'") + "'"
    }

    static func signalName(_ signal: Int32) -> String {
        switch signal {
        case SIGILL: return "SIGILL: a Swift runtime trap"
        case SIGTRAP: return "SIGTRAP: a Swift runtime trap"
        case SIGABRT: return "SIGABRT: an abort"
        case SIGSEGV: return "SIGSEGV: a bad memory access"
        case SIGBUS: return "SIGBUS"
        case SIGKILL: return "SIGKILL: killed, perhaps for memory"
        default: return "signal \(signal)"
        }
    }

    // MARK: - The pieces, on their own

    @Test func theSurfaceHoldsFunctionsParametersFieldsAndAliases() throws {
        let surface = APIFuzzSurface.parse("""
            ---@alias Kind "a"|"b"
            ---@alias Top
            ---| integer
            ---| false
            ---@class Opts
            ---@field width? integer columns
            ---@field ["end"] string
            local Thing = {}
            --- Does it.
            ---@param n integer
            ---@param opts? Opts
            function Thing:run(n, opts) end
            function mod.sub.go(x) end
            """)
        #expect(surface.functions.map(\.qualifiedName) == ["Thing:run", "mod.sub.go"])
        #expect(surface.functions[0].parameters == [.init(name: "n", type: "integer", optional: false),
                                                    .init(name: "opts", type: "Opts", optional: true)])
        #expect(surface.functions[1].parameters == [.init(name: "x", type: "any", optional: true)])
        #expect(surface.fields["Opts"]?.map(\.name) == ["width", "end"])
        #expect(surface.aliases["Kind"] == "\"a\"|\"b\"")
        #expect(surface.aliases["Top"]?.contains("integer") == true && surface.aliases["Top"]?.contains("false") == true)
        let real = try APIFuzzSurface.load()
        #expect(real.functions.contains { $0.qualifiedName == "Corpus:search" && $0.parameters.map(\.name) == ["query", "opts"] })
        #expect(real.fields["BarsOptions"]?.contains { $0.name == "width" } == true)
    }

    @Test func callsAreTheSameForTheSameSeedAndFollowTheTypes() throws {
        let surface = try APIFuzzSurface.load()
        func make(_ seed: UInt64) -> [String] {
            var g = APIFuzzCalls(surface: surface, rng: SplitMix64(seed: seed))
            return (0..<300).map { _ in g.call(g.rng.pick(Self.targets(surface))).lua }
        }
        #expect(make(3) == make(3))
        #expect(make(3) != make(4))
        // Option tables are built from the option classes' fields.
        var g = APIFuzzCalls(surface: surface, rng: SplitMix64(seed: 1))
        let bars = try #require(surface.functions.first { $0.qualifiedName == "report.bars" })
        let withWidth = (0..<400).map { _ in g.call(bars) }.filter { $0.argument(1).fields["width"] != nil }
        #expect(!withWidth.isEmpty)
        #expect(withWidth.contains { $0.argument(1).isHugeNumber("width") })
        #expect(APIFuzzCalls.mentions("fun(c: Corpus): any", "Corpus"))
        #expect(!APIFuzzCalls.mentions("CorpusOptions", "Corpus"))
        #expect(APIFuzzCalls.literals(in: "\"left\"|\"right\"") == ["\"left\"", "\"right\""])
    }

    @Test func theRunnerNamesTheCallThatCrashedOrHung() throws {
        let workspace = try CLIWorkspace()
        var runner = APIFuzzRunner(workspace: workspace.url,
                                   calls: ["return 1", "return dossier.printer.repr(O.list)", "error('a Lua error is fine')",
                                           "while true do end", "return O.tokens"])
        runner.entryTimeout = 1
        guard case .finished = try runner.run(from: 0) else {
            Issue.record("a driver of harmless calls should finish")
            return
        }
        // Stand-ins for a dossier stuck in call 2 where its time limit cannot reach (waiting: a
        // busy loop in Swift would be caught by its CPU time, `callLimit`), and for one
        // that dies of SIGABRT during call 2, as a trapped dossier would.
        let markers = "printf '\\n\\001FUZZ 1\\nout\\n\\001FUZZ 2\\n'\n"
        try workspace.write("stuck-dossier", "#!/bin/sh\n" + markers + "exec sleep 60\n")
        try workspace.write("crashing-dossier", "#!/bin/sh\n" + markers + "echo 'Fatal error: boom' >&2\nkill -ABRT $$\n")
        chmod(workspace.path("stuck-dossier"), 0o755)
        chmod(workspace.path("crashing-dossier"), 0o755)
        runner.executable = workspace.url.appendingPathComponent("stuck-dossier")
        runner.waitLimit = 1
        guard case .hung(let index, _) = try runner.run(from: 0) else {
            Issue.record("a call that runs on should be reported as a hang")
            return
        }
        #expect(index == 1)
        // One that spins in call 2 is caught by the CPU time it uses, long before the wait limit.
        try workspace.write("spinning-dossier", "#!/bin/sh\n" + markers + "while :; do :; done\n")
        chmod(workspace.path("spinning-dossier"), 0o755)
        runner.executable = workspace.url.appendingPathComponent("spinning-dossier")
        runner.waitLimit = 600
        runner.callLimit = 1
        guard case .hung(let spun, _) = try runner.run(from: 0) else {
            Issue.record("a call that spins should be reported as a hang")
            return
        }
        #expect(spun == 1)
        runner.executable = workspace.url.appendingPathComponent("crashing-dossier")
        guard case .crashed(let crashed, let signal, let status, let stderr) = try runner.run(from: 0) else {
            Issue.record("a child killed by a signal should be reported as a crash")
            return
        }
        #expect(crashed == 1)
        #expect(signal == SIGABRT, "status \(status) \(stderr)")
        #expect(stderr.contains("Fatal error: boom"))
    }
}
