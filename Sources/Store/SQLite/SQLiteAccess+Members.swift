import Domain
import Foundation
import GRDB

extension SQLiteAccess {
    static let memberSelect = """
        SELECT m.*, o.code AS org_code, g.code AS group_code FROM member m
        JOIN organization o ON o.id = m.org_id LEFT JOIN organization g ON g.id = m.group_id
        """

    static func member(_ row: Row) throws -> Member {
        func date(_ column: String) -> LocalDate? { (row[column] as String?).flatMap(LocalDate.init) }
        let genderText: String = row["gender"]
        let categoryText: String = row["category"]
        let statusText: String = row["status"]
        guard let gender = Gender(rawValue: genderText), let category = MemberCategory(rawValue: categoryText),
            let status = MemberStatus(rawValue: statusText), let birth = date("birth_date")
        else { throw StoreCorruption(detail: "member row \(row["id"] ?? "?")") }
        let flagText: String = row["flags"]
        return Member(
            id: row["id"],
            name: row["name"],
            gender: gender,
            ethnicity: row["ethnicity"],
            birthDate: birth,
            idNumber: row["id_number"],
            phone: row["phone"],
            email: row["email"],
            education: row["education"],
            job: row["job"],
            workUnit: row["work_unit"],
            joinDate: date("join_date"),
            probationStart: date("probation_start"),
            fullDate: date("full_date"),
            category: category,
            orgID: row["org_id"],
            orgCode: row["org_code"],
            groupID: row["group_id"],
            groupCode: row["group_code"],
            flags: Set(flagText.split(separator: ",").compactMap { MemberFlag(rawValue: String($0)) }),
            status: status,
            leftOn: date("left_on"),
            leftReason: row["left_reason"],
            remarks: row["remarks"]
        )
    }

    static func flagsText(_ flags: Set<MemberFlag>) -> String {
        flags.sorted().map(\.rawValue).joined(separator: ",")
    }

    func member(reference: String) throws -> Member? {
        let trimmed = reference.trimmingCharacters(in: .whitespaces)
        if trimmed.count < 15, let id = Int64(trimmed) {
            return try Row.fetchOne(db, sql: Self.memberSelect + " WHERE m.id = ?", arguments: [id]).map(Self.member)
        }
        return try member(idNumber: trimmed.uppercased())
    }

    func member(idNumber: String) throws -> Member? {
        guard idNumber != "#" else { return nil }
        return try Row.fetchOne(
            db,
            sql: Self.memberSelect + " WHERE m.id_number = ? AND m.id_number <> '#'",
            arguments: [idNumber]
        ).map(Self.member)
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
            conditions.append("(',' || m.flags || ',') LIKE ?")
            arguments += ["%,\(flag.rawValue),%"]
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
        ).map(Self.member)
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
                let member = try Self.member(row)
                result[member.idNumber] = member
            }
        }
        return result
    }

    private static let memberColumns = """
        name, gender, ethnicity, birth_date, id_number, phone, email, education, job, work_unit, join_date,
        probation_start, full_date, category, org_id, group_id, flags, status, left_on, left_reason, remarks
        """

    private static func arguments(_ m: Member) -> StatementArguments {
        [
            m.name, m.gender.rawValue, m.ethnicity, m.birthDate.description, m.idNumber, m.phone, m.email, m.education,
            m.job, m.workUnit, m.joinDate?.description, m.probationStart?.description, m.fullDate?.description,
            m.category.rawValue, m.orgID, m.groupID, flagsText(m.flags), m.status.rawValue, m.leftOn?.description,
            m.leftReason, m.remarks,
        ]
    }

    func insertMember(_ member: Member) throws -> Member {
        let statement = try db.cachedStatement(
            sql:
                "INSERT INTO member (\(Self.memberColumns), created_at, updated_at) VALUES (\(Array(repeating: "?", count: 23).joined(separator: ",")))"
        )
        try statement.execute(arguments: Self.arguments(member) + [now, now])
        var inserted = member
        inserted.id = db.lastInsertedRowID
        return inserted
    }

    func updateMember(_ member: Member) throws {
        let assignments = Self.memberColumns.split(separator: ",").map {
            "\($0.trimmingCharacters(in: .whitespacesAndNewlines)) = ?"
        }
        try db.execute(
            sql: "UPDATE member SET \(assignments.joined(separator: ", ")), updated_at = ? WHERE id = ?",
            arguments: Self.arguments(member) + [now, member.id]
        )
    }
}
