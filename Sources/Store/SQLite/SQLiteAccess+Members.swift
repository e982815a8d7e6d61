import Domain
import Foundation
import GRDB

extension SQLiteAccess {
    static let memberSelect = """
        SELECT m.*, o.code AS org_code, g.code AS group_code FROM member m
        JOIN organization o ON o.id = m.org_id LEFT JOIN organization g ON g.id = m.group_id
        """

    func member(reference: String) throws -> Member? {
        let trimmed = reference.trimmingCharacters(in: .whitespaces)
        if trimmed.count < 15, let id = Int64(trimmed) {
            return try Row.fetchOne(db, sql: Self.memberSelect + " WHERE m.id = ?", arguments: [id]).map(
                Member.init(row:)
            )
        }
        return try member(idNumber: trimmed.uppercased())
    }

    func member(idNumber: String) throws -> Member? {
        guard idNumber != "#" else { return nil }
        return try Row.fetchOne(
            db,
            sql: Self.memberSelect + " WHERE m.id_number = ? AND m.id_number <> '#'",
            arguments: [idNumber]
        ).map(Member.init(row:))
    }

    private func filter(_ query: MemberQuery) -> (sql: String, arguments: StatementArguments) {
        var conditions: [String] = [query.history ? "m.status <> '在册'" : "m.status = '在册'"]
        var arguments: StatementArguments = []
        if let subtree = query.subtree {
            let range = Self.subtreeFilter("o.path", subtree)
            conditions.append(range.sql)
            arguments += range.arguments
        } else if let orgID = query.orgID {
            conditions.append("m.org_id = ?")
            arguments += [orgID]
        }
        if let category = query.category {
            conditions.append("m.category = ?")
            arguments += [category.rawValue]
        }
        if let flag = query.flag {
            // Flags are a JSON array of names, none of which holds a quote.
            conditions.append("m.flags LIKE ?")
            arguments += ["%\"\(flag.rawValue)\"%"]
        }
        if let search = query.search?.trimmingCharacters(in: .whitespaces), !search.isEmpty,
            let identity = IdentityNumber(search), !identity.isUnknown
        {
            // A well-formed identity number is no name fragment: look it up alone, through the index. The index
            // is partial (it skips '#'), so the query must repeat its condition for SQLite to use it.
            conditions.append("m.id_number = ? AND m.id_number <> '#'")
            arguments += [identity.text]
        } else if let search = query.search?.trimmingCharacters(in: .whitespaces), !search.isEmpty {
            conditions.append("(m.id_number = ? OR m.name LIKE ? ESCAPE '\\')")
            let escaped = search.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
                .replacingOccurrences(of: "_", with: "\\_")
            arguments += [search.uppercased(), "%\(escaped)%"]
        }
        return (conditions.joined(separator: " AND "), arguments)
    }

    func members(_ query: MemberQuery) throws -> [Member] {
        let filter = filter(query)
        return try Row.fetchAll(
            db,
            sql: Self.memberSelect + " WHERE \(filter.sql) ORDER BY o.path, m.name, m.id LIMIT ? OFFSET ?",
            arguments: filter.arguments + [query.limit, query.offset]
        ).map(Member.init(row:))
    }

    func countMembers(_ query: MemberQuery) throws -> Int {
        let filter = filter(query)
        return try Int.fetchOne(
            db,
            sql: "SELECT COUNT(*) FROM member m JOIN organization o ON o.id = m.org_id WHERE \(filter.sql)",
            arguments: filter.arguments
        ) ?? 0
    }

    func memberHistory(subtree: OrgPath?, memberID: Int64?, limit: Int) throws -> [MemberHistoryEntry] {
        var sql = """
            SELECT h.*, m.name AS member_name FROM member_history h JOIN member m ON m.id = h.member_id
            JOIN organization o ON o.id = h.org_id
            """
        var arguments: StatementArguments = []
        var conditions: [String] = []
        if let subtree {
            let range = Self.subtreeFilter("o.path", subtree)
            conditions.append(range.sql)
            arguments += range.arguments
        }
        if let memberID {
            conditions.append("h.member_id = ?")
            arguments += [memberID]
        }
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        sql += " ORDER BY h.id DESC LIMIT ?"
        arguments += [limit]
        return try Row.fetchAll(db, sql: sql, arguments: arguments).map {
            MemberHistoryEntry(
                memberID: $0["member_id"],
                memberName: $0["member_name"],
                at: Self.instant($0["at"]),
                actor: $0["actor"],
                action: $0["action"],
                summary: $0["summary"]
            )
        }
    }

    func existingIDNumbers(_ numbers: [String]) throws -> [String: Member] {
        var result: [String: Member] = [:]
        let wanted = numbers.filter { $0 != "#" }
        // Chunks keep each statement's JSON argument small while still letting the index do the work.
        for start in stride(from: 0, to: wanted.count, by: 5000) {
            let chunk = wanted[start..<min(start + 5000, wanted.count)]
            let json = "[" + chunk.map { "\"\($0)\"" }.joined(separator: ",") + "]"
            let rows = try Row.fetchAll(
                db,
                sql: Self.memberSelect
                    + " WHERE m.id_number IN (SELECT value FROM json_each(?)) AND m.id_number <> '#'",
                arguments: [json]
            )
            for row in rows {
                let member = try Member(row: row)
                result[member.idNumber] = member
            }
        }
        return result
    }

    /// The columns a member record writes: those of the table that `Member` encodes, in table order, so that
    /// the statement text (and GRDB's statement cache) stays the same from row to row.
    private func writtenColumns(_ encoded: [String: DatabaseValue]) throws -> [String] {
        try db.columns(in: "member").map(\.name).filter { $0 != "id" && encoded[$0] != nil }
    }

    func insertMember(_ member: Member) throws -> Member {
        let values = try member.databaseDictionary
        let columns = try writtenColumns(values)
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO member (\(columns.joined(separator: ", ")), created_at, updated_at)
                VALUES (\(Array(repeating: "?", count: columns.count + 2).joined(separator: ",")))
                """
        )
        try statement.execute(arguments: StatementArguments(columns.map { values[$0]! } + [now, now]))
        var inserted = member
        inserted.id = db.lastInsertedRowID
        return inserted
    }

    func updateMember(_ member: Member) throws {
        let values = try member.databaseDictionary
        let columns = try writtenColumns(values)
        try db.cachedStatement(
            sql: "UPDATE member SET \(columns.map { "\($0) = ?" }.joined(separator: ", ")), updated_at = ? WHERE id = ?"
        ).execute(
            arguments: StatementArguments(columns.map { values[$0]! } + [now.databaseValue, member.id.databaseValue])
        )
    }
}
