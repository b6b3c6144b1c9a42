import Foundation
import Testing

/// Numbers from the command line and the environment: checked against their real ranges with
/// messages that name the option, never a crash.
@Suite struct LimitOptionTests {
    /// Exit status 64 is swift-argument-parser's usage error; a crash would be a signal.
    func expectUsageError(_ arguments: [String], _ expected: String) throws {
        let r = try CLI.run(arguments)
        #expect(r.status == 64, "\(arguments): status \(r.status), \(r.stderr)")
        #expect(r.stderr.contains(expected), "\(arguments): \(r.stderr)")
    }

    @Test func memorySizesOutOfRangeAreUsageErrors() throws {
        try expectUsageError(["eval", "--max-memory", "1e19", "return 1"], "--max-memory '1e19' is too large: at most 1024T")
        try expectUsageError(["eval", "--max-memory", "99999999999G", "return 1"], "--max-memory '99999999999G' is too large: at most 1024T")
        try expectUsageError(["eval", "--max-memory", "1k", "return 1"], "--max-memory '1k' is too small: Lua needs at least 1 MB")
        try expectUsageError(["eval", "--max-memory", "lots", "return 1"], "--max-memory 'lots' is not a size (examples: 512M, 2G, 100000)")
    }

    @Test func theSmallestMemoryCapRunsASessionWithPlugins() throws {
        let r = try CLI.run(["eval", "--max-memory", "1M", "--plugin", "newsroom", "return #corpus"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "5\n")
    }

    @Test func timeoutsOutOfRangeAreUsageErrors() throws {
        try expectUsageError(["eval", "--timeout", "1e-300", "return 1"], "--timeout 1e-300 is too short: give at least 0.001 s")
        try expectUsageError(["eval", "--timeout", "0", "return 1"], "--timeout 0 is too short: give at least 0.001 s")
        try expectUsageError(["eval", "--timeout", "nan", "return 1"], "--timeout must be a number of seconds from 0.001 to 1000000")
        try expectUsageError(["eval", "--timeout", "1e300", "return 1"], "--timeout must be a number of seconds from 0.001 to 1000000")
    }

    @Test func theShortestTimeoutStillSetsUpTheSession() throws {
        let r = try CLI.run(["eval", "--timeout", "0.001", "return 6 * 7"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "42\n")
        let loop = try CLI.run(["eval", "--timeout", "0.001", "while true do end"])
        #expect(loop.status == 1)
        #expect(loop.stderr.contains("time limit of 0.001 s exceeded"))
    }

    @Test func terminalWidthsFromTheEnvironmentAreKeptInRange() throws {
        let code = "print(report.bars({{label = 'china', value = 3}, {label = 'taiwan', value = 1}})) return corpus:docs()"
        for columns in ["9223372036854775807", "99999999999999999999", "-5", "0", "abc", "1e9", "100000"] {
            let r = try CLI.run(["eval", code], environment: ["COLUMNS": columns, "LINES": columns])
            #expect(r.status == 0, "COLUMNS=\(columns): status \(r.status) \(r.stderr)")
            #expect(r.stdout.split(separator: "\n").allSatisfy { $0.count <= 1000 }, "COLUMNS=\(columns)")
        }
        let narrow = try CLI.run(["eval", code], environment: ["COLUMNS": "60"])
        #expect(narrow.stdout.split(separator: "\n").allSatisfy { $0.count <= 60 })
    }
}
