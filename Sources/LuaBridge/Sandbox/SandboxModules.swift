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
        templateFolders(cpath, endings: ["/?.so"])
    }

    /// The folders of the absolute `FOLDER/?.lua` and `FOLDER/?/init.lua` templates of a
    /// `package.path`, in order; relative ones (`./?.lua`) are left out.
    public static func luaModuleFolders(fromPath path: String) -> [String] {
        templateFolders(path, endings: ["/?.lua", "/?/init.lua"])
    }

    private static func templateFolders(_ templates: String, endings: [String]) -> [String] {
        var folders: [String] = []
        for template in templates.split(separator: ";", omittingEmptySubsequences: true) {
            guard template.hasPrefix("/"), let ending = endings.first(where: { template.hasSuffix($0) }),
                  template.filter({ $0 == "?" }).count == 1 else { continue }
            let folder = String(template.dropLast(ending.count))
            let normalized = folder.isEmpty ? "/" : folder
            if !folders.contains(normalized) { folders.append(normalized) }
        }
        return folders
    }

    /// Module folders resolved, without any that lies in a writable folder (nor `/`).
    func usableModuleRoots(_ folders: [String]) -> [String] {
        var roots: [String] = []
        for folder in folders where folder.hasPrefix("/") {
            let resolved = Self.resolve(folder)
            guard resolved != "/", !Self.isPath(resolved, withinAnyOf: writableRoots), !roots.contains(resolved) else { continue }
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
    /// `require` may load are probed (the others are listed as outside, never touched), and
    /// only regular files count. Returns the file as the template made it, or Lua's
    /// "no file '…'" list.
    func searchPath(name: String, path: String, separator: String, replacement: String) -> SandboxLookup<String> {
        let module = separator.isEmpty ? name : name.replacingOccurrences(of: separator, with: replacement)
        var tried: [String] = []
        for template in path.split(separator: ";", omittingEmptySubsequences: true) {
            let file = template.replacingOccurrences(of: "?", with: module)
            if file.utf8.contains(0) { continue }
            let resolved = Self.resolve(file)
            guard mayLoadModule(resolved) else {
                tried.append("no file '\(file)' (outside the folders the sandbox allows)")
                continue
            }
            if SandboxFileKind(atPath: resolved) == .file, access(resolved, R_OK) == 0 { return .found(file) }
            tried.append("no file '\(file)'")
        }
        return .notFound(tried.joined(separator: "\n\t"))
    }

    /// True when `require` may load the Lua file at resolved path `resolved`: it is readable,
    /// or it is a `.lua` file in the system's Lua module folders.
    func mayLoadModule(_ resolved: String) -> Bool {
        Self.isPath(resolved, withinAnyOf: readableRoots)
            || resolved.hasSuffix(".lua") && Self.isPath(resolved, withinAnyOf: luaModuleRoots)
    }

    /// The resolved path of Lua module file `file` that `require` found, or why not.
    func checkModule(_ file: String, function: String) -> Result<String, LuaSandboxRefusal> {
        let resolved = Self.resolve(file)
        guard mayLoadModule(resolved), SandboxFileKind(atPath: resolved) == .file else {
            return checkRead(file, function: function)
        }
        return .success(resolved)
    }
}
