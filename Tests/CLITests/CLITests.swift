import Foundation
import Testing

/// Runs the built `dossier` binary the way a user would.
struct CLI {
    static let projectRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var binary: URL {
        // The test bundle sits beside the products of the same build.
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = runner.deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("dossier")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return projectRoot.appendingPathComponent(".build/debug/dossier")
    }

    struct Output {
        var stdout: String
        var stderr: String
        var status: Int32
    }

    @discardableResult
    static func run(_ arguments: [String], input: String? = nil, in directory: URL? = nil,
                    environment: [String: String] = [:], binary executable: URL? = nil) throws -> Output {
        let process = Process()
        process.executableURL = executable ?? binary
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? projectRoot
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "DOSSIER_CORPUS")
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe(), inPipe = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inPipe
        try process.run()
        if let input { inPipe.fileHandleForWriting.write(Data(input.utf8)) }
        try inPipe.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self),
                      status: process.terminationStatus)
    }
}

@Suite struct CLITests {
    @Test func evalPrintsTheDocumentCount() throws {
        let seeds = try FileManager.default.contentsOfDirectory(atPath: CLI.projectRoot.appendingPathComponent("seeds").path)
            .filter { $0.hasSuffix(".txt") }
        let r = try CLI.run(["eval", "return #corpus"])
        #expect(r.status == 0)
        #expect(r.stdout == "\(seeds.count)\n")
    }

    @Test func seedsAreFoundFromAnotherFolder() throws {
        let r = try CLI.run(["eval", "return #corpus"], in: FileManager.default.temporaryDirectory)
        #expect(r.status == 0)
        #expect(r.stdout == "5\n")
    }

    @Test func replReadsAPipeline() throws {
        let r = try CLI.run(["repl"], input: "x = 6*7\nprint(x)\nerror(\"boom\")\nprint(\"still here\")\n")
        #expect(r.status == 0)
        #expect(r.stdout == "42\nstill here\n")
        #expect(r.stderr.contains("stdin:1: boom"))
    }

    @Test func replPrintsExpressionsAndContinuesChunks() throws {
        let r = try CLI.run(["repl"], input: "6*7\nfor i = 1, 2 do\n  print(i)\nend\n'a', 1\n")
        #expect(r.stdout == "42\n1\n2\na\t1\n")
    }

    @Test func runPassesArgumentsAsLuaDoes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "local a, b = ...\nprint(a, b, #arg, arg[0], arg[1], arg[2])\n".write(to: folder.appendingPathComponent("s.lua"), atomically: true, encoding: .utf8)
        let r = try CLI.run(["run", "s.lua", "one", "two"], in: folder)
        #expect(r.status == 0)
        #expect(r.stdout == "one\ttwo\t2\ts.lua\tone\ttwo\n")
    }

    @Test func scriptErrorExitsOneNamingTheLine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "local x = 1\nlocal y = 2\nerror('broken')\n".write(to: folder.appendingPathComponent("s.lua"), atomically: true, encoding: .utf8)
        let r = try CLI.run(["run", "s.lua"], in: folder)
        #expect(r.status == 1)
        #expect(r.stderr.contains("s.lua:3: broken"))
        #expect(r.stderr.contains("stack traceback"))
    }

    @Test func missingScriptAndCorpusAreClearErrors() throws {
        let r = try CLI.run(["run", "nope.lua"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("nope.lua"))
        let c = try CLI.run(["eval", "--corpus", "/nonexistent/x", "1"])
        #expect(c.status != 0)
        #expect(c.stderr.contains("/nonexistent/x"))
    }

    @Test func timeoutEndsAnEndlessLoop() throws {
        let start = Date()
        let r = try CLI.run(["eval", "--timeout", "1", "while true do end"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("time limit"))
        #expect(Date().timeIntervalSince(start) < 20)
    }
}

@Suite struct FailTests {
    @Test func dossierFailEndsWithAPlainMessage() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-fail-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "if not arg[1] then dossier.fail('usage: dossier run f.lua NAME') end\nprint(arg[1])\n"
            .write(to: folder.appendingPathComponent("f.lua"), atomically: true, encoding: .utf8)
        let bad = try CLI.run(["run", "f.lua"], in: folder)
        #expect(bad.status == 1)
        #expect(bad.stderr == "dossier: usage: dossier run f.lua NAME\n")
        let good = try CLI.run(["run", "f.lua", "Ward"], in: folder)
        #expect(good.status == 0 && good.stdout == "Ward\n")
    }
}
