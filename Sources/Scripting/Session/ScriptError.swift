import LuaBridge

/// Why a script, a REPL entry or the session itself failed, with what to tell the user.
public enum ScriptError: Error, CustomStringConvertible {
    /// The session could not be set up (corpus missing, resources missing).
    case setup(String)
    /// The script file could not be read.
    case unreadableScript(path: String, reason: String)
    /// Lua raised an error (syntax, runtime, a limit).
    case lua(LuaError)

    public var description: String {
        switch self {
        case .setup(let message): return message
        case .unreadableScript(let path, let reason): return "cannot open \(path): \(reason)"
        case .lua(let error): return error.message
        }
    }

    /// The Lua traceback, when there is one.
    public var traceback: String? {
        if case .lua(let e) = self { return e.traceback }
        return nil
    }
}
