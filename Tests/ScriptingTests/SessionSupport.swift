import Foundation
import LuaBridge
@testable import Scripting

/// The project's seeds folder.
let seedsPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("seeds").path

/// A session over the seeds (or another corpus) with quiet diagnostics.
func makeSession(corpus: String = seedsPath, configure: (inout SessionOptions) -> Void = { _ in }) throws -> ScriptSession {
    var options = SessionOptions()
    options.corpusPath = corpus
    options.quiet = true
    options.width = 100
    configure(&options)
    return try ScriptSession(options: options)
}

extension ScriptSession {
    /// Runs Lua and returns its results (test helper).
    @discardableResult
    func values(_ code: String) throws -> [LuaValue] {
        try lua.run(code, chunkName: "=test")
    }

    func value(_ code: String) throws -> LuaValue {
        try values(code).first ?? .nil
    }
}

/// A temporary folder removed when the value goes away.
final class TemporaryFolder {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    func write(_ name: String, _ contents: String) throws {
        try Data(contents.utf8).write(to: url.appendingPathComponent(name))
    }
    func write(_ name: String, bytes: [UInt8]) throws {
        try Data(bytes).write(to: url.appendingPathComponent(name))
    }
    deinit { try? FileManager.default.removeItem(at: url) }
}
