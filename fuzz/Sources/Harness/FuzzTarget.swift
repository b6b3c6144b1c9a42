import CFuzzerDriver
import Foundation

/// Runs libFuzzer with a Swift closure as the target. A target's whole `main.swift` is one call,
/// `FuzzTarget.run { bytes in … }`; the closure returns normally for every input it handles
/// (errors thrown by the code under test are fine) and crashes only on a real bug: a Swift trap,
/// a sanitizer report, or a broken invariant through `FuzzTarget.require`.
public enum FuzzTarget {
    nonisolated(unsafe) private static var body: (UnsafeBufferPointer<UInt8>) -> Void = { _ in }

    /// Hands the command line to libFuzzer (`-runs=`, `-max_total_time=`, corpus folders, or
    /// input files to replay) and exits with its status.
    public static func run(_ body: @escaping (UnsafeBufferPointer<UInt8>) -> Void) -> Never {
        Self.body = body
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        let status = LLVMFuzzerRunDriver(&argc, &argv) { data, size in
            FuzzTarget.body(UnsafeBufferPointer(start: data, count: size))
            return 0
        }
        exit(status)
    }

    /// The input as text, with invalid UTF-8 repaired (as a String read from a file or from Lua holds it).
    public static func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// Stops with a message when an invariant the code under test documents does not hold
    /// (libFuzzer saves the input as a crash).
    public static func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
                               file: StaticString = #fileID, line: UInt = #line) {
        if !condition() { fatalError("invariant broken: \(message())", file: file, line: line) }
    }

    /// The repository's root folder (for fixtures such as seeds/), found from this source file.
    public static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}
