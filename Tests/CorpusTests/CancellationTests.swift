import Foundation
import Testing
@testable import Corpus
@testable import NewsText

/// The cancellation token and the memory meter that long analyses check.
@Suite struct CancellationTests {
    @Test func aFreshTokenLetsWorkGoOn() throws {
        let token = Cancellation(timeout: 60)
        try token.check()
        #expect(token.stop == nil)
        try Cancellation.none.check()
    }

    @Test func anInterruptStopsUntilReset() throws {
        let token = Cancellation()
        token.interrupt()
        #expect(throws: WorkLimit.interrupted) { try token.check() }
        token.reset()
        try token.check()
        // The shared token that never stops ignores interrupts.
        Cancellation.none.interrupt()
        try Cancellation.none.check()
        #expect(Cancellation.none.stop == nil)
        // So does every loop that asks it without throwing (a ranking of many rows, StopFlag).
        let many = Array(0..<10_000)
        #expect(Ranking.rank(many, top: nil, key: { Double($0) }, text: { String($0) }).count == 10_000)
        var flag = StopFlag(.none, every: 1)
        let stops = flag.shouldStop()
        #expect(!stops)
    }

    @Test func aPassedDeadlineStopsWithTheLimit() {
        let token = Cancellation(timeout: 0.5)
        Thread.sleep(forTimeInterval: 0.6)
        #expect(throws: WorkLimit.timeLimit(seconds: 0.5)) { try token.check() }
        #expect(WorkLimit.timeLimit(seconds: 0.5).description == "time limit of 0.5 s exceeded")
        #expect(WorkLimit.timeLimit(seconds: 2).description == "time limit of 2 s exceeded")
    }

    @Test func aPollingTokenAsksItsHostAtEveryCheck() throws {
        let flag = Flag()
        let token = Cancellation(poll: { flag.value ? .interrupted : nil }, byteBudget: { 1000 })
        try token.check()
        flag.value = true
        #expect(throws: WorkLimit.interrupted) { try token.check() }
        #expect(token.meter("rows").limit == 1000)
    }

    @Test func aMeterRefusesGrowthPastTheBudget() throws {
        let meter = Cancellation(byteBudget: 1000).meter("the test table")
        try meter.add(600)
        try meter.require(400)
        #expect(throws: WorkLimit.memory(limit: 1000, needed: 1001, what: "the test table")) { try meter.require(401) }
        #expect(throws: WorkLimit.memory(limit: 1000, needed: 1200, what: "the test table")) { try meter.add(600) }
        #expect(meter.total == 600)
        meter.remove(500)
        try meter.add(600)
        #expect(throws: WorkLimit.self) { try meter.add(Int.max) }
        // No budget: nothing is refused.
        try Cancellation().meter("x").add(Int.max)
        #expect(WorkLimit.memory(limit: 512 << 20, needed: 3 << 30, what: "the n-gram table").description
                == "memory limit of 512 MB exceeded: the n-gram table would need more than 3 GB")
    }

    @Test func aStopFlagAsksEveryFewCallsAndStaysStopped() {
        let token = Cancellation()
        var flag = StopFlag(token, every: 3)
        var answers = (0..<3).map { _ in flag.shouldStop() }
        #expect(answers == [false, false, false])
        token.interrupt()
        answers = (0..<3).map { _ in flag.shouldStop() }
        #expect(answers == [false, false, true])  // asked on the third call
        token.reset()
        let after = flag.shouldStop()
        #expect(after && flag.stopped)
    }

    @Test func aParallelMapStopsAtTheFirstError() {
        let token = Cancellation()
        let started = Counter()
        #expect(throws: WorkLimit.interrupted) {
            _ = try Parallel.map(10_000, chunk: 1, cancellation: token) { i throws(WorkLimit) -> Int in
                started.add()
                if i == 10 { token.interrupt() }
                return i
            }
        }
        #expect(started.value < 10_000)
        token.reset()
        let all = try? Parallel.map(100, cancellation: token) { i throws(WorkLimit) -> Int in i * 2 }
        #expect(all == (0..<100).map { $0 * 2 })
    }
}

/// A flag set from a test and read from other threads.
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var stored = false
    var value: Bool {
        get { lock.lock(); defer { lock.unlock() }; return stored }
        set { lock.lock(); stored = newValue; lock.unlock() }
    }
}

/// A count bumped from many threads.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var stored = 0
    func add() { lock.lock(); stored += 1; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return stored }
}
