import CLuaShim
import Foundation

/// Time and instruction limits armed for each top-level call into a state.
public struct LuaLimits: Sendable {
    /// Wall-clock seconds a top-level call may run; nil for no limit.
    public var timeout: Double?
    /// Lua VM instructions a top-level call may execute (counted per 1000); nil for no limit.
    public var instructions: Int?

    public init(timeout: Double? = nil, instructions: Int? = nil) {
        self.timeout = timeout
        self.instructions = instructions
    }

    /// Parses a size such as `512M`, `2G`, `64k` or a plain byte count.
    public static func parseBytes(_ text: String) -> Int? {
        let t = text.trimmingCharacters(in: .whitespaces).uppercased()
        guard let last = t.last else { return nil }
        let units: [Character: Double] = ["K": 1024, "M": 1024 * 1024, "G": 1024 * 1024 * 1024]
        var digits = t
        var scale = 1.0
        if last == "B" { digits.removeLast() }
        if let l = digits.last, let u = units[l] {
            scale = u
            digits.removeLast()
        }
        guard let value = Double(digits), value > 0, value.isFinite else { return nil }
        return Int(value * scale)
    }

    /// Formats a byte count the way `parseBytes` reads it (`200 MB`).
    public static func formatBytes(_ bytes: Int) -> String {
        let mb = Double(bytes) / (1024 * 1024)
        if mb >= 1 { return mb == mb.rounded() ? "\(Int(mb)) MB" : String(format: "%.1f MB", mb) }
        return "\(bytes) bytes"
    }
}

/// Stops the chunk running in a state; safe to use from another thread.
public struct LuaInterruptHandle: @unchecked Sendable {
    let state: OpaquePointer

    /// Asks the running chunk to stop at its next instruction check with "interrupted".
    public func interrupt() { dlua_interrupt(state) }

    /// Asks every state of the process to stop (what a SIGINT handler calls).
    public static func interruptAll() { dlua_interrupt_all() }

    /// A C function pointer that interrupts every state: async-signal-safe, for a SIGINT
    /// handler written in C.
    public static let signalHandlerFunction: @convention(c) () -> Void = dlua_interrupt_all

    /// Clears an interrupt that arrived while no chunk was running.
    public static func clearPendingInterrupts() { dlua_clear_interrupt_all() }

    /// The limit that will stop the running chunk (an interrupt, or a passed deadline with its
    /// timeout in seconds), without consuming it; nil while it may go on. Safe from any thread:
    /// long Swift work polls it, stops, and throws a `LuaLimitSignal`.
    public var pendingLimit: (kind: LuaError.Kind, timeout: Double)? {
        var timeout = 0.0
        switch dlua_pending_limit(state, &timeout) {
        case Int32(DLUA_LIMIT_INTERRUPT): return (.interrupted, 0)
        case Int32(DLUA_LIMIT_TIME): return (.time, timeout)
        default: return nil
        }
    }

    /// Bytes Lua may still allocate under its memory cap; nil when there is no cap. What Swift
    /// results handed to Lua are measured against.
    public var memoryHeadroom: Int? {
        let cap = dlua_memory_cap(state)
        guard cap > 0 else { return nil }
        let used = dlua_memory_used(state)
        return used >= cap ? 0 : Int(cap - used)
    }
}
