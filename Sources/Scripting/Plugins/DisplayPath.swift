import Foundation

/// Paths as messages show them: relative to the current folder when under it
/// (`plugins/foo/manifest.lua`), `~/…` under the home folder, absolute otherwise.
enum DisplayPath {
    static func show(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        if path == cwd { return "." }
        if !cwd.isEmpty, cwd != "/", path.hasPrefix(cwd + "/") { return String(path.dropFirst(cwd.count + 1)) }
        if let home = ProcessInfo.processInfo.environment["HOME"], !home.isEmpty, home != "/" {
            if path == home { return "~" }
            if path.hasPrefix(home + "/") { return "~/" + path.dropFirst(home.count + 1) }
        }
        return path
    }

    /// A folder given on the command line as a user would type it: `./out` for `out`.
    static func folder(_ path: String) -> String {
        if path.hasPrefix("/") || path.hasPrefix("./") || path.hasPrefix("../") || path.hasPrefix("~") { return path }
        return "./" + path
    }
}
