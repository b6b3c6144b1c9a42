import Foundation
import Testing

@Suite struct SandboxCLITests {
    @Test func osExecuteAndPopenAreRefusedUnlessTrusted() throws {
        let w = try CLIWorkspace()
        let execute = try w.run(["eval", "x = os.execute('true')"])
        #expect(execute.status == 1)
        #expect(execute.stderr.contains("(command line):1: os.execute is disabled in the sandbox (run with --trusted to allow it)"))
        let popen = try w.run(["eval", "x = io.popen('echo hi')"])
        #expect(popen.status == 1)
        #expect(popen.stderr.contains("io.popen is disabled in the sandbox (run with --trusted to allow it)"))

        let trustedExecute = try w.run(["eval", "--trusted", "return (os.execute('true'))"])
        #expect(trustedExecute.status == 0)
        #expect(trustedExecute.stdout == "true\n")
        let trustedPopen = try w.run(["eval", "--trusted", "return io.popen('echo hi'):read('l')"])
        #expect(trustedPopen.stdout == "hi\n")
    }

    @Test func writingOnlyUnderTheOutputFolder() throws {
        let w = try CLIWorkspace()
        let target = w.path("elsewhere.txt")
        let refused = try w.run(["eval", "io.open('\(target)', 'w')"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("io.open: writing to '\(target)' is outside the output folder ./out (run with --trusted to allow it)"))
        #expect(!FileManager.default.fileExists(atPath: target))

        let inside = try w.run(["eval", "local f = assert(io.open('out/result.txt', 'w')) f:write('ok') f:close()"])
        #expect(inside.status == 0, "\(inside.stderr)")
        #expect(try String(contentsOfFile: w.path("out/result.txt"), encoding: .utf8) == "ok")

        let custom = try w.run(["eval", "--out", "reports", "local f = assert(io.open('reports/r.csv', 'w')) f:write('a') f:close()"])
        #expect(custom.status == 0, "\(custom.stderr)")
        #expect(FileManager.default.fileExists(atPath: w.path("reports/r.csv")))
        let escape = try w.run(["eval", "--out", "reports", "io.open('reports/../escape.txt', 'w')"])
        #expect(escape.status == 1)
        #expect(escape.stderr.contains("is outside the output folder ./reports"))

        let trusted = try w.run(["eval", "--trusted", "local f = assert(io.open('\(target)', 'w')) f:write('t') f:close()"])
        #expect(trusted.status == 0)
        #expect(FileManager.default.fileExists(atPath: target))
    }

    @Test func readingSystemFilesIsRefusedButTheScriptFolderIsNot() throws {
        let w = try CLIWorkspace()
        let passwd = try w.run(["eval", "return io.open('/etc/passwd'):read('l')"])
        #expect(passwd.status == 1)
        #expect(passwd.stderr.contains("io.open: reading '/etc/passwd' is outside the folders the sandbox allows"))
        #expect(passwd.stderr.contains("run with --trusted to allow it"))
        let lines = try w.run(["eval", "for l in io.lines('/etc/passwd') do end"])
        #expect(lines.stderr.contains("io.lines: reading '/etc/passwd'"))
        let trusted = try w.run(["eval", "--trusted", "return io.open('/etc/passwd') ~= nil"])
        #expect(trusted.stdout == "true\n")

        try w.write("analysis/terms.txt", "Taiwan\nBeijing\n")
        try w.write("analysis/count.lua", """
            local here = arg[0]:match("^(.*)/") or "."
            local n = 0
            for _ in io.lines(here .. "/terms.txt") do n = n + 1 end
            print(n)
            """)
        let script = try w.run(["run", "analysis/count.lua"])
        #expect(script.status == 0, "\(script.stderr)")
        #expect(script.stdout == "2\n")
    }

    @Test func whileTrueUnderTimeoutTwoExitsOneAfterAboutTwoSeconds() throws {
        let w = try CLIWorkspace()
        try w.write("loop.lua", "local n = 0\nwhile true do n = n + 1 end\n")
        let start = Date()
        let r = try w.run(["run", "--timeout", "2", "loop.lua"])
        let elapsed = Date().timeIntervalSince(start)
        #expect(r.status == 1)
        #expect(r.stderr.contains("loop.lua:2: time limit of 2 s exceeded"))
        #expect(elapsed >= 1.9 && elapsed < 12, "took \(elapsed) s")
    }

    @Test func aMemoryBombUnderMaxMemoryExitsOneNamingMemory() throws {
        let w = try CLIWorkspace()
        try w.write("bomb.lua", "local t = {}\nfor i = 1, 1e9 do t[i] = string.rep('x', 1000000) .. i end\n")
        let start = Date()
        let r = try w.run(["run", "--max-memory", "200M", "bomb.lua"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("memory limit of 200 MB exceeded"))
        #expect(Date().timeIntervalSince(start) < 60)
    }

    @Test func osExitIsRefusedWithAHint() throws {
        let w = try CLIWorkspace()
        let r = try w.run(["eval", "x = os.exit(0)"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("os.exit is disabled in the sandbox"))
        let trusted = try w.run(["eval", "--trusted", "print('bye') os.exit(3)"])
        #expect(trusted.status == 3)
        #expect(trusted.stdout == "bye\n")
    }
}
