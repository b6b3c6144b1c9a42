import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What a sandboxed state may touch: which folders it may read, which it may write, and which
/// native (C) modules it may load. The host (Scripting) fills this in; LuaBridge enforces it.
public struct LuaSandboxPolicy: Sendable {
    /// Folders (or single files) whose contents `io.open`, `io.lines`, `dofile`, `loadfile` and
    /// `require` may read. Writable folders are readable too.
    public var readableFolders: [String]
    /// Folders under which files may be created, changed, renamed or removed.
    public var writableFolders: [String]
    /// How refusals name the readable places ("the corpus, the script's folder, …").
    public var readableDescription: String
    /// How refusals name the writable places ("the output folder ./out").
    public var writableDescription: String
    /// C modules `require` may still load: pure computation, no files or processes.
    public var allowedCModules: [String]
    /// What lifts the sandbox, appended to every refusal ("run with --trusted to allow it").
    public var liftHint: String
    /// Creates a writable folder the first time something is written under it.
    public var createsWritableFolders: Bool

    /// A policy; by default nothing may be read or written and only the pure C modules load.
    public init(readableFolders: [String] = [], writableFolders: [String] = [],
                readableDescription: String = "the allowed folders",
                writableDescription: String = "the output folder",
                allowedCModules: [String] = LuaSandboxPolicy.pureCModules,
                liftHint: String = "lift the sandbox to allow it",
                createsWritableFolders: Bool = true) {
        self.readableFolders = readableFolders
        self.writableFolders = writableFolders
        self.readableDescription = readableDescription
        self.writableDescription = writableDescription
        self.allowedCModules = allowedCModules
        self.liftHint = liftHint
        self.createsWritableFolders = createsWritableFolders
    }

    /// Debian's C modules that only compute (parsing, JSON): safe to allow in a sandbox.
    public static let pureCModules = ["lpeg", "cjson", "cjson.safe"]
}

/// Why the sandbox refused a file operation, worded for the user.
public struct LuaSandboxRefusal: Error, CustomStringConvertible, Sendable {
    /// The refusal as the Lua error shows it.
    public let message: String
    public var description: String { message }
}

/// Confines a Lua state: no processes (`os.execute`, `io.popen`), no native code beyond an
/// allow list (`package.loadlib`, C searchers), no `debug` beyond `debug.traceback`, no
/// precompiled chunks, file reads only under the readable folders and writes only under the
/// writable ones. Paths are resolved (symlinks, `..`) before they are checked, and the
/// resolved path is the one opened, so a link inside an allowed folder cannot lead outside it.
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
    private var writeRoots: [String]

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

    /// The resolved path to open for reading `path`, or a refusal naming `function`.
    public func checkRead(_ path: String, function: String) -> Result<String, LuaSandboxRefusal> {
        if let refusal = Self.refuseNUL(path, function) { return .failure(refusal) }
        let resolved = Self.resolve(path)
        if readRoots.contains(where: { Self.isPath(resolved, within: $0) }) { return .success(resolved) }
        return .failure(LuaSandboxRefusal(message:
            "\(function): reading \(Self.shown(path, resolved)) is outside the folders the sandbox allows "
                + "(\(policy.readableDescription)) (\(policy.liftHint))"))
    }

    /// The resolved path to open for writing (or to remove or rename) `path`, or a refusal.
    /// Creates the writable folder that will hold it when the policy says so.
    public func checkWrite(_ path: String, function: String) -> Result<String, LuaSandboxRefusal> {
        if let refusal = Self.refuseNUL(path, function) { return .failure(refusal) }
        let resolved = Self.resolve(path)
        guard let root = writeRoots.first(where: { Self.isPath(resolved, within: $0) && resolved != $0 }) else {
            return .failure(LuaSandboxRefusal(message:
                "\(function): writing to \(Self.shown(path, resolved)) is outside \(policy.writableDescription) (\(policy.liftHint))"))
        }
        if policy.createsWritableFolders {
            try? FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        }
        return .success(resolved)
    }

    /// C would cut such a path short, so what is checked would not be what is opened.
    private static func refuseNUL(_ path: String, _ function: String) -> LuaSandboxRefusal? {
        path.utf8.contains(0) ? LuaSandboxRefusal(message: "\(function): a path with a NUL byte is refused") : nil
    }

    private static func shown(_ path: String, _ resolved: String) -> String {
        path == resolved ? "'\(path)'" : "'\(path)' (resolves to '\(resolved)')"
    }

    /// True when `path` is `root` or lies below it (both resolved).
    static func isPath(_ path: String, within root: String) -> Bool {
        if root == "/" { return true }
        return path == root || path.hasPrefix(root + "/")
    }

    // MARK: - Path resolution

    /// `path` made absolute (against the current folder), with symlinks and `.`/`..` resolved
    /// as the kernel would. Components that do not exist yet (a file about to be created) are
    /// appended to the resolved part that exists.
    public static func resolve(_ path: String) -> String {
        var absolute = path
        if !absolute.hasPrefix("/") {
            let cwd = FileManager.default.currentDirectoryPath
            absolute = (cwd.hasSuffix("/") ? cwd : cwd + "/") + absolute
        }
        return resolveAbsolute(absolute, depth: 0)
    }

    private static func resolveAbsolute(_ absolute: String, depth: Int) -> String {
        let components = absolute.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        // The longest prefix that exists, resolved by realpath(3).
        var existing = components.count
        var base = "/"
        while existing >= 0 {
            let prefix = "/" + components.prefix(existing).joined(separator: "/")
            if let real = realPath(prefix) {
                base = real
                break
            }
            existing -= 1
        }
        if existing < 0 { existing = 0 }
        let tail = components.dropFirst(existing)
        if tail.isEmpty { return base }
        var result = base
        var sawParent = false
        for component in tail {
            switch component {
            case ".": continue
            case "..":
                sawParent = true
                result = parent(of: result)
            default:
                result = result == "/" ? "/" + component : result + "/" + component
            }
        }
        // A `..` after a missing folder can land on existing paths (even symlinks): resolve again.
        if sawParent && depth < 8 { return resolveAbsolute(result, depth: depth + 1) }
        return result
    }

    private static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), path != "/" else { return "/" }
        let head = String(path[..<slash])
        return head.isEmpty ? "/" : head
    }

    private static func realPath(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    // MARK: - Installing

    /// Replaces the dangerous parts of the standard library in `state` with confined versions.
    /// Call once, after `openLibraries()` and after the host's own Lua code has loaded.
    public func install(in state: LuaState) throws {
        let checkRead = state.function("sandbox_check_read") { [unowned self] args in
            let path = try args.string(1)
            let function = try args.optionalString(2) ?? "io.open"
            switch self.checkRead(path, function: function) {
            case .success(let resolved): return [.text(resolved)]
            case .failure(let refusal): return [.nil, .text(refusal.message)]
            }
        }
        let checkWrite = state.function("sandbox_check_write") { [unowned self] args in
            let path = try args.string(1)
            let function = try args.optionalString(2) ?? "io.open"
            switch self.checkWrite(path, function: function) {
            case .success(let resolved): return [.text(resolved)]
            case .failure(let refusal): return [.nil, .text(refusal.message)]
            }
        }
        try state.run(Self.luaSource, chunkName: "=[dossier sandbox]", arguments: [
            .function(checkRead), .function(checkWrite), .text(policy.liftHint),
            .array(policy.allowedCModules.map { .text($0) }),
        ])
    }

    /// The Lua half: wraps the library functions around the two Swift checks.
    static let luaSource = #"""
    local check_read, check_write, hint, allowed_list = ...
    local error, type, select, pcall, tostring = error, type, select, pcall, tostring
    local table_pack, table_unpack, table_concat = table.pack, table.unpack, table.concat
    local raw_open, raw_lines, raw_input, raw_output = io.open, io.lines, io.input, io.output
    local raw_remove, raw_rename = os.remove, os.rename
    local raw_load, raw_loadfile = load, loadfile
    local searchpath = package.searchpath
    local searchers = package.searchers
    local preload_searcher, c_searcher, croot_searcher = searchers[1], searchers[3], searchers[4]

    local getinfo = debug.getinfo

    -- error(message, level) as seen from the caller of raise, except that a position inside
    -- the host's own chunks (a REPL wrapper after a tail call) or C is left out.
    local function raise(message, level)
      local info = getinfo(level + 1, "S")
      if info == nil or info.what == "C" or (info.source or ""):sub(1, 9) == "=[dossier" then
        error(message, 0)
      end
      error(message, level + 1)
    end

    local function disabled(name, extra)
      return function()
        raise(name .. " is disabled in the sandbox" .. (extra or "") .. " (" .. hint .. ")", 2)
      end
    end

    os.execute = disabled("os.execute")
    io.popen = disabled("io.popen")
    os.tmpname = disabled("os.tmpname")
    package.loadlib = disabled("package.loadlib")
    os.exit = disabled("os.exit", ": return from the script, or call error() to stop it with a message,")

    -- Replaces the resolved path in a system message with the path the user wrote.
    local function as_written(message, resolved, path)
      if type(message) ~= "string" or resolved == path then return message end
      local first, last = message:find(resolved, 1, true)
      if not first then return message end
      return message:sub(1, first - 1) .. path .. message:sub(last + 1)
    end

    local function checked(check, path, fname)
      local resolved, why = check(path, fname)
      if not resolved then raise(why, 3) end
      return resolved
    end

    local function need_string(value, position, fname)
      if type(value) ~= "string" then
        raise("bad argument #" .. position .. " to '" .. fname .. "' (string expected, got "
          .. (value == nil and "no value" or type(value)) .. ")", 3)
      end
    end

    function io.open(path, mode)
      need_string(path, 1, "open")
      if mode ~= nil and (type(mode) ~= "string" or not mode:match("^[rwa]%+?b*$")) then
        raise("bad argument #2 to 'open' (invalid mode)", 2)
      end
      local writes = mode ~= nil and mode:find("[wa+]") ~= nil
      local resolved = checked(writes and check_write or check_read, path, "io.open")
      local file, message, code = raw_open(resolved, mode)
      if not file then return nil, as_written(message, resolved, path), code end
      return file
    end

    function io.lines(path, ...)
      if path == nil then return raw_lines() end
      need_string(path, 1, "lines")
      local resolved = checked(check_read, path, "io.lines")
      local results = table_pack(pcall(raw_lines, resolved, ...))
      if not results[1] then raise(as_written(results[2], resolved, path), 2) end
      return table_unpack(results, 2, results.n)
    end

    -- io.input / io.output: a file name is checked (for reading / writing), a file handle passes.
    local function redirect(raw, check, name)
      return function(file)
        if type(file) == "string" then
          local resolved = checked(check, file, name)
          local ok, result = pcall(raw, resolved)
          if not ok then raise(as_written(result, resolved, file), 2) end
          return result
        end
        return raw(file)
      end
    end
    io.input = redirect(raw_input, check_read, "io.input")
    io.output = redirect(raw_output, check_write, "io.output")

    function os.remove(path)
      need_string(path, 1, "remove")
      local resolved = checked(check_write, path, "os.remove")
      local ok, message, code = raw_remove(resolved)
      if not ok then return nil, as_written(message, resolved, path), code end
      return ok
    end

    function os.rename(from, to)
      need_string(from, 1, "rename")
      need_string(to, 2, "rename")
      local source = checked(check_write, from, "os.rename")
      local target = checked(check_write, to, "os.rename")
      local ok, message, code = raw_rename(source, target)
      if not ok then return nil, as_written(message, source, from), code end
      return ok
    end

    local function refuse_binary(chunk, fname)
      if type(chunk) == "string" and chunk:byte(1) == 27 then
        raise(fname .. ": precompiled (binary) chunks are disabled in the sandbox (" .. hint .. ")", 3)
      end
    end

    -- `...` keeps an explicit nil environment apart from a missing one, as load does.
    function load(chunk, chunkname, mode, ...)
      refuse_binary(chunk, "load")
      return raw_load(chunk, chunkname, "t", ...)
    end

    function loadfile(path, mode, ...)
      if path == nil then return raw_loadfile(nil, "t", ...) end
      need_string(path, 1, "loadfile")
      local resolved = checked(check_read, path, "loadfile")
      local f, message = raw_loadfile(resolved, "t", ...)
      if not f then return nil, as_written(message, resolved, path) end
      return f
    end

    function dofile(path)
      local f, message
      if path == nil then
        f, message = raw_loadfile(nil, "t")
      else
        need_string(path, 1, "dofile")
        local resolved = checked(check_read, path, "dofile")
        f, message = raw_loadfile(resolved, "t")
        if not f then message = as_written(message, resolved, path) end
      end
      if not f then error(message, 0) end
      return f()
    end

    -- require: Lua files only where reading is allowed; C modules only from the allow list.
    local function lua_searcher(name)
      local file, missing = searchpath(name, package.path)
      if not file then return missing end
      local resolved, why = check_read(file, "require '" .. name .. "'")
      if not resolved then raise(why, 3) end
      local f, message = raw_loadfile(resolved, "t")
      if not f then
        raise("error loading module '" .. name .. "' from file '" .. file .. "':\n\t" .. tostring(message), 3)
      end
      return f, file
    end

    local allowed = {}
    for _, name in ipairs(allowed_list) do allowed[name] = true end
    local allowed_text = #allowed_list > 0 and table_concat(allowed_list, ", ") or "none"

    local function sandboxed_c_searcher(name)
      local root = name:match("^[^.]+")
      if allowed[name] or allowed[root] then
        local loader, extra = c_searcher(name)
        if type(loader) == "function" then return loader, extra end
        local loader2, extra2 = croot_searcher(name)
        if type(loader2) == "function" then return loader2, extra2 end
        return tostring(loader) .. "\n\t" .. tostring(loader2)
      end
      local file = searchpath(name, package.cpath) or searchpath(root, package.cpath)
      if file then
        raise("require '" .. name .. "': C module '" .. file .. "' is disabled in the sandbox (allowed: "
          .. allowed_text .. ") (" .. hint .. ")", 3)
      end
      return "no C module '" .. name .. "' (the sandbox allows only " .. allowed_text .. ")"
    end

    for i = #searchers, 1, -1 do searchers[i] = nil end
    searchers[1] = preload_searcher
    searchers[2] = lua_searcher
    searchers[3] = sandboxed_c_searcher

    -- debug: only traceback stays (the rest reaches into other functions' locals and upvalues).
    local traceback = debug.traceback
    local names = {}
    for k in pairs(debug) do names[#names + 1] = k end
    for _, k in ipairs(names) do debug[k] = nil end
    debug.traceback = traceback
    """#
}
