import Foundation
import Testing
@testable import LuaBridge

@Suite struct SandboxTests {
    @Test func processesAndNativeCodeAreRefused() throws {
        let f = try SandboxFixture()
        #expect(f.failure("os.execute('true')") == "test:1: os.execute is disabled in the sandbox (run with --trusted to allow it)")
        #expect(f.failure("io.popen('ls')") == "test:1: io.popen is disabled in the sandbox (run with --trusted to allow it)")
        #expect(f.failure("package.loadlib('/lib/x.so', 'f')")?.contains("package.loadlib is disabled in the sandbox") == true)
        let exit = try #require(f.failure("os.exit(0)"))
        #expect(exit.contains("os.exit is disabled in the sandbox"))
        #expect(exit.contains("error()"))
        // The state is still usable afterwards.
        #expect(try f.lua.run("return 1 + 1").first?.intValue == 2)
    }

    @Test func readingInsideTheReadableFolderWorks() throws {
        let f = try SandboxFixture()
        let path = f.data + "/notes.txt"
        let r = try f.lua.run("""
            local path = ...
            local file = assert(io.open(path))
            local first = file:read("l")
            file:close()
            local n = 0
            for _ in io.lines(path) do n = n + 1 end
            return first, n
            """, arguments: [.text(path)])
        #expect(r.first?.stringValue == "first line")
        #expect(r.dropFirst().first?.intValue == 2)
    }

    @Test func readingOutsideIsRefusedWithTheReason() throws {
        let f = try SandboxFixture()
        let message = try #require(f.failure("io.open('/etc/passwd')"))
        #expect(message.hasPrefix("test:1: io.open: reading '/etc/passwd' is outside the folders the sandbox allows (the data folder)"))
        #expect(message.hasSuffix("(run with --trusted to allow it)"))
        #expect(f.failure("for l in io.lines('/etc/passwd') do end")?.contains("io.lines: reading '/etc/passwd'") == true)
        #expect(f.failure("dofile('/etc/passwd')")?.contains("dofile: reading '/etc/passwd'") == true)
        #expect(f.failure("loadfile('/etc/passwd')")?.contains("loadfile: reading '/etc/passwd'") == true)
        #expect(f.failure("io.input('/etc/passwd')")?.contains("io.input: reading") == true)
        // A sibling folder whose name starts like the readable one is not inside it.
        try FileManager.default.createDirectory(atPath: f.data + "2", withIntermediateDirectories: true)
        try "x".write(toFile: f.data + "2/x.txt", atomically: true, encoding: .utf8)
        #expect(f.failure("io.open(...)", [.text(f.data + "2/x.txt")])?.contains("is outside the folders") == true)
    }

    @Test func dotDotAndSymlinksCannotLeaveTheFolder() throws {
        let f = try SandboxFixture()
        #expect(f.failure("io.open(...)", [.text(f.data + "/../private.txt")])?.contains("resolves to '\(f.root.path)/private.txt'") == true)
        try FileManager.default.createSymbolicLink(atPath: f.data + "/link", withDestinationPath: "/etc")
        #expect(f.failure("io.open(...)", [.text(f.data + "/link/passwd")])?.contains("resolves to '/etc/passwd'") == true)
        // `..` after a folder that does not exist, then through the link.
        #expect(f.failure("io.open(...)", [.text(f.data + "/missing/../link/passwd")])?.contains("'/etc/passwd'") == true)
        // A link pointing inside stays allowed.
        try FileManager.default.createSymbolicLink(atPath: f.data + "/same", withDestinationPath: f.data + "/notes.txt")
        #expect(try f.lua.run("return io.open(...):read('l')", arguments: [.text(f.data + "/same")]).first?.stringValue == "first line")
    }

    @Test func writingOnlyUnderTheOutputFolder() throws {
        let f = try SandboxFixture()
        #expect(!FileManager.default.fileExists(atPath: f.out))
        try f.lua.run("""
            local out = ...
            local file = assert(io.open(out .. "/result.csv", "w"))
            file:write("a,b\\n")
            file:close()
            assert(os.rename(out .. "/result.csv", out .. "/final.csv"))
            local g = assert(io.open(out .. "/log.txt", "a")) g:write("x") g:close()
            assert(os.remove(out .. "/log.txt"))
            """, arguments: [.text(f.out)])
        #expect(try String(contentsOfFile: f.out + "/final.csv", encoding: .utf8) == "a,b\n")
        #expect(!FileManager.default.fileExists(atPath: f.out + "/log.txt"))

        let outside = try #require(f.failure("io.open('/etc/x', 'w')"))
        #expect(outside == "test:1: io.open: writing to '/etc/x' is outside the output folder ./out (run with --trusted to allow it)")
        #expect(f.failure("io.open(...)", [.text(f.data + "/notes.txt")]) == nil)
        #expect(f.failure("io.open(..., 'r+')", [.text(f.data + "/notes.txt")])?.contains("writing to") == true)
        #expect(f.failure("io.open(..., 'a')", [.text(f.out + "/../escape.txt")])?.contains("writing to") == true)
        #expect(f.failure("os.remove(...)", [.text(f.data + "/notes.txt")])?.contains("os.remove: writing to") == true)
        #expect(f.failure("os.rename(...)", [.text(f.out + "/final.csv"), .text(f.data + "/moved.csv")])?.contains("os.rename: writing to") == true)
        #expect(f.failure("io.output('/tmp/elsewhere.txt')")?.contains("io.output: writing to") == true)
        #expect(FileManager.default.fileExists(atPath: f.data + "/notes.txt"))
        #expect(!FileManager.default.fileExists(atPath: f.root.path + "/escape.txt"))
    }

    @Test func failedOpensKeepLuasConventionAndThePathAsWritten() throws {
        let f = try SandboxFixture()
        let r = try f.lua.run("return io.open(...)", arguments: [.text(f.data + "/missing.txt")])
        #expect(r.first.map { if case .nil = $0 { return true } else { return false } } == true)
        #expect(r.dropFirst().first?.stringValue == f.data + "/missing.txt: No such file or directory")
        #expect(f.failure("io.open(...)", [.text(f.data + "/notes.txt"), .text("rw")]) == "test:1: bad argument #2 to 'open' (invalid mode)")
        #expect(f.failure("io.open(42 == 1)") == "test:1: bad argument #1 to 'open' (string expected, got boolean)")
        #expect(f.failure("io.open(... .. '\\0/../../../../etc/passwd')", [.text(f.data + "/notes.txt")])?.contains("NUL byte") == true)
    }

    @Test func bytecodeAndDebugAreRefused() throws {
        let f = try SandboxFixture()
        let message = try #require(f.failure("load(string.dump(function() return 1 end))"))
        #expect(message.contains("load: precompiled (binary) chunks are disabled in the sandbox"))
        #expect(try f.lua.run("return load('return 6 * 7')()").first?.intValue == 42)
        // An explicit nil environment still means "no globals".
        #expect(f.failure("load('return print', 'c', 't', nil)()")?.contains("_ENV") == true)
        let debugKeys = try f.lua.run("local k = {} for name in pairs(debug) do k[#k + 1] = name end return table.concat(k, ',')")
        #expect(debugKeys.first?.stringValue == "traceback")
        #expect(try f.lua.run("return type(debug.traceback('x'))").first?.stringValue == "string")
    }

    @Test func requireReadsOnlyAllowedFilesAndNoCModules() throws {
        let f = try SandboxFixture()
        try "return { answer = 42 }".write(toFile: f.data + "/helper.lua", atomically: true, encoding: .utf8)
        try "return { leaked = true }".write(toFile: f.root.path + "/outside.lua", atomically: true, encoding: .utf8)
        try "not really a shared object".write(toFile: f.data + "/native.so", atomically: true, encoding: .utf8)
        try f.lua.run("package.path = ... .. '/?.lua'", arguments: [.text(f.data)])
        #expect(try f.lua.run("return require('helper').answer").first?.intValue == 42)
        // A path leading outside finds nothing there: the file is not even probed.
        try f.lua.run("package.path = ... .. '/?.lua'", arguments: [.text(f.root.path)])
        let outside = try #require(f.failure("require('outside')"))
        #expect(outside.contains("module 'outside' not found"))
        #expect(outside.contains("no file '\(f.root.path)/outside.lua' (outside the folders the sandbox allows)"))
        #expect(f.failure("package.cpath = ... .. '/?.so'", [.text(f.data)])?.contains("package.cpath cannot be changed in the sandbox") == true)
        let native = try #require(f.failure("require('native')"))
        #expect(native.contains("module 'native' not found"))
        #expect(native.contains("C module 'native' is not among the ones the sandbox allows (lpeg, cjson, cjson.safe)"))
        #expect(f.failure("require('nowhere_at_all')")?.contains("module 'nowhere_at_all' not found") == true)
    }

    /// Lua modules installed on the system (a stand-in folder here) load through require,
    /// but the folder is not readable otherwise, and only .lua files load from it.
    @Test func systemLuaModulesLoadThroughRequireOnly() throws {
        var system = ""
        let f = try SandboxFixture { policy, root in
            system = root.appendingPathComponent("share/lua/5.4").path
            policy.luaModuleFolders = [system]
        }
        try FileManager.default.createDirectory(atPath: system + "/pl", withIntermediateDirectories: true)
        try "return { kind = 'system module' }".write(toFile: system + "/pl/pretty.lua", atomically: true, encoding: .utf8)
        try "return 'not lua'".write(toFile: system + "/notes.txt", atomically: true, encoding: .utf8)
        try f.lua.run("package.path = ... .. '/?.lua;' .. ... .. '/?.txt'", arguments: [.text(system)])
        #expect(try f.lua.run("return require('pl.pretty').kind").first?.stringValue == "system module")
        #expect(f.failure("io.open(...)", [.text(system + "/pl/pretty.lua")])?.contains("is outside the folders the sandbox allows") == true)
        #expect(f.failure("require('notes')")?.contains("no file '\(system)/notes.txt' (outside the folders the sandbox allows)") == true)
        #expect(LuaSandbox.luaModuleFolders(fromPath: "/usr/local/share/lua/5.4/?.lua;/usr/local/share/lua/5.4/?/init.lua;"
            + "/usr/local/lib/lua/5.4/?.lua;/usr/share/lua/5.4/?.lua;./?.lua;./?/init.lua")
            == ["/usr/local/share/lua/5.4", "/usr/local/lib/lua/5.4", "/usr/share/lua/5.4"])
    }

    /// Debian's lua-lpeg and lua-cjson, where installed (SandboxEscapeTests checks the
    /// mechanism with a module of its own).
    @Test func pureCModulesStayAvailableWhenInstalled() throws {
        let f = try SandboxFixture()
        func installed(_ file: String) -> Bool {
            f.sandbox.cModuleRoots.contains { FileManager.default.fileExists(atPath: $0 + "/" + file) }
        }
        #expect(f.sandbox.cModuleRoots.allSatisfy { $0.hasPrefix("/") && !$0.hasPrefix(f.root.path) })
        if installed("lpeg.so") {
            let r = try f.lua.run("local lpeg = require('lpeg') return lpeg.C(lpeg.R('09')^1):match('2023-06-18')")
            #expect(r.first?.stringValue == "2023")
        }
        if installed("cjson.so") {
            #expect(try f.lua.run("return require('cjson').encode({ 1, 2 })").first?.stringValue == "[1,2]")
        }
    }

    @Test func allowReadingAddsAFolderLater() throws {
        let f = try SandboxFixture()
        let path = f.root.path + "/private.txt"
        #expect(f.failure("io.open(...)", [.text(path)]) != nil)
        f.sandbox.allowReading(f.root.path)
        #expect(try f.lua.run("return io.open(...):read('l')", arguments: [.text(path)]).first?.stringValue == "secret")
    }

    @Test func resolveHandlesMissingTailsDotsAndRelativePaths() throws {
        let f = try SandboxFixture()
        #expect(LuaSandbox.resolve(f.data + "/./a/b/../c.txt") == f.data + "/a/c.txt")
        #expect(LuaSandbox.resolve(f.data + "/../../../../../../..") == "/")
        #expect(LuaSandbox.resolve("/") == "/")
        let cwd = LuaSandbox.resolve(FileManager.default.currentDirectoryPath)
        #expect(LuaSandbox.resolve("some/new/file.txt") == cwd + "/some/new/file.txt")
        #expect(LuaSandbox.resolve("") == cwd)
    }
}
