/// Why long work stopped before it finished: a time limit, an interrupt (Ctrl-C), or a memory
/// budget its results would have exceeded. Thrown by the analyses that take a `Cancellation`.
public enum WorkLimit: Error, Sendable, Equatable, CustomStringConvertible {
    /// The deadline passed; `seconds` is the limit that was set.
    case timeLimit(seconds: Double)
    /// Someone asked the work to stop (Ctrl-C).
    case interrupted
    /// The work's results would need more than the `limit` bytes the budget left; `what` names
    /// them ("the n-gram table"), `needed` is at least what they would have taken.
    case memory(limit: Int, needed: Int, what: String)

    /// `time limit of 2 s exceeded`, `interrupted`, `memory limit of 512 MB exceeded: …`; the
    /// first two read exactly as the Lua limits of the same name.
    public var description: String {
        switch self {
        case .timeLimit(let seconds):
            return "time limit of \(WorkLimit.seconds(seconds)) s exceeded"
        case .interrupted:
            return "interrupted"
        case .memory(let limit, let needed, let what):
            return "memory limit of \(ByteSize.text(limit)) exceeded: \(what) would need more than \(ByteSize.text(needed))"
        }
    }

    /// Seconds as C's `%g` prints them (`2`, `0.5`, `1e-05`), as the Lua limit message does.
    package static func seconds(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        var text = "\(value)"
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }
}
