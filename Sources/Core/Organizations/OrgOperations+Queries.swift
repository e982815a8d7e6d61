import Domain
import Foundation
import Store

/// Reading organizations: one, the tree, the revoked, the history and the 采集表 export.
extension PartyCore {
    /// `org.show`: one organization with its counts.
    package func organization(code: String, by principal: Principal) async throws -> OrgDetail {
        try await read(.orgShow, by: principal, targets: [.organization(code: code, field: "code")]) { op in
            try OrgViewBuilder.detail(try OrgLookup.require(code, in: op.tx), in: op.tx)
        }
    }

    /// `org.tree`: the tree under `root` (default: the caller's scope) in pre-order, at most `depth` levels.
    package func organizationTree(root: String?, depth: Int?, by principal: Principal) async throws -> [OrgTreeNode] {
        try await read(.orgTree, by: principal, targets: Self.optionalOrg(root, field: "root")) { op in
            if let depth, depth < 0 { throw DomainError.invalid("depth", "层数不能为负数") }
            let path = try root.map { try OrgLookup.require($0, field: "root", in: op.tx).path } ?? op.defaultRoot
            return try OrgViewBuilder.tree(root: path, depth: depth, in: op.tx)
        }
    }

    /// `org.revoked`: revoked organizations under `root` (default: the caller's scope).
    package func revokedOrganizations(root: String?, by principal: Principal) async throws -> [OrgDetail] {
        try await read(.orgRevoked, by: principal, targets: Self.optionalOrg(root, field: "root")) { op in
            let path = try root.map { try OrgLookup.require($0, field: "root", in: op.tx).path } ?? op.defaultRoot
            return try OrgViewBuilder.details(try op.tx.revokedOrganizations(under: path), in: op.tx)
        }
    }

    /// `org.history`: an organization's history, oldest first, times in the configured zone.
    package func organizationHistory(code: String, by principal: Principal) async throws -> [HistoryEntry] {
        let zone = timeZone
        return try await read(.orgHistory, by: principal, targets: [.organization(code: code, field: "code")]) { op in
            let org = try OrgLookup.require(code, in: op.tx)
            return try op.tx.history(of: org.id).map {
                HistoryEntry(
                    at: LocalTime.text($0.at, in: zone),
                    actor: $0.actor,
                    action: $0.action,
                    summary: $0.summary
                )
            }
        }
    }

    /// `org.export`: the 党组织采集表 CSV of the subtree at `root` (default: the caller's scope).
    package func exportOrganizations(root: String?, by principal: Principal) async throws -> (rows: Int, csv: String) {
        try await read(.orgExport, by: principal, targets: Self.optionalOrg(root, field: "root")) { op in
            let path = try root.map { try OrgLookup.require($0, field: "root", in: op.tx).path } ?? op.defaultRoot
            let orgs = try op.tx.subtree(of: path, includeRevoked: false)
            let codes = Dictionary(uniqueKeysWithValues: orgs.map { ($0.id, $0.code) })
            let missing = Set(orgs.compactMap(\.parentID)).subtracting(codes.keys)
            let parentCodes = codes.merging(try op.tx.codes(of: missing)) { first, _ in first }
            let rows = orgs.map { ($0, parentCode: $0.parentID.flatMap { parentCodes[$0] }) }
            return (rows.count, OrgCSV.encode(rows))
        }
    }

    /// The scope target of an optional organization parameter.
    static func optionalOrg(_ code: String?, field: String) -> [ScopeTarget] {
        code.map { [.organization(code: $0, field: field)] } ?? []
    }
}
