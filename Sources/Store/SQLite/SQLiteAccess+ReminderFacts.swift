import Domain
import Foundation
import GRDB

/// The facts the reminder rules scan: each one statement over the indexed columns, cheap enough to run for the
/// whole city every day.
extension SQLiteAccess: ReminderFactReader {
    func memberDates(_ column: MemberDateColumn, like pattern: String) throws -> [MemberDateFact] {
        let date = column.rawValue
        // The patterns the rules use, a day (`%-MM-DD`) or a month (`%-MM-%`), also as a condition on `MM-DD` that
        // v15's indexes answer; the LIKE stays, so the result is the same whatever the pattern.
        var monthDay = ""
        var arguments: StatementArguments = [pattern]
        if let (month, day) = Self.monthDayPattern(pattern) {
            if let day {
                monthDay = "AND substr(\(date), 6) = ?"
                arguments += [month + "-" + day]
            } else {
                monthDay = "AND substr(\(date), 6) >= ? AND substr(\(date), 6) < ?"
                arguments += [month + "-", month + "."]
            }
        }
        let probation = column == .probationStart ? "AND category = '预备党员'" : ""
        var facts: [MemberDateFact] = []
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT id, name, org_id, \(date) FROM member
                WHERE status = '在册' AND \(date) LIKE ? \(monthDay) \(probation)
                ORDER BY org_id, id
                """,
            arguments: arguments
        )
        // Positional columns and a direct parse of the stored `YYYY-MM-DD`: a month's birthdays are tens of
        // thousands of rows.
        while let row = try rows.next() {
            guard let date = Self.storedDate(row[3]) else { continue }
            facts.append(MemberDateFact(memberID: row[0], name: row[1], orgID: row[2], date: date))
        }
        return facts
    }

    /// `("11", "24")` for `%-11-24`, `("11", nil)` for `%-11-%`, nil for any other pattern.
    static func monthDayPattern(_ pattern: String) -> (month: String, day: String?)? {
        let bytes = Array(pattern.utf8)
        let digit = { (index: Int) in bytes[index] >= 0x30 && bytes[index] <= 0x39 }
        guard bytes.count == 6 || bytes.count == 7, bytes[0] == 0x25, bytes[1] == 0x2D, digit(2), digit(3),
            bytes[4] == 0x2D
        else { return nil }
        let month = String(decoding: bytes[2...3], as: UTF8.self)
        if bytes.count == 6 { return bytes[5] == 0x25 ? (month, nil) : nil }
        return digit(5) && digit(6) ? (month, String(decoding: bytes[5...6], as: UTF8.self)) : nil
    }

    /// A date as the store writes it, `YYYY-MM-DD`, read without the general parser; anything else through it.
    static func storedDate(_ text: String) -> LocalDate? {
        let bytes = text.utf8
        guard bytes.count == 10 else { return LocalDate(text) }
        var year = 0
        var month = 0
        var day = 0
        for (index, byte) in bytes.enumerated() {
            if index == 4 || index == 7 {
                guard byte == 0x2D else { return LocalDate(text) }
                continue
            }
            guard byte >= 0x30, byte <= 0x39 else { return LocalDate(text) }
            let digit = Int(byte - 0x30)
            if index < 4 {
                year = year * 10 + digit
            } else if index < 7 {
                month = month * 10 + digit
            } else {
                day = day * 10 + digit
            }
        }
        return LocalDate(year: year, month: month, day: day)
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
