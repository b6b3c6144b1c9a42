/// An error raised by Lua code or by the limits of a state, as Swift receives it.
public struct LuaError: Error, CustomStringConvertible, Sendable {
    public enum Kind: Sendable, Equatable {
        /// The chunk did not compile.
        case syntax
        /// `error()` or a runtime fault.
        case runtime
        /// The memory cap refused an allocation (or the system ran out).
        case memory
        /// The wall-clock timeout ended the run.
        case time
        /// The instruction budget ended the run.
        case instructions
        /// `interrupt()` (Ctrl-C) ended the run.
        case interrupted
    }

    public let kind: Kind
    /// The message, as Lua's `error` would show it (`file:line: text`).
    public let message: String
    /// The stack traceback, when the error came from a protected call.
    public let traceback: String?

    public init(kind: Kind, message: String, traceback: String? = nil) {
        self.kind = kind
        self.message = message
        self.traceback = traceback
    }

    /// True for a syntax error at the end of the input: more lines may complete the chunk.
    public var isIncompleteChunk: Bool {
        kind == .syntax && message.hasSuffix("<eof>")
    }

    public var description: String {
        if let traceback { return message + "\n" + traceback }
        return message
    }
}

/// Thrown by Swift functions called from Lua to report a bad argument the way Lua does:
/// `bad argument #1 to 'kwic' (string expected, got nil)`.
public struct LuaArgumentError: Error, Sendable {
    /// 1-based argument position, as the caller wrote it (methods: not counting `self`).
    public let position: Int
    public let message: String
    /// When set, `message` is the expected type name and Lua adds "got X".
    public let isTypeError: Bool

    public init(_ position: Int, _ message: String) {
        self.position = position
        self.message = message
        self.isTypeError = false
    }

    /// "`expected` expected, got <type of the argument>".
    public static func type(_ position: Int, expected: String) -> LuaArgumentError {
        LuaArgumentError(position: position, message: expected, isTypeError: true)
    }

    init(position: Int, message: String, isTypeError: Bool) {
        self.position = position
        self.message = message
        self.isTypeError = isTypeError
    }
}

/// Thrown by Swift functions called from Lua for a plain error message; Lua adds the caller's
/// position (`script.lua:3: message`).
public struct LuaRuntimeError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// An error a Swift function throws to end the running chunk the way a Lua limit does: with the
/// limit's own message (`time limit of 2 s exceeded`, `interrupted`), as a `LuaError` of that
/// kind, and out of reach of the script's `pcall`. Long Swift work that checks the state's
/// `LuaInterruptHandle.pendingLimit` throws one when it stops.
public protocol LuaLimitSignal: Error {
    /// `.time` or `.interrupted` for a limit; nil (or another kind) for an ordinary error.
    var luaLimit: LuaError.Kind? { get }
}
