import Domain
import Foundation
import GRDB

/// Activities of organizational life in the store: the plan and its record, attendance with every change kept,
/// and the points granted.
extension SQLiteAccess {
    static func activity(_ row: Row) throws -> Activity {
        let kindText: String = row["kind"]
        let stateText: String = row["state"]
        guard let kind = ActivityKind(rawValue: kindText), let state = ActivityState(rawValue: stateText) else {
            throw StoreCorruption(detail: "activity row \(row["id"] ?? "?")")
        }
        var record: Activity.Record?
        if let heldAt = row["held_at"] as Int64?, let recordedAt = row["recorded_at"] as Int64?,
            let dueOn = (row["due_on"] as String?).flatMap(LocalDate.init)
        {
            record = Activity.Record(
                heldAt: instant(heldAt),
                durationMinutes: row["duration_minutes"],
                minutes: row["minutes"],
                decisions: row["decisions"],
                recordedAt: instant(recordedAt),
                dueOn: dueOn,
                late: row["late"]
            )
        }
        return Activity(
            id: row["id"],
            orgID: row["org_id"],
            kind: kind,
            title: row["title"],
            state: state,
            plannedAt: instant(row["planned_at"]),
            place: row["place"],
            theme: row["theme"],
            host: row["host"],
            recorder: row["recorder"],
            signupDeadline: (row["signup_deadline"] as Int64?).map(instant),
            invitationNoticeID: row["invitation_notice_id"],
            createdBy: row["created_by"],
            record: record,
            cancellation: (row["cancelled_at"] as Int64?).map {
                Activity.Cancellation(at: instant($0), reason: row["cancel_reason"] ?? "")
            },
            publishedAt: (row["published_at"] as Int64?).map(instant),
            feedNoticeID: row["feed_notice_id"]
        )
    }

    static func attendance(_ row: Row) throws -> ActivityAttendance {
        let statusText: String = row["status"]
        let channelText: String = row["channel"]
        guard let status = AttendanceStatus(rawValue: statusText),
            let channel = AttendanceChannel(rawValue: channelText)
        else { throw StoreCorruption(detail: "attendance row \(row["activity_id"] ?? "?")/\(row["member_id"] ?? "?")") }
        return ActivityAttendance(
            memberID: row["member_id"],
            memberName: row["member_name"],
            orgID: row["org_id"],
            status: status,
            reason: row["reason"],
            confirmedAt: (row["confirmed_at"] as Int64?).map(instant),
            changedAt: instant(row["changed_at"]),
            channel: channel
        )
    }

    func activity(id: Int64) throws -> Activity? {
        try Row.fetchOne(db, sql: "SELECT * FROM activity WHERE id = ?", arguments: [id]).map(Self.activity)
    }

    func activityID(invitation noticeID: Int64) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT id FROM activity WHERE invitation_notice_id = ?", arguments: [noticeID])
    }

    func activities(_ filter: ActivityFilter) throws -> [Activity] {
        let range = Self.subtreeFilter("o.path", filter.root)
        var conditions = [range.sql, "a.id < ?"]
        var arguments = range.arguments + [filter.before ?? Int64.max]
        if let state = filter.state {
            conditions.append("a.state = ?")
            arguments += [state.rawValue]
        }
        if filter.excludeCancelled { conditions.append("a.state <> 'cancelled'") }
        if let from = filter.from {
            conditions.append("COALESCE(a.held_at, a.planned_at) >= ?")
            arguments += [Self.milliseconds(from)]
        }
        if let until = filter.until {
            conditions.append("COALESCE(a.held_at, a.planned_at) < ?")
            arguments += [Self.milliseconds(until)]
        }
        return try Row.fetchAll(
            db,
            sql: """
                SELECT a.* FROM activity a JOIN organization o ON o.id = a.org_id
                WHERE \(conditions.joined(separator: " AND ")) ORDER BY a.id DESC LIMIT ?
                """,
            arguments: arguments + [filter.limit]
        ).map(Self.activity)
    }

    func attendance(of activityID: Int64) throws -> [ActivityAttendance] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT t.*, m.name AS member_name FROM activity_attendance t JOIN member m ON m.id = t.member_id
                LEFT JOIN organization o ON o.id = t.org_id
                WHERE t.activity_id = ? ORDER BY o.path, m.name, m.id
                """,
            arguments: [activityID]
        ).map(Self.attendance)
    }

    func attendance(of activityID: Int64, memberID: Int64) throws -> ActivityAttendance? {
        try Row.fetchOne(
            db,
            sql: """
                SELECT t.*, m.name AS member_name FROM activity_attendance t JOIN member m ON m.id = t.member_id
                WHERE t.activity_id = ? AND t.member_id = ?
                """,
            arguments: [activityID, memberID]
        ).map(Self.attendance)
    }

    func attendanceCounts(of activityIDs: [Int64]) throws -> [Int64: ActivityCounts] {
        var rows: [Int64: [ActivityAttendance]] = [:]
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT t.*, '' AS member_name FROM activity_attendance t
                WHERE t.activity_id IN (SELECT value FROM json_each(?))
                """,
            arguments: [Self.jsonList(activityIDs)]
        ) {
            rows[row["activity_id"], default: []].append(try Self.attendance(row))
        }
        return activityIDs.reduce(into: [:]) { $0[$1] = ActivityCounts(rows[$1] ?? []) }
    }

    func attendanceEvents(of activityID: Int64) throws -> [AttendanceEvent] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT e.*, m.name AS member_name FROM activity_attendance_event e JOIN member m ON m.id = e.member_id
                WHERE e.activity_id = ? ORDER BY e.id
                """,
            arguments: [activityID]
        ).map { row in
            let statusText: String = row["status"]
            let channelText: String = row["channel"]
            guard let status = AttendanceStatus(rawValue: statusText),
                let channel = AttendanceChannel(rawValue: channelText)
            else { throw StoreCorruption(detail: "attendance event \(row["id"] ?? "?")") }
            return AttendanceEvent(
                memberID: row["member_id"],
                memberName: row["member_name"],
                status: status,
                reason: row["reason"],
                channel: channel,
                actor: row["actor"],
                at: Self.instant(row["at"])
            )
        }
    }

    func memberActivities(memberID: Int64, before: Int64?, limit: Int) throws -> [(Activity, ActivityAttendance)] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT a.*, t.member_id, t.org_id AS attendance_org_id, t.status AS attendance_status, t.reason,
                    t.confirmed_at, t.changed_at, t.channel, m.name AS member_name
                FROM activity_attendance t JOIN activity a ON a.id = t.activity_id JOIN member m ON m.id = t.member_id
                WHERE t.member_id = ? AND t.activity_id < ? ORDER BY t.activity_id DESC LIMIT ?
                """,
            arguments: [memberID, before ?? Int64.max, limit]
        ).map { row in
            let statusText: String = row["attendance_status"]
            let channelText: String = row["channel"]
            guard let status = AttendanceStatus(rawValue: statusText),
                let channel = AttendanceChannel(rawValue: channelText)
            else { throw StoreCorruption(detail: "attendance of member \(memberID)") }
            let mine = ActivityAttendance(
                memberID: row["member_id"],
                memberName: row["member_name"],
                orgID: row["attendance_org_id"],
                status: status,
                reason: row["reason"],
                confirmedAt: (row["confirmed_at"] as Int64?).map(Self.instant),
                changedAt: Self.instant(row["changed_at"]),
                channel: channel
            )
            return (try Self.activity(row), mine)
        }
    }

    func pointsGranted(activityID: Int64) throws -> [Int64: Int] {
        try Row.fetchAll(
            db,
            sql: "SELECT member_id, points FROM activity_points WHERE activity_id = ?",
            arguments: [activityID]
        ).reduce(into: [:]) { $0[$1["member_id"]] = $1["points"] }
    }

    func pointsTotals(under root: OrgPath?, year: Int) throws -> [PointsTotal] {
        let range = Self.subtreeFilter("o.path", root)
        return try Row.fetchAll(
            db,
            sql: """
                SELECT m.id, m.name, m.org_id, COUNT(p.activity_id) AS activities, COALESCE(SUM(p.points), 0) AS earned
                FROM member m JOIN organization o ON o.id = m.org_id
                LEFT JOIN activity_points p ON p.member_id = m.id AND p.year = ?
                WHERE m.status = '在册' AND \(range.sql)
                GROUP BY m.id ORDER BY o.path, m.name, m.id
                """,
            arguments: [year] + range.arguments
        ).map {
            PointsTotal(
                memberID: $0["id"],
                memberName: $0["name"],
                orgID: $0["org_id"],
                activities: $0["activities"],
                earned: $0["earned"]
            )
        }
    }

    func pointsGrants(memberID: Int64, year: Int) throws -> [PointsGrant] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT p.*, a.title, a.kind FROM activity_points p JOIN activity a ON a.id = p.activity_id
                WHERE p.member_id = ? AND p.year = ? ORDER BY p.granted_at, p.activity_id
                """,
            arguments: [memberID, year]
        ).map { row in
            let kindText: String = row["kind"]
            guard let kind = ActivityKind(rawValue: kindText) else {
                throw StoreCorruption(detail: "activity \(row["activity_id"] ?? "?")")
            }
            return PointsGrant(
                activityID: row["activity_id"],
                title: row["title"],
                kind: kind,
                points: row["points"],
                grantedAt: Self.instant(row["granted_at"])
            )
        }
    }

    func insertActivity(
        _ activity: Activity,
        invitees: [(memberID: Int64, orgID: Int64)],
        actor: String
    ) throws
        -> Activity
    {
        var activity = activity
        try db.execute(
            sql: """
                INSERT INTO activity (org_id, kind, title, state, planned_at, place, theme, host, recorder,
                    signup_deadline, invitation_notice_id, created_by, created_at)
                VALUES (?, ?, ?, 'planned', ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                activity.orgID, activity.kind.rawValue, activity.title, Self.milliseconds(activity.plannedAt),
                activity.place, activity.theme, activity.host, activity.recorder,
                activity.signupDeadline.map(Self.milliseconds), activity.invitationNoticeID, activity.createdBy, now,
            ]
        )
        activity.id = db.lastInsertedRowID
        activity.state = .planned
        for invitee in invitees {
            try db.execute(
                sql: """
                    INSERT INTO activity_attendance (activity_id, member_id, org_id, status, changed_at, channel)
                    VALUES (?, ?, ?, 'invited', ?, 'plan')
                    """,
                arguments: [activity.id, invitee.memberID, invitee.orgID, now]
            )
        }
        try db.execute(
            sql: """
                INSERT INTO activity_attendance_event (activity_id, member_id, status, channel, actor, at)
                SELECT activity_id, member_id, 'invited', 'plan', ?, ? FROM activity_attendance WHERE activity_id = ?
                """,
            arguments: [actor, now, activity.id]
        )
        return activity
    }

    func updateActivity(_ activity: Activity) throws {
        let record = activity.record
        try db.execute(
            sql: """
                UPDATE activity SET state = ?, invitation_notice_id = ?, held_at = ?, duration_minutes = ?,
                    minutes = ?, decisions = ?, recorded_at = ?, due_on = ?, late = ?, cancelled_at = ?,
                    cancel_reason = ?, published_at = ?, feed_notice_id = ?
                WHERE id = ?
                """,
            arguments: [
                activity.state.rawValue, activity.invitationNoticeID, record.map { Self.milliseconds($0.heldAt) },
                record?.durationMinutes, record?.minutes, record?.decisions,
                record.map { Self.milliseconds($0.recordedAt) }, record?.dueOn.description, record?.late ?? false,
                activity.cancellation.map { Self.milliseconds($0.at) }, activity.cancellation?.reason,
                activity.publishedAt.map(Self.milliseconds), activity.feedNoticeID, activity.id,
            ]
        )
    }

    func setAttendance(
        activityID: Int64,
        memberID: Int64,
        _ decision: AttendanceDecision,
        channel: AttendanceChannel,
        actor: String
    ) throws {
        try db.execute(
            sql: """
                UPDATE activity_attendance SET status = ?, reason = ?, confirmed_at = ?, changed_at = ?, channel = ?
                WHERE activity_id = ? AND member_id = ?
                """,
            arguments: [
                decision.status.rawValue, decision.reason, decision.confirmedAt.map(Self.milliseconds), now,
                channel.rawValue, activityID, memberID,
            ]
        )
        try db.execute(
            sql: """
                INSERT INTO activity_attendance_event (activity_id, member_id, status, reason, channel, actor, at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [activityID, memberID, decision.status.rawValue, decision.reason, channel.rawValue, actor, now]
        )
    }

    func grantPoints(activityID: Int64, memberID: Int64, year: Int, points: Int) throws {
        try db.execute(
            sql: """
                INSERT OR IGNORE INTO activity_points (activity_id, member_id, year, points, granted_at)
                VALUES (?, ?, ?, ?, ?)
                """,
            arguments: [activityID, memberID, year, points, now]
        )
    }
}
