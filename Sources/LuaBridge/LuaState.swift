import CLua
import CLuaShim
import NewsText

/// A safe Swift face of one `lua_State`.
///
/// - Calls into Lua are protected and carry a traceback (`call`, `run`, `load`).
/// - Swift closures become Lua functions (`function(_:_:)`): they read their arguments
///   through `LuaArguments`, return `[LuaValue]` or throw, and never raise a Lua error
///   themselves; the C trampoline raises it after they have returned.
/// - Swift classes become userdata classes (`register(_:)`), retained while Lua holds them.
/// - Limits (`limits`, `memoryCap`, `interruptHandle`) stop a running chunk with a clear
///   error and leave the state usable.
///
/// A state is used from one thread at a time; only `interruptHandle` may be used from others.
public final class LuaState {
    /// The raw state, for the few places that need the C API directly.
    public let L: OpaquePointer

    /// Time and instruction limits armed for every top-level `call`/`run`.
    public var limits = LuaLimits()

    struct FunctionEntry {
        let name: String
        let body: (LuaArguments) throws -> [LuaValue]
    }

    var functions: [FunctionEntry] = []
    var classRefs: [ObjectIdentifier: Int32] = [:]
    var classMetatables: [LuaReference] = []
    /// The declared types (registered classes and modules built with `LuaModule`), with their
    /// members, in the order they were installed.
    public internal(set) var declaredTypes: [LuaTypeInfo] = []
    private var pendingUnrefs: [Int32] = []
    private lazy var resultEncoder = ValueEncoder(state: self)
    private var messageStorage: UnsafeMutablePointer<CChar>?
    private var messageCapacity = 0
    private var depth = 0

    /// Creates a state with the standard libraries closed; call `openLibraries()` next.
    /// - Parameter memoryCap: bytes Lua may allocate; nil for no cap.
    public init(memoryCap: Int? = nil) throws {
        // The host pointer is set right after init through a box to avoid using self early.
        let box = HostBox()
        guard let L = dlua_newstate(0, Unmanaged.passUnretained(box).toOpaque(),
                                    LuaState.invokeTrampoline, LuaState.retainObject,
                                    LuaState.releaseObject)
        else { throw LuaError(kind: .memory, message: "cannot create a Lua state") }
        self.L = L
        box.state = self
        hostBox = box
        if let memoryCap { dlua_set_memory_cap(L, memoryCap) }
    }

    private var hostBox: HostBox?

    deinit {
        dlua_close(L)
        messageStorage?.deallocate()
    }

    // MARK: - Libraries

    /// Opens Lua's standard libraries and installs the limit-aware `pcall`, `xpcall` and
    /// `coroutine.resume` (a limit hit inside them is re-raised, so a script cannot swallow a
    /// timeout).
    public func openLibraries() throws {
        guard dlua_openlibs(L) == LUA_OK else { throw LuaError(kind: .memory, message: "not enough memory") }
        let guardChunk = try load(LuaState.limitGuardSource, chunkName: "=[dossier limits]")
        let encoder = ValueEncoder(state: self)
        try encoder.encode(.reference(guardChunk))
        encoder.encodeBuiltin(Int32(DLUA_BUILTIN_LIMIT_HIT))
        _ = try protectedCall(encoder, count: 2)
    }

    static let limitGuardSource = """
    local limit_hit = ...
    local pcall, xpcall, error, resume = pcall, xpcall, error, coroutine.resume
    local function check(ok, ...)
      if not ok and limit_hit() then error((...), 0) end
      return ok, ...
    end
    _G.pcall = function(f, ...) return check(pcall(f, ...)) end
    _G.xpcall = function(f, h, ...) return check(xpcall(f, h, ...)) end
    coroutine.resume = function(co, ...) return check(resume(co, ...)) end
    """

    // MARK: - Memory and limits

    /// Bytes currently allocated by Lua.
    public var memoryUsed: Int { dlua_memory_used(L) }

    /// The memory cap in bytes (nil: none). Applies immediately.
    public var memoryCap: Int? {
        get { let c = dlua_memory_cap(L); return c == 0 ? nil : c }
        set { dlua_set_memory_cap(L, newValue ?? 0) }
    }

    /// Bytes Lua may still allocate under its cap (nil: no cap).
    public var memoryAvailable: Int? {
        guard let cap = memoryCap else { return nil }
        return Swift.max(0, cap - memoryUsed)
    }

    /// Refuses, before anything is built, a result of `count` items of about `bytesEach` bytes
    /// each (what Lua will hold plus what Swift builds on the way) when it would not fit in
    /// what Lua may still allocate. Bindings that return large Lists call it once they know how
    /// many items there will be.
    ///
    ///     try lua.reserveMemory(count: spans.count, bytesEach: 900, for: "dossier.tokens", items: "tokens")
    ///
    /// - Throws: `LuaRuntimeError` ("dossier.tokens: the result would take about 4.2 GB
    ///   (5,000,000 tokens), more than the 250 MB left under the memory limit of 256 MB"),
    ///   which a script may catch: nothing was allocated for the result.
    public func reserveMemory(count: Int, bytesEach: Int, for what: String, items: String) throws {
        guard let available = memoryAvailable, let cap = memoryCap else { return }
        let (total, overflow) = count.multipliedReportingOverflow(by: bytesEach)
        guard overflow || total > available else { return }
        let size = overflow ? "more than \(ByteSize.text(Int.max))" : "about \(ByteSize.text(total))"
        throw refusal(what, size + " (\(CountText.grouped(count)) \(items))", available: available, cap: cap)
    }

    /// The refusal of a finished result that Lua could not hold (see `ValueEncoder.luaBytes`).
    func resultTooLarge(_ what: String, bytes: Int) -> LuaRuntimeError {
        refusal(what, "about \(ByteSize.text(bytes))", available: memoryAvailable ?? 0, cap: memoryCap ?? 0)
    }

    private func refusal(_ what: String, _ size: String, available: Int, cap: Int) -> LuaRuntimeError {
        LuaRuntimeError("\(what): the result would take \(size), more than the \(ByteSize.text(available)) left "
            + "under the memory limit of \(ByteSize.text(cap)); ask for less or raise the limit (--max-memory)")
    }

    /// A handle that can stop the running chunk from another thread or a signal handler.
    public var interruptHandle: LuaInterruptHandle { LuaInterruptHandle(state: L) }

    /// Runs a full garbage collection.
    public func collectGarbage() {
        dlua_collect(L)
    }

    // MARK: - Functions and globals

    /// Registers a Swift function and returns a value that pushes as a Lua function.
    /// `name` is used in error messages (`bad argument #1 to 'name'`).
    public func function(_ name: String, _ body: @escaping (LuaArguments) throws -> [LuaValue]) -> LuaFunction {
        functions.append(FunctionEntry(name: name, body: body))
        return LuaFunction(index: functions.count - 1)
    }

    /// Sets a global variable.
    public func setGlobal(_ name: String, _ value: LuaValue) throws {
        try performUnrefs()
        let encoder = ValueEncoder(state: self)
        try encoder.encode(value)
        let status = name.withCString { dlua_setglobal_value(L, $0, encoder.nodes, encoder.arenaPointer) }
        guard status == LUA_OK else { throw LuaError(kind: .memory, message: "not enough memory") }
    }

    /// Reads a global variable (a copy; functions and tables-by-identity as references).
    public func global(_ name: String) throws -> LuaValue {
        let getter = try load("return _G[...]", chunkName: "=[global]")
        return try call(.reference(getter), [.text(name)]).first ?? .nil
    }

    /// Registers a global Swift function.
    public func setGlobal(_ name: String, function body: @escaping (LuaArguments) throws -> [LuaValue]) throws {
        try setGlobal(name, .function(function(name, body)))
    }

    // MARK: - Loading and calling

    /// Compiles a chunk. `chunkName` follows Lua: `@file.lua` for files, `=name` for others.
    public func load(_ source: String, chunkName: String) throws -> LuaReference {
        try load(bytes: Array(source.utf8), chunkName: chunkName)
    }

    /// Compiles a chunk from bytes (text chunks only: precompiled bytecode is refused).
    public func load(bytes source: [UInt8], chunkName: String) throws -> LuaReference {
        try performUnrefs()
        let top = lua_gettop(L)
        defer { lua_settop(L, top) }
        let status = source.withUnsafeBufferPointer { buffer in
            chunkName.withCString { name in
                buffer.withMemoryRebound(to: CChar.self) {
                    dlua_load(L, $0.baseAddress, $0.count, name)
                }
            }
        }
        guard status == LUA_OK else {
            let message = topMessage() ?? "cannot load chunk"
            throw LuaError(kind: status == LUA_ERRSYNTAX ? .syntax : .memory, message: message)
        }
        return try reference(at: -1)
    }

    /// Loads and runs a chunk, passing `arguments` as `...`; returns its results.
    @discardableResult
    public func run(_ source: String, chunkName: String = "=(swift)", arguments: [LuaValue] = []) throws -> [LuaValue] {
        let chunk = try load(source, chunkName: chunkName)
        return try call(.reference(chunk), arguments)
    }

    /// Calls a Lua value with arguments under the state's limits; returns its results.
    @discardableResult
    public func call(_ function: LuaValue, _ arguments: [LuaValue] = []) throws -> [LuaValue] {
        let encoder = ValueEncoder(state: self)
        try encoder.encode(function)
        for argument in arguments { try encoder.encode(argument) }
        return try protectedCall(encoder, count: arguments.count + 1)
    }

    private func protectedCall(_ encoder: ValueEncoder, count: Int) throws -> [LuaValue] {
        try performUnrefs()
        let top = lua_gettop(L)
        defer { lua_settop(L, top) }
        let outermost = depth == 0
        if outermost {
            dlua_arm_limits(L, limits.timeout ?? 0, Int64(limits.instructions ?? 0))
        }
        depth += 1
        let status = dlua_pcall_values(L, encoder.nodes, Int32(count), encoder.arenaPointer, LUA_MULTRET)
        depth -= 1
        defer {
            if outermost {
                dlua_disarm_limits(L)
                // Results of the last Swift call were kept alive for the C side; let them go.
                resultEncoder.reset()
            }
        }
        guard status == LUA_OK else { throw error(status: status) }
        let n = lua_gettop(L) - top
        var results: [LuaValue] = []
        results.reserveCapacity(Int(n))
        var reader = StackReader(L: L, makeReferences: { [unowned self] idx in try? self.reference(copying: idx) })
        if n > 0 {
            for i in 1...n { results.append(reader.read(top + i)) }
        }
        return results
    }

    /// Turns a failed call's status and message into a `LuaError`.
    private func error(status: Int32) -> LuaError {
        let hit = dlua_limit_hit(L)
        let text = topMessage() ?? "unknown error"
        var message = text
        var traceback: String?
        if let range = text.range(of: "\nstack traceback:\n") {
            message = String(text[..<range.lowerBound])
            traceback = String(text[range.lowerBound...].dropFirst())
        }
        if status == LUA_ERRMEM || hit == Int32(DLUA_LIMIT_MEMORY) && message.hasSuffix("not enough memory") {
            if let cap = memoryCap, dlua_memory_refused(L) != 0 {
                return LuaError(kind: .memory, message: "memory limit of \(ByteSize.text(cap)) exceeded", traceback: traceback)
            }
            return LuaError(kind: .memory, message: "not enough memory", traceback: traceback)
        }
        switch hit {
        case Int32(DLUA_LIMIT_TIME): return LuaError(kind: .time, message: message, traceback: traceback)
        case Int32(DLUA_LIMIT_INSTRUCTIONS): return LuaError(kind: .instructions, message: message, traceback: traceback)
        case Int32(DLUA_LIMIT_INTERRUPT): return LuaError(kind: .interrupted, message: message, traceback: traceback)
        default: return LuaError(kind: .runtime, message: message, traceback: traceback)
        }
    }

    private func topMessage() -> String? {
        guard lua_type(L, -1) == LUA_TSTRING else { return nil }
        var length = 0
        guard let p = lua_tolstring(L, -1, &length) else { return nil }
        return p.withMemoryRebound(to: UInt8.self, capacity: length) {
            String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
        }
    }

    // MARK: - References

    /// Pops the value at `idx` into the registry.
    private func reference(at idx: Int32) throws -> LuaReference {
        lua_pushvalue(L, idx)
        return try popReference()
    }

    private func reference(copying idx: Int32) throws -> LuaReference {
        lua_pushvalue(L, idx)
        return try popReference()
    }

    private func popReference() throws -> LuaReference {
        let t = LuaType(rawValue: lua_type(L, -1)) ?? .nil
        let ref = dlua_ref(L)
        guard ref != LUA_NOREF, ref != LUA_REFNIL else { throw LuaError(kind: .memory, message: "not enough memory") }
        return LuaReference(ref: ref, type: t, state: self)
    }

    /// Stores a Swift-built value in the registry (for metatables and shared tables).
    public func makeReference(_ value: LuaValue) throws -> LuaReference {
        try performUnrefs()
        let encoder = ValueEncoder(state: self)
        try encoder.encode(value)
        return try makeReference(encoder)
    }

    func makeReference(_ encoder: ValueEncoder) throws -> LuaReference {
        let top = lua_gettop(L)
        defer { lua_settop(L, top) }
        guard dlua_push_values(L, encoder.nodes, 1, encoder.arenaPointer) == LUA_OK else {
            throw LuaError(kind: .memory, message: "not enough memory")
        }
        return try popReference()
    }

    func scheduleUnref(_ ref: Int32) {
        pendingUnrefs.append(ref)
    }

    private func performUnrefs() throws {
        guard !pendingUnrefs.isEmpty, depth == 0 else { return }
        for ref in pendingUnrefs { dlua_unref(L, ref) }
        pendingUnrefs.removeAll()
    }

    // MARK: - Classes

    func classReference(for object: AnyObject) -> Int32? {
        classRefs[ObjectIdentifier(type(of: object))]
    }

    // MARK: - The trampoline

    /// Host pointer target: lets the C side find the Swift state.
    final class HostBox {
        unowned(unsafe) var state: LuaState?
    }

    /// Called when Lua starts holding an object: retains it, and its owner (`LuaOwnedObject`).
    static let retainObject: dlua_object_fn = { pointer in
        guard let pointer else { return }
        let object = Unmanaged<AnyObject>.fromOpaque(pointer).retain().takeUnretainedValue()
        if let owner = (object as? LuaOwnedObject)?.luaOwner { _ = Unmanaged.passUnretained(owner).retain() }
    }

    /// Called when Lua lets an object go (its box was collected).
    static let releaseObject: dlua_object_fn = { pointer in
        guard let pointer else { return }
        let unmanaged = Unmanaged<AnyObject>.fromOpaque(pointer)
        let owner = (unmanaged.takeUnretainedValue() as? LuaOwnedObject)?.luaOwner
        unmanaged.release()
        if let owner { Unmanaged.passUnretained(owner).release() }
    }

    static let invokeTrampoline: dlua_invoke_fn = { L, host, index, out in
        guard let L, let host, let out else { return }
        let box = Unmanaged<HostBox>.fromOpaque(host).takeUnretainedValue()
        guard let state = box.state else { return }
        state.dispatch(L, Int(index), out)
    }

    /// Runs Swift function `index` for the trampoline and describes its outcome in `out`.
    /// Nothing here raises a Lua error.
    private func dispatch(_ L: OpaquePointer, _ index: Int, _ out: UnsafeMutablePointer<dlua_result>) {
        let top = lua_gettop(L)
        let entry = functions[index]
        let encoder = resultEncoder
        encoder.reset()
        do {
            let args = LuaArguments(L: L, base: 0, count: Int(top))
            let values = try entry.body(args)
            for value in values { try encoder.encode(value) }
            if let available = memoryAvailable, encoder.luaBytes > available {
                throw resultTooLarge(entry.name, bytes: encoder.luaBytes)
            }
            lua_settop(L, top)
            out.pointee.status = Int32(DLUA_STATUS_OK)
            out.pointee.count = Int32(values.count)
            out.pointee.values = UnsafePointer(encoder.nodes)
            out.pointee.arena = encoder.arenaPointer
        } catch let e as LuaLimitSignal where e.luaLimit == .time || e.luaLimit == .interrupted {
            lua_settop(L, top)
            out.pointee.status = Int32(DLUA_STATUS_LIMIT)
            out.pointee.arg = e.luaLimit == .time ? Int32(DLUA_LIMIT_TIME) : Int32(DLUA_LIMIT_INTERRUPT)
        } catch let e as LuaArgumentError {
            lua_settop(L, top)
            setMessage(e.message, out)
            out.pointee.status = Int32(e.isTypeError ? DLUA_STATUS_TYPEERROR : DLUA_STATUS_ARGERROR)
            out.pointee.arg = Int32(e.position)
        } catch {
            lua_settop(L, top)
            let text = (error as? LuaRuntimeError)?.message ?? String(describing: error)
            setMessage(text, out)
            out.pointee.status = Int32(DLUA_STATUS_ERROR)
        }
    }

    private func setMessage(_ text: String, _ out: UnsafeMutablePointer<dlua_result>) {
        let utf8 = Array(text.utf8)
        if messageCapacity < utf8.count + 1 {
            messageStorage?.deallocate()
            messageCapacity = max(256, utf8.count + 1)
            messageStorage = .allocate(capacity: messageCapacity)
        }
        guard let storage = messageStorage else { return }
        for (i, byte) in utf8.enumerated() { storage[i] = CChar(bitPattern: byte) }
        storage[utf8.count] = 0
        out.pointee.message = UnsafePointer(storage)
        out.pointee.message_length = utf8.count
    }
}
