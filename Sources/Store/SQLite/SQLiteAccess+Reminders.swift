import Domain
import Foundation
import GRDB

/// Recorded reminders: found once by their key, sent through system notices, put off by administrators.
extension SQLiteAccess: ReminderReader, ReminderWriter {
    static func reminder(_ row: Row) throws -> Reminder {
        guard let dueOn = LocalDate(row["due_on"] as String),
            let audience = ReminderAudience(rawValue: row["audience"]),
            let state = ReminderState(rawValue: row["state"])
        else {
            throw StoreCorruption(detail: "reminder row \(row["id"] ?? "?") is malformed")
        }
        let finding = ReminderFinding(
            key: ReminderKey(rule: row["rule"], subject: row["subject"], dueOn: dueOn, stage: row["stage"]),
            orgID: row["org_id"],
            audience: audience,
            memberID: row["member_id"],
            urgent: row["urgent"],
            title: row["title"],
            line: row["line"]
        )
        return Reminder(
            id: row["id"],
            finding: finding,
            foundAt: instant(row["found_at"]),
            state: state,
            snoozedUntil: (row["snoozed_until"] as Int64?).map(instant),
            sentAt: (row["sent_at"] as Int64?).map(instant),
            noticeID: row["notice_id"],
            route: (row["route"] as String?).flatMap(ReminderRoute.init)
        )
    }

    func reminder(id: Int64) throws -> Reminder? {
        try Row.fetchOne(db, sql: "SELECT * FROM reminder WHERE id = ?", arguments: [id]).map(Self.reminder)
    }

    func waitingReminders(limit: Int) throws -> [Reminder] {
        try Row.fetchAll(
            db,
            sql: "SELECT * FROM reminder WHERE state IN ('pending', 'snoozed') ORDER BY id LIMIT ?",
            arguments: [limit]
        ).map(Self.reminder)
    }

    func reminders(
        under root: OrgPath?,
        rule: String?,
        states: [ReminderState],
        dueFrom: LocalDate?,
        limit: Int
    )
        throws -> [Reminder]
    {
        var conditions = ["r.state IN (SELECT value FROM json_each(?))"]
        var arguments: StatementArguments = [Self.jsonList(states.map(\.rawValue))]
        if let root {
            let range = Self.subtreeFilter("o.path", root)
            conditions.append(range.sql)
            arguments += range.arguments
        }
        if let rule {
            conditions.append("r.rule = ?")
            arguments += [rule]
        }
        if let dueFrom {
            conditions.append("r.due_on >= ?")
            arguments += [dueFrom.description]
        }
        arguments += [limit]
        return try Row.fetchAll(
            db,
            sql: """
                SELECT r.* FROM reminder r LEFT JOIN organization o ON o.id = r.org_id
                WHERE \(conditions.joined(separator: " AND ")) ORDER BY r.id DESC LIMIT ?
                """,
            arguments: arguments
        ).map(Self.reminder)
    }

    func reminders(keys: [ReminderKey]) throws -> [ReminderKey: Reminder] {
        var found: [ReminderKey: Reminder] = [:]
        let statement = try db.cachedStatement(
            sql: "SELECT * FROM reminder WHERE rule = ? AND subject = ? AND due_on = ? AND stage = ?"
        )
        for key in keys {
            if let row = try Row.fetchOne(
                statement,
                arguments: [key.rule, key.subject, key.dueOn.description, key.stage]
            ) {
                found[key] = try Self.reminder(row)
            }
        }
        return found
    }

    func reminderKeys(rule: String, dueFrom: LocalDate) throws -> Set<String> {
        var keys: Set<String> = []
        let rows = try Row.fetchCursor(
            db,
            sql: "SELECT subject, due_on, stage FROM reminder WHERE rule = ? AND due_on >= ?",
            arguments: [rule, dueFrom.description]
        )
        while let row = try rows.next() {
            let subject: String = row[0]
            let due: String = row[1]
            let stage: String = row[2]
            keys.insert(subject + "|" + due + "|" + stage)
        }
        return keys
    }

    func reminderRuleScans() throws -> [String: ReminderRuleScan] {
        var scans: [String: ReminderRuleScan] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM reminder_rule_state") {
            guard let day = LocalDate(row["last_scan_day"] as String) else { continue }
            scans[row["rule"]] = ReminderRuleScan(
                day: day,
                at: Self.instant(row["last_scan_at"]),
                found: row["last_found"],
                new: row["last_new"],
                durationMilliseconds: row["last_duration_ms"]
            )
        }
        return scans
    }

    func groupChannelCount(orgID: Int64, audience: ChannelAudience) throws -> Int {
        try Int.fetchOne(
            db,
            sql: "SELECT count(*) FROM channel WHERE org_id = ? AND audience = ? AND active = 1 AND kind <> 'smtp'",
            arguments: [orgID, audience.rawValue]
        ) ?? 0
    }

    func mailableAdministrators(of org: Organization) throws -> Int {
        guard try nearestMailServer(org.path) != nil else { return 0 }
        return try Int.fetchOne(
            db,
            sql: """
                SELECT count(*) FROM account
                WHERE role = 'org-admin' AND org_id = ? AND email IS NOT NULL AND email <> ''
                """,
            arguments: [org.id]
        ) ?? 0
    }

    func systemReminderOrgs() throws -> [Organization] {
        try fetchOrganizations(
            """
            SELECT \(Self.organizationColumns) FROM organization o
            WHERE o.parent_id IS NULL AND o.status = 'active' AND EXISTS (
                SELECT 1 FROM channel c WHERE c.org_id = o.id AND c.audience = 'admins' AND c.active = 1
                    AND c.kind <> 'smtp')
            ORDER BY o.path
            """
        )
    }

    func insertReminders(_ findings: [ReminderFinding]) throws -> Int {
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO reminder (rule, subject, due_on, stage, org_id, audience, member_id, urgent, title, line,
                    found_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (rule, subject, due_on, stage) DO NOTHING
                """
        )
        var added = 0
        for finding in findings {
            try statement.execute(arguments: [
                finding.key.rule, finding.key.subject, finding.key.dueOn.description, finding.key.stage,
                finding.orgID, finding.audience.rawValue, finding.memberID, finding.urgent, finding.title,
                finding.line, now,
            ])
            added += db.changesCount
        }
        return added
    }

    func markReminders(_ ids: [Int64], state: ReminderState, noticeID: Int64?, route: ReminderRoute?) throws {
        try db.execute(
            sql: """
                UPDATE reminder SET state = ?, sent_at = ?, notice_id = ?, route = ?, snoozed_until = NULL
                WHERE id IN (SELECT value FROM json_each(?))
                """,
            arguments: [state.rawValue, state == .sent ? now : nil, noticeID, route?.rawValue, Self.jsonList(ids)]
        )
    }

    func snoozeReminder(_ id: Int64, until: Date) throws {
        try db.execute(
            sql:
                "UPDATE reminder SET state = 'snoozed', snoozed_until = ? WHERE id = ? AND state IN ('pending', 'snoozed')",
            arguments: [Self.milliseconds(until), id]
        )
    }

    func recordReminderScan(rule: String, scan: ReminderRuleScan) throws {
        try db.execute(
            sql: """
                INSERT INTO reminder_rule_state (rule, last_scan_day, last_scan_at, last_found, last_new, last_duration_ms)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (rule) DO UPDATE SET last_scan_day = excluded.last_scan_day,
                    last_scan_at = excluded.last_scan_at, last_found = excluded.last_found,
                    last_new = excluded.last_new, last_duration_ms = excluded.last_duration_ms
                """,
            arguments: [
                rule, scan.day.description, Self.milliseconds(scan.at), scan.found, scan.new,
                scan.durationMilliseconds,
            ]
        )
    }

    func publishReminderNotice(
        _ notice: Notice,
        orgPath: OrgPath,
        memberIDs: [Int64],
        channels: ChannelAudience?,
        mailAdministrators: Bool
    ) throws -> Notice {
        var draft = notice
        draft.state = .published
        draft.subtree = false
        draft.addressees = channels == .admins ? .admins : .members
        var created = try createNotice(NewNotice(notice: draft, orgPath: orgPath, namedMemberIDs: memberIDs))
        try db.execute(
            sql: """
                INSERT INTO notice_recipient (notice_id, member_id, org_id)
                SELECT ?, m.id, m.org_id FROM member m
                WHERE m.id IN (SELECT value FROM json_each(?)) AND m.status = '在册'
                """,
            arguments: [created.id, Self.jsonList(memberIDs)]
        )
        created.recipientCount = db.changesCount
        try db.execute(
            sql: "UPDATE notice SET state = 'published', published_at = ?, recipient_count = ? WHERE id = ?",
            arguments: [now, created.recipientCount, created.id]
        )
        created.publishedAt = Self.instant(now)
        if let channels {
            try db.execute(
                sql: """
                    INSERT INTO outbox (notice_id, channel_id, next_attempt_at, created_at)
                    SELECT ?, c.id, ?, ? FROM channel c
                    WHERE c.org_id = ? AND c.active = 1 AND c.kind <> 'smtp' AND c.audience = ?
                    """,
                arguments: [created.id, now, now, created.orgID, channels.rawValue]
            )
        }
        if mailAdministrators, let mailServer = try nearestMailServer(orgPath) {
            try db.execute(
                sql: """
                    INSERT INTO outbox (notice_id, channel_id, address, address_name, next_attempt_at, created_at)
                    SELECT ?, ?, email, unix_user, ?, ? FROM account
                    WHERE role = 'org-admin' AND org_id = ? AND email IS NOT NULL AND email <> ''
                    ORDER BY unix_user
                    """,
                arguments: [created.id, mailServer, now, now, created.orgID]
            )
        }
        if created.recipientCount > 0, let mailServer = try nearestMailServer(orgPath) {
            try db.execute(
                sql: """
                    INSERT INTO outbox (notice_id, channel_id, member_id, next_attempt_at, created_at)
                    SELECT r.notice_id, ?, r.member_id, ?, ? FROM notice_recipient r JOIN member m ON m.id = r.member_id
                    WHERE r.notice_id = ? AND m.email IS NOT NULL AND m.email <> ''
                    """,
                arguments: [mailServer, now, now, created.id]
            )
        }
        return created
    }
}
