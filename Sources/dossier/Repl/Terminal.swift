import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Facts about the terminal and writes to it.
enum Terminal {
    static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) != 0 }

    /// Columns of the terminal on standard output, else `COLUMNS`, else 100.
    static func width() -> Int {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 10 { return Int(size.ws_col) }
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 10 { return columns }
        return 100
    }

    /// Writes a line to standard error (standard output is flushed first to keep order).
    static func printError(_ message: String) {
        flush()
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    /// Flushes C's standard output, which both Swift's `print` and Lua's `print` use.
    static func flush() {
        fflush(nil)
    }

    /// `2` for 2.0, `0.5` for 0.5.
    static func seconds(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e9 ? String(Int(value)) : String(value)
    }
}
