import Domain
import GRDB

extension SQLiteAccess {
    private static func account(_ row: Row) throws -> Account {
        let roleText: String = row["role"]
        guard let role = Role(rawValue: roleText) else { throw StoreCorruption(detail: "account role \(roleText)") }
        return Account(
            unixUser: row["unix_user"],
            role: role,
            orgID: row["org_id"],
            memberID: row["member_id"],
            createdAt: instant(row["created_at"]),
            email: row["email"]
        )
    }

    func account(unixUser: String) throws -> Account? {
        try Row.fetchOne(db, sql: "SELECT * FROM account WHERE unix_user = ?", arguments: [unixUser]).map(Self.account)
    }

    func accounts() throws -> [Account] {
        try Row.fetchAll(db, sql: "SELECT * FROM account ORDER BY unix_user").map(Self.account)
    }

    func insertAccount(_ account: Account) throws {
        try db.execute(
            sql:
                "INSERT INTO account (unix_user, role, org_id, member_id, created_at, email) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [
                account.unixUser, account.role.rawValue, account.orgID, account.memberID,
                Self.milliseconds(account.createdAt), account.email,
            ]
        )
    }

    func setAccountEmail(unixUser: String, email: String?) throws {
        try db.execute(sql: "UPDATE account SET email = ? WHERE unix_user = ?", arguments: [email, unixUser])
    }

    func deleteAccount(unixUser: String) throws -> Bool {
        try db.execute(sql: "DELETE FROM account WHERE unix_user = ?", arguments: [unixUser])
        return db.changesCount > 0
    }

    func auditEntries(under scope: OrgPath?, before: Int64?, limit: Int) throws -> [StoredAuditEntry] {
        var sql = "SELECT a.* FROM audit a"
        var arguments: StatementArguments = []
        var conditions: [String] = []
        if let scope {
            let filter = Self.subtreeFilter("o.path", scope)
            sql += " JOIN organization o ON o.id = a.org_id"
            conditions.append(filter.sql)
            arguments += filter.arguments
        }
        if let before {
            conditions.append("a.id < ?")
            arguments += [before]
        }
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        sql += " ORDER BY a.id DESC LIMIT ?"
        arguments += [limit]
        return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
            StoredAuditEntry(
                id: row["id"],
                record: AuditRecord(
                    at: Self.instant(row["at"]),
                    actorKind: row["actor_kind"],
                    actorID: row["actor_id"],
                    actor: row["actor"],
                    method: row["method"],
                    target: row["target"],
                    orgID: row["org_id"],
                    summary: row["summary"]
                )
            )
        }
    }

    func counts(under root: OrgPath?) throws -> StoreCounts {
        let filter = Self.subtreeFilter("path", root)
        let row = try Row.fetchOne(
            db,
            sql: """
                SELECT COUNT(*) FILTER (WHERE status = 'active') AS active,
                       COUNT(*) FILTER (WHERE status = 'revoked') AS revoked
                FROM organization WHERE \(filter.sql)
                """,
            arguments: filter.arguments
        )
        let memberFilter = Self.subtreeFilter("o.path", root)
        let members =
            try Int.fetchOne(
                db,
                sql: """
                    SELECT COUNT(*) FROM member m JOIN organization o ON o.id = m.org_id
                    WHERE m.status = '在册' AND \(memberFilter.sql)
                    """,
                arguments: memberFilter.arguments
            ) ?? 0
        // An account belongs where its scope is: an org-admin's or auditor's organization, a member's branch;
        // system administrators' accounts belong to no subtree and are counted only over everything.
        let accounts: Int
        if root == nil {
            accounts = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM account") ?? 0
        } else {
            let accountFilter = Self.subtreeFilter("o.path", root)
            accounts =
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT COUNT(*) FROM account a LEFT JOIN member m ON m.id = a.member_id
                        JOIN organization o ON o.id = COALESCE(a.org_id, m.org_id)
                        WHERE \(accountFilter.sql)
                        """,
                    arguments: accountFilter.arguments
                ) ?? 0
        }
        return StoreCounts(
            organizations: row?["active"] ?? 0,
            revokedOrganizations: row?["revoked"] ?? 0,
            members: members,
            accounts: accounts
        )
    }
}
