import Domain
import Foundation
import Store

/// Running timed jobs, as the daemon. Each due job is handled in its own transaction: the occurrences its misfire
/// policy fires are recorded by their identity (job, slot) — a slot already recorded is never run again — and
/// their action is carried out in the same transaction, and the job moves on to the slot after the last one that
/// came due, computed from the schedule rather than from now. A crash before the commit leaves all of it undone,
/// to be done once on the next start; a crash after leaves it done.
extension PartyCore {
    /// Runs every job due now; returns how many occurrences fired.
    @discardableResult
    package func runDueJobs() async throws -> Int {
        let now = clock.now()
        let limits = attachments.limits
        let due = try await read(.scheduleRun, by: .daemon) { op in
            try op.tx.dueJobs(by: now, limit: Self.jobBatch).map(\.id)
        }
        var fired = 0
        for id in due {
            fired += try await write(.scheduleRun, by: .daemon) { op in
                guard let job = try op.tx.scheduledJob(id: id) else { return .unchanged(0) }
                guard let zone = job.timeZone else {
                    try op.tx.advanceJob(id, to: nil, nextFireAt: nil, fired: false)
                    return Change(
                        0,
                        audit: op.audit(
                            target: "定时任务 \(id)",
                            orgID: job.orgID,
                            summary: "定时任务“\(job.name)”的时区“\(job.zone)”无效，已停止"
                        )
                    )
                }
                let step = ScheduleStep.decide(
                    recurrence: job.recurrence,
                    zone: zone,
                    policy: job.misfire,
                    pending: job.nextSlot,
                    now: op.time.instant
                )
                var lines: [String] = []
                var count = 0
                for slot in step.fire {
                    let outcome: String
                    switch job.action {
                    case .postNotice(let fields):
                        do {
                            let posted = try op.postNotice(fields, author: job.createdBy, zone: zone, limits: limits)
                            outcome = "通知 \(posted.view.id)"
                        } catch let error as DomainError {
                            outcome = "未发布：\(error.message)"
                        }
                    }
                    guard try op.tx.recordJobRun(id, slot: slot, outcome: outcome) else { continue }
                    count += 1
                    lines.append("\(slot) → \(outcome)")
                }
                try op.tx.advanceJob(
                    id,
                    to: step.next,
                    nextFireAt: step.next.map { $0.instant(in: zone) },
                    fired: count > 0
                )
                var summary = "定时任务“\(job.name)”"
                summary += lines.isEmpty ? "" : "：" + lines.joined(separator: "；")
                if step.skipped > 0 { summary += "；停机期间错过 \(step.skipped) 次，按“\(job.misfire.text)”处理" }
                if step.next == nil { summary += "；规则已无下次，任务结束" }
                return Change(count, audit: op.audit(target: "定时任务 \(id)", orgID: job.orgID, summary: summary))
            }
        }
        if fired > 0 { outboxSignal.ring() }
        return fired
    }

    /// When the earliest job fires next, for the scheduler's sleep.
    package func nextJobFireTime() async throws -> Date? {
        try await read(.scheduleRun, by: .daemon) { op in try op.tx.nextJobFireTime() }
    }
}
