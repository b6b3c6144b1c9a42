import CLuaShim
import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension LuaSandbox {
    /// Replaces the dangerous parts of the standard library in `state` with confined versions.
    /// Call once, after `openLibraries()` and after the host's own Lua code has loaded, and
    /// before any user code runs: the C module folders are read from Lua's own
    /// `package.cpath` now (unless the policy names them).
    public func install(in state: LuaState) throws {
        let paths = try state.run("return package.cpath, package.path", chunkName: "=[dossier sandbox]")
        let cpath = paths.first?.stringValue ?? "", path = paths.dropFirst().first?.stringValue ?? ""
        cModuleRoots = usableModuleRoots(policy.cModuleFolders ?? Self.cModuleFolders(fromCPath: cpath))
        luaModuleRoots = usableModuleRoots(policy.luaModuleFolders ?? Self.luaModuleFolders(fromPath: path))
        let allowed = policy.allowedCModules
        let host = LuaValue.record([
            "check_read": .function(checkFunction(state, "check_read") { [unowned self] in self.checkRead($0, function: $1) }),
            "check_write": .function(checkFunction(state, "check_write") { [unowned self] in self.checkWrite($0, function: $1) }),
            "check_module": .function(checkFunction(state, "check_module") { [unowned self] in self.checkModule($0, function: $1) }),
            "plan_open": .function(planOpenFunction(state)),
            "open_file": .reference(try state.builtinFunction(Int32(DLUA_BUILTIN_OPEN_FILE))),
            "as_written": .function(asWrittenFunction(state)),
            "locate_c": .function(locateCFunction(state)),
            "remove": .function(removeFunction(state)),
            "rename": .function(renameFunction(state)),
            "getenv": .function(Self.getenvFunction(state)),
            "searchpath": .function(searchPathFunction(state)),
            "hint": .text(policy.liftHint),
            "allowed": .text(allowed.isEmpty ? "none" : allowed.joined(separator: ", ")),
        ])
        packageTable = try state.makeReferenceFromLua(Self.luaSource, chunkName: "=[dossier sandbox]", arguments: [host])
    }

    // MARK: - Functions for the Lua half (Sandbox/SandboxSource.swift)

    /// `check(path, function)` → the path to open, or nil and the refusal.
    private func checkFunction(_ state: LuaState, _ name: String,
                               _ check: @escaping (String, String) -> Result<String, LuaSandboxRefusal>) -> LuaFunction {
        state.function(name) { args in
            let path = try args.string(1)
            let function = try args.optionalString(2) ?? "io.open"
            switch check(path, function) {
            case .success(let target): return [.text(target)]
            case .failure(let refusal): return [.nil, .text(refusal.message)]
            }
        }
    }

    /// `plan_open(path, mode)` → the path to open (checked for reading, or for writing when
    /// the mode writes), nil and the refusal, or nil, nil, true for a mode Lua does not know.
    private func planOpenFunction(_ state: LuaState) -> LuaFunction {
        state.function("plan_open") { [unowned self] args in
            let path = try args.string(1)
            let mode = try args.optionalString(2) ?? "r"
            guard let writes = Self.modeWrites(mode) else { return [.nil, .nil, .boolean(true)] }
            let result = writes ? self.checkWrite(path, function: "io.open") : self.checkRead(path, function: "io.open")
            switch result {
            case .success(let target): return [.text(target)]
            case .failure(let refusal): return [.nil, .text(refusal.message)]
            }
        }
    }

    /// Whether Lua mode `mode` (`r`, `w`, `a`, maybe `+`, then any `b`s) writes; nil when it
    /// is not a mode io.open accepts.
    static func modeWrites(_ mode: String) -> Bool? {
        var rest = Substring(mode)
        guard let first = rest.popFirst(), "rwa".contains(first) else { return nil }
        let plus = rest.first == "+"
        if plus { rest = rest.dropFirst() }
        guard rest.allSatisfy({ $0 == "b" }) else { return nil }
        return first != "r" || plus
    }

    /// `as_written(message, resolved, path)`: a system message about the resolved path, naming
    /// the path as the user wrote it.
    private func asWrittenFunction(_ state: LuaState) -> LuaFunction {
        state.function("as_written") { args in
            let message = try args.string(1)
            let resolved = try args.string(2)
            let path = try args.string(3)
            guard resolved != path, let range = message.range(of: resolved) else { return [.text(message)] }
            return [.text(message.replacingCharacters(in: range, with: path))]
        }
    }

    /// `locate_c(name)` → file and `luaopen_` function of an allowed C module, or nil and why not.
    private func locateCFunction(_ state: LuaState) -> LuaFunction {
        state.function("locate_c") { [unowned self] args in
            switch self.locateCModule(try args.string(1)) {
            case .found(let found): return [.text(found.file), .text(found.symbol)]
            case .notFound(let message): return [.nil, .text(message)]
            }
        }
    }

    /// `os.remove(path)`: a file or empty folder under a writable folder (a link itself, never
    /// its target).
    private func removeFunction(_ state: LuaState) -> LuaFunction {
        state.function("remove") { [unowned self] args in
            let path = try args.string(1)
            let target = try self.checkEntry(path, function: "os.remove").orRaise()
            guard unlinkOrRemove(target) == 0 else {
                let code = errno
                return [.nil, .text("\(path): \(String(cString: strerror(code)))"), .integer(Int(code))]
            }
            return [.boolean(true)]
        }
    }

    /// `os.rename(from, to)`: both under a writable folder (a link is renamed itself).
    private func renameFunction(_ state: LuaState) -> LuaFunction {
        state.function("rename") { [unowned self] args in
            let from = try args.string(1)
            let to = try args.string(2)
            let source = try self.checkEntry(from, function: "os.rename").orRaise()
            let target = try self.checkEntry(to, function: "os.rename").orRaise()
            guard renameEntry(source, target) == 0 else {
                let code = errno
                return [.nil, .text(String(cString: strerror(code))), .integer(Int(code))]
            }
            return [.boolean(true)]
        }
    }

    /// `os.getenv(name)`: the variable when the allow list lets scripts see it, else nil.
    private static func getenvFunction(_ state: LuaState) -> LuaFunction {
        state.function("getenv") { args in
            let name = try args.string(1)
            guard environmentAllows(name), !name.utf8.contains(0), let value = getenv(name) else { return [.nil] }
            let bytes = UnsafeBufferPointer(start: value, count: strlen(value))
            return [.string(LuaString(bytes: bytes.map { UInt8(bitPattern: $0) }))]
        }
    }

    /// `package.searchpath(name, path [, sep [, rep]])`, probing only where the sandbox reads.
    private func searchPathFunction(_ state: LuaState) -> LuaFunction {
        state.function("searchpath") { [unowned self] args in
            let name = try args.string(1)
            let path = try args.string(2)
            let separator = try args.optionalString(3) ?? "."
            let replacement = try args.optionalString(4) ?? "/"
            switch self.searchPath(name: name, path: path, separator: separator, replacement: replacement) {
            case .found(let file): return [.text(file)]
            case .notFound(let tried): return [.nil, .text(tried)]
            }
        }
    }
}

extension LuaSandboxRefusal {
    /// The refusal as the error a Swift function raises (at the caller's line).
    var asRuntimeError: LuaRuntimeError { LuaRuntimeError(message) }
}

extension Result where Failure == LuaSandboxRefusal {
    /// The value, or the refusal thrown as a Lua error.
    func orRaise() throws -> Success {
        switch self {
        case .success(let value): return value
        case .failure(let refusal): throw refusal.asRuntimeError
        }
    }
}

extension LuaState {
    /// One of CLuaShim's built-in C functions (`DLUA_BUILTIN_*`), held in the registry.
    func builtinFunction(_ which: Int32) throws -> LuaReference {
        let encoder = ValueEncoder(state: self)
        encoder.encodeBuiltin(which)
        return try makeReference(encoder)
    }
}

/// remove(3): a file, a link itself, or an empty folder.
private func unlinkOrRemove(_ path: String) -> Int32 { remove(path) }

/// rename(2): a link is renamed itself.
private func renameEntry(_ from: String, _ to: String) -> Int32 { rename(from, to) }
