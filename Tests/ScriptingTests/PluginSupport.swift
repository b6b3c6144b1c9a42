import Foundation
import LuaBridge
@testable import Scripting

/// A temporary plugin library: folders of plugins written from strings, removed afterwards.
final class PluginLibrary {
    let root: URL

    init() throws {
        // Resolved so paths compare equal to what the sandbox and messages show.
        let base = LuaSandbox.resolve(FileManager.default.temporaryDirectory.path)
        root = URL(fileURLWithPath: base).appendingPathComponent("dossier-plugins-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// The path of `relative` inside the library.
    func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    /// Writes `relative` (creating folders).
    func write(_ relative: String, _ contents: String) throws {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: url)
    }

    /// A plugin folder `lib/name` with a manifest and an init.lua.
    func plugin(_ name: String, in lib: String = "lib", version: String = "1.0.0", extra: String = "",
                initSource: String? = nil) throws {
        try write("\(lib)/\(name)/manifest.lua", """
            return { name = "\(name)", version = "\(version)", description = "The \(name) plugin"\(extra.isEmpty ? "" : ", " + extra) }
            """)
        try write("\(lib)/\(name)/init.lua", initSource ?? "return { name = \"\(name)\" }\n")
    }

    /// A search path over the given sub-folders of the library.
    func searchPath(_ libs: [String] = ["lib"]) -> PluginSearchPath {
        PluginSearchPath(folders: libs.map { PluginSearchPath.Folder(path: path($0), origin: .dossierPath) })
    }

    /// A session over the seeds whose plugin path is this library.
    func session(_ libs: [String] = ["lib"], configure: (inout SessionOptions) -> Void = { _ in }) throws -> ScriptSession {
        try makeSession { options in
            options.pluginPath = searchPath(libs)
            options.outputDirectory = path("out")
            configure(&options)
        }
    }
}

/// The message of the error `body` throws, or nil when it does not throw.
func errorMessage(_ body: () throws -> Void) -> String? {
    do {
        try body()
        return nil
    } catch let e as LuaError {
        return e.message
    } catch {
        return "\(error)"
    }
}
