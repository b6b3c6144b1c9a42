import Foundation

/// A progress bar on standard error for work that takes more than about a second. Only used
/// when standard error is a terminal and `--quiet` is off.
final class ProgressBar: @unchecked Sendable {
    private let label: String
    private let start = Date()
    private var lastDraw = Date.distantPast
    private let lock = NSLock()
    nonisolated(unsafe) private static var drawn = false
    private static let drawnLock = NSLock()

    init(label: String) { self.label = label }

    /// A (done, total) callback for loading documents.
    static func loading() -> @Sendable (Int, Int) -> Void {
        let bar = ProgressBar(label: "loading")
        return { done, total in bar.update(done, total) }
    }

    func update(_ done: Int, _ total: Int) {
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        guard now.timeIntervalSince(start) > 1, now.timeIntervalSince(lastDraw) > 0.1 || done == total else { return }
        lastDraw = now
        let width = 30
        let fraction = total > 0 ? Double(done) / Double(total) : 1
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let line = "\r\(label) \(bar) \(done)/\(total) documents \(Int(now.timeIntervalSince(start)))s"
        FileHandle.standardError.write(Data(line.utf8))
        ProgressBar.drawnLock.lock()
        ProgressBar.drawn = true
        ProgressBar.drawnLock.unlock()
    }

    /// Erases the bar if one was drawn.
    static func clear() {
        drawnLock.lock()
        defer { drawnLock.unlock() }
        guard drawn else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        drawn = false
    }
}
