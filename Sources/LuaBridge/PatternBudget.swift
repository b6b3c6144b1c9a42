import CLuaShim

/// Lua's pattern matching runs with a step budget in every state (CLuaShim/dlua_match.c):
/// `string.find`, `match`, `gmatch` and `gsub` are charged to the instruction budget, obey the
/// timeout and interrupts, and give up on one call after `stepLimit(forSubjectOf:)` steps.
public enum PatternBudget {
    /// Steps one call may take on a subject of `bytes` bytes (100 million plus 1,000 a byte).
    public static func stepLimit(forSubjectOf bytes: Int) -> Int {
        Int(dlua_match_step_limit(bytes < 0 ? 0 : bytes))
    }
}

extension LuaState {
    /// Sets global `name` to a table of Lua's own (unbounded) `find`, `match`, `gmatch` and
    /// `gsub`, for tests that compare them with the bounded ones.
    func exposeLuaPatternFunctions(as name: String) throws {
        let status = name.withCString { dlua_expose_lua_pattern_functions(L, $0) }
        guard status == 0 else { throw LuaError(kind: .memory, message: "not enough memory") }
    }
}
