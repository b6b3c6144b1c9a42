import CLua
import CLuaShim

extension LuaState {
    /// Runs a chunk and keeps its first result in the registry by identity (for tables,
    /// functions and metatables Swift wants to hand back to Lua later).
    public func makeReferenceFromLua(_ source: String, chunkName: String = "=[setup]",
                                     arguments: [LuaValue] = []) throws -> LuaReference {
        let chunk = try load(source, chunkName: chunkName)
        let top = lua_gettop(L)
        defer { lua_settop(L, top) }
        let encoder = ValueEncoder(state: self)
        try encoder.encode(.reference(chunk))
        for argument in arguments { try encoder.encode(argument) }
        let status = dlua_pcall_values(L, encoder.nodes, Int32(arguments.count + 1), encoder.arenaPointer, 1)
        guard status == LUA_OK else {
            throw LuaError(kind: .runtime, message: lua_type(L, -1) == LUA_TSTRING ? String(cString: lua_tolstring(L, -1, nil)) : "setup chunk failed")
        }
        let type = LuaType(rawValue: lua_type(L, -1)) ?? .nil
        let ref = dlua_ref(L)
        guard ref != LUA_NOREF, ref != LUA_REFNIL else { throw LuaError(kind: .memory, message: "not enough memory") }
        return LuaReference(ref: ref, type: type, state: self)
    }
}
