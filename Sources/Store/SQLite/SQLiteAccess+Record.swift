import Domain
import GRDB

extension SQLiteAccess {
    /// Writes a change's audit entry and history lines, by `actor` at the transaction's instant.
    func record<T>(_ change: Change<T>, audit: AuditNote, by actor: Principal) throws {
        let history = try db.cachedStatement(
            sql: "INSERT INTO org_history (org_id, org_code, at, actor, action, summary) VALUES (?, ?, ?, ?, ?, ?)"
        )
        for line in change.orgHistory {
            try history.execute(arguments: [line.orgID, line.code, now, actor.displayName, line.action, line.summary])
        }
        let memberHistory = try db.cachedStatement(
            sql: "INSERT INTO member_history (member_id, org_id, at, actor, action, summary) VALUES (?, ?, ?, ?, ?, ?)"
        )
        for line in change.memberHistory {
            try memberHistory.execute(arguments: [
                line.memberID, line.orgID, now, actor.displayName, line.action, line.summary,
            ])
        }
        try db.execute(
            sql: """
                INSERT INTO audit (at, actor_kind, actor_id, actor, method, target, org_id, summary)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                now, actor.kind, actor.id, actor.displayName, audit.method, audit.target, audit.orgID, audit.summary,
            ]
        )
    }
}
