import Foundation

/// Small helpers for running per-document work on every core.
public enum Parallel {
    /// Computes `body(i)` for every `i` in `0..<count` on all cores, in chunks, and returns the
    /// results in order. `progress` (if any) is told how many are done, from any thread.
    public static func map<T: Sendable>(_ count: Int, chunk: Int? = nil,
                                        progress: (@Sendable (Int) -> Void)? = nil,
                                        _ body: @Sendable (Int) -> T) -> [T] {
        guard count > 0 else { return [] }
        let size = chunk ?? max(1, min(256, count / (ProcessInfo.processInfo.activeProcessorCount * 8)))
        let chunks = (count + size - 1) / size
        let results = ResultSlots<T>(count)
        let counter = Counter()
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            let range = (c * size)..<min(count, (c + 1) * size)
            for i in range { results.set(i, body(i)) }
            if let progress { progress(counter.add(range.count)) }
        }
        return results.values()
    }

    /// Slots written once each from many threads, read after all writers are done.
    ///
    /// The slots live in memory allocated once up front: threads write through a raw pointer
    /// to distinct slots, so no Swift array (with its copy-on-write checks) is touched
    /// concurrently.
    package final class ResultSlots<T>: @unchecked Sendable {
        private let storage: UnsafeMutablePointer<T?>
        private let count: Int

        package init(_ count: Int) {
            self.count = count
            storage = .allocate(capacity: max(1, count))
            storage.initialize(repeating: nil, count: max(1, count))
        }

        deinit {
            storage.deinitialize(count: max(1, count))
            storage.deallocate()
        }

        package func set(_ i: Int, _ value: T) {
            guard i >= 0, i < count else { return }
            storage[i] = value
        }

        package func values() -> [T] {
            (0..<count).compactMap { storage[$0] }
        }
    }

    /// A thread-safe running total.
    package final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var total = 0
        package init() {}
        package func add(_ n: Int) -> Int {
            lock.lock()
            defer { lock.unlock() }
            total += n
            return total
        }
    }
}

extension Parallel {
    /// `map` that stops early: `cancellation` is checked before each item, and the first error
    /// (from a check or from `body`) is thrown once the workers are done; items not started by
    /// then are skipped.
    /// The items done are reported to `cancellation` (`Cancellation.report(done:total:)`) unless
    /// `reports` is false (a caller that reports finer steps itself).
    public static func map<T: Sendable>(_ count: Int, chunk: Int? = nil, cancellation: Cancellation, reports: Bool = true,
                                        _ body: @Sendable (Int) throws(WorkLimit) -> T) throws(WorkLimit) -> [T] {
        try cancellation.check()
        let failure = FirstError()
        var progress: (@Sendable (Int) -> Void)?
        if reports { progress = { @Sendable done in cancellation.report(done: done, total: count) } }
        let results: [T?] = map(count, chunk: chunk, progress: progress) { i -> T? in
            guard !failure.isSet else { return nil }
            do throws(WorkLimit) {
                try cancellation.check()
                return try body(i)
            } catch {
                failure.set(error)
                return nil
            }
        }
        if let error = failure.error { throw error }
        return results.compactMap { $0 }
    }

    /// The first error of a parallel pass.
    package final class FirstError: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: WorkLimit?
        package init() {}

        package var isSet: Bool {
            lock.lock()
            defer { lock.unlock() }
            return stored != nil
        }

        package var error: WorkLimit? {
            lock.lock()
            defer { lock.unlock() }
            return stored
        }

        package func set(_ error: WorkLimit) {
            lock.lock()
            if stored == nil { stored = error }
            lock.unlock()
        }
    }
}
