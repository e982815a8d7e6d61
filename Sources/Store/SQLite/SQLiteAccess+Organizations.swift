import Domain
import GRDB

extension SQLiteAccess {
    func organization(code: String) throws -> Organization? {
        try fetchOrganizations("SELECT \(Self.organizationColumns) FROM organization WHERE code = ?", [code]).first
    }

    func organization(id: Int64) throws -> Organization? {
        try fetchOrganizations("SELECT \(Self.organizationColumns) FROM organization WHERE id = ?", [id]).first
    }

    func codes(of ids: Set<Int64>) throws -> [Int64: String] {
        guard !ids.isEmpty else { return [:] }
        var result: [Int64: String] = [:]
        let rows = try Row.fetchCursor(
            db,
            sql: "SELECT id, code FROM organization WHERE id IN (SELECT value FROM json_each(?))",
            arguments: ["[" + ids.map(String.init).joined(separator: ",") + "]"]
        )
        while let row = try rows.next() { result[row["id"]] = row["code"] }
        return result
    }

    func subtree(of root: OrgPath?, includeRevoked: Bool) throws -> [Organization] {
        let filter = Self.subtreeFilter("path", root)
        let status = includeRevoked ? "" : " AND status = 'active'"
        return try fetchOrganizations(
            "SELECT \(Self.organizationColumns) FROM organization WHERE \(filter.sql)\(status) ORDER BY path",
            filter.arguments
        )
    }

    func revokedOrganizations(under root: OrgPath?) throws -> [Organization] {
        let filter = Self.subtreeFilter("path", root)
        return try fetchOrganizations(
            "SELECT \(Self.organizationColumns) FROM organization WHERE \(filter.sql) AND status = 'revoked' ORDER BY code",
            filter.arguments
        )
    }

    func childKinds(of orgID: Int64) throws -> Set<OrgKind> {
        let names = try String.fetchAll(
            db,
            sql: "SELECT DISTINCT kind FROM organization WHERE parent_id = ? AND status = 'active'",
            arguments: [orgID]
        )
        return Set(names.compactMap(OrgKind.init(rawValue:)))
    }

    func childCount(of orgID: Int64, includeRevoked: Bool) throws -> Int {
        let status = includeRevoked ? "" : " AND status = 'active'"
        return try Int.fetchOne(
            db,
            sql: "SELECT COUNT(*) FROM organization WHERE parent_id = ?\(status)",
            arguments: [orgID]
        )
            ?? 0
    }

    func history(of orgID: Int64) throws -> [StoredHistoryEntry] {
        try Row.fetchAll(
            db,
            sql: "SELECT at, actor, action, summary FROM org_history WHERE org_id = ? ORDER BY id",
            arguments: [orgID]
        ).map {
            StoredHistoryEntry(
                at: Self.instant($0["at"]),
                actor: $0["actor"],
                action: $0["action"],
                summary: $0["summary"]
            )
        }
    }

    func insertOrganization(_ new: NewOrganization) throws -> Organization {
        // The path needs the id, so insert with a unique placeholder path and set the real one at once.
        try db.cachedStatement(
            sql: """
                INSERT INTO organization (code, name, kind, parent_id, path, depth, founded, unit_name, unit_category,
                    contact, status, created_at, updated_at)
                VALUES (?, ?, ?, ?, 'pending:' || ?, ?, ?, ?, ?, ?, 'active', ?, ?)
                """
        ).execute(
            arguments: [
                new.code, new.name, new.kind.rawValue, new.parent?.id, new.code, (new.parent?.path.depth ?? -1) + 1,
                new.founded?.description, new.unitName, new.unitCategory, new.contact, now, now,
            ])
        let id = db.lastInsertedRowID
        let path = new.parent?.path.appending(id) ?? OrgPath(ids: [id])
        try db.cachedStatement(sql: "UPDATE organization SET path = ? WHERE id = ?").execute(arguments: [
            path.description, id,
        ])
        return Organization(
            id: id,
            code: new.code,
            name: new.name,
            kind: new.kind,
            parentID: new.parent?.id,
            path: path,
            founded: new.founded,
            unitName: new.unitName,
            unitCategory: new.unitCategory,
            contact: new.contact
        )
    }

    func updateOrganization(_ org: Organization) throws {
        try db.execute(
            sql: """
                UPDATE organization SET code = ?, name = ?, kind = ?, founded = ?, unit_name = ?, unit_category = ?,
                    contact = ?, status = ?, revoked_on = ?, revoked_reason = ?, updated_at = ?
                WHERE id = ?
                """,
            arguments: [
                org.code, org.name, org.kind.rawValue, org.founded?.description, org.unitName, org.unitCategory,
                org.contact, org.status.rawValue, org.revokedOn?.description, org.revokedReason, now, org.id,
            ]
        )
    }

    func moveSubtree(_ org: Organization, under newParent: Organization) throws {
        let oldPrefix = org.path.description
        let newPrefix = newParent.path.appending(org.id).description
        let depthDelta = newParent.path.depth + 1 - org.path.depth
        try db.execute(
            sql: """
                UPDATE organization SET path = ? || substr(path, ?), depth = depth + ?, updated_at = ?
                WHERE path >= ? AND path < ?
                """,
            arguments: [newPrefix, oldPrefix.utf8.count + 1, depthDelta, now, oldPrefix, Self.rangeEnd(oldPrefix)]
        )
        try db.execute(sql: "UPDATE organization SET parent_id = ? WHERE id = ?", arguments: [newParent.id, org.id])
    }

    func deleteOrganization(id: Int64) throws {
        try db.execute(sql: "DELETE FROM organization WHERE id = ?", arguments: [id])
    }
}
