import Foundation

/// CPU time a process has used, from /proc/<pid>/stat: with the wall-clock time it tells whether the work was
/// bound by the processor (two cores in all on the benchmark machine) or by waiting (disk syncs, the network).
struct CPUTime {
    /// Seconds in user mode.
    var user: Double
    /// Seconds in the kernel on the process's behalf (system calls: sockets, writes, fsync).
    var system: Double

    /// Both.
    var total: Double { user + system }

    /// The time used between two readings; nil when either is missing.
    static func between(_ before: CPUTime?, _ after: CPUTime?) -> CPUTime? {
        guard let before, let after else { return nil }
        return CPUTime(user: after.user - before.user, system: after.system - before.system)
    }
}

extension SystemInfo {
    /// The clock ticks per second /proc counts CPU time in.
    private static let ticksPerSecond = Double(sysconf(Int32(_SC_CLK_TCK)))

    /// The CPU time `pid` (all its threads) has used so far.
    static func cpuSeconds(of pid: Int32) -> CPUTime? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = text.lastIndex(of: ")")
        else { return nil }
        // After the command name in parentheses: state is field 3, utime field 14, stime field 15.
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]), ticksPerSecond > 0
        else { return nil }
        return CPUTime(user: user / ticksPerSecond, system: system / ticksPerSecond)
    }
}
