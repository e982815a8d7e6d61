import Domain
import Foundation
import GRDB

/// The facts the reminder rules scan: each one statement over the indexed columns, cheap enough to run for the
/// whole city every day.
extension SQLiteAccess: ReminderFactReader {
    func memberDates(_ column: MemberDateColumn, like pattern: String) throws -> [MemberDateFact] {
        let probation = column == .probationStart ? "AND category = '预备党员'" : ""
        return try Row.fetchAll(
            db,
            sql: """
                SELECT id, name, org_id, \(column.rawValue) AS date FROM member
                WHERE status = '在册' AND \(column.rawValue) LIKE ? \(probation)
                ORDER BY org_id, id
                """,
            arguments: [pattern]
        ).compactMap { row in
            guard let date = LocalDate(row["date"] as String) else { return nil }
            return MemberDateFact(memberID: row["id"], name: row["name"], orgID: row["org_id"], date: date)
        }
    }

    func activityFacts(plannedFrom from: Date, to: Date, states: [String]) throws -> [ActivityFact] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT a.id, a.org_id, a.kind, a.title, a.state, a.planned_at,
                    (SELECT count(*) FROM activity_attendance t
                     WHERE t.activity_id = a.id AND t.status = 'invited') AS unconfirmed
                FROM activity a
                WHERE a.planned_at >= ? AND a.planned_at < ? AND a.state IN (SELECT value FROM json_each(?))
                ORDER BY a.planned_at, a.id
                """,
            arguments: [Self.milliseconds(from), Self.milliseconds(to), Self.jsonList(states)]
        ).compactMap { row in
            guard let kind = ActivityKind(rawValue: row["kind"]) else { return nil }
            return ActivityFact(
                id: row["id"],
                orgID: row["org_id"],
                kind: kind,
                title: row["title"],
                state: row["state"],
                plannedAt: Self.instant(row["planned_at"]),
                unconfirmed: row["unconfirmed"]
            )
        }
    }

    func unconfirmedInvitees(of activityID: Int64) throws -> [Int64] {
        try Int64.fetchAll(
            db,
            sql: """
                SELECT t.member_id FROM activity_attendance t JOIN member m ON m.id = t.member_id
                WHERE t.activity_id = ? AND t.status = 'invited' AND m.status = '在册' ORDER BY t.member_id
                """,
            arguments: [activityID]
        )
    }

    func activityKindsHeld(from: Date, to: Date) throws -> Set<ActivityHeld> {
        var held: Set<ActivityHeld> = []
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT DISTINCT org_id, kind FROM activity
                WHERE state <> 'cancelled' AND COALESCE(held_at, planned_at) >= ? AND COALESCE(held_at, planned_at) < ?
                """,
            arguments: [Self.milliseconds(from), Self.milliseconds(to)]
        )
        while let row = try rows.next() {
            if let kind = ActivityKind(rawValue: row["kind"]) {
                held.insert(ActivityHeld(orgID: row["org_id"], kind: kind))
            }
        }
        return held
    }

    func ackNotices(deadlineFrom from: LocalDate, to: LocalDate) throws -> [AckNoticeFact] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT n.id, n.org_id, n.title, n.author, n.ack_deadline, n.recipient_count,
                    (SELECT count(*) FROM notice_recipient r
                     WHERE r.notice_id = n.id AND r.acknowledged_at IS NOT NULL) AS acknowledged
                FROM notice n
                WHERE n.state = 'published' AND n.ack_required = 1 AND n.ack_deadline BETWEEN ? AND ?
                ORDER BY n.id
                """,
            arguments: [from.description, to.description]
        ).compactMap { row in
            guard let deadline = LocalDate(row["ack_deadline"] as String) else { return nil }
            return AckNoticeFact(
                id: row["id"],
                orgID: row["org_id"],
                title: row["title"],
                author: row["author"],
                deadline: deadline,
                recipients: row["recipient_count"],
                acknowledged: row["acknowledged"]
            )
        }
    }

    func unacknowledged(noticeID: Int64) throws -> [Int64] {
        try Int64.fetchAll(
            db,
            sql: """
                SELECT r.member_id FROM notice_recipient r JOIN member m ON m.id = r.member_id
                WHERE r.notice_id = ? AND r.acknowledged_at IS NULL AND m.status = '在册' ORDER BY r.member_id
                """,
            arguments: [noticeID]
        )
    }

    func unacknowledgedNames(noticeID: Int64, limit: Int) throws -> [String] {
        try String.fetchAll(
            db,
            sql: """
                SELECT m.name FROM notice_recipient r JOIN member m ON m.id = r.member_id
                WHERE r.notice_id = ? AND r.acknowledged_at IS NULL ORDER BY r.member_id LIMIT ?
                """,
            arguments: [noticeID, limit]
        )
    }

    func deadLetters(from: Date, to: Date) throws -> [DeadLetterFact] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT c.id, c.name, c.kind, o.code, count(*) AS count, max(x.last_error) AS last_error
                FROM outbox x JOIN channel c ON c.id = x.channel_id JOIN organization o ON o.id = c.org_id
                WHERE x.state = 'dead' AND (SELECT max(a.at) FROM delivery_attempt a WHERE a.outbox_id = x.id)
                    BETWEEN ? AND ?
                GROUP BY c.id ORDER BY o.path, c.id
                """,
            arguments: [Self.milliseconds(from), Self.milliseconds(to) - 1]
        ).compactMap { row in
            guard let kind = ChannelKind(rawValue: row["kind"]) else { return nil }
            return DeadLetterFact(
                channelID: row["id"],
                channelName: row["name"],
                kind: kind,
                orgCode: row["code"],
                count: row["count"],
                lastError: row["last_error"]
            )
        }
    }
}
