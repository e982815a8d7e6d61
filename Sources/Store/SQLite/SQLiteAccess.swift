import Domain
import Foundation
import GRDB

/// ``StoreWriter`` over one GRDB connection inside a transaction. Lives only for the duration of the closure
/// passed to ``SQLiteStore/read(_:)`` or ``SQLiteStore/write(_:)``.
struct SQLiteAccess {
    let db: Database
    /// The transaction's instant in UTC milliseconds, stamped on every row it writes (0 in read snapshots).
    let now: Int64

    init(_ db: Database, now: Date? = nil) {
        self.db = db
        self.now = now.map(Self.milliseconds) ?? 0
    }

    /// An instant as stored: integer milliseconds since 1970 in UTC, which sort and index as instants do.
    static func milliseconds(_ instant: Date) -> Int64 { Int64((instant.timeIntervalSince1970 * 1000).rounded()) }

    /// A stored instant as a `Date`.
    static func instant(_ milliseconds: Int64) -> Date { Date(timeIntervalSince1970: Double(milliseconds) / 1000) }

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

/// A write transaction that changed rows but returned no audit note: a programming error, refused by rolling
/// the transaction back rather than committing a change nobody can trace.
struct UnauditedChange: Error, CustomStringConvertible {
    var description: String { "a write transaction changed rows without an audit entry; rolled back" }
}

/// A row that violates what the schema's checks guarantee: the file was changed outside partyd.
struct StoreCorruption: Error, CustomStringConvertible {
    let detail: String
    var description: String { "数据库内容损坏：\(detail)" }
}
