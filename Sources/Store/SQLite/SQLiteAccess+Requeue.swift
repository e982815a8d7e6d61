import Domain
import Foundation
import GRDB

extension SQLiteAccess: OutboxRequeuer {
    func requeueDeadDeliveries(_ ids: [Int64]?, under root: OrgPath?) throws -> Int {
        let filter = Self.subtreeFilter("o.path", root)
        var sql = """
            UPDATE outbox SET state = 'pending', attempts = 0, next_attempt_at = ?, last_error = NULL
            WHERE state = 'dead' AND channel_id IN (
                SELECT c.id FROM channel c JOIN organization o ON o.id = c.org_id WHERE c.active = 1 AND \(filter.sql))
            """
        var arguments: StatementArguments = [now] + filter.arguments
        if let ids {
            sql += " AND id IN (SELECT value FROM json_each(?))"
            arguments += ["[" + ids.map(String.init).joined(separator: ",") + "]"]
        }
        try db.execute(sql: sql, arguments: arguments)
        return db.changesCount
    }

    func mailServer(of noticeID: Int64) throws -> Int64? {
        try Int64.fetchOne(
            db,
            sql: """
                SELECT x.channel_id FROM outbox x JOIN channel c ON c.id = x.channel_id
                WHERE x.notice_id = ? AND c.kind = 'smtp' AND c.active = 1 LIMIT 1
                """,
            arguments: [noticeID]
        )
    }

    func resendNotice(_ notice: Notice, mailServer: Int64?, acknowledgement: Bool) throws -> Int {
        try db.execute(
            sql: """
                INSERT INTO outbox (notice_id, channel_id, next_attempt_at, created_at)
                SELECT DISTINCT x.notice_id, x.channel_id, ?, ? FROM outbox x JOIN channel c ON c.id = x.channel_id
                WHERE x.notice_id = ? AND x.member_id IS NULL AND x.address IS NULL AND x.purpose = 'notice'
                    AND c.active = 1
                """,
            arguments: [now, now, notice.id]
        )
        var written = db.changesCount
        if let mailServer {
            let pending = acknowledgement ? "r.acknowledged_at IS NULL" : "r.read_at IS NULL"
            try db.execute(
                sql: """
                    INSERT INTO outbox (notice_id, channel_id, member_id, next_attempt_at, created_at)
                    SELECT r.notice_id, ?, r.member_id, ?, ? FROM notice_recipient r JOIN member m ON m.id = r.member_id
                    WHERE r.notice_id = ? AND \(pending) AND m.email IS NOT NULL AND m.email <> ''
                    """,
                arguments: [mailServer, now, now, notice.id]
            )
            written += db.changesCount
        }
        return written
    }
}
