import Domain
import Foundation
import GRDB

/// A notice's life in the store: created (scheduled or about to go out), released to its audience, edited or
/// cancelled while scheduled, retracted once out.
extension SQLiteAccess {
    func createNotice(_ new: NewNotice) throws -> Notice {
        var notice = new.notice
        try db.execute(
            sql: """
                INSERT INTO notice (kind, title, body, org_id, subtree, category, flag, priority, author, published_at,
                    ack_required, ack_deadline, expires_on, state, addressees, named_members)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                notice.kind.rawValue, notice.title, notice.body, notice.orgID, notice.subtree,
                notice.category?.rawValue, notice.flag?.rawValue, notice.priority.rawValue, notice.author,
                Self.milliseconds(notice.publishedAt), notice.ackRequired, notice.ackDeadline?.description,
                notice.expiresOn?.description, notice.state.rawValue, notice.addressees.rawValue,
                !new.namedMemberIDs.isEmpty,
            ]
        )
        notice.id = db.lastInsertedRowID
        notice.namedMembers = !new.namedMemberIDs.isEmpty
        try db.execute(
            sql: "INSERT INTO notice_addressee (notice_id, member_id) SELECT ?, value FROM json_each(?)",
            arguments: [notice.id, Self.jsonList(new.namedMemberIDs)]
        )
        return notice
    }

    func releaseNotice(_ notice: Notice, orgPath: OrgPath) throws -> Notice {
        var notice = notice
        notice.state = .published
        notice.publishedAt = Self.instant(now)
        if notice.addressees.includesMembers {
            try insertRecipients(of: notice, orgPath: orgPath)
            notice.recipientCount = db.changesCount
        }
        try db.execute(
            sql: "UPDATE notice SET state = 'published', published_at = ?, recipient_count = ? WHERE id = ?",
            arguments: [now, notice.recipientCount, notice.id]
        )
        // The outbox in the same transaction: one row for each active group channel of the organizations the
        // notice addresses (the publishing one, or its whole subtree; for named members, the publishing one),
        // the members' groups and/or the committees' groups, due at once.
        let scope: (sql: String, arguments: StatementArguments) =
            notice.subtree && !notice.namedMembers
            ? Self.subtreeFilter("o.path", orgPath) : ("o.id = ?", [notice.orgID])
        let audiences = [
            notice.addressees.includesMembers ? ChannelAudience.members : nil,
            notice.addressees.includesAdmins ? ChannelAudience.admins : nil,
        ].compactMap { $0?.rawValue }
        try db.execute(
            sql: """
                INSERT INTO outbox (notice_id, channel_id, next_attempt_at, created_at)
                SELECT ?, c.id, ?, ? FROM channel c JOIN organization o ON o.id = c.org_id
                WHERE c.active = 1 AND c.kind <> 'smtp' AND c.audience IN (SELECT value FROM json_each(?))
                    AND \(scope.sql)
                """,
            arguments: [notice.id, now, now, Self.jsonList(audiences)] + scope.arguments
        )
        guard notice.addressees.includesMembers, let mailServer = try nearestMailServer(orgPath) else { return notice }
        // E-mail: through the nearest mail server at or above the publishing organization, one row for each
        // addressed member whose roster record has an address.
        try db.execute(
            sql: """
                INSERT INTO outbox (notice_id, channel_id, member_id, next_attempt_at, created_at)
                SELECT r.notice_id, ?, r.member_id, ?, ? FROM notice_recipient r JOIN member m ON m.id = r.member_id
                WHERE r.notice_id = ? AND m.email IS NOT NULL AND m.email <> ''
                """,
            arguments: [mailServer, now, now, notice.id]
        )
        return notice
    }

    /// The whole audience in one statement: the members on the roll of the organization (or its subtree),
    /// narrowed by category and flag, or the members named one by one who are still on the roll, each with the
    /// branch they are in now.
    private func insertRecipients(of notice: Notice, orgPath: OrgPath) throws {
        var conditions = ["m.status = '在册'"]
        var arguments: StatementArguments = [notice.id]
        if notice.namedMembers {
            conditions.append("m.id IN (SELECT member_id FROM notice_addressee WHERE notice_id = ?)")
            arguments += [notice.id]
        } else if notice.subtree {
            let range = Self.subtreeFilter("o.path", orgPath)
            conditions.append(range.sql)
            arguments += range.arguments
        } else {
            conditions.append("m.org_id = ?")
            arguments += [notice.orgID]
        }
        if let category = notice.category {
            conditions.append("m.category = ?")
            arguments += [category.rawValue]
        }
        if let flag = notice.flag {
            conditions.append("m.flags LIKE ?")
            arguments += ["%\"\(flag.rawValue)\"%"]
        }
        try db.execute(
            sql: """
                INSERT INTO notice_recipient (notice_id, member_id, org_id)
                SELECT ?, m.id, m.org_id FROM member m JOIN organization o ON o.id = m.org_id
                WHERE \(conditions.joined(separator: " AND "))
                """,
            arguments: arguments
        )
    }

    func nearestMailServer(_ orgPath: OrgPath) throws -> Int64? {
        try Int64.fetchOne(
            db,
            sql: """
                SELECT c.id FROM channel c JOIN organization o ON o.id = c.org_id
                WHERE c.kind = 'smtp' AND c.active = 1 AND c.org_id IN (SELECT value FROM json_each(?))
                ORDER BY o.depth DESC, c.id LIMIT 1
                """,
            arguments: [Self.jsonList(orgPath.ids)]
        )
    }

    func namedAddressees(of noticeID: Int64) throws -> [Int64] {
        try Int64.fetchAll(
            db,
            sql: "SELECT member_id FROM notice_addressee WHERE notice_id = ? ORDER BY member_id",
            arguments: [noticeID]
        )
    }

    func scheduledNotices(dueBy instant: Date, limit: Int) throws -> [Notice] {
        try Row.fetchAll(
            db,
            sql:
                "SELECT * FROM notice WHERE state = 'scheduled' AND published_at <= ? ORDER BY published_at, id LIMIT ?",
            arguments: [Self.milliseconds(instant), limit]
        ).map(Self.notice)
    }

    func updateScheduledNotice(_ notice: Notice) throws {
        try db.execute(
            sql: """
                UPDATE notice SET title = ?, body = ?, priority = ?, published_at = ?, ack_required = ?,
                    ack_deadline = ?, expires_on = ?
                WHERE id = ? AND state = 'scheduled'
                """,
            arguments: [
                notice.title, notice.body, notice.priority.rawValue, Self.milliseconds(notice.publishedAt),
                notice.ackRequired, notice.ackDeadline?.description, notice.expiresOn?.description, notice.id,
            ]
        )
    }

    func cancelScheduledNotice(_ noticeID: Int64) throws {
        try db.execute(
            sql: "UPDATE notice SET state = 'cancelled' WHERE id = ? AND state = 'scheduled'",
            arguments: [noticeID]
        )
    }

    func retractNotice(_ noticeID: Int64, reason: String) throws -> (dropped: Int, announced: Int) {
        try db.execute(
            sql: """
                UPDATE notice SET state = 'retracted', retracted_at = ?, retract_reason = ?
                WHERE id = ? AND state = 'published'
                """,
            arguments: [now, reason, noticeID]
        )
        try db.execute(
            sql:
                "UPDATE outbox SET state = 'cancelled', last_error = '通知已撤回' WHERE notice_id = ? AND state = 'pending'",
            arguments: [noticeID]
        )
        let dropped = db.changesCount
        // The groups that were told are told it is withdrawn (a robot's message cannot be recalled); members'
        // inboxes no longer show it, and e-mail cannot be recalled either, so members are not written to again.
        try db.execute(
            sql: """
                INSERT INTO outbox (notice_id, channel_id, purpose, next_attempt_at, created_at)
                SELECT DISTINCT x.notice_id, x.channel_id, 'retraction', ?, ?
                FROM outbox x JOIN channel c ON c.id = x.channel_id
                WHERE x.notice_id = ? AND x.member_id IS NULL AND x.address IS NULL AND x.purpose = 'notice' AND x.state = 'sent'
                    AND c.active = 1
                """,
            arguments: [now, now, noticeID]
        )
        return (dropped, db.changesCount)
    }

    /// A JSON array of numbers, for `json_each`.
    static func jsonList(_ values: [Int64]) -> String {
        "[" + values.map(String.init).joined(separator: ",") + "]"
    }

    /// A JSON array of plain words (no quotes or backslashes inside), for `json_each`.
    static func jsonList(_ words: [String]) -> String {
        "[" + words.map { "\"\($0)\"" }.joined(separator: ",") + "]"
    }
}
