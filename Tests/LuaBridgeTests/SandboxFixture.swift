import Foundation
import Testing
@testable import LuaBridge

/// A temporary folder with `data/` (readable) and `out/` (writable, not created yet), and a
/// sandboxed state over it.
final class SandboxFixture {
    let root: URL
    var data: String { root.appendingPathComponent("data").path }
    var out: String { root.appendingPathComponent("out").path }
    let lua: LuaState
    let sandbox: LuaSandbox

    /// `configure` may change the policy before the sandbox is installed.
    init(configure: (inout LuaSandboxPolicy, URL) -> Void = { _, _ in }) throws {
        // Resolved, so messages and comparisons see the same path the sandbox does (/tmp may be a link).
        let base = LuaSandbox.resolve(FileManager.default.temporaryDirectory.path)
        root = URL(fileURLWithPath: base).appendingPathComponent("dossier-sandbox-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("data"), withIntermediateDirectories: true)
        try "first line\nsecond line\n".write(toFile: root.appendingPathComponent("data/notes.txt").path, atomically: true, encoding: .utf8)
        try "secret\n".write(toFile: root.appendingPathComponent("private.txt").path, atomically: true, encoding: .utf8)
        lua = try LuaState()
        try lua.openLibraries()
        var policy = LuaSandboxPolicy(
            readableFolders: [root.appendingPathComponent("data").path],
            writableFolders: [root.appendingPathComponent("out").path],
            readableDescription: "the data folder",
            writableDescription: "the output folder ./out",
            liftHint: "run with --trusted to allow it")
        configure(&policy, root)
        sandbox = LuaSandbox(policy: policy)
        try sandbox.install(in: lua)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// `relative` inside the fixture's root.
    func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    /// Runs `code` and returns the error message it raised (nil when it ran).
    func failure(_ code: String, _ arguments: [LuaValue] = []) -> String? {
        do {
            try lua.run(code, chunkName: "=test", arguments: arguments)
            return nil
        } catch let e as LuaError {
            return e.message
        } catch {
            return "\(error)"
        }
    }

    /// The file's contents, or nil when there is none.
    func contents(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }
}

/// Builds a shared object from C source with the machine's C compiler (the Swift toolchain's
/// clang, or Debian's cc). The object calls back into the Lua library already loaded in the
/// process, so it needs no Lua headers: it declares the two functions it uses.
enum NativeModule {
    static func compile(_ source: String, to path: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-cc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("module.c")
        try source.write(to: file, atomically: true, encoding: .utf8)
        var lastError = "no C compiler found"
        for compiler in ["cc", "clang"] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [compiler, "-shared", "-fPIC", "-o", path, file.path]
            let err = Pipe()
            process.standardError = err
            process.standardOutput = Pipe()
            try process.run()
            let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            if process.terminationStatus == 0 { return }
            lastError = "\(compiler): \(message)"
        }
        throw NativeModuleError(message: lastError)
    }

    /// A module whose `luaopen_<name>` writes `marker` (what a hostile module's `system()` would do).
    static func hostile(name: String, marker: String) -> String {
        """
        #include <stdio.h>
        int luaopen_\(name)(void *L) {
          FILE *f = fopen("\(marker)", "w");
          if (f) { fputs("native code ran\\n", f); fclose(f); }
          (void)L;
          return 0;
        }
        """
    }

    /// A module whose `luaopen_<symbol>` returns the string `value`.
    static func returning(symbol: String, value: String) -> String {
        """
        const char *lua_pushstring(void *L, const char *s);
        int luaopen_\(symbol)(void *L) {
          lua_pushstring(L, "\(value)");
          return 1;
        }
        """
    }
}

struct NativeModuleError: Error, CustomStringConvertible {
    let message: String
    var description: String { "cannot compile the test module: \(message)" }
}
