import Core
import Domain
import Foundation
import PartyTesting
import Server

#if canImport(Glibc)
import Glibc
#endif

/// The reminder phase, run once the child daemon has stopped: a fresh daemon (the same ``PartyDaemon`` partyd's
/// `main` assembles, in this process, real clock) is started on the city's data directory with every rule on and
/// its scheduler off, so that nothing scans before the benchmark does. Its core then scans every rule twice: the
/// first scan is the cold one (never scanned, every finding new and inserted), the second the incremental one
/// (every finding already recorded). Last, one pass of sending what is due now.
struct ReminderPhase {
    /// The run's temporary directory, holding the data directory the child daemon left.
    var directory: TemporaryDirectory
    /// What the seeding added, for the report.
    var seed: ReminderSeed.Outcome

    /// Starts the daemon, measures and stops it.
    func run() async throws -> ReminderOutcome {
        Progress.say("提醒：在同一数据目录上启动新的守护进程（进程内，全部规则开启，调度器关闭）…")
        let startup = ContinuousClock.now
        let daemon = try await TestDaemon.start(in: directory) { configuration in
            configuration.reminders = ReminderConfiguration()
            // No delivery worker and no scheduler: the scheduler would run its own first scan at start.
            configuration.delivery.workerRuns = false
        }
        let started = (ContinuousClock.now - startup).seconds
        do {
            let outcome = try await measure(daemon.daemon.core, startup: started)
            try await daemon.stop()
            return outcome
        } catch {
            try? await daemon.stop()
            throw error
        }
    }

    private func measure(_ core: PartyCore, startup: Double) async throws -> ReminderOutcome {
        let ids = core.reminders.rules.map(\.info.id)
        let names = Dictionary(uniqueKeysWithValues: core.reminders.rules.map { ($0.info.id, $0.info.name) })
        Progress.say("  首次全量扫描 \(ids.count) 条规则…")
        let full = try await timedScan(core, ids: ids)
        Progress.say("  \(Format.duration(full.wall))，发现 \(Format.count(full.found)) 项；增量扫描…")
        let incremental = try await timedScan(core, ids: ids)
        Progress.say("  \(Format.duration(incremental.wall))；发送一轮当前到期的提醒…")
        let cpuBefore = SystemInfo.cpuSeconds(of: getpid())
        let dispatchStart = ContinuousClock.now
        let dispatch = try await core.dispatchReminders()
        let dispatchSeconds = (ContinuousClock.now - dispatchStart).seconds
        let dispatchCPU = CPUTime.between(cpuBefore, SystemInfo.cpuSeconds(of: getpid()))
        Progress.say("  \(Format.duration(dispatchSeconds))，\(Format.count(dispatch.sent)) 条提醒，\(dispatch.notices) 份通知")
        var checks: [String] = []
        guard full.outcomes.map(\.rule) == ids, incremental.outcomes.map(\.rule) == ids else {
            throw BenchError("提醒扫描没有逐条返回全部规则的结果")
        }
        guard full.new == full.found else {
            throw BenchError("首次扫描发现 \(full.found) 项，其中新的只有 \(full.new) 项：数据目录此前已扫描过")
        }
        checks.append("提醒首次扫描：发现的 \(Format.count(full.found)) 项全部为新提醒并写入")
        guard incremental.new == 0, incremental.found == full.found else {
            throw BenchError(
                "增量扫描发现 \(incremental.found) 项、新 \(incremental.new) 项，应为 \(full.found) 项、新 0 项"
            )
        }
        checks.append("提醒增量扫描：发现同样的 \(Format.count(incremental.found)) 项，没有新提醒（每件事只提醒一次）")
        return ReminderOutcome(
            seed: seed,
            startup: startup,
            names: names,
            full: full,
            incremental: incremental,
            dispatch: dispatch,
            dispatchSeconds: dispatchSeconds,
            dispatchCPU: dispatchCPU,
            checks: checks
        )
    }

    /// One call of `scanReminders(only:)` over every rule, timed from the call to its return (the transaction
    /// committed), with this process's CPU time.
    private func timedScan(_ core: PartyCore, ids: [String]) async throws -> ReminderScanTiming {
        let cpuBefore = SystemInfo.cpuSeconds(of: getpid())
        let start = ContinuousClock.now
        let outcomes = try await core.scanReminders(only: ids)
        let wall = (ContinuousClock.now - start).seconds
        return ReminderScanTiming(
            outcomes: outcomes,
            wall: wall,
            cpu: CPUTime.between(cpuBefore, SystemInfo.cpuSeconds(of: getpid()))
        )
    }
}

/// One scan of every rule.
struct ReminderScanTiming {
    /// Each rule's outcome, in the catalog's order.
    var outcomes: [ReminderScanOutcome]
    /// Seconds from the call to its return, the commit included.
    var wall: Double
    /// partybench's CPU time over the scan (the daemon runs in this process).
    var cpu: CPUTime?

    /// Findings in all.
    var found: Int { outcomes.reduce(0) { $0 + $1.found } }
    /// New ones in all.
    var new: Int { outcomes.reduce(0) { $0 + $1.new } }
    /// The rules' own times added up (the scan and the inserts, without the transaction's begin and commit).
    var rulesMilliseconds: Int { outcomes.reduce(0) { $0 + $1.durationMilliseconds } }
}

/// What the reminder phase measured.
struct ReminderOutcome {
    /// The data the rules were given.
    var seed: ReminderSeed.Outcome
    /// Seconds to start the in-process daemon on the data directory.
    var startup: Double
    /// Each rule's name by id.
    var names: [String: String]
    /// The first (cold) scan.
    var full: ReminderScanTiming
    /// The second (incremental) scan.
    var incremental: ReminderScanTiming
    /// The sending pass.
    var dispatch: ReminderDispatchOutcome
    /// Seconds it took.
    var dispatchSeconds: Double
    /// Its CPU time.
    var dispatchCPU: CPUTime?
    /// Checks passed.
    var checks: [String]
}
