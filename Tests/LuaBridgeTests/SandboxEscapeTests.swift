import Foundation
import Testing
@testable import LuaBridge
#if canImport(Glibc)
import Glibc
import TestSupport
#endif

/// The escapes of issue 12, each as the probe did it, and the mechanism that now stops it.
@Suite struct SandboxEscapeTests {
    // MARK: - Native code

    /// The probe: a script copies a shared object into out/ (allowed), points package.cpath
    /// there and requires it; luaopen_lpeg ran. Now cpath cannot be changed and C modules load
    /// only from Lua's own system folders.
    @Test func aCModuleWrittenToTheOutputFolderNeverRuns() throws {
        let f = try SandboxFixture()
        let marker = f.path("native-code-ran")
        try NativeModule.compile(NativeModule.hostile(name: "lpeg", marker: marker), to: f.data + "/evil.so")
        let r = try f.lua.run("""
            local data, out = ...
            local bytes = assert(io.open(data .. "/evil.so", "rb")):read("a")
            local copy = assert(io.open(out .. "/lpeg.so", "wb"))
            copy:write(bytes)
            copy:close()
            local set, why = pcall(function() package.cpath = out .. "/?.so" end)
            rawset(package, "cpath", out .. "/?.so")
            pcall(function() package.loaded.package.cpath = out .. "/?.so" end)
            pcall(function() require("package").cpath = out .. "/?.so" end)
            local loaded, message = pcall(require, "lpeg")
            return set, why, loaded, message
            """, chunkName: "=test", arguments: [.text(f.data), .text(f.out)])
        #expect(!FileManager.default.fileExists(atPath: marker), "the module's native code ran")
        #expect(r[0].isTruthy == false)
        #expect(r[1].stringValue?.contains("package.cpath cannot be changed in the sandbox") == true, "\(r[1])")
        #expect(r[2].isTruthy == false)
        #expect(r[3].stringValue?.contains("module 'lpeg' not found") == true, "\(r[3])")
        #expect(r[3].stringValue?.contains(f.out) == false, "\(r[3])")
    }

    @Test func packageSearchersLoadersAndPreloadAreOutOfReach() throws {
        let f = try SandboxFixture()
        #expect(f.failure("package.searchers = {}")?.contains("package.searchers cannot be changed in the sandbox") == true)
        #expect(f.failure("package.searchers[2] = function() end")?.contains("package.searchers cannot be changed") == true)
        #expect(f.failure("table.insert(package.searchers, 1, function() end)")?.contains("package.searchers cannot be changed") == true)
        #expect(f.failure("package.loaders = {}")?.contains("package.loaders cannot be changed") == true)
        #expect(f.failure("package.preload.lpeg = function() return 1 end")?.contains("package.preload cannot be changed") == true)
        #expect(f.failure("package.loadlib = nil")?.contains("package.loadlib cannot be changed") == true)
        #expect(f.failure("setmetatable(package, nil)") != nil)
        // What scripts may still do: read the fields, set package.path, reload a module.
        let r = try f.lua.run("""
            local n = #package.searchers
            local kinds = {}
            for i, s in ipairs(package.searchers) do kinds[i] = type(s) end
            package.path = "./?.lua"
            package.loaded.helper = nil
            return n, table.concat(kinds, ","), package.path, type(package.cpath), require("package") == package,
              package.loaded.package == package
            """)
        #expect(r[0].intValue == 3)
        #expect(r[1].stringValue == "function,function,function")
        #expect(r[2].stringValue == "./?.lua")
        #expect(r[3].stringValue == "string")
        #expect(r[4].isTruthy)
        #expect(r[5].isTruthy)
        #expect(f.failure("package.path = 42")?.contains("package.path must be a string") == true)
    }

    /// Allowed C modules load from the system folders (here a stand-in), by absolute path,
    /// and nothing else does: not another name, not a link from there into out/, not a
    /// "system" folder inside the writable one.
    @Test func allowedCModulesLoadOnlyFromTheSystemFolders() throws {
        var system = ""
        let f = try SandboxFixture { policy, root in
            system = root.appendingPathComponent("system/lua/5.4").path
            policy.cModuleFolders = [system, root.appendingPathComponent("out/lib").path]
        }
        try FileManager.default.createDirectory(atPath: system, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: f.out + "/lib", withIntermediateDirectories: true)
        try NativeModule.compile(NativeModule.returning(symbol: "lpeg", value: "system lpeg"), to: system + "/lpeg.so")
        try NativeModule.compile(NativeModule.returning(symbol: "cjson", value: "from out"), to: f.out + "/lib/cjson.so")
        let marker = f.path("native-code-ran")
        try NativeModule.compile(NativeModule.hostile(name: "socket", marker: marker), to: system + "/socket.so")
        #expect(try f.lua.run("return require('lpeg')").first?.stringValue == "system lpeg")

        let other = try #require(f.failure("require('socket')"))
        #expect(other.contains("module 'socket' not found"))
        #expect(other.contains("C module 'socket' is not among the ones the sandbox allows (lpeg, cjson, cjson.safe)"), "\(other)")
        #expect(!FileManager.default.fileExists(atPath: marker))

        let writable = try #require(f.failure("require('cjson')"))
        #expect(writable.contains("module 'cjson' not found"), "\(writable)")

        try FileManager.default.createSymbolicLink(atPath: system + "/cjson.so", withDestinationPath: f.out + "/lib/cjson.so")
        let linked = try #require(f.failure("require('cjson')"))
        #expect(linked.contains("leads outside the system's Lua library folders"), "\(linked)")
    }

    @Test func cModuleFoldersAreTheAbsoluteFoldersOfLuasOwnCPath() {
        let debian = "/usr/local/lib/lua/5.4/?.so;/usr/lib/x86_64-linux-gnu/lua/5.4/?.so;/usr/lib/lua/5.4/?.so;/usr/local/lib/lua/5.4/loadall.so;./?.so"
        #expect(LuaSandbox.cModuleFolders(fromCPath: debian) == [
            "/usr/local/lib/lua/5.4", "/usr/lib/x86_64-linux-gnu/lua/5.4", "/usr/lib/lua/5.4",
        ])
        #expect(LuaSandbox.cModuleFolders(fromCPath: "lib/?.so;/opt/?/x.so;/opt/lua/?.so;;") == ["/opt/lua"])
    }

    // MARK: - Decisions that called replaceable functions

    /// The probe replaced string.find (and match) so that io.open took an append for a read.
    @Test func aReplacedStringLibraryDoesNotChangeTheSandboxsDecisions() throws {
        let f = try SandboxFixture()
        let notes = f.data + "/notes.txt"
        try f.lua.run("""
            string.find = function() return nil end
            string.match = function(s) return s end
            string.gsub = function(s) return s, 0 end
            string.sub = function() return "" end
            string.byte = function() return 0 end
            getmetatable("").__index = function() return function() return nil end end
            """)
        for mode in ["a", "w", "r+", "a+", "wb"] {
            let message = try #require(f.failure("local f = io.open(...) if f then f:write('PWNED') f:close() end",
                                                 [.text(notes), .text(mode)]), "mode \(mode) opened the file")
            #expect(message.contains("io.open: writing to '\(notes)' is outside the output folder"), "\(mode): \(message)")
        }
        #expect(f.contents(notes) == "first line\nsecond line\n")
        #expect(f.failure("io.open(..., 'rw')", [.text(notes)]) == "test:1: bad argument #2 to 'open' (invalid mode)")
        #expect(try f.lua.run("return io.open(...):read('a')", arguments: [.text(notes)]).first?.stringValue == "first line\nsecond line\n")
    }

    // MARK: - Symbolic links in the output folder

    @Test func aDanglingLinkInTheOutputFolderIsNotFollowed() throws {
        let f = try SandboxFixture()
        try FileManager.default.createDirectory(atPath: f.out, withIntermediateDirectories: true)
        let outside = f.path("escaped.txt")
        try FileManager.default.createSymbolicLink(atPath: f.out + "/notes.txt", withDestinationPath: outside)
        for code in ["io.open(..., 'w')", "io.open(..., 'a')", "io.open(..., 'w+')", "io.output(...)"] {
            let message = try #require(f.failure("local f = \(code) if f then f:write('x') f:close() end", [.text(f.out + "/notes.txt")]),
                                       "\(code) wrote through the link")
            #expect(message.contains("is a symbolic link"), "\(code): \(message)")
        }
        #expect(!FileManager.default.fileExists(atPath: outside))

        // A link to a file inside the output folder is refused for writing too (the file is not).
        try "inside\n".write(toFile: f.out + "/real.txt", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: f.out + "/alias.txt", withDestinationPath: f.out + "/real.txt")
        #expect(f.failure("io.open(..., 'w')", [.text(f.out + "/alias.txt")])?.contains("is a symbolic link") == true)
        #expect(f.failure("local f = assert(io.open(..., 'a')) f:write('more\\n') f:close()", [.text(f.out + "/real.txt")]) == nil)

        // remove and rename act on the link itself, as the system calls do, never on its target.
        try FileManager.default.createSymbolicLink(atPath: f.out + "/passwd", withDestinationPath: "/etc/passwd")
        try f.lua.run("local out = ... assert(os.rename(out .. '/alias.txt', out .. '/moved.txt')) assert(os.remove(out .. '/passwd'))",
                      arguments: [.text(f.out)])
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: f.out + "/moved.txt") == f.out + "/real.txt")
        #expect(f.contents(f.out + "/real.txt") == "inside\nmore\n")
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: f.out + "/passwd")) == nil)
        #expect(FileManager.default.fileExists(atPath: "/etc/passwd"))
        // A linked folder inside out/ that leads outside is still refused.
        try FileManager.default.createSymbolicLink(atPath: f.out + "/elsewhere", withDestinationPath: f.root.path)
        #expect(f.failure("io.open(..., 'w')", [.text(f.out + "/elsewhere/x.txt")])?.contains("is outside the output folder") == true)
        #expect(!FileManager.default.fileExists(atPath: f.path("x.txt")))
    }

    @Test func aFIFOIsRefusedWithoutBlocking() throws {
        let f = try SandboxFixture()
        try FileManager.default.createDirectory(atPath: f.out, withIntermediateDirectories: true)
        let readFIFO = f.data + "/pipe.txt", writeFIFO = f.out + "/pipe.txt"
        #expect(mkfifo(readFIFO, 0o644) == 0)
        #expect(mkfifo(writeFIFO, 0o644) == 0)
        let cases: [(String, String)] = [
            ("io.open(...)", readFIFO), ("for _ in io.lines(...) do end", readFIFO), ("dofile(...)", readFIFO),
            ("loadfile(...)", readFIFO), ("io.input(...)", readFIFO),
            ("io.open(..., 'w')", writeFIFO), ("io.output(...)", writeFIFO),
        ]
        let lua = f.lua
        var messages: [String?] = []
        let done = finishes(within: 10, unstick: {
            // Free a reader or writer stuck in open(2): the other end arrives and leaves.
            for (fifo, flags) in [(readFIFO, O_WRONLY), (writeFIFO, O_RDONLY)] {
                let fd = open(fifo, flags | O_NONBLOCK)
                if fd >= 0 { close(fd) }
            }
        }) {
            for (code, path) in cases {
                do {
                    try lua.run(code, chunkName: "=test", arguments: [.text(path)])
                    messages.append(nil)
                } catch {
                    messages.append((error as? LuaError)?.message)
                }
            }
        }
        #expect(done, "opening a FIFO blocked")
        guard done else { return }
        #expect(messages.count == cases.count)
        for (message, (code, _)) in zip(messages, cases) {
            #expect(message?.contains("is not a regular file (it is a FIFO") == true, "\(code): \(message ?? "no error")")
        }
    }

    // MARK: - Probing and the environment

    @Test func searchpathProbesOnlyWhereTheSandboxReads() throws {
        let f = try SandboxFixture()
        let r = try f.lua.run("return package.searchpath('passwd', '/etc/?;/etc/?.conf')")
        #expect(r.first.map { if case .nil = $0 { return true } else { return false } } == true)
        #expect(r.dropFirst().first?.stringValue == "no file '/etc/passwd' (outside the folders the sandbox allows)\n\tno file '/etc/passwd.conf' (outside the folders the sandbox allows)")
        // Inside the readable folder it finds files as Lua's does, with sep and rep.
        try FileManager.default.createDirectory(atPath: f.data + "/lib/util", withIntermediateDirectories: true)
        try "return 1".write(toFile: f.data + "/lib/util/text.lua", atomically: true, encoding: .utf8)
        let found = try f.lua.run("local data = ... return package.searchpath('lib.util.text', data .. '/?.x;' .. data .. '/?.lua')",
                                  arguments: [.text(f.data)])
        #expect(found.first?.stringValue == f.data + "/lib/util/text.lua")
        let missing = try f.lua.run("local data = ... return package.searchpath('a_b', data .. '/?.lua', '_', '-')", arguments: [.text(f.data)])
        #expect(missing.dropFirst().first?.stringValue == "no file '\(f.data)/a-b.lua'")
        #expect(f.failure("package.searchpath(nil, '')")?.contains("bad argument #1 to 'searchpath' (string expected, got nil)") == true)
    }

    @Test func getenvReadsOnlyTheAllowList() throws {
        let f = try SandboxFixture()
        let secret = "SANDBOX_TEST_SECRET_\(UUID().uuidString.prefix(8))"
        let own = "DOSSIER_TEST_\(UUID().uuidString.prefix(8))"
        setenv(secret, "hunter2", 1)
        setenv(own, "mine", 1)
        setenv("LC_DOSSIER_TEST", "C", 1)
        defer {
            unsetenv(secret)
            unsetenv(own)
            unsetenv("LC_DOSSIER_TEST")
        }
        let r = try f.lua.run("local a, b = ... return os.getenv(a), os.getenv(b), os.getenv('HOME'), os.getenv('LC_DOSSIER_TEST'), os.getenv('PATH')",
                              arguments: [.text(secret), .text(own)])
        #expect(r[0].stringValue == nil)
        #expect(r[1].stringValue == "mine")
        #expect(r[2].stringValue == ProcessInfo.processInfo.environment["HOME"])
        #expect(r[3].stringValue == "C")
        #expect(r[4].stringValue == nil)
        #expect(f.failure("os.getenv()")?.contains("bad argument #1 to 'getenv' (string expected, got no value)") == true)
        #expect(LuaSandbox.environmentAllows("TERM"))
        #expect(!LuaSandbox.environmentAllows("AWS_SECRET_ACCESS_KEY"))
        #expect(!LuaSandbox.environmentAllows("LC"))
    }

    /// The locale belongs to the whole process: a plugin switching LC_NUMERIC would make every
    /// other script print 0,5 for 0.5.
    @Test func onlyTheTimeLocaleMayChange() throws {
        let f = try SandboxFixture()
        let message = try #require(f.failure("os.setlocale('de_DE.UTF-8', 'numeric')"))
        #expect(message.contains("os.setlocale: changing the 'numeric' locale is disabled in the sandbox"), "\(message)")
        #expect(f.failure("os.setlocale('C')")?.contains("os.setlocale: changing the locale is disabled") == true)
        #expect(try f.lua.run("return os.setlocale()").first?.stringValue != nil)
        #expect(try f.lua.run("return os.setlocale('C', 'time')").first?.stringValue == "C")
        #expect(try f.lua.run("return tostring(0.5)").first?.stringValue == "0.5")
    }

    // MARK: - Finalizers

    /// Lua runs __gc metamethods with hooks off, so a finalizer's endless loop could not be
    /// stopped by any limit: the sandbox refuses metatables with __gc.
    @Test func finalizersAreRefused() throws {
        let f = try SandboxFixture()
        let message = try #require(f.failure("setmetatable({}, { __gc = function() while true do end end })"))
        #expect(message.contains("__gc metamethods are disabled in the sandbox"), "\(message)")
        #expect(try f.lua.run("return getmetatable(setmetatable({}, { __index = { x = 1 } })).__index.x").first?.intValue == 1)
        f.lua.collectGarbage()
    }
}
