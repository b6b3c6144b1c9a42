import LuaBridge

/// Names a plugin cannot take because `require` or the session already means something else
/// by them: `require("string")` returns Lua's library, never a plugin called `string`, and a
/// plugin called `lpeg` would hide the C library.
public enum PluginNames {
    /// Lua 5.4's standard libraries, as `require` knows them.
    public static let luaLibraries: Set<String> = ["_G", "coroutine", "debug", "io", "math", "os", "package", "string", "table", "utf8"]
    /// The globals dossier sets in every session.
    public static let dossierGlobals: Set<String> = ["dossier", "corpus", "report", "arg"]
    /// The C libraries the sandbox may load (`lpeg`, `cjson`).
    public static var cLibraries: Set<String> {
        Set(LuaSandboxPolicy.pureCModules.map { String($0.split(separator: ".").first ?? Substring($0)) })
    }

    /// Why `name` cannot be a plugin's name, or nil when it can.
    public static func reservation(for name: String) -> String? {
        if luaLibraries.contains(name) {
            return "'\(name)' is the name of Lua's standard library '\(name)' (require('\(name)') gives the library, never a plugin)"
        }
        if dossierGlobals.contains(name) {
            return "'\(name)' is the name of one of dossier's globals (\(dossierGlobals.sorted().joined(separator: ", ")))"
        }
        if cLibraries.contains(name) {
            return "'\(name)' is the name of a C library dossier can load (a plugin would hide it)"
        }
        return nil
    }
}
