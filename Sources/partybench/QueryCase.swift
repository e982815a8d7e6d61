import Domain
import Wire

/// The organizations and values the queries aim at, chosen from the generated city.
struct QueryTargets {
    /// The 市委's code.
    var rootCode: String
    /// The 市委's path.
    var rootPath: String
    /// A 区县委 in the middle of the list.
    var districtCode: String
    /// Its path.
    var districtPath: String
    /// Its id.
    var districtID: Int64
    /// Its parent's id.
    var districtParentID: Int64
    /// A 党支部 in the middle of the list, for the cheap read of the round-trip test.
    var branchCode: String
    /// The identity number of a member in the middle of the roster.
    var idNumber: String
    /// A two-character fragment of a member's name.
    var nameFragment: String
}

extension QueryTargets {
    /// The targets in a generated city: a 区县委 in the middle, a member in the middle of the roster, and the
    /// first two characters of another member's name.
    init(city: City, roster: [MemberDraft]) {
        let district = city.organizations[city.districts[city.districts.count / 2]]
        let branch = city.organizations[city.branches[city.branches.count / 2]]
        self.init(
            rootCode: city.root.draft.code,
            rootPath: city.root.path,
            districtCode: district.draft.code,
            districtPath: district.path,
            districtID: district.id,
            districtParentID: district.parentID ?? 0,
            branchCode: branch.draft.code,
            idNumber: roster.isEmpty ? "#" : roster[roster.count / 2].idNumber,
            nameFragment: roster.isEmpty ? "王" : String(roster[roster.count / 3].name.prefix(2))
        )
    }
}

/// One query measured twice: through partyd's socket, and as the equivalent SQL run by the `sqlite3` tool on
/// the same schema and data.
struct QueryCase {
    /// What the query is, for the report.
    var label: String
    /// The call made on a connected client.
    var call: @Sendable (RPCClient) async throws -> Void
    /// The SQL statements the floor runs (their output goes to a CSV file, as the daemon's goes to the socket).
    var sql: String

    /// The queries of the report, in order.
    static func all(_ t: QueryTargets) -> [QueryCase] {
        let root = t.rootCode
        let district = t.districtCode
        let id = t.idNumber
        let fragment = t.nameFragment
        return [
            QueryCase(
                label: "org.tree 全市（含各子树计数）",
                call: { _ = try await $0.call(OrgTree.self, .init(root: root)) },
                sql: FloorSQL.tree(t.rootPath)
            ),
            QueryCase(
                label: "org.tree 一个区县委",
                call: { _ = try await $0.call(OrgTree.self, .init(root: district)) },
                sql: FloorSQL.tree(t.districtPath)
            ),
            QueryCase(
                label: "org.show 一个区县委（子树计数）",
                call: { _ = try await $0.call(OrgShow.self, .init(code: district)) },
                sql: FloorSQL.show(code: district, id: t.districtID, parentID: t.districtParentID, path: t.districtPath)
            ),
            QueryCase(
                label: "member.list 全市计数（limit 0）",
                call: { _ = try await $0.call(MemberList.self, .init(org: root, recursive: true, limit: 0)) },
                sql: FloorSQL.count(t.rootPath, condition: nil)
            ),
            QueryCase(
                label: "member.list 全市第一页（limit 100）",
                call: { _ = try await $0.call(MemberList.self, .init(org: root, recursive: true, limit: 100)) },
                sql: FloorSQL.count(t.rootPath, condition: nil) + FloorSQL.page(t.rootPath, condition: nil)
            ),
            QueryCase(
                label: "member.list 按身份证号查找（全市）",
                call: { _ = try await $0.call(MemberList.self, .init(org: root, recursive: true, search: id)) },
                sql: FloorSQL.count(t.rootPath, condition: "m.id_number = '\(id)' AND m.id_number <> '#'")
                    + FloorSQL.page(t.rootPath, condition: "m.id_number = '\(id)' AND m.id_number <> '#'")
            ),
            QueryCase(
                label: "member.list 按姓名片段“\(fragment)”查找（全市）",
                call: { _ = try await $0.call(MemberList.self, .init(org: root, recursive: true, search: fragment)) },
                sql: FloorSQL.count(t.rootPath, condition: "m.name LIKE '%\(fragment)%'")
                    + FloorSQL.page(t.rootPath, condition: "m.name LIKE '%\(fragment)%'")
            ),
            QueryCase(
                label: "member.export 全市名册",
                // Paged as `partyadmin member export` fetches it.
                call: { client in
                    var offset = 0
                    while true {
                        let page = try await client.call(
                            MemberExport.self,
                            .init(org: root, recursive: true, offset: offset, limit: 20_000)
                        )
                        offset += page.rows
                        if offset >= page.total || page.rows == 0 { break }
                    }
                },
                sql: FloorSQL.export(t.rootPath)
            ),
        ]
    }

    /// Floor-only reference figures: what a bare sqlite3 process costs (every floor figure includes it).
    static func references(_ t: QueryTargets) -> [(label: String, sql: String)] {
        [("sqlite3 仅启动并执行 SELECT 1（每个 sqlite3 数字都含这部分）", "SELECT 1;\n")]
    }
}
