import CLuaShim

/// A Lua value kept alive in the registry so Swift can hand it back later (a callback, a
/// metatable, a table whose identity matters). Released when the last Swift holder goes away.
public final class LuaReference: @unchecked Sendable {
    /// The registry index.
    public let ref: Int32
    /// The type of the referenced value.
    public let type: LuaType
    weak var state: LuaState?

    init(ref: Int32, type: LuaType, state: LuaState) {
        self.ref = ref
        self.type = type
        self.state = state
    }

    deinit {
        // Unref lazily, at the next safe point of the state: a deinit can run anywhere.
        state?.scheduleUnref(ref)
    }
}

/// A Swift function registered in a state; pushing it creates a C closure over the trampoline.
public struct LuaFunction: Sendable {
    /// Index into the state's function table.
    public let index: Int
}
