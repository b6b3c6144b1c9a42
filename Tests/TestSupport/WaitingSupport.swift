import Foundation

/// Runs `body` on another thread and waits at most `seconds`; returns false when it did not
/// finish (the thread is left running; `unstick` is called to free it). Shared by the test
/// targets that check that a limit stops runaway work (LuaBridgeTests, ScriptingTests).
public func finishes(within seconds: Double, unstick: () -> Void = {}, _ body: @escaping () -> Void) -> Bool {
    let job = DetachedJob(body)
    let done = DispatchSemaphore(value: 0)
    Thread.detachNewThread {
        job.body()
        done.signal()
    }
    if done.wait(timeout: .now() + seconds) == .success { return true }
    unstick()
    return false
}

/// A closure handed to one other thread (the caller waits for it and touches nothing meanwhile).
private final class DetachedJob: @unchecked Sendable {
    let body: () -> Void
    init(_ body: @escaping () -> Void) { self.body = body }
}
