import Foundation

/// A way to stop long work from outside it: a deadline, an interrupt (Ctrl-C), and a budget of
/// bytes the work's results may take.
///
/// Long analyses (loading, search, the entity index, quotations, dates, claims, n-grams and
/// collocations, near-duplicates, concordances) take a token and call `check()` in their loops
/// (every document, or every few thousand steps inside a large one); `check()` throws a
/// `WorkLimit` once the deadline has passed or an interrupt arrived. Results that grow with the
/// input are measured with a `MemoryMeter`, which throws before the budget is exceeded. Work
/// that stops leaves nothing half-built behind: the corpus's caches keep only finished
/// results, so the next call computes again.
///
/// Thread-safe: one token is checked from every worker thread of a parallel pass, and
/// `interrupt()` may be called from any thread.
///
///     let token = Cancellation(timeout: 10, byteBudget: 512 << 20)
///     let grams = try corpus.ngrams(3, cancellation: token)
public final class Cancellation: @unchecked Sendable {
    /// A token that never stops anything (the default of every `cancellation:` parameter).
    public static let none = Cancellation(inert: ())

    private let lock = NSLock()
    private var interrupted = false
    private let deadline: Double?
    private let timeout: Double
    private let poll: (@Sendable () -> WorkLimit?)?
    private let budget: (@Sendable () -> Int?)?
    /// True for a token that can never stop: `check()` returns at once.
    private let inert: Bool
    /// Told how far the work under way has got (see `working(on:)` and `report(done:total:)`).
    private let progress: ProgressReport?
    /// The names of the work under way, innermost last.
    private var stages: [String] = []

    /// How far long work has got: the name of the work (`working(on:)`: "entities",
    /// "quotations"), the items done and their total (documents, usually), and whether the work
    /// has just finished (then `done == total`). Called from any thread, often: the receiver
    /// decides how often to draw.
    public typealias ProgressReport = @Sendable (_ stage: String, _ done: Int, _ total: Int, _ finished: Bool) -> Void

    /// A token with its own deadline (`timeout` seconds from now; nil: none) and byte budget
    /// (nil: none); `interrupt()` stops it.
    public init(timeout: Double? = nil, byteBudget: Int? = nil) {
        deadline = timeout.map { Self.now() + $0 }
        self.timeout = timeout ?? 0
        poll = nil
        if let byteBudget {
            budget = { byteBudget }
        } else {
            budget = nil
        }
        inert = false
        progress = nil
    }

    private init(inert: Void) {
        deadline = nil
        timeout = 0
        poll = nil
        budget = nil
        self.inert = true
        progress = nil
    }

    /// A token that asks `poll` whether to stop (a host's own deadline and interrupt flag,
    /// read live at every check) and `byteBudget` how many bytes a computation may still take
    /// when it starts measuring (nil: no budget). `interrupt()` stops it too.
    /// `progress` (if any) is told how far long work checking the token has got.
    public init(poll: @escaping @Sendable () -> WorkLimit?, byteBudget: @escaping @Sendable () -> Int?,
                progress: ProgressReport? = nil) {
        deadline = nil
        timeout = 0
        self.poll = poll
        budget = byteBudget
        inert = false
        self.progress = progress
    }

    /// Runs `body` as the work named `stage` ("entities"): the progress it reports
    /// (`report(done:total:)`, and every `Parallel.map` checking this token) goes under that name,
    /// and its end is reported when it returns or throws. Work nested in another (the entities a
    /// quotation index builds first) reports under its own name, then the outer name resumes.
    public func working<T, E: Error>(on stage: String, _ body: () throws(E) -> T) throws(E) -> T {
        guard let progress else { return try body() }
        lock.lock()
        stages.append(stage)
        lock.unlock()
        progress(stage, 0, 0, false)
        defer {
            lock.lock()
            stages.removeLast()
            lock.unlock()
            progress(stage, 0, 0, true)
        }
        return try body()
    }

    /// Reports that `done` of `total` items of the current work (`working(on:)`) are done;
    /// nothing when no work is named or no one listens.
    public func report(done: Int, total: Int) {
        guard let progress else { return }
        lock.lock()
        let stage = stages.last
        lock.unlock()
        if let stage { progress(stage, done, total, false) }
    }


    /// Asks the work checking this token to stop (from any thread); it throws
    /// `WorkLimit.interrupted` at its next check. Stays set until `reset()`. (`Cancellation.none`
    /// ignores it.)
    public func interrupt() {
        // The shared inert token must stay inert: every analysis called without a token uses it.
        if inert { return }
        lock.lock()
        interrupted = true
        lock.unlock()
    }

    /// Clears an interrupt, so the token can be used for more work.
    public func reset() {
        lock.lock()
        interrupted = false
        lock.unlock()
    }

    /// Why the work should stop now, or nil to go on.
    public var stop: WorkLimit? {
        if inert { return nil }
        lock.lock()
        let wasInterrupted = interrupted
        lock.unlock()
        if wasInterrupted { return .interrupted }
        if let deadline, Self.now() > deadline { return .timeLimit(seconds: timeout) }
        return poll?()
    }

    /// Throws when the work should stop (see `stop`).
    @inline(__always)
    public func check() throws(WorkLimit) {
        if inert { return }
        if let stop { throw stop }
    }

    /// Calls `check()` every `interval` calls of the returned closure: for loops whose steps
    /// are too short to check each (a tokenizer's loop, a table's fill).
    package func every(_ interval: Int) -> Ticker {
        Ticker(token: self, interval: max(1, interval))
    }

    /// Starts measuring a computation's results against the budget (as it stands now).
    /// `what` names the results in the error ("the n-gram table").
    public func meter(_ what: String) -> MemoryMeter {
        MemoryMeter(what: what, limit: inert ? nil : budget?())
    }

    /// Checks a token every few calls (not thread-safe: one per loop).
    package struct Ticker {
        package let token: Cancellation
        package let interval: Int
        private var count = 0

        package init(token: Cancellation, interval: Int) {
            self.token = token
            self.interval = interval
        }

        /// Counts one step; checks the token every `interval` steps.
        @inline(__always)
        package mutating func tick() throws(WorkLimit) {
            count += 1
            if count >= interval {
                count = 0
                try token.check()
            }
        }
    }

    /// Runs work that only a token can stop with the token that never does, so it cannot fail:
    /// how the plain (non-cancellable) forms of the analyses call their cancellable core.
    package static func uninterrupted<T>(_ body: (Cancellation) throws(WorkLimit) -> T) -> T {
        do {
            return try body(.none)
        } catch {
            preconditionFailure("work stopped without a token to stop it: \(error)")
        }
    }

    /// Seconds on the monotonic clock (the one Lua's deadline uses too).
    package static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}

/// Stopping for loops in code that does not throw: `shouldStop()` asks the token every
/// `interval` calls and stays true once it has said stop. The loop returns early, and the
/// code that throws checks the token and throws (a stop stays until it is handled: the
/// deadline stays passed, an interrupt stays pending).
package struct StopFlag {
    package let token: Cancellation
    package let interval: Int
    private var count = 0
    private(set) var stopped = false

    package init(_ token: Cancellation, every interval: Int) {
        self.token = token
        self.interval = max(1, interval)
    }

    @inline(__always)
    package mutating func shouldStop() -> Bool {
        if stopped { return true }
        count += 1
        if count >= interval {
            count = 0
            stopped = token.stop != nil
        }
        return stopped
    }
}

/// The bytes one computation's results take so far, against the budget its token had when the
/// computation started. Thread-safe; add in large steps (a table's growth, a batch of rows), not
/// per item.
public final class MemoryMeter: @unchecked Sendable {
    /// What is measured, for the error.
    public let what: String
    /// The bytes allowed (nil: no budget).
    public let limit: Int?
    private let lock = NSLock()
    private var used = 0

    package init(what: String, limit: Int?) {
        self.what = what
        self.limit = limit
    }

    /// Adds `bytes` the results now take; throws `WorkLimit.memory` when the total would
    /// exceed the budget (the bytes are not added then).
    public func add(_ bytes: Int) throws(WorkLimit) {
        guard let limit else { return }
        lock.lock()
        let total = used.addingReportingOverflow(max(0, bytes))
        let refused = total.overflow || total.partialValue > limit
        if !refused { used = total.partialValue }
        lock.unlock()
        if refused { throw .memory(limit: limit, needed: total.overflow ? Int.max : total.partialValue, what: what) }
    }

    /// Throws when `bytes` more (an estimate made before allocating) would exceed the budget;
    /// adds nothing.
    public func require(_ bytes: Int) throws(WorkLimit) {
        guard let limit else { return }
        lock.lock()
        let total = used.addingReportingOverflow(max(0, bytes))
        lock.unlock()
        if total.overflow || total.partialValue > limit {
            throw .memory(limit: limit, needed: total.overflow ? Int.max : total.partialValue, what: what)
        }
    }

    /// Gives back `bytes` (results freed while the computation goes on).
    public func remove(_ bytes: Int) {
        lock.lock()
        used = max(0, used - bytes)
        lock.unlock()
    }

    /// The bytes counted so far.
    public var total: Int {
        lock.lock()
        defer { lock.unlock() }
        return used
    }
}
