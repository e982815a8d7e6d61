import Core
import Foundation

/// The scheduler's loop: runs the timed jobs that are due, the reminder rules' daily scans when due, and sends
/// the reminders whose moment has come; then sleeps until the next job (never longer than `maximumSleep`, so that
/// jobs added meanwhile, digest moments and clock changes are noticed). Every decision is the core's and Domain's;
/// this only decides when to ask.
package struct SchedulerEngine: Sendable {
    private let core: PartyCore
    private let maximumSleep: Duration

    /// An engine running `core`'s due jobs, looking again at least every `maximumSleep`.
    package init(core: PartyCore, maximumSleep: Duration = .seconds(30)) {
        self.core = core
        self.maximumSleep = maximumSleep
    }

    /// Runs until `isStopping` says so; `sleep` waits (and returns early when the daemon stops); `onError`
    /// hears of failed passes, which are tried again after the next sleep; `onWarning` of reminders that had
    /// nowhere to go (no group or address of their organization's, and no committee group at the top to report
    /// them to), which only the log and `reminder list` can then show.
    package func run(
        isStopping: @escaping @Sendable () -> Bool,
        sleep: @escaping @Sendable (Duration) async -> Void,
        onError: @escaping @Sendable (any Error) -> Void,
        onWarning: @escaping @Sendable (String) -> Void = { _ in }
    ) async {
        while !isStopping() {
            var wait = maximumSleep
            do {
                try await core.runDueJobs()
                try await core.scanReminders()
                let sent = try await core.dispatchReminders()
                if sent.undeliverable > 0 {
                    onWarning(
                        "\(sent.undeliverable) 项提醒无处送达：请为顶级党组织添加管理员群（channel add --audience admins），"
                            + "或为相关组织配置管理员群、管理员邮箱或党员群"
                    )
                }
                if let next = try await core.nextJobFireTime() {
                    let seconds = max(0, next.timeIntervalSince(core.clock.now()))
                    wait = min(maximumSleep, .milliseconds(Int64((seconds * 1000).rounded(.up)) + 1))
                }
            } catch {
                onError(error)
            }
            await sleep(wait)
        }
    }
}
