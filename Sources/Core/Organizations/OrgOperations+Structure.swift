import Domain
import Foundation
import Store

/// 整建制转移, merge, revoke and delete: the changes that reshape the tree.
extension PartyCore {
    /// `org.move`: moves an organization with its whole subtree under another parent.
    package func moveOrganization(code: String, to: String, by principal: Principal) async throws -> OrgDetail {
        let targets: [ScopeTarget] = [.organization(code: code, field: "code"), .organization(code: to, field: "to")]
        return try await write(.orgMove, by: principal, targets: targets) { op in
            let org = try OrgLookup.require(code, in: op.tx)
            let destination = try OrgLookup.require(to, field: "to", in: op.tx)
            try OrgRules.validateMove(org, to: destination)
            guard destination.id != org.parentID else { return .unchanged(try OrgViewBuilder.detail(org, in: op.tx)) }
            let from = try org.parentID.flatMap { try op.tx.organization(id: $0) }
            try op.tx.moveSubtree(org, under: destination)
            let moved = try OrgLookup.require(code, in: op.tx)
            let summary = "整建制转移：\(from?.label ?? "（顶级）") → \(destination.label)"
            return op.orgChange(try OrgViewBuilder.detail(moved, in: op.tx), moved, summary)
        }
    }

    /// `org.merge`: moves an organization's children and member records into another and revokes it.
    package func mergeOrganization(
        code: String,
        into: String,
        date: String?,
        by principal: Principal
    ) async throws -> OrgDetail {
        let targets: [ScopeTarget] = [
            .organization(code: code, field: "code"), .organization(code: into, field: "into"),
        ]
        return try await write(.orgMerge, by: principal, targets: targets) { op in
            let date =
                try date?.nonBlank.map { text throws(DomainError) in
                    try LocalDate.parse(text, field: "date", label: "合并日期")
                } ?? op.time.today
            let source = try OrgLookup.require(code, in: op.tx)
            let target = try OrgLookup.require(into, field: "into", in: op.tx)
            let plan = try OrgRules.planMerge(
                source,
                into: target,
                children: try op.tx.subtree(of: source.path, includeRevoked: false).filter {
                    $0.parentID == source.id
                },
                memberRecords: try op.tx.memberCount(in: source.id, includeHistory: true),
                on: date
            )
            for child in plan.childrenToMove { try op.tx.moveSubtree(child, under: target) }
            _ = try op.tx.moveMembers(from: source.id, to: target.id)
            try op.tx.updateOrganization(plan.revokedSource)
            var change = op.orgChange(
                try OrgViewBuilder.detail(try OrgLookup.require(into, in: op.tx), in: op.tx),
                plan.revokedSource,
                plan.sourceSummary
            )
            change.orgHistory.append(
                OrgHistoryLine(
                    orgID: target.id,
                    code: target.code,
                    action: op.operation.name,
                    summary: plan.targetSummary
                )
            )
            return change
        }
    }

    /// `org.revoke`: revokes an empty organization on a date, for a reason.
    package func revokeOrganization(
        code: String,
        date: String,
        reason: String,
        by principal: Principal
    ) async throws -> OrgDetail {
        try await write(.orgRevoke, by: principal, targets: [.organization(code: code, field: "code")]) { op in
            let date = try LocalDate.parse(date, field: "date", label: "撤销日期")
            let org = try OrgLookup.require(code, in: op.tx)
            let revoked = try OrgRules.revoke(
                org,
                activeChildren: try op.tx.childCount(of: org.id, includeRevoked: false),
                memberCount: try op.tx.memberCount(in: org.id, includeHistory: false),
                on: date,
                today: op.time.today,
                reason: reason
            )
            try op.tx.updateOrganization(revoked.org)
            return op.orgChange(try OrgViewBuilder.detail(revoked.org, in: op.tx), revoked.org, revoked.summary)
        }
    }

    /// `org.delete`: deletes an organization entered by mistake (no children, no member records, no accounts).
    package func deleteOrganization(code: String, by principal: Principal) async throws {
        try await write(.orgDelete, by: principal, targets: [.organization(code: code, field: "code")]) { op in
            let org = try OrgLookup.require(code, in: op.tx)
            try OrgRules.validateDelete(
                org,
                children: try op.tx.childCount(of: org.id, includeRevoked: true),
                memberCount: try op.tx.memberCount(in: org.id, includeHistory: true)
            )
            if let account = try op.tx.accounts().first(where: { $0.orgID == org.id }) {
                throw DomainError(
                    .rule,
                    reason: "org.has_accounts",
                    field: "code",
                    message: "账户 \(account.unixUser) 的管理范围是\(org.label)，请先删除或调整该账户"
                )
            }
            try op.tx.deleteOrganization(id: org.id)
            return op.orgChange((), org, "删除\(org.kind.rawValue)\(org.label)")
        }
    }
}
