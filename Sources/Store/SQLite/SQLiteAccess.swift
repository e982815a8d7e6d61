import Domain
import GRDB

/// ``StoreWriter`` over one GRDB connection inside a transaction. Lives only for the duration of the closure
/// passed to ``SQLiteStore/read(_:)`` or ``SQLiteStore/write(_:)``.
struct SQLiteAccess {
    let db: Database

    init(_ db: Database) { self.db = db }

    /// The upper bound of a path range: every descendant path starts with `prefix` followed by digits or `/`,
    /// all of which sort before `~`.
    static func rangeEnd(_ prefix: String) -> String { prefix + "~" }
}

extension SQLiteAccess {
    static let organizationColumns =
        "id, code, name, kind, parent_id, path, founded, unit_name, unit_category, contact, status, revoked_on, revoked_reason"

    static func organization(_ row: Row) throws -> Organization {
        let kindText: String = row["kind"]
        let pathText: String = row["path"]
        let statusText: String = row["status"]
        guard let kind = OrgKind(rawValue: kindText), let path = OrgPath(pathText),
            let status = OrgStatus(rawValue: statusText)
        else {
            throw StoreCorruption(detail: "organization row \(row["id"] ?? "?") has kind \(kindText), path \(pathText)")
        }
        return Organization(
            id: row["id"],
            code: row["code"],
            name: row["name"],
            kind: kind,
            parentID: row["parent_id"],
            path: path,
            founded: (row["founded"] as String?).flatMap(LocalDate.init),
            unitName: row["unit_name"],
            unitCategory: row["unit_category"],
            contact: row["contact"],
            status: status,
            revokedOn: (row["revoked_on"] as String?).flatMap(LocalDate.init),
            revokedReason: row["revoked_reason"]
        )
    }

    func fetchOrganizations(_ sql: String, _ arguments: StatementArguments = []) throws -> [Organization] {
        try Row.fetchAll(db, sql: sql, arguments: arguments).map(Self.organization)
    }

    /// A WHERE fragment limiting `column` (a path column) to the subtree at `root`, with its arguments.
    static func subtreeFilter(_ column: String, _ root: OrgPath?) -> (sql: String, arguments: StatementArguments) {
        guard let root else { return ("1", []) }
        let prefix = root.description
        return ("(\(column) >= ? AND \(column) < ?)", [prefix, rangeEnd(prefix)])
    }
}

/// A row that violates what the schema's checks guarantee: the file was changed outside partyd.
struct StoreCorruption: Error, CustomStringConvertible {
    let detail: String
    var description: String { "数据库内容损坏：\(detail)" }
}
