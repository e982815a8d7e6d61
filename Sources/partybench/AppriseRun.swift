import Foundation
import PartyTesting

#if canImport(Glibc)
import Glibc
#endif

/// The comparison: Apprise (from PyPI) sending the same number of webhook messages to the same receiver, through
/// its JSON webhook (`json://`), timed by `bench/apprise_send.py` around the `notify()` calls alone.
struct AppriseRun {
    /// A Python that already has Apprise; when nil, a venv is made in the run's directory and Apprise installed
    /// into it with pip.
    var python: String?
    /// The sending script.
    var script: String
    /// The runs to make: threads calling `notify()` at once (1: `notify()` in a loop).
    var threads: [Int]

    /// `bench/apprise_send.py` in the current directory (where `make bench` runs) or next to these sources.
    static func findScript() -> String? {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        let candidates = [
            FileManager.default.currentDirectoryPath + "/bench/apprise_send.py",
            sources.deletingLastPathComponent().appendingPathComponent("bench/apprise_send.py").path,
        ]
        return candidates.first(where: FileManager.default.fileExists(atPath:))
    }

    /// Installs Apprise when needed, then sends `messages` messages once per entry of ``threads``; the outcome
    /// says why when Apprise could not be installed because PyPI could not be reached.
    func measure(
        receiver: BenchReceiver,
        messages: Int,
        title: String,
        body: String,
        directory: TemporaryDirectory
    ) throws -> AppriseOutcome {
        let python: String
        let installSeconds: Double?
        switch try prepare(directory) {
        case .ready(let path, let seconds):
            python = path
            installSeconds = seconds
        case .unreachable(let reason):
            Progress.say("  无法连接 PyPI，跳过 Apprise 对比：\(reason)")
            return AppriseOutcome(version: nil, installSeconds: nil, runs: [], skipped: reason)
        }
        let bodyFile = directory.appending("apprise-body.txt")
        try body.write(toFile: bodyFile, atomically: false, encoding: .utf8)
        var runs: [AppriseOutcome.Run] = []
        var version: String?
        for count in threads {
            let source = "apprise-t\(count)"
            Progress.say("Apprise：\(Format.count(messages)) 条，\(count) 个线程…")
            let acceptedBefore = receiver.acceptedConnections
            let ownBefore = SystemInfo.cpuSeconds(of: getpid())
            let result = try CommandRunner.run(
                python,
                [
                    "-I", script, "--url", "json://127.0.0.1:\(receiver.port)/\(source)", "--count", String(messages),
                    "--threads", String(count), "--title", title, "--body-file", bodyFile,
                ],
                timeout: 3600
            )
            guard result.status == 0,
                let line = result.stdout.split(separator: "\n").last,
                let summary = try? JSONDecoder().decode(ScriptSummary.self, from: Data(line.utf8))
            else {
                throw BenchError("apprise_send.py 失败（退出码 \(result.status)）：\(result.stderr.suffix(2000))")
            }
            let ownAfter = SystemInfo.cpuSeconds(of: getpid())
            version = summary.apprise
            let tally = receiver.tally(source)
            guard tally.distinct == messages else {
                throw BenchError("Apprise 报告发送 \(messages) 条，接收端只收到 \(tally.distinct) 条不同的消息")
            }
            let run = AppriseOutcome.Run(
                threads: count,
                seconds: summary.seconds,
                cpu: CPUTime(user: summary.cpuUser, system: summary.cpuSystem),
                received: tally.requests,
                duplicates: tally.duplicates,
                connections: receiver.acceptedConnections - acceptedBefore,
                receiverCPU: CPUTime.between(ownBefore, ownAfter)
            )
            Progress.say("  \(Format.duration(run.seconds))，\(Format.rate(run.rate)) 条/秒")
            runs.append(run)
        }
        return AppriseOutcome(version: version, installSeconds: installSeconds, runs: runs, skipped: nil)
    }

    private enum Preparation {
        case ready(python: String, installSeconds: Double?)
        case unreachable(String)
    }

    /// The Python to run the script with: the given one, or a new venv with Apprise from PyPI.
    private func prepare(_ directory: TemporaryDirectory) throws -> Preparation {
        if let python { return .ready(python: python, installSeconds: nil) }
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        guard let system = paths.map({ "\($0)/python3" }).first(where: FileManager.default.isExecutableFile(atPath:))
        else {
            throw BenchError("找不到 python3：Apprise 对比需要它（apt-get install python3 python3-venv）")
        }
        let venv = directory.appending("apprise-venv")
        Progress.say("在 \(venv) 安装 Apprise（pip install apprise）…")
        let start = ContinuousClock.now
        let made = try CommandRunner.run(system, ["-I", "-m", "venv", venv], timeout: 300)
        guard made.status == 0 else {
            throw BenchError("python3 -m venv 失败（apt-get install python3-venv？）：\(made.stderr.suffix(1000))")
        }
        let installed = try CommandRunner.run(
            venv + "/bin/python",
            ["-I", "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "apprise"],
            timeout: 900
        )
        guard installed.status == 0 else {
            let reason = installed.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
            let unreachable = [
                "Could not find a version", "No matching distribution", "NewConnectionError", "Max retries exceeded",
                "Temporary failure in name resolution", "Network is unreachable", "ConnectTimeout", "ReadTimeout",
            ]
            if unreachable.contains(where: reason.contains) {
                return .unreachable(String(reason.split(separator: "\n").last ?? "pip install apprise 失败"))
            }
            throw BenchError("pip install apprise 失败：\(reason.suffix(2000))")
        }
        return .ready(python: venv + "/bin/python", installSeconds: (ContinuousClock.now - start).seconds)
    }

    /// The line the script prints.
    private struct ScriptSummary: Decodable {
        var apprise: String
        var seconds: Double
        var cpuUser: Double
        var cpuSystem: Double
    }
}

/// What Apprise's runs measured, or why they were skipped.
struct AppriseOutcome {
    /// One run of the script.
    struct Run {
        /// Threads calling `notify()`.
        var threads: Int
        /// Seconds around the `notify()` calls.
        var seconds: Double
        /// The Python process's CPU time over those calls.
        var cpu: CPUTime
        /// Requests the receiver got.
        var received: Int
        /// Of which repeated.
        var duplicates: Int
        /// Connections the receiver accepted.
        var connections: Int
        /// partybench's CPU time over the run (the receiver, and the wait for the script).
        var receiverCPU: CPUTime?

        /// Messages per second.
        var rate: Double { seconds > 0 ? Double(received - duplicates) / seconds : 0 }
    }

    /// Apprise's version (`apprise.__version__`).
    var version: String?
    /// Seconds to make the venv and install Apprise, when the run did.
    var installSeconds: Double?
    /// The runs, in order.
    var runs: [Run]
    /// Why the comparison was left out.
    var skipped: String?
}
