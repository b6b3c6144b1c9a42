import Foundation

/// The one stage clock for measuring: prints how long each stage took to standard error when
/// its environment variable is set (`DOSSIER_TIMING` for loading, `DOSSIER_COMPARE_TIMING` for
/// the compare and duplicate finders); silent and nearly free otherwise.
package final class StageTimer: @unchecked Sendable {
    private let enabled: Bool
    private let prefix: String
    private var last = Date()

    /// A clock that prints when `variable` is set, each line led by `label` in brackets (none
    /// when empty).
    package init(variable: String = "DOSSIER_TIMING", label: String = "") {
        enabled = ProcessInfo.processInfo.environment[variable] != nil
        prefix = label.isEmpty ? "" : "[\(label)] "
    }

    /// Prints the time since the previous lap (or since the clock was made) and the stage's name.
    package func lap(_ stage: @autoclosure () -> String) {
        guard enabled else { return }
        let now = Date()
        FileHandle.standardError.write(Data((prefix + String(format: "%7.3f s  %@\n", now.timeIntervalSince(last), stage())).utf8))
        last = now
    }
}
