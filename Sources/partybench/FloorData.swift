import Domain

/// The city as plain CSV rows for the sqlite3 floor: the columns of partyd's `organization` and `member`
/// tables in table order, ids and paths computed here (partyd computes them while inserting), no header,
/// LF line ends and no byte order mark, as `sqlite3 .import` expects.
enum FloorData {
    /// The instant written in `created_at` and `updated_at`, as partyd stores instants: UTC milliseconds
    /// (2025-01-01T00:00:00+08:00).
    static let timestamp = "1735660800000"

    /// The staging columns of the organization file.
    static let organizationColumns = [
        "id", "code", "name", "kind", "parent_id", "path", "depth", "founded", "unit_name", "unit_category", "contact",
        "created_at", "updated_at",
    ]

    /// The staging columns of the member file.
    static let memberColumns = [
        "id", "name", "gender", "ethnicity", "birth_date", "id_number", "phone", "email", "education", "job",
        "work_unit",
        "join_date", "probation_start", "full_date", "category", "org_id", "group_id", "flags", "remarks", "created_at",
        "updated_at",
    ]

    /// One row per organization, in ``organizationColumns`` order.
    static func organizations(_ city: City) -> String {
        var text = ""
        for org in city.organizations {
            let draft = org.draft
            append(
                [
                    String(org.id), draft.code, draft.name, draft.kind.rawValue, org.parentID.map(String.init) ?? "",
                    org.path,
                    String(org.depth), draft.founded?.description ?? "", draft.unitName ?? "", draft.unitCategory ?? "",
                    draft.contact ?? "", timestamp, timestamp,
                ],
                to: &text
            )
        }
        return text
    }

    /// One row per member, in ``memberColumns`` order, ids numbered from 1 in roster order as partyd assigns them.
    static func members(_ members: [MemberDraft], city: City) -> String {
        var idOfCode: [String: Int64] = [:]
        for org in city.organizations { idOfCode[org.draft.code] = org.id }
        var text = ""
        text.reserveCapacity(members.count * 220)
        for (index, member) in members.enumerated() {
            append(
                [
                    String(index + 1), member.name, member.gender.rawValue, member.ethnicity ?? "",
                    member.birthDate.description,
                    member.idNumber, member.phone ?? "", member.email ?? "", member.education ?? "", member.job ?? "",
                    member.workUnit ?? "", member.joinDate?.description ?? "", member.probationStart?.description ?? "",
                    member.fullDate?.description ?? "", member.category.rawValue,
                    idOfCode[member.orgCode].map(String.init) ?? "",
                    member.groupCode.flatMap { idOfCode[$0] }.map(String.init) ?? "",
                    // partyd stores flags as a JSON array of names.
                    "[" + member.flags.sorted().map { "\"\($0.rawValue)\"" }.joined(separator: ",") + "]",
                    member.remarks ?? "", timestamp,
                    timestamp,
                ],
                to: &text
            )
        }
        return text
    }

    private static func append(_ fields: [String], to text: inout String) {
        for (index, field) in fields.enumerated() {
            if index > 0 { text.append(",") }
            text.append(CSVWriter.field(field))
        }
        text.append("\n")
    }
}
