import Domain
import GRDB

extension SQLiteAccess {
    func memberCount(in orgID: Int64, includeHistory: Bool) throws -> Int {
        let status = includeHistory ? "" : " AND status = '在册'"
        return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM member WHERE org_id = ?\(status)", arguments: [orgID])
            ?? 0
    }

    func activeMemberCountsByOrganization(under root: OrgPath?) throws -> [Int64: Int] {
        var result: [Int64: Int] = [:]
        let rows: RowCursor
        if let root {
            let filter = Self.subtreeFilter("o.path", root)
            rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT m.org_id, COUNT(*) FROM organization o JOIN member m ON m.org_id = o.id AND m.status = '在册'
                    WHERE \(filter.sql) GROUP BY m.org_id
                    """,
                arguments: filter.arguments
            )
        } else {
            rows = try Row.fetchCursor(
                db,
                sql: "SELECT org_id, COUNT(*) FROM member WHERE status = '在册' GROUP BY org_id"
            )
        }
        while let row = try rows.next() { result[row[0]] = row[1] }
        return result
    }

    func moveMembers(from fromOrgID: Int64, to toOrgID: Int64) throws -> Int {
        // 党小组 children move with the merged branch, so group assignments stay valid.
        try db.execute(
            sql: "UPDATE member SET org_id = ?, updated_at = ? WHERE org_id = ?",
            arguments: [toOrgID, now, fromOrgID]
        )
        return db.changesCount
    }
}

extension SQLiteAccess: StoreWriter {}
