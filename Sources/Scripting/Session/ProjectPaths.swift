import Foundation
import NewsText

/// Finds the files dossier ships with (the seeds corpus, the bundled script library) whether
/// it is started from the repository, from elsewhere, or through a copy of the executable.
public enum ProjectPaths {
    /// The project folder: `DOSSIER_HOME`, else the first ancestor of the executable or of the
    /// current folder holding both `seeds/` and `scripts/`, else the folder this source file was
    /// built from (unless `DOSSIER_NO_BUILD_TREE=1`).
    public static func projectRoot() -> URL? {
        let fm = FileManager.default
        func isRoot(_ url: URL) -> Bool {
            var isDir: ObjCBool = false
            return fm.fileExists(atPath: url.appendingPathComponent("seeds").path, isDirectory: &isDir) && isDir.boolValue
                && fm.fileExists(atPath: url.appendingPathComponent("Package.swift").path)
        }
        if let home = ProcessInfo.processInfo.environment["DOSSIER_HOME"], !home.isEmpty {
            return URL(fileURLWithPath: home)
        }
        var starts: [URL] = []
        if let exe = Bundle.main.executableURL { starts.append(exe.resolvingSymlinksInPath().deletingLastPathComponent()) }
        starts.append(URL(fileURLWithPath: fm.currentDirectoryPath))
        for start in starts {
            var url = start
            for _ in 0..<8 {
                if isRoot(url) { return url }
                let up = url.deletingLastPathComponent()
                if up.path == url.path { break }
                url = up
            }
        }
        if BundledResource.ignoresBuildTree { return nil }
        // Sources/Scripting/Session/ProjectPaths.swift -> the package root.
        let built = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return isRoot(built) ? built : nil
    }

    /// The default corpus: `DOSSIER_CORPUS`, else the project's seeds/, else the seeds of a
    /// package (`share/dossier/seeds` beside the executable: scripts/package).
    public static func defaultCorpus() -> String? {
        if let env = ProcessInfo.processInfo.environment["DOSSIER_CORPUS"], !env.isEmpty { return env }
        return (projectRoot()?.appendingPathComponent("seeds") ?? BundledResource.sharedFolder("seeds"))?.path
    }

    /// The bundled script library (scripts/ of the project, else `share/dossier/scripts` of a package).
    public static func bundledScripts() -> URL? {
        projectRoot()?.appendingPathComponent("scripts") ?? BundledResource.sharedFolder("scripts")
    }
}
