import Domain
import Foundation
import GRDB

extension SQLiteAccess: ScheduleReader, ScheduleWriter {
    static func scheduledJob(_ row: Row) throws -> ScheduledJob {
        let decoder = JSONDecoder()
        let id: Int64 = row["id"]
        do {
            let recurrence = try decoder.decode(Recurrence.self, from: Data((row["recurrence"] as String).utf8))
            let misfire = try decoder.decode(MisfirePolicy.self, from: Data((row["misfire"] as String).utf8))
            let action = try decoder.decode(JobAction.self, from: Data((row["action"] as String).utf8))
            let slot = try (row["next_slot"] as String?).map {
                try decoder.decode(WallClockTime.self, from: Data($0.utf8))
            }
            return ScheduledJob(
                id: id,
                name: row["name"],
                orgID: row["org_id"],
                recurrence: recurrence,
                zone: row["zone"],
                misfire: misfire,
                action: action,
                createdBy: row["created_by"],
                createdAt: instant(row["created_at"]),
                nextSlot: slot,
                lastFiredAt: (row["last_fired_at"] as Int64?).map(instant)
            )
        } catch {
            throw StoreCorruption(detail: "schedule_job row \(id): \(error)")
        }
    }

    private static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    func scheduledJob(id: Int64) throws -> ScheduledJob? {
        try Row.fetchOne(db, sql: "SELECT * FROM schedule_job WHERE id = ? AND active = 1", arguments: [id])
            .map(Self.scheduledJob)
    }

    func scheduledJobs(under root: OrgPath?) throws -> [ScheduledJob] {
        let filter = Self.subtreeFilter("o.path", root)
        return try Row.fetchAll(
            db,
            sql: """
                SELECT j.* FROM schedule_job j JOIN organization o ON o.id = j.org_id
                WHERE j.active = 1 AND \(filter.sql) ORDER BY j.id
                """,
            arguments: filter.arguments
        ).map(Self.scheduledJob)
    }

    func dueJobs(by instant: Date, limit: Int) throws -> [ScheduledJob] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT * FROM schedule_job WHERE active = 1 AND next_fire_at <= ? ORDER BY next_fire_at, id LIMIT ?
                """,
            arguments: [Self.milliseconds(instant), limit]
        ).map(Self.scheduledJob)
    }

    func nextJobFireTime() throws -> Date? {
        try Int64.fetchOne(db, sql: "SELECT MIN(next_fire_at) FROM schedule_job WHERE active = 1")
            .map(Self.instant)
    }

    func insertScheduledJob(_ job: ScheduledJob, nextFireAt: Date?) throws -> ScheduledJob {
        try db.execute(
            sql: """
                INSERT INTO schedule_job (name, org_id, recurrence, zone, misfire, action, created_by, created_at,
                    next_slot, next_fire_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                job.name, job.orgID, try Self.json(job.recurrence), job.zone, try Self.json(job.misfire),
                try Self.json(job.action), job.createdBy, now, try job.nextSlot.map(Self.json),
                nextFireAt.map(Self.milliseconds),
            ]
        )
        var inserted = job
        inserted.id = db.lastInsertedRowID
        return inserted
    }

    func recordJobRun(_ jobID: Int64, slot: WallClockTime, outcome: String) throws -> Bool {
        try db.execute(
            sql: "INSERT OR IGNORE INTO schedule_run (job_id, slot, fired_at, outcome) VALUES (?, ?, ?, ?)",
            arguments: [jobID, slot.description, now, outcome]
        )
        return db.changesCount == 1
    }

    func advanceJob(_ jobID: Int64, to next: WallClockTime?, nextFireAt: Date?, fired: Bool) throws {
        try db.execute(
            sql: """
                UPDATE schedule_job SET next_slot = ?, next_fire_at = ?,
                    last_fired_at = CASE WHEN ? THEN ? ELSE last_fired_at END
                WHERE id = ?
                """,
            arguments: [try next.map(Self.json), nextFireAt.map(Self.milliseconds), fired, now, jobID]
        )
    }

    func removeScheduledJob(_ jobID: Int64) throws {
        try db.execute(sql: "UPDATE schedule_job SET active = 0 WHERE id = ?", arguments: [jobID])
    }
}
