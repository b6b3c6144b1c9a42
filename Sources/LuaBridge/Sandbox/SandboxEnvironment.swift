import Foundation

/// What `os.getenv` may read in the sandbox: locale and terminal settings, the home folder and
/// dossier's own variables. Everything else (tokens, keys, proxies, paths) reads as unset.
extension LuaSandbox {
    /// Variables a sandboxed script may read, by exact name.
    public static let environmentAllowList: Set<String> = [
        "HOME", "LANG", "LANGUAGE", "TERM", "COLUMNS", "LINES", "TZ", "NO_COLOR",
    ]
    /// Prefixes of the variables a sandboxed script may read (`LC_ALL`, `DOSSIER_PATH`, …).
    public static let environmentAllowedPrefixes = ["LC_", "DOSSIER_"]

    /// True when a sandboxed `os.getenv(name)` may see variable `name`.
    public static func environmentAllows(_ name: String) -> Bool {
        environmentAllowList.contains(name)
            || environmentAllowedPrefixes.contains { name.hasPrefix($0) && name.count > $0.count }
    }
}
