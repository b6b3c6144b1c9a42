import Corpus
import Foundation

/// Progress of long analyses (entities, quotations, dates, claims, conflicts, near-duplicates,
/// n-grams) on standard error, for the REPL, `run` and `eval`, as loading shows its own.
///
/// Nothing is shown for work that ends within a second. After that, on a terminal, one line is
/// redrawn in place ("entities ████░░░░ 45% 3 s") and erased when the work ends; otherwise (a
/// file, a pipe, a log) a plain line every five seconds ("entities: 45% after 5 s") and one
/// when it ends ("entities: done in 12.4 s"). `--quiet` shows nothing.
final class AnalysisProgress: @unchecked Sendable {
    private struct Stage {
        var start: Double
        var done = 0
        var total = 0
        /// Something was shown for it.
        var shown = false
        /// Tells a scheduled tick from an earlier run of a stage of the same name.
        var run: Int
    }

    private let terminal: Bool
    private let write: @Sendable (String) -> Void
    private let lock = NSLock()
    private var stages: [String: Stage] = [:]
    private var runs = 0
    private var lastDraw = -Double.infinity
    private var lineDrawn = false
    private let delay: Double
    private let plainInterval: Double

    /// A reporter writing with `write` (standard error by default); `terminal` chooses the
    /// in-place line. Shows nothing before `delay` seconds, then a plain line every
    /// `plainInterval` seconds.
    init(terminal: Bool, delay: Double = 1, plainInterval: Double = 5,
         write: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }) {
        self.terminal = terminal
        self.delay = delay
        self.plainInterval = plainInterval
        self.write = write
    }

    /// The session's callback (`SessionOptions.analysisProgress`).
    var report: Cancellation.ProgressReport {
        { [self] stage, done, total, finished in update(stage, done, total, finished) }
    }

    private func update(_ name: String, _ done: Int, _ total: Int, _ finished: Bool) {
        let now = Cancellation.now()
        lock.lock()
        defer { lock.unlock() }
        if finished {
            guard let stage = stages.removeValue(forKey: name), stage.shown else { return }
            if terminal {
                if lineDrawn { write("\r\u{1B}[K") }
                lineDrawn = false
            } else {
                write("\(name): done in \(String(format: "%.1f", now - stage.start)) s\n")
            }
            return
        }
        guard var stage = stages[name] else {
            // Work that reports nothing for a while still shows it is running: a tick after the delay.
            runs += 1
            stages[name] = Stage(start: now, done: done, total: total, run: runs)
            schedule(name, run: runs, after: delay)
            return
        }
        if total > 0 {
            stage.done = done
            stage.total = total
        }
        stages[name] = stage
        if terminal && now - stage.start >= delay && now - lastDraw >= 0.1 { draw(name, now) }
    }

    private func schedule(_ name: String, run: Int, after seconds: Double) {
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds) { [weak self] in
            guard let self else { return }
            self.lock.lock()
            defer { self.lock.unlock() }
            guard let stage = self.stages[name], stage.run == run else { return }
            let now = Cancellation.now()
            if !self.terminal || now - self.lastDraw >= 0.5 { self.draw(name, now) }
            self.schedule(name, run: run, after: self.terminal ? 0.5 : self.plainInterval)
        }
    }

    /// Shows a stage's progress (the lock is held).
    private func draw(_ name: String, _ now: Double) {
        guard var stage = stages[name] else { return }
        let elapsed = now - stage.start
        let fraction = stage.total > 0 ? min(1, Double(stage.done) / Double(stage.total)) : nil
        if terminal {
            let width = 24
            let filled = Int((fraction ?? 0) * Double(width))
            let bar = fraction == nil ? "" : String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled) + " "
            let percent = fraction.map { "\(Int($0 * 100))% " } ?? ""
            write("\r\u{1B}[K\(name) \(bar)\(percent)\(Int(elapsed)) s")
            lineDrawn = true
        } else {
            let percent = fraction.map { "\(Int($0 * 100))% after " } ?? "working, "
            write("\(name): \(percent)\(Int(elapsed)) s\n")
        }
        stage.shown = true
        stages[name] = stage
        lastDraw = now
    }
}
