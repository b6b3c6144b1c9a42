import Foundation

/// One plugin folder found on the search path.
public struct PluginEntry: Sendable {
    /// The folder name: what `require` uses.
    public let name: String
    /// Absolute path of the plugin folder.
    public let folder: String
    /// Which part of the search path it was found in.
    public let origin: PluginSearchPath.Origin
    /// The validated manifest, or nil when it could not be read (see `problem`).
    public let manifest: PluginManifest?
    /// Why the plugin cannot be loaded (a broken or missing manifest).
    public let problem: PluginError?

    public var version: SemanticVersion? { manifest?.version }
    public var manifestPath: String { folder + "/manifest.lua" }
    /// Warnings about the manifest (a missing description).
    public var warnings: [String] { manifest?.warnings ?? [] }
}

/// The plugins on a search path: discovered once (manifests read and validated), then asked
/// which plugin a name means and in which order plugins must load.
public struct PluginCatalog: Sendable {
    public let searchPath: PluginSearchPath
    /// The plugins `require` finds, in search-path order (then by name within a folder).
    public let plugins: [PluginEntry]
    /// Plugins hidden by an earlier one with the same name.
    public let shadowed: [PluginEntry]

    /// dossier's own version, which `dossier = ">=…"` constraints are checked against.
    public static var dossierVersion: SemanticVersion {
        SemanticVersion(parsing: ScriptSession.version) ?? SemanticVersion(0, 0, 0)
    }

    /// Looks through every folder of `searchPath`: each sub-folder holding `manifest.lua` or
    /// `init.lua` is a plugin.
    public static func discover(_ searchPath: PluginSearchPath) -> PluginCatalog {
        let fm = FileManager.default
        var reader: ManifestReader?
        var plugins: [PluginEntry] = []
        var shadowed: [PluginEntry] = []
        var seen = Set<String>()
        for folder in searchPath.folders {
            guard let names = try? fm.contentsOfDirectory(atPath: folder.path) else { continue }
            for name in names.sorted() where !name.hasPrefix(".") {
                let pluginFolder = folder.path + "/" + name
                var isDir: ObjCBool = false
                guard fm.fileExists(atPath: pluginFolder, isDirectory: &isDir), isDir.boolValue else { continue }
                let manifestPath = pluginFolder + "/manifest.lua"
                let hasManifest = fm.fileExists(atPath: manifestPath)
                guard hasManifest || fm.fileExists(atPath: pluginFolder + "/init.lua") else { continue }
                var manifest: PluginManifest?
                var problem: PluginError?
                let shown = DisplayPath.show(manifestPath)
                if let reservation = PluginNames.reservation(for: name) {
                    problem = PluginError("\(DisplayPath.show(pluginFolder)): \(reservation); rename the folder")
                } else if !hasManifest {
                    problem = PluginError("\(shown): missing (a plugin needs manifest.lua returning { name = \"\(name)\", version = \"0.1.0\", … })")
                } else {
                    do throws(PluginError) {
                        if reader == nil { reader = try? ManifestReader() }
                        guard let reader else { throw PluginError("\(shown): cannot start Lua to read it") }
                        let m = try reader.read(path: manifestPath, shownPath: shown)
                        if m.name != name {
                            throw PluginError("\(shown): name '\(m.name)' does not match the folder name '\(name)' (require uses the folder name)")
                        }
                        manifest = m
                    } catch {
                        problem = error
                    }
                }
                let entry = PluginEntry(name: name, folder: pluginFolder, origin: folder.origin, manifest: manifest, problem: problem)
                if seen.insert(name).inserted { plugins.append(entry) } else { shadowed.append(entry) }
            }
        }
        return PluginCatalog(searchPath: searchPath, plugins: plugins, shadowed: shadowed)
    }

    /// The plugin `require(name)` loads (the first on the path).
    public func plugin(named name: String) -> PluginEntry? {
        plugins.first { $0.name == name }
    }

    /// The plugins hidden by the one called `name`.
    public func shadowed(named name: String) -> [PluginEntry] {
        shadowed.filter { $0.name == name }
    }

    /// The plugins to load for `name`, dependencies first and `name` last. Fails when a
    /// manifest is broken, dossier is too old, a required plugin is missing or too old, or
    /// plugins require each other.
    public func loadOrder(for name: String) throws(PluginError) -> [PluginEntry] {
        var order: [PluginEntry] = []
        try visit(name, chain: [], order: &order)
        return order
    }

    private func visit(_ name: String, chain: [String], order: inout [PluginEntry]) throws(PluginError) {
        if order.contains(where: { $0.name == name }) { return }
        guard let entry = plugin(named: name) else {
            throw PluginError("no plugin '\(name)' on the plugin path (\(searchPath.summary))")
        }
        if let problem = entry.problem { throw problem }
        guard let manifest = entry.manifest else { return }
        if let needed = manifest.dossier, !needed.isSatisfied(by: Self.dossierVersion) {
            throw PluginError("\(name) needs dossier \(needed.text), this is \(ScriptSession.version)")
        }
        for requirement in manifest.requires {
            if requirement.name == name || chain.contains(requirement.name) {
                let cycle = (chain + [name, requirement.name]).drop { $0 != requirement.name }
                throw PluginError("plugins require each other in a cycle: \(cycle.joined(separator: " -> "))")
            }
            try check(requirement, of: name)
            try visit(requirement.name, chain: chain + [name], order: &order)
        }
        order.append(entry)
    }

    /// Fails when `requirement` of plugin `owner` is not met by the plugin on the path.
    public func check(_ requirement: PluginRequirement, of owner: String) throws(PluginError) {
        let wanted = requirement.constraint.isAny ? "" : " (\(requirement.constraint.text))"
        guard let dependency = plugin(named: requirement.name) else {
            throw PluginError("\(owner) needs plugin '\(requirement.name)'\(wanted), which is not on the plugin path (\(searchPath.summary))")
        }
        if let problem = dependency.problem {
            throw PluginError("\(owner) needs plugin '\(requirement.name)', which cannot be loaded: \(problem.message)")
        }
        if let version = dependency.version, !requirement.constraint.isSatisfied(by: version) {
            throw PluginError("\(owner) needs \(requirement.name) \(requirement.constraint.text), found \(requirement.name) \(version) in \(DisplayPath.show(dependency.folder))")
        }
    }

    /// Everything that would stop `entry` from loading, for `plugin list` and `plugin info`.
    public func problems(of entry: PluginEntry) -> [String] {
        if let problem = entry.problem { return [problem.message] }
        do {
            _ = try loadOrder(for: entry.name)
            return []
        } catch {
            return [error.message]
        }
    }
}
