import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What a search found, or the "no file …" lines saying why not.
enum SandboxLookup<Found> {
    case found(Found)
    case notFound(String)
}

/// Where `require` may find code in the sandbox: Lua files by `package.searchpath` (probing
/// only where the sandbox reads) and C modules from the system's Lua folders only.
extension LuaSandbox {
    /// The folders of the absolute `FOLDER/?.so` templates of a `package.cpath`, in order:
    /// relative templates (`./?.so`) and all-in-one loaders (`loadall.so`) are left out.
    public static func cModuleFolders(fromCPath cpath: String) -> [String] {
        var folders: [String] = []
        for template in cpath.split(separator: ";", omittingEmptySubsequences: true) {
            guard template.hasPrefix("/"), template.hasSuffix("/?.so"),
                  template.filter({ $0 == "?" }).count == 1 else { continue }
            let folder = String(template.dropLast(5))
            let normalized = folder.isEmpty ? "/" : folder
            if !folders.contains(normalized) { folders.append(normalized) }
        }
        return folders
    }

    /// The C module folders resolved, without any that lies in a writable folder.
    func usableCModuleRoots(_ folders: [String]) -> [String] {
        var roots: [String] = []
        for folder in folders where folder.hasPrefix("/") {
            let resolved = Self.resolve(folder)
            guard !Self.isPath(resolved, withinAnyOf: writableRoots), !roots.contains(resolved) else { continue }
            roots.append(resolved)
        }
        return roots
    }

    /// The shared object and `luaopen_` function for C module `name`, or why it cannot load
    /// (worded as a line of require's "module not found" list).
    func locateCModule(_ name: String) -> SandboxLookup<(file: String, symbol: String)> {
        let root = name.split(separator: ".", maxSplits: 1).first.map(String.init) ?? name
        let allowed = policy.allowedCModules
        guard allowed.contains(name) || allowed.contains(root) else {
            let list = allowed.isEmpty ? "none" : allowed.joined(separator: ", ")
            return .notFound("C module '\(name)' is not among the ones the sandbox allows (\(list)) (\(policy.liftHint))")
        }
        let symbol = "luaopen_" + name.replacingOccurrences(of: ".", with: "_")
        let relative = name.replacingOccurrences(of: ".", with: "/")
        var candidates = cModuleRoots.map { $0 + "/" + relative + ".so" }
        if root != name { candidates += cModuleRoots.map { $0 + "/" + root + ".so" } }
        var tried: [String] = []
        for file in candidates {
            guard SandboxFileKind(atPath: file) != .missing, let real = Self.realPath(file) else {
                tried.append("no file '\(file)'")
                continue
            }
            guard Self.isPath(real, withinAnyOf: cModuleRoots) else {
                return .notFound("C module '\(name)': '\(file)' leads outside the system's Lua library folders (to '\(real)')")
            }
            guard !Self.isPath(real, withinAnyOf: writableRoots) else {
                return .notFound("C module '\(name)': '\(file)' lies in a folder scripts may write to")
            }
            guard SandboxFileKind(atPath: real) == .file else {
                tried.append("no file '\(file)'")
                continue
            }
            return .found((real, symbol))
        }
        if cModuleRoots.isEmpty { return .notFound("no C module '\(name)' (no system Lua library folder)") }
        return .notFound(tried.joined(separator: "\n\t"))
    }

    /// `package.searchpath(name, path, sep, rep)` as Lua does it, except that only candidates
    /// the sandbox may read are probed (the others are listed as outside, never touched), and
    /// only regular files count. Returns the file as the template made it, or Lua's
    /// "no file '…'" list.
    func searchPath(name: String, path: String, separator: String, replacement: String) -> SandboxLookup<String> {
        let module = separator.isEmpty ? name : name.replacingOccurrences(of: separator, with: replacement)
        var tried: [String] = []
        for template in path.split(separator: ";", omittingEmptySubsequences: true) {
            let file = template.replacingOccurrences(of: "?", with: module)
            if file.utf8.contains(0) { continue }
            let resolved = Self.resolve(file)
            guard Self.isPath(resolved, withinAnyOf: readableRoots) else {
                tried.append("no file '\(file)' (outside the folders the sandbox allows)")
                continue
            }
            if SandboxFileKind(atPath: resolved) == .file, access(resolved, R_OK) == 0 { return .found(file) }
            tried.append("no file '\(file)'")
        }
        return .notFound(tried.joined(separator: "\n\t"))
    }
}
