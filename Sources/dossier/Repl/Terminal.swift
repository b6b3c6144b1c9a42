import Foundation
import Report
import Scripting
#if canImport(Glibc)
import Glibc
#endif

/// Facts about the terminal and writes to it.
enum Terminal {
    static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) != 0 }

    /// Columns of the terminal on standard output, else `COLUMNS`, else 100; at most 1000
    /// (`TerminalWidth.range`). A `COLUMNS` that is not a number above 10 is ignored.
    static func width() -> Int {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 10 { return TerminalWidth.clamped(Int(size.ws_col)) }
        if let text = ProcessInfo.processInfo.environment["COLUMNS"], let columns = columns(text) { return columns }
        return TerminalWidth.standard
    }

    /// A `COLUMNS` value: a whole number above 10, brought down to 1000 (any number of digits
    /// is read without overflowing); nil otherwise.
    static func columns(_ text: String) -> Int? {
        let digits = text.trimmingCharacters(in: .whitespaces)
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let significant = digits.drop { $0 == "0" }
        if significant.count > 4 { return TerminalWidth.range.upperBound }
        guard let n = Int(significant.isEmpty ? "0" : String(significant)), n > 10 else { return nil }
        return TerminalWidth.clamped(n)
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
