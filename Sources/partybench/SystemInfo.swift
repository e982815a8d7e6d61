import Foundation

/// What the report says about the machine and about a process's memory, read from /proc.
enum SystemInfo {
    /// The CPU model from /proc/cpuinfo.
    static var cpuModel: String {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return "unknown" }
        for line in text.split(separator: "\n") where line.hasPrefix("model name") {
            if let colon = line.firstIndex(of: ":") {
                return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
        }
        return "unknown"
    }

    /// Processors available to this process.
    static var processors: Int { ProcessInfo.processInfo.activeProcessorCount }

    /// MemTotal from /proc/meminfo, in kB.
    static var memoryTotalKB: Int? { field("MemTotal", in: "/proc/meminfo") }

    /// The kernel release from /proc/sys/kernel/osrelease.
    static var kernel: String {
        (try? String(contentsOfFile: "/proc/sys/kernel/osrelease", encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? "unknown"
    }

    /// The 1, 5 and 15 minute load averages from /proc/loadavg: other work on the machine skews every figure.
    static var loadAverage: String {
        let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? ""
        return text.split(separator: " ").prefix(3).joined(separator: " ")
    }

    /// Resident memory of `pid` now (VmRSS) and at its peak (VmHWM), in kB.
    static func memory(of pid: Int32) -> (rss: Int, peak: Int)? {
        let path = "/proc/\(pid)/status"
        guard let rss = field("VmRSS", in: path), let peak = field("VmHWM", in: path) else { return nil }
        return (rss, peak)
    }

    /// The first number on the line `name:` of a /proc file (values there are in kB).
    private static func field(_ name: String, in path: String) -> Int? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(name + ":") {
            return Int(line.dropFirst(name.count + 1).split(whereSeparator: { $0 == " " || $0 == "\t" }).first ?? "")
        }
        return nil
    }
}
