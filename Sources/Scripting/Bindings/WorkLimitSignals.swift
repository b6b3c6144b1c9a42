import Corpus
import LuaBridge

// Long Swift work stops the way Lua code does: the session's cancellation token reads the
// running chunk's deadline and interrupt flag (`LuaInterruptHandle.pendingLimit`), and the
// errors the Corpus module throws when it stops are `LuaLimitSignal`s, which end the chunk with
// the limit's own message ("time limit of 2 s exceeded", "interrupted") out of `pcall`'s
// reach. A memory refusal (`WorkLimit.memory`) is an ordinary error with its own message.

extension BindingContext {
    /// The token for a state: polls its pending limit, measures against its memory headroom,
    /// tells `progress` (the session's `analysisProgress`) how far long analyses have got.
    static func cancellation(_ handle: LuaInterruptHandle, progress: Cancellation.ProgressReport? = nil) -> Cancellation {
        Cancellation(poll: {
            guard let limit = handle.pendingLimit else { return nil }
            return limit.kind == .time ? .timeLimit(seconds: limit.timeout) : .interrupted
        }, byteBudget: { handle.memoryHeadroom }, progress: progress)
    }
}

extension WorkLimit: LuaLimitSignal {
    public var luaLimit: LuaError.Kind? {
        switch self {
        case .timeLimit: return .time
        case .interrupted: return .interrupted
        case .memory: return nil
        }
    }
}

extension CorpusError: LuaLimitSignal {
    public var luaLimit: LuaError.Kind? {
        if case .stopped(let limit) = self { return limit.luaLimit }
        return nil
    }
}

extension QueryError: LuaLimitSignal {
    public var luaLimit: LuaError.Kind? {
        if case .stopped(let limit) = kind { return limit.luaLimit }
        return nil
    }
}

extension StatisticsError: LuaLimitSignal {
    public var luaLimit: LuaError.Kind? {
        if case .stopped(let limit) = self { return limit.luaLimit }
        return nil
    }
}

/// Passes a limit on as is; turns any other error into `other(error)` (the binding's own
/// message for it).
func rethrowingLimits<T>(_ body: () throws -> T, other: (any Error) -> any Error) throws -> T {
    do {
        return try body()
    } catch let signal as LuaLimitSignal where signal.luaLimit != nil {
        throw signal
    } catch {
        throw other(error)
    }
}
