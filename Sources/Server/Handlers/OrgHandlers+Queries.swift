import Domain
import Foundation
import Store
import Wire

extension OrgHandlers {
    /// show, tree, revoked list and history.
    static func registerQueries(in registry: inout MethodRegistry) {
        registry.register(OrgShow.self, access: .read, targets: { [.organization(code: $0.code, field: "code")] }) {
            params,
            context in
            try await context.store.read { tx in
                try OrgViewBuilder.detail(try OrgLookup.require(params.code, in: tx), in: tx)
            }
        }
        registry.register(
            OrgTree.self,
            access: .read,
            targets: { $0.root.map { [.organization(code: $0, field: "root")] } ?? [] }
        ) {
            params,
            context in
            if let depth = params.depth, depth < 0 {
                throw DomainError.invalid("depth", "层数不能为负数")
            }
            let defaultRoot = context.defaultRoot
            return try await context.store.read { tx in
                let root = try params.root.map { try OrgLookup.require($0, field: "root", in: tx).path } ?? defaultRoot
                return OrgTree.Result(nodes: try OrgViewBuilder.tree(root: root, depth: params.depth, in: tx))
            }
        }
        registry.register(
            OrgRevokedList.self,
            access: .read,
            targets: { $0.root.map { [.organization(code: $0, field: "root")] } ?? [] }
        ) { params, context in
            let defaultRoot = context.defaultRoot
            return try await context.store.read { tx in
                let root = try params.root.map { try OrgLookup.require($0, field: "root", in: tx).path } ?? defaultRoot
                return OrgRevokedList.Result(
                    organizations: try OrgViewBuilder.details(try tx.revokedOrganizations(under: root), in: tx)
                )
            }
        }
        registry.register(OrgHistory.self, access: .read, targets: { [.organization(code: $0.code, field: "code")] }) {
            params,
            context in
            try await context.store.read { tx in
                let org = try OrgLookup.require(params.code, in: tx)
                return OrgHistory.Result(
                    entries: try tx.history(of: org.id).map {
                        HistoryEntry(at: $0.at, actor: $0.actor, action: $0.action, summary: $0.summary)
                    }
                )
            }
        }
    }
}
