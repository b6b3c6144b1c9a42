import Foundation

/// Stage timings of the compare and duplicate finders on standard error, when the environment
/// variable DOSSIER_COMPARE_TIMING is set (for measuring; silent otherwise).
struct DebugClock {
    var last = Date()
    let enabled = ProcessInfo.processInfo.environment["DOSSIER_COMPARE_TIMING"] != nil
    mutating func lap(_ what: @autoclosure () -> String) {
        guard enabled else { return }
        let now = Date()
        FileHandle.standardError.write(Data("[compare] \(what()): \(String(format: "%.3f", now.timeIntervalSince(last)))s\n".utf8))
        last = now
    }
}
