import Domain
import Foundation
import Store
import Wire

extension OrgHandlers {
    /// 整建制转移, merge, revoke and delete: the changes that reshape the tree.
    static func registerStructure(in registry: inout MethodRegistry) {
        registry.register(
            OrgMove.self,
            access: .write,
            targets: { [.organization(code: $0.code, field: "code"), .organization(code: $0.to, field: "to")] }
        ) { params, context in
            try await context.store.write { tx in
                let org = try OrgLookup.require(params.code, in: tx)
                let destination = try OrgLookup.require(params.to, field: "to", in: tx)
                try OrgRules.validateMove(org, to: destination)
                guard destination.id != org.parentID else { return try OrgViewBuilder.detail(org, in: tx) }
                let from = try org.parentID.flatMap { try tx.organization(id: $0) }
                try tx.moveSubtree(org, under: destination, at: context.timestamp)
                let moved = try OrgLookup.require(params.code, in: tx)
                try record(tx, context, OrgMove.name, moved, "整建制转移：\(from?.label ?? "（顶级）") → \(destination.label)")
                return try OrgViewBuilder.detail(moved, in: tx)
            }
        }
        registry.register(
            OrgMerge.self,
            access: .write,
            targets: { [.organization(code: $0.code, field: "code"), .organization(code: $0.into, field: "into")] }
        ) { params, context in
            let date =
                try params.date?.nonBlank.map { text throws(DomainError) in
                    try LocalDate.parse(text, field: "date", label: "合并日期")
                }
                ?? context.today
            return try await context.store.write { tx in
                var source = try OrgLookup.require(params.code, in: tx)
                let target = try OrgLookup.require(params.into, field: "into", in: tx)
                let memberRecords = try tx.memberCount(in: source.id, includeHistory: true)
                try OrgRules.validateMerge(
                    source,
                    into: target,
                    childKinds: try tx.childKinds(of: source.id),
                    memberCount: memberRecords
                )
                let children = try tx.subtree(of: source.path, includeRevoked: false).filter {
                    $0.parentID == source.id
                }
                for child in children { try tx.moveSubtree(child, under: target, at: context.timestamp) }
                let movedMembers = try tx.moveMembers(from: source.id, to: target.id, at: context.timestamp)
                source.status = .revoked
                source.revokedOn = max(date, source.founded ?? date)
                source.revokedReason = "并入\(target.label)"
                try tx.updateOrganization(source, at: context.timestamp)
                let summary = "合并入\(target.label)：转入下级组织 \(children.count) 个、党员记录 \(movedMembers) 条，原组织撤销"
                try record(tx, context, OrgMerge.name, source, summary)
                try tx.appendHistory(
                    orgID: target.id,
                    code: target.code,
                    at: context.timestamp,
                    actor: context.caller.userName,
                    action: OrgMerge.name,
                    summary: "\(source.label)并入本组织：下级组织 \(children.count) 个、党员记录 \(movedMembers) 条"
                )
                return try OrgViewBuilder.detail(try OrgLookup.require(params.into, in: tx), in: tx)
            }
        }
        registry.register(OrgRevoke.self, access: .write, targets: { [.organization(code: $0.code, field: "code")] }) {
            params,
            context in
            let date = try LocalDate.parse(params.date, field: "date", label: "撤销日期")
            return try await context.store.write { tx in
                var org = try OrgLookup.require(params.code, in: tx)
                try OrgRules.validateRevoke(
                    org,
                    activeChildren: try tx.childCount(of: org.id, includeRevoked: false),
                    memberCount: try tx.memberCount(in: org.id, includeHistory: false),
                    on: date,
                    today: context.today,
                    reason: params.reason
                )
                org.status = .revoked
                org.revokedOn = date
                org.revokedReason = params.reason.trimmingCharacters(in: .whitespacesAndNewlines)
                try tx.updateOrganization(org, at: context.timestamp)
                try record(tx, context, OrgRevoke.name, org, "撤销（\(date)）：\(org.revokedReason ?? "")")
                return try OrgViewBuilder.detail(org, in: tx)
            }
        }
        registry.register(OrgDelete.self, access: .write, targets: { [.organization(code: $0.code, field: "code")] }) {
            params,
            context in
            try await context.store.write { tx in
                let org = try OrgLookup.require(params.code, in: tx)
                try OrgRules.validateDelete(
                    org,
                    children: try tx.childCount(of: org.id, includeRevoked: true),
                    memberCount: try tx.memberCount(in: org.id, includeHistory: true)
                )
                if let account = try tx.accounts().first(where: { $0.orgID == org.id }) {
                    throw DomainError(
                        .rule,
                        reason: "org.has_accounts",
                        field: "code",
                        message: "账户 \(account.unixUser) 的管理范围是\(org.label)，请先删除或调整该账户"
                    )
                }
                try record(tx, context, OrgDelete.name, org, "删除\(org.kind.rawValue)\(org.label)")
                try tx.deleteOrganization(id: org.id)
                return OK()
            }
        }
    }
}
