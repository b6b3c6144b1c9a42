import CLuaShim
import Foundation
import NewsText

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

    /// Parses a size such as `512M`, `2G`, `64k`, `1T` or a plain byte count (a trailing `B`
    /// is allowed: `20MB`). Nil for anything else, including sizes that do not fit an `Int`
    /// (`1e19`, `99999999999G`); fractions of a byte round down.
    public static func parseBytes(_ text: String) -> Int? {
        if case .bytes(let n) = parseSize(text) { return n }
        return nil
    }

    enum ParsedSize: Equatable {
        case bytes(Int)
        /// A size, but more bytes than an `Int` holds.
        case tooLarge
        case invalid
    }

    static func parseSize(_ text: String) -> ParsedSize {
        let t = text.trimmingCharacters(in: .whitespaces).uppercased()
        guard let last = t.last else { return .invalid }
        let units: [Character: Double] = ["K": 0x1p10, "M": 0x1p20, "G": 0x1p30, "T": 0x1p40]
        var digits = t
        var scale = 1.0
        if last == "B" { digits.removeLast() }
        if let l = digits.last, let u = units[l] {
            scale = u
            digits.removeLast()
        }
        // Digits, a point and an exponent only: no "nan", "inf" or hex.
        guard digits.contains(where: \.isNumber),
              digits.allSatisfy({ $0.isNumber || $0 == "." || $0 == "E" || $0 == "+" || $0 == "-" }),
              let value = Double(digits), value > 0
        else { return .invalid }
        guard value.isFinite, let bytes = Int(exactly: (value * scale).rounded(.down)) else { return .tooLarge }
        return .bytes(bytes)
    }

    /// The memory caps a session accepts: enough for Lua to start dossier's API (about 0.3 MB
    /// with plugins) up to 1024 TB.
    public static let memoryCapRange: ClosedRange<Int> = (1 << 20)...(1 << 50)

    /// The time limits a session accepts, in seconds: a millisecond to about eleven days.
    public static let timeoutRange: ClosedRange<Double> = 0.001...1_000_000

    /// The memory cap when none is given: half of the machine's memory (or of the control
    /// group's limit, when the process runs under a smaller one), read once at start-up.
    public static let defaultMemoryCap: Int = {
        var physical = Int(clamping: ProcessInfo.processInfo.physicalMemory)
        if let limit = controlGroupMemoryLimit(), limit > 0 { physical = Swift.min(physical, limit) }
        return Swift.min(Swift.max(physical / 2, memoryCapRange.lowerBound), memoryCapRange.upperBound)
    }()

    /// The cgroup v2 (or v1) memory limit of this process, when one is set.
    static func controlGroupMemoryLimit() -> Int? {
        for path in ["/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"] {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { continue }
            let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if let n = Int(value), n > 0, n < 1 << 60 { return n }
        }
        return nil
    }

    /// A memory cap given as text (`--max-memory`), checked against `memoryCapRange`.
    /// - Throws: `LuaLimitError` saying what is wrong and what is accepted.
    public static func memoryCap(_ text: String) throws(LuaLimitError) -> Int {
        switch parseSize(text) {
        case .invalid: throw .notASize(text)
        case .tooLarge: throw .memoryTooLarge(text)
        case .bytes(let bytes):
            if bytes < memoryCapRange.lowerBound { throw .memoryTooSmall(text) }
            if bytes > memoryCapRange.upperBound { throw .memoryTooLarge(text) }
            return bytes
        }
    }

    /// A time limit in seconds (`--timeout`), checked against `timeoutRange`.
    /// - Throws: `LuaLimitError` saying what is wrong and what is accepted.
    public static func timeout(_ seconds: Double) throws(LuaLimitError) -> Double {
        if seconds.isFinite, seconds >= 0, seconds < timeoutRange.lowerBound { throw .timeoutTooShort(seconds) }
        guard timeoutRange.contains(seconds) else { throw .timeoutOutOfRange(seconds) }
        return seconds
    }
}

/// A limit given out of its range (`--max-memory 1k`, `--timeout 1e-300`). The description is
/// a sentence without the option's name; the command line puts its own in front.
public enum LuaLimitError: Error, Sendable, Equatable, CustomStringConvertible {
    case notASize(String)
    case memoryTooSmall(String)
    case memoryTooLarge(String)
    case timeoutTooShort(Double)
    case timeoutOutOfRange(Double)

    public var description: String { message(memory: "memory limit", time: "time limit") }

    /// The message with the option's name as its subject (`--max-memory`, `--timeout`).
    public func message(option: String) -> String { message(memory: option, time: option) }

    private func message(memory: String, time: String) -> String {
        let least = LuaLimitError.seconds(LuaLimits.timeoutRange.lowerBound)
        switch self {
        case .notASize(let text): return "\(memory) '\(text)' is not a size (examples: 512M, 2G, 100000)"
        case .memoryTooSmall(let text):
            return "\(memory) '\(text)' is too small: Lua needs at least \(ByteSize.text(LuaLimits.memoryCapRange.lowerBound))"
        case .memoryTooLarge(let text): return "\(memory) '\(text)' is too large: at most 1024T"
        case .timeoutTooShort(let s):
            let shown = time == "time limit" ? "time limit of \(LuaLimitError.seconds(s)) s" : "\(time) \(LuaLimitError.seconds(s))"
            return "\(shown) is too short: give at least \(least) s"
        case .timeoutOutOfRange:
            return "\(time) must be a number of seconds from \(least) to \(LuaLimitError.seconds(LuaLimits.timeoutRange.upperBound))"
        }
    }

    /// `2` for 2.0, `0.001`, `1e-300`.
    static func seconds(_ value: Double) -> String {
        if let i = Int(exactly: value), Swift.abs(i) < 1 << 53 { return String(i) }
        return "\(value)"
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
