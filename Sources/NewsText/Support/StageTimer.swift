import Foundation

/// Prints how long each loading stage took to standard error when `DOSSIER_TIMING` is set
/// (for profiling the load path; silent otherwise).
package final class StageTimer: @unchecked Sendable {
    private let enabled = ProcessInfo.processInfo.environment["DOSSIER_TIMING"] != nil
    private var last = Date()

    package init() {}

    package func lap(_ stage: @autoclosure () -> String) {
        guard enabled else { return }
        let now = Date()
        FileHandle.standardError.write(Data(String(format: "%7.3f s  %@\n", now.timeIntervalSince(last), stage()).utf8))
        last = now
    }
}
