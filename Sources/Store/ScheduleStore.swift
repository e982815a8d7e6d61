import Domain
import Foundation

/// Timed-job reads inside a transaction.
package protocol ScheduleReader {
    /// The active job with `id`.
    func scheduledJob(id: Int64) throws -> ScheduledJob?
    /// Active jobs of organizations in the subtree at `root` (or everywhere), by id.
    func scheduledJobs(under root: OrgPath?) throws -> [ScheduledJob]
    /// Active jobs whose next slot happens by `instant`, earliest first.
    func dueJobs(by instant: Date, limit: Int) throws -> [ScheduledJob]
    /// When the earliest active job fires next.
    func nextJobFireTime() throws -> Date?
}

/// Timed-job changes inside a write transaction.
package protocol ScheduleWriter {
    /// Inserts a job and returns it with its id; `nextFireAt` is its next slot's instant.
    func insertScheduledJob(_ job: ScheduledJob, nextFireAt: Date?) throws -> ScheduledJob
    /// Records that the job's occurrence at `slot` ran now with `outcome`; false when it had already run (the
    /// occurrence's identity is unique), in which case nothing is written.
    func recordJobRun(_ jobID: Int64, slot: WallClockTime, outcome: String) throws -> Bool
    /// Moves the job on to `next` (its instant `nextFireAt`), noting that it fired now when `fired`.
    func advanceJob(_ jobID: Int64, to next: WallClockTime?, nextFireAt: Date?, fired: Bool) throws
    /// Deactivates the job.
    func removeScheduledJob(_ jobID: Int64) throws
}
