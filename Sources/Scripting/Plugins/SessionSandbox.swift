import Foundation
import LuaBridge

/// The sandbox rules of a session: what scripts, the REPL and plugins may read and write
/// unless `--trusted` lifts them.
enum SessionSandbox {
    /// Reading: the corpus, the current folder's plugins/, every folder of the plugin path and
    /// every plugin folder found (which may be links to elsewhere), the output folder, and
    /// (added when a script runs) the script's own folder. Writing: the output folder only.
    static func policy(options: SessionOptions, corpusLocation: String, catalog: PluginCatalog) -> LuaSandboxPolicy {
        let cwd = FileManager.default.currentDirectoryPath
        var readable = [corpusLocation, cwd + "/plugins"]
        readable += catalog.searchPath.folders.map(\.path)
        readable += (catalog.plugins + catalog.shadowed).map(\.folder)
        let output = options.outputDirectory.isEmpty ? "out" : options.outputDirectory
        let shownOutput = DisplayPath.folder(output)
        return LuaSandboxPolicy(
            readableFolders: readable,
            writableFolders: [output],
            readableDescription: "the corpus, the script's folder, ./plugins, plugin folders and the output folder \(shownOutput)",
            writableDescription: "the output folder \(shownOutput)",
            allowedCModules: LuaSandboxPolicy.pureCModules,
            liftHint: "run with --trusted to allow it",
            createsWritableFolders: true)
    }
}
