import Domain
import Foundation
import GRDB

extension SQLiteAccess {
    static func notice(_ row: Row) throws -> Notice {
        let kindText: String = row["kind"]
        let priorityText: String = row["priority"]
        let stateText: String = row["state"]
        let addresseesText: String = row["addressees"]
        guard let kind = NoticeKind(rawValue: kindText), let priority = NoticePriority(rawValue: priorityText),
            let state = NoticeState(rawValue: stateText), let addressees = NoticeAddressees(rawValue: addresseesText)
        else {
            throw StoreCorruption(detail: "notice row \(row["id"] ?? "?")")
        }
        let retractedAt: Int64? = row["retracted_at"]
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
            recipientCount: row["recipient_count"],
            state: state,
            addressees: addressees,
            namedMembers: row["named_members"],
            retraction: retractedAt.map { Notice.Retraction(at: instant($0), reason: row["retract_reason"] ?? "") }
        )
    }

    static func recipientState(_ row: Row) -> NoticeRecipientState {
        NoticeRecipientState(
            memberID: row["member_id"],
            memberName: row["member_name"],
            orgID: row["org_id"],
            readAt: (row["read_at"] as Int64?).map(instant),
            acknowledgedAt: (row["acknowledged_at"] as Int64?).map(instant),
            readVia: (row["read_via"] as String?).flatMap(ReceiptChannel.init(rawValue:)),
            acknowledgedVia: (row["acknowledged_via"] as String?).flatMap(ReceiptChannel.init(rawValue:))
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
                SELECT n.*, r.member_id, r.org_id AS recipient_org_id, r.read_at, r.acknowledged_at, r.read_via,
                    r.acknowledged_via,
                    m.name AS member_name
                FROM notice_recipient r JOIN notice n ON n.id = r.notice_id JOIN member m ON m.id = r.member_id
                WHERE r.member_id = ? AND r.notice_id < ? AND n.state = 'published'
                ORDER BY r.notice_id DESC LIMIT ?
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

    func noticeChannelCounts(_ noticeID: Int64) throws -> [NoticeChannelCounts] {
        var counts: [ReceiptChannel: NoticeChannelCounts] = [:]
        for (column, isRead) in [("read_via", true), ("acknowledged_via", false)] {
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT \(column) AS channel, COUNT(*) AS count FROM notice_recipient
                    WHERE notice_id = ? AND \(column) IS NOT NULL GROUP BY \(column)
                    """,
                arguments: [noticeID]
            )
            for row in rows {
                guard let channel = ReceiptChannel(rawValue: row["channel"]) else { continue }
                var line = counts[channel] ?? NoticeChannelCounts(channel: channel, read: 0, acknowledged: 0)
                if isRead { line.read = row["count"] } else { line.acknowledged = row["count"] }
                counts[channel] = line
            }
        }
        return ReceiptChannel.allCases.compactMap { counts[$0] }
    }

    func markNoticeRead(_ noticeID: Int64, memberID: Int64, via channel: ReceiptChannel) throws {
        try db.execute(
            sql: """
                UPDATE notice_recipient SET read_at = ?, read_via = ?
                WHERE notice_id = ? AND member_id = ? AND read_at IS NULL
                """,
            arguments: [now, channel.rawValue, noticeID, memberID]
        )
    }

    func markNoticeAcknowledged(_ noticeID: Int64, memberID: Int64, via channel: ReceiptChannel) throws {
        try db.execute(
            sql: """
                UPDATE notice_recipient SET acknowledged_at = ?, acknowledged_via = ?,
                    read_via = CASE WHEN read_at IS NULL THEN ? ELSE read_via END, read_at = COALESCE(read_at, ?)
                WHERE notice_id = ? AND member_id = ? AND acknowledged_at IS NULL
                """,
            arguments: [now, channel.rawValue, channel.rawValue, now, noticeID, memberID]
        )
    }
}
