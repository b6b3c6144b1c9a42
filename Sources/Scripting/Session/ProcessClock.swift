import Foundation

/// Wall-clock time and memory of this process, for `dossier.clock()` and `dossier.stats()`.
public enum ProcessClock {
    /// Seconds on a monotonic clock.
    public static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// CPU seconds this process has used so far (user + system, all threads).
    public static func cpuSeconds() -> Double {
        var usage = rusage()
        guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return 0 }
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// Resident and peak resident memory in bytes (from /proc/self/status; 0 when unknown).
    public static func memory() -> (rss: Int, peak: Int) {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return (0, 0) }
        var rss = 0
        var peak = 0
        for line in status.split(separator: "\n") {
            let parts = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard parts.count >= 2, let kb = Int(parts[1]) else { continue }
            if line.hasPrefix("VmRSS:") { rss = kb * 1024 }
            if line.hasPrefix("VmHWM:") { peak = kb * 1024 }
        }
        return (rss, peak)
    }
}
