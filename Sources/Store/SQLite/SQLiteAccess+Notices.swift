import Domain
import Foundation
import GRDB

extension SQLiteAccess {
    static func notice(_ row: Row) throws -> Notice {
        let kindText: String = row["kind"]
        let priorityText: String = row["priority"]
        guard let kind = NoticeKind(rawValue: kindText), let priority = NoticePriority(rawValue: priorityText) else {
            throw StoreCorruption(detail: "notice row \(row["id"] ?? "?")")
        }
        return Notice(
            id: row["id"],
            kind: kind,
            title: row["title"],
            body: row["body"],
            orgID: row["org_id"],
            subtree: row["subtree"],
            category: (row["category"] as String?).flatMap(MemberCategory.init(rawValue:)),
            flag: (row["flag"] as String?).flatMap(MemberFlag.init(rawValue:)),
            priority: priority,
            author: row["author"],
            publishedAt: instant(row["published_at"]),
            ackRequired: row["ack_required"],
            ackDeadline: (row["ack_deadline"] as String?).flatMap(LocalDate.init),
            expiresOn: (row["expires_on"] as String?).flatMap(LocalDate.init),
            recipientCount: row["recipient_count"]
        )
    }

    static func recipientState(_ row: Row) -> NoticeRecipientState {
        NoticeRecipientState(
            memberID: row["member_id"],
            memberName: row["member_name"],
            orgID: row["org_id"],
            readAt: (row["read_at"] as Int64?).map(instant),
            acknowledgedAt: (row["acknowledged_at"] as Int64?).map(instant)
        )
    }

    func notice(id: Int64) throws -> Notice? {
        try Row.fetchOne(db, sql: "SELECT * FROM notice WHERE id = ?", arguments: [id]).map(Self.notice)
    }

    func notices(under root: OrgPath?, before: Int64?, limit: Int) throws -> [Notice] {
        let filter = Self.subtreeFilter("o.path", root)
        return try Row.fetchAll(
            db,
            sql: """
                SELECT n.* FROM notice n JOIN organization o ON o.id = n.org_id
                WHERE \(filter.sql) AND n.id < ? ORDER BY n.id DESC LIMIT ?
                """,
            arguments: filter.arguments + [before ?? Int64.max, limit]
        ).map(Self.notice)
    }

    func noticeCounts(_ noticeID: Int64) throws -> [NoticeOrgCounts] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT org_id, COUNT(*) AS recipients, COUNT(read_at) AS read, COUNT(acknowledged_at) AS acknowledged
                FROM notice_recipient WHERE notice_id = ? GROUP BY org_id
                """,
            arguments: [noticeID]
        ).map {
            NoticeOrgCounts(
                orgID: $0["org_id"],
                recipients: $0["recipients"],
                read: $0["read"],
                acknowledged: $0["acknowledged"]
            )
        }
    }

    func outstandingRecipients(
        _ noticeID: Int64,
        acknowledgement: Bool,
        limit: Int
    ) throws -> (recipients: [NoticeRecipientState], total: Int) {
        let pending = acknowledgement ? "r.acknowledged_at IS NULL" : "r.read_at IS NULL"
        let total =
            try Int.fetchOne(
                db,
                sql: "SELECT COUNT(*) FROM notice_recipient r WHERE r.notice_id = ? AND \(pending)",
                arguments: [noticeID]
            ) ?? 0
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT r.*, m.name AS member_name FROM notice_recipient r JOIN member m ON m.id = r.member_id
                JOIN organization o ON o.id = r.org_id
                WHERE r.notice_id = ? AND \(pending) ORDER BY o.path, m.name, m.id LIMIT ?
                """,
            arguments: [noticeID, limit]
        )
        return (rows.map(Self.recipientState), total)
    }

    func inbox(memberID: Int64, before: Int64?, limit: Int) throws -> [(Notice, NoticeRecipientState)] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT n.*, r.member_id, r.org_id AS recipient_org_id, r.read_at, r.acknowledged_at,
                    m.name AS member_name
                FROM notice_recipient r JOIN notice n ON n.id = r.notice_id JOIN member m ON m.id = r.member_id
                WHERE r.member_id = ? AND r.notice_id < ? ORDER BY r.notice_id DESC LIMIT ?
                """,
            arguments: [memberID, before ?? Int64.max, limit]
        ).map { row in
            var state = Self.recipientState(row)
            state.orgID = row["recipient_org_id"]
            return (try Self.notice(row), state)
        }
    }

    func recipientState(_ noticeID: Int64, memberID: Int64) throws -> NoticeRecipientState? {
        try Row.fetchOne(
            db,
            sql: """
                SELECT r.*, m.name AS member_name FROM notice_recipient r JOIN member m ON m.id = r.member_id
                WHERE r.notice_id = ? AND r.member_id = ?
                """,
            arguments: [noticeID, memberID]
        ).map(Self.recipientState)
    }

    func publishNotice(_ new: NewNotice) throws -> Notice {
        var notice = new.notice
        try db.execute(
            sql: """
                INSERT INTO notice (kind, title, body, org_id, subtree, category, flag, priority, author, published_at,
                    ack_required, ack_deadline, expires_on)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                notice.kind.rawValue, notice.title, notice.body, notice.orgID, notice.subtree,
                notice.category?.rawValue, notice.flag?.rawValue, notice.priority.rawValue, notice.author, now,
                notice.ackRequired, notice.ackDeadline?.description, notice.expiresOn?.description,
            ]
        )
        notice.id = db.lastInsertedRowID
        // The whole audience in one statement: the members on the roll of the organization (or its subtree),
        // narrowed by category and flag, each with the branch they are in now.
        var conditions = ["m.status = '在册'"]
        var arguments: StatementArguments = [notice.id]
        if notice.subtree {
            let range = Self.subtreeFilter("o.path", new.orgPath)
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
        notice.recipientCount = db.changesCount
        try db.execute(
            sql: "UPDATE notice SET recipient_count = ? WHERE id = ?",
            arguments: [notice.recipientCount, notice.id]
        )
        // The outbox in the same transaction: one row for each active members' channel of the organizations the
        // notice addresses (the publishing one, or its whole subtree), due at once.
        let scope: (sql: String, arguments: StatementArguments) =
            notice.subtree ? Self.subtreeFilter("o.path", new.orgPath) : ("o.id = ?", [notice.orgID])
        try db.execute(
            sql: """
                INSERT INTO outbox (notice_id, channel_id, next_attempt_at, created_at)
                SELECT ?, c.id, ?, ? FROM channel c JOIN organization o ON o.id = c.org_id
                WHERE c.active = 1 AND c.audience = 'members' AND c.kind <> 'smtp' AND \(scope.sql)
                """,
            arguments: [notice.id, now, now] + scope.arguments
        )
        // E-mail: through the nearest mail server configured at or above the publishing organization, one row
        // for each addressed member whose roster record has an address.
        let ancestors = "[" + new.orgPath.ids.map(String.init).joined(separator: ",") + "]"
        if let mailServer = try Int64.fetchOne(
            db,
            sql: """
                SELECT c.id FROM channel c JOIN organization o ON o.id = c.org_id
                WHERE c.kind = 'smtp' AND c.active = 1 AND c.org_id IN (SELECT value FROM json_each(?))
                ORDER BY o.depth DESC, c.id LIMIT 1
                """,
            arguments: [ancestors]
        ) {
            try db.execute(
                sql: """
                    INSERT INTO outbox (notice_id, channel_id, member_id, next_attempt_at, created_at)
                    SELECT r.notice_id, ?, r.member_id, ?, ? FROM notice_recipient r JOIN member m ON m.id = r.member_id
                    WHERE r.notice_id = ? AND m.email IS NOT NULL AND m.email <> ''
                    """,
                arguments: [mailServer, now, now, notice.id]
            )
        }
        notice.publishedAt = Self.instant(now)
        return notice
    }

    func markNoticeRead(_ noticeID: Int64, memberID: Int64) throws {
        try db.execute(
            sql: "UPDATE notice_recipient SET read_at = ? WHERE notice_id = ? AND member_id = ? AND read_at IS NULL",
            arguments: [now, noticeID, memberID]
        )
    }

    func markNoticeAcknowledged(_ noticeID: Int64, memberID: Int64) throws {
        try db.execute(
            sql: """
                UPDATE notice_recipient SET acknowledged_at = ?, read_at = COALESCE(read_at, ?)
                WHERE notice_id = ? AND member_id = ? AND acknowledged_at IS NULL
                """,
            arguments: [now, now, noticeID, memberID]
        )
    }
}
