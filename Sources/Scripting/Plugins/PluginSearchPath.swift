import Foundation

/// Where plugins are looked for, in order; the first folder holding a plugin of a given name
/// wins and later ones are shadowed.
///
/// The standard path: `./plugins`, `$XDG_CONFIG_HOME/dossier/plugins` (default
/// `~/.config/dossier/plugins`), every folder of `DOSSIER_PATH` (colon-separated; each holds
/// plugin folders), and the bundled library (`scripts/plugins` of the project).
public struct PluginSearchPath: Sendable {
    /// Where a folder of the path comes from.
    public enum Origin: String, Sendable {
        case local = "./plugins"
        case config = "config"
        case dossierPath = "DOSSIER_PATH"
        case bundled = "bundled"
        /// Given explicitly (tests, embedding).
        case custom = "custom"
    }

    /// One folder that holds plugin folders.
    public struct Folder: Sendable {
        /// Absolute path.
        public let path: String
        public let origin: Origin

        /// A folder of the path; a relative `path` is taken from the current folder.
        public init(path: String, origin: Origin) {
            self.path = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
            self.origin = origin
        }
    }

    public var folders: [Folder]

    /// A path of these folders, searched in order.
    public init(folders: [Folder]) {
        self.folders = folders
    }

    /// The standard path for an environment (`XDG_CONFIG_HOME`, `HOME`, `DOSSIER_PATH`).
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment,
                                currentDirectory: String = FileManager.default.currentDirectoryPath,
                                bundledScripts: URL? = ProjectPaths.bundledScripts()) -> PluginSearchPath {
        var folders = [Folder(path: currentDirectory + "/plugins", origin: .local)]
        if let config = environment["XDG_CONFIG_HOME"], !config.isEmpty {
            folders.append(Folder(path: config + "/dossier/plugins", origin: .config))
        } else if let home = environment["HOME"], !home.isEmpty {
            folders.append(Folder(path: home + "/.config/dossier/plugins", origin: .config))
        }
        for entry in (environment["DOSSIER_PATH"] ?? "").split(separator: ":") where !entry.isEmpty {
            folders.append(Folder(path: expandingTilde(String(entry), environment: environment), origin: .dossierPath))
        }
        if let bundled = bundledScripts {
            folders.append(Folder(path: bundled.appendingPathComponent("plugins").path, origin: .bundled))
        }
        var seen = Set<String>()
        return PluginSearchPath(folders: folders.filter { seen.insert(standardized($0.path)).inserted })
    }

    /// Plugin names to load at start: `DOSSIER_PLUGINS=a,b` (commas or spaces).
    public static func autoload(environment: [String: String] = ProcessInfo.processInfo.environment) -> [String] {
        (environment["DOSSIER_PLUGINS"] ?? "").split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
    }

    private static func expandingTilde(_ path: String, environment: [String: String]) -> String {
        guard path == "~" || path.hasPrefix("~/"), let home = environment["HOME"] else { return path }
        return home + path.dropFirst()
    }

    private static func standardized(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// The folders as a short list for messages (`./plugins, ~/.config/dossier/plugins, …`).
    public var summary: String {
        folders.map { DisplayPath.folder(DisplayPath.show($0.path)) }.joined(separator: ", ")
    }
}
