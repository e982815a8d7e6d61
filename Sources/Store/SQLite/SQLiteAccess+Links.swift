import Domain
import Foundation
import GRDB

extension SQLiteAccess: LinkReader, LinkWriter {
    func linkUse(tokenID: String) throws -> LinkUse? {
        try Row.fetchOne(db, sql: "SELECT * FROM member_link_use WHERE token_id = ?", arguments: [tokenID]).flatMap {
            row in
            let kind: String = row["subject_kind"]
            guard let code = LinkSubject.Kind.allCases.first(where: { $0.word == kind }),
                let subject = LinkSubject(kind: code.rawValue, id: row["subject_id"])
            else { return nil }
            return LinkUse(
                tokenID: row["token_id"],
                memberID: row["member_id"],
                subject: subject,
                action: row["action"],
                usedAt: Self.instant(row["used_at"]),
                expiresAt: Self.instant(row["expires_at"])
            )
        }
    }

    func noticeRecipients(
        _ noticeID: Int64,
        under root: OrgPath?,
        limit: Int
    ) throws -> (recipients: [NoticeRecipientState], total: Int) {
        let filter = Self.subtreeFilter("o.path", root)
        let from = """
            FROM notice_recipient r JOIN member m ON m.id = r.member_id JOIN organization o ON o.id = r.org_id
            WHERE r.notice_id = ? AND \(filter.sql)
            """
        let arguments: StatementArguments = [noticeID] + filter.arguments
        let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) \(from)", arguments: arguments) ?? 0
        let rows = try Row.fetchAll(
            db,
            sql: "SELECT r.*, m.name AS member_name \(from) ORDER BY o.path, m.name, m.id LIMIT ?",
            arguments: arguments + [limit]
        )
        return (rows.map(Self.recipientState), total)
    }

    func recordLinkUse(_ use: LinkUse) throws {
        try db.execute(sql: "DELETE FROM member_link_use WHERE expires_at < ?", arguments: [now])
        try db.execute(
            sql: """
                INSERT INTO member_link_use (token_id, member_id, subject_kind, subject_id, action, used_at,
                    expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                use.tokenID, use.memberID, use.subject.kind.word, use.subject.recordID, use.action,
                Self.milliseconds(use.usedAt), Self.milliseconds(use.expiresAt),
            ]
        )
    }
}
