import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Confines a Lua state, whose scripts and plugins are treated as untrusted:
///
/// - no processes (`os.execute`, `io.popen`, `os.exit`), no `debug` beyond `debug.traceback`,
///   no precompiled chunks, no `__gc` finalizers (Lua runs them with hooks off, beyond any
///   time limit);
/// - files are read only under the readable folders and written only under the writable
///   ones. Paths are resolved (symlinks, `..`) before they are checked and the resolved path
///   is the one opened; a write acts on the path itself and never follows a symbolic link;
///   FIFOs and devices are refused rather than opened;
/// - native code loads only for the allowed C modules, only from the system's Lua folders, by
///   absolute path; `package.cpath`, `package.searchers`, `package.preload` and
///   `package.loadlib` are out of the script's reach (scripts see a read-only view of
///   `package`; only `package.path` may change, and it can only lead to readable files);
/// - `package.searchpath` probes only where the sandbox may read; `os.getenv` reads only the
///   variables of `environmentAllowList`.
///
/// Every decision is taken in Swift or by functions captured when the sandbox is installed,
/// before any user code runs: replacing `string.find` or the string metatable changes nothing.
///
/// Install it after the host's own Lua code has loaded: that code keeps the functions it
/// captured, user code only sees the confined ones.
///
///     let sandbox = LuaSandbox(policy: LuaSandboxPolicy(readableFolders: ["data"], writableFolders: ["out"]))
///     try sandbox.install(in: state)
///     sandbox.allowReading("scripts")   // later, e.g. for the folder of a script being run
public final class LuaSandbox {
    /// The policy as given (folders unresolved).
    public private(set) var policy: LuaSandboxPolicy
    private var readRoots: [String]
    private let writeRoots: [String]
    /// The resolved folders C modules load from (set by `install(in:)`).
    public internal(set) var cModuleRoots: [String] = []
    /// The resolved system folders `require` may load Lua modules from (set by `install(in:)`).
    public internal(set) var luaModuleRoots: [String] = []
    /// The real `package` table once installed (scripts see a read-only view): host code that
    /// adds a searcher (the plugin loader) adds it here.
    public internal(set) var packageTable: LuaReference?

    /// A sandbox enforcing `policy` (folders are resolved now; install it with `install(in:)`).
    public init(policy: LuaSandboxPolicy) {
        self.policy = policy
        writeRoots = Self.uniqueRoots(policy.writableFolders)
        readRoots = Self.uniqueRoots(policy.readableFolders + policy.writableFolders)
    }

    /// Adds a folder (or file) that may be read from now on.
    public func allowReading(_ folder: String) {
        policy.readableFolders.append(folder)
        let resolved = Self.resolve(folder)
        if !readRoots.contains(resolved) { readRoots.append(resolved) }
    }

    /// The resolved folders that may be read.
    public var readableRoots: [String] { readRoots }
    /// The resolved folders that may be written.
    public var writableRoots: [String] { writeRoots }

    private static func uniqueRoots(_ folders: [String]) -> [String] {
        var out: [String] = []
        for folder in folders where !folder.isEmpty {
            let resolved = resolve(folder)
            if !out.contains(resolved) { out.append(resolved) }
        }
        return out
    }

    // MARK: - Checks

    /// The resolved path to open for reading `path`, or a refusal naming `function`. Refuses
    /// paths outside the readable folders and FIFOs, sockets and devices (reading one may
    /// never end).
    public func checkRead(_ path: String, function: String) -> Result<String, LuaSandboxRefusal> {
        if let refusal = Self.refuseNUL(path, function) { return .failure(refusal) }
        let resolved = Self.resolve(path)
        guard Self.isPath(resolved, withinAnyOf: readRoots) else {
            return .failure(refusal("\(function): reading \(Self.shown(path, resolved)) is outside the folders the sandbox allows "
                + "(\(policy.readableDescription))"))
        }
        if case .special(let what) = SandboxFileKind(atPath: resolved) {
            return .failure(refusal("\(function): '\(path)' is not a regular file (it is \(what); the sandbox reads only files and folders)"))
        }
        return .success(resolved)
    }

    /// The filter a corpus load applies to what it lists (`dossier.open` hands it to the
    /// loader as `CorpusLoader.Options.acceptsPath`, so that a link in a corpus cannot lead
    /// outside): true when `resolved`, an absolute path with its links resolved, lies in a
    /// readable folder. The loader asks it for every folder and file at listing time and skips
    /// what it refuses with a warning; FIFOs and devices it skips on its own. A snapshot of the
    /// readable folders now, safe to call from any thread, and decided in Swift alone.
    public func readableFilter() -> @Sendable (String) -> Bool {
        let roots = readRoots
        return { resolved in
            !resolved.utf8.contains(0) && LuaSandbox.isPath(resolved, withinAnyOf: roots)
        }
    }

    /// The path to open for writing `path` (its folder resolved), or a refusal. Refused:
    /// paths outside the writable folders, a writable folder itself, a symbolic link (even one
    /// pointing inside: the sandbox never writes through a link), FIFOs and devices. Creates
    /// the writable folder that will hold the file when the policy says so.
    public func checkWrite(_ path: String, function: String) -> Result<String, LuaSandboxRefusal> {
        let target: String
        switch checkEntry(path, function: function) {
        case .success(let entry): target = entry
        case .failure(let refusal): return .failure(refusal)
        }
        switch SandboxFileKind(atPath: target) {
        case .link:
            return .failure(refusal("\(function): writing to '\(path)' is refused: it is a symbolic link (to '\(Self.linkText(target))'), "
                + "and the sandbox never writes through a link"))
        case .special(let what):
            return .failure(refusal("\(function): '\(path)' is not a regular file (it is \(what); the sandbox writes only files)"))
        default:
            break
        }
        if policy.createsWritableFolders, let root = writeRoots.first(where: { Self.isPath(target, within: $0) }) {
            try? FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        }
        return .success(target)
    }

    /// The path a removal or rename of `path` acts on (its folder resolved, its last component
    /// as written, so a link is removed or renamed itself), or a refusal when that is not
    /// inside a writable folder.
    public func checkEntry(_ path: String, function: String) -> Result<String, LuaSandboxRefusal> {
        if let refusal = Self.refuseNUL(path, function) { return .failure(refusal) }
        let target = Self.entryPath(path)
        guard writeRoots.contains(where: { Self.isPath(target, within: $0) && target != $0 }) else {
            return .failure(refusal("\(function): writing to \(Self.shown(path, target)) is outside \(policy.writableDescription)"))
        }
        return .success(target)
    }

    /// A refusal: `message` and what lifts the sandbox.
    func refusal(_ message: String) -> LuaSandboxRefusal {
        LuaSandboxRefusal(message: message + " (\(policy.liftHint))")
    }

    /// C would cut such a path short, so what is checked would not be what is opened.
    private static func refuseNUL(_ path: String, _ function: String) -> LuaSandboxRefusal? {
        path.utf8.contains(0) ? LuaSandboxRefusal(message: "\(function): a path with a NUL byte is refused") : nil
    }

    static func shown(_ path: String, _ resolved: String) -> String {
        path == resolved ? "'\(path)'" : "'\(path)' (resolves to '\(resolved)')"
    }
}
