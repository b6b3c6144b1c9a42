import Foundation

/// Finds the data files dossier ships (word lists, gazetteers, outlets, the Lua parts) without
/// SwiftPM's generated `Bundle.module`, which stops the program ("could not load resource
/// bundle") when the bundle is not where the build left it — as for a binary copied on its own.
///
/// A target's files are looked for, in order:
/// 1. in its resource bundle (`dossier_<Target>.resources`) beside the executable (as built, and
///    as `swift build` leaves it for tests), in the main bundle's resources, and beside the
///    executable the path resolves to when it is a symbolic link;
/// 2. in a `share/dossier` folder beside the executable, or beside the folder that holds it (an
///    installation with `bin/dossier` and `share/dossier/`), holding the bundles' folders
///    (`share/dossier/Resources/stopwords-en.txt`, `share/dossier/Lua/list.lua`);
/// 3. in the source tree the program was built from (`Sources/<Target>/<folder>`), when it is
///    still there: a copy of the binary on the machine that built it keeps working, as it did
///    with `Bundle.module`, which falls back to the build folder. `DOSSIER_NO_BUILD_TREE=1` turns
///    this off, so a package can be tested on the machine that built it as on any other.
/// When none holds the file, `MissingResource` says where it looked.
package struct BundledResource: Sendable {
    /// The SwiftPM target whose bundle holds the files: "NewsText", "Corpus", "Scripting".
    package let target: String
    /// The folder of the files inside the bundle and inside `share/dossier`: "Resources", "Lua".
    package let folder: String

    package init(target: String, folder: String) {
        self.target = target
        self.folder = folder
    }

    /// The file `name.ext`, or an error listing the folders looked in.
    package func url(_ name: String, ext: String) throws(MissingResource) -> URL {
        let fileManager = FileManager.default
        let folders = searchFolders()
        for dir in folders {
            let file = dir.appendingPathComponent("\(name).\(ext)")
            if fileManager.isReadableFile(atPath: file.path) { return file }
        }
        throw MissingResource(file: "\(name).\(ext)", searched: folders.map(\.path))
    }

    /// The text of `name.ext` (UTF-8), or an error listing the folders looked in.
    package func text(_ name: String, ext: String) throws(MissingResource) -> String {
        let file = try url(name, ext: ext)
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw MissingResource(file: "\(name).\(ext)", searched: [file.deletingLastPathComponent().path])
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// True when `DOSSIER_NO_BUILD_TREE=1`: the source tree the program was built from is not
    /// looked in (by resources, the default corpus and the bundled scripts).
    package static var ignoresBuildTree: Bool {
        ProcessInfo.processInfo.environment["DOSSIER_NO_BUILD_TREE"] == "1"
    }

    /// `share/dossier/<folder>` beside the executable or beside the folder that holds it, when it
    /// exists: where a package (scripts/package) keeps what is not a target's resource.
    package static func sharedFolder(_ folder: String) -> URL? {
        guard let executable = Bundle.main.executableURL else { return nil }
        for exe in [executable, executable.resolvingSymlinksInPath()] {
            let dir = exe.deletingLastPathComponent()
            for base in [dir, dir.deletingLastPathComponent()] {
                let url = base.appendingPathComponent("share/dossier").appendingPathComponent(folder)
                var isDir: ObjCBool = false
                if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), isDir.boolValue {
                    return url.standardizedFileURL
                }
            }
        }
        return nil
    }

    /// The folders that may hold the files, most likely first, without repeats.
    package func searchFolders() -> [URL] {
        #if os(Linux) || os(Windows)
        let bundleName = "dossier_\(target).resources"
        let inBundle = [folder]
        #else
        let bundleName = "dossier_\(target).bundle"
        let inBundle = [folder, "Contents/Resources/\(folder)"]
        #endif
        var executableDirs: [URL] = []
        if let executable = Bundle.main.executableURL {
            executableDirs.append(executable.deletingLastPathComponent())
            executableDirs.append(executable.resolvingSymlinksInPath().deletingLastPathComponent())
        }
        var bundleDirs = [Bundle.main.bundleURL]
        if let resources = Bundle.main.resourceURL { bundleDirs.append(resources) }
        bundleDirs += executableDirs
        var result: [URL] = []
        for dir in bundleDirs {
            for sub in inBundle { result.append(dir.appendingPathComponent(bundleName).appendingPathComponent(sub)) }
        }
        for dir in executableDirs {
            result.append(dir.appendingPathComponent("share/dossier").appendingPathComponent(folder))
            result.append(dir.deletingLastPathComponent().appendingPathComponent("share/dossier").appendingPathComponent(folder))
        }
        var seen = Set<String>()
        if Self.ignoresBuildTree { return result.map(\.standardizedFileURL).filter { seen.insert($0.path).inserted } }
        // This file is Sources/NewsText/Support/BundledResource.swift.
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        result.append(sources.appendingPathComponent(target).appendingPathComponent(folder))
        return result.map(\.standardizedFileURL).filter { seen.insert($0.path).inserted }
    }
}

/// A data file dossier needs was in none of the places it is installed to.
public struct MissingResource: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file's name (`stopwords-en.txt`).
    public let file: String
    /// The folders looked in, in order.
    public let searched: [String]

    public var description: String {
        "dossier's data file \(file) is missing: looked in \(searched.joined(separator: ", ")). "
            + "Keep the dossier_*.resources folders beside the executable, or install their contents in a share/dossier folder beside it"
    }
}
