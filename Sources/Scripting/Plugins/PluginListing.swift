import Foundation
import Report

/// The text of `dossier plugin list` and `dossier plugin info`.
public enum PluginListing {
    /// A table of the plugins on the path (name, version, origin, path, description) with
    /// shadowed duplicates under the plugin that hides them, then problems and the path.
    public static func list(_ catalog: PluginCatalog, width: Int = 100) -> String {
        var lines: [String] = []
        if catalog.plugins.isEmpty {
            lines.append("no plugins on the plugin path")
        } else {
            var rows: [[ReportCell]] = []
            func row(_ entry: PluginEntry, name: String, description: String) {
                rows.append([.text(name), .text(entry.version?.description ?? "?"), .text(entry.origin.rawValue),
                             .text(DisplayPath.show(entry.folder)), .text(description)])
            }
            for entry in catalog.plugins {
                let problems = catalog.problems(of: entry)
                let description = problems.isEmpty ? (entry.manifest?.description ?? "") : "(cannot load: see below)"
                row(entry, name: entry.name, description: description)
                for hidden in catalog.shadowed(named: entry.name) {
                    row(hidden, name: "  (shadowed)", description: "hidden by \(entry.name) above")
                }
            }
            let table = ReportTable(columns: ["name", "version", "origin", "path", "description"], rows: rows)
            lines.append(TableFormat.terminal(table, width: width))
            let problems = catalog.plugins.flatMap { catalog.problems(of: $0) }
            if !problems.isEmpty {
                lines.append("")
                lines.append("cannot load:")
                lines += problems.map { "  " + $0 }
            }
            let warnings = catalog.plugins.flatMap(\.warnings)
            if !warnings.isEmpty {
                lines.append("")
                lines.append("warnings:")
                lines += warnings.map { "  " + $0 }
            }
        }
        lines.append("")
        lines.append("plugin path: \(catalog.searchPath.summary)")
        return lines.joined(separator: "\n")
    }

    /// Everything about one plugin: manifest, path, dependencies, what it adds (when it
    /// loaded: `extensions`), its files, and what stops it loading.
    public static func info(_ entry: PluginEntry, catalog: PluginCatalog, extensions: PluginExtensions?,
                            loadError: String?) -> String {
        var lines: [String] = []
        let m = entry.manifest
        lines.append("\(entry.name) \(entry.version?.description ?? "(no valid version)")")
        if let description = m?.description { lines.append("  " + description) }
        lines.append("")
        func field(_ label: String, _ value: String) {
            lines.append(label.padding(toLength: 17, withPad: " ", startingAt: 0) + value)
        }
        field("path:", "\(DisplayPath.show(entry.folder)) (\(entry.origin.rawValue))")
        field("manifest:", DisplayPath.show(entry.manifestPath))
        if let author = m?.author { field("author:", author) }
        if let license = m?.license { field("license:", license) }
        if let m {
            if let needed = m.dossier {
                let ok = needed.isSatisfied(by: PluginCatalog.dossierVersion)
                field("dossier:", "\(needed.text) (this is \(ScriptSession.version): \(ok ? "ok" : "too old"))")
            } else {
                field("dossier:", "any version")
            }
            if m.requires.isEmpty {
                field("requires:", "nothing")
            } else {
                for (i, requirement) in m.requires.enumerated() {
                    var status: String
                    do {
                        try catalog.check(requirement, of: entry.name)
                        let found = catalog.plugin(named: requirement.name)
                        status = "ok: \(found?.version?.description ?? "?") in \(found.map { DisplayPath.show($0.folder) } ?? "?")"
                    } catch {
                        status = catalog.plugin(named: requirement.name) == nil ? "missing" : "not met"
                    }
                    field(i == 0 ? "requires:" : "", "\(requirement.description) (\(status))")
                }
            }
        }
        if let extensions {
            if extensions.commands.isEmpty {
                field("commands:", "none")
            } else {
                let widest = extensions.commands.map(\.name.count).max() ?? 0
                for (i, command) in extensions.commands.enumerated() {
                    let name = (":" + command.name).padding(toLength: widest + 3, withPad: " ", startingAt: 0)
                    field(i == 0 ? "commands:" : "", name + command.help)
                }
            }
            field("annotators:", extensions.annotators.isEmpty ? "none" : extensions.annotators.joined(separator: ", "))
            field("report sections:", extensions.reportSections.isEmpty ? "none" : extensions.reportSections.joined(separator: ", "))
        }
        let files = Self.files(in: entry.folder)
        field("files:", files.isEmpty ? "none" : files.joined(separator: ", "))
        for hidden in catalog.shadowed(named: entry.name) {
            field("shadows:", "\(hidden.name) \(hidden.version?.description ?? "?") in \(DisplayPath.show(hidden.folder))")
        }
        for warning in entry.warnings { field("warning:", warning) }
        let problems = catalog.problems(of: entry)
        for problem in problems { field("cannot load:", problem) }
        if let loadError, problems.isEmpty {
            lines.append("")
            lines.append("loading it failed:")
            lines.append("  " + loadError.replacingOccurrences(of: "\n", with: "\n  "))
        }
        return lines.joined(separator: "\n")
    }

    /// The files of a plugin folder, relative and sorted (hidden ones and .git left out).
    static func files(in folder: String, limit: Int = 200) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
        var out: [String] = []
        while let relative = walker.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            if name.hasPrefix(".") {
                walker.skipDescendants()
                continue
            }
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + relative, isDirectory: &isDir), !isDir.boolValue {
                out.append(relative)
                if out.count >= limit { break }
            }
        }
        return out.sorted()
    }
}
