import Core
import Domain
import Foundation
import Wire

/// `org.*`: each method decodes, calls its core operation for the peer's principal, and encodes.
enum OrgHandlers {
    static func register(in registry: inout MethodRegistry) {
        registry.register(OrgAdd.self, calling: .orgAdd) { params, request in
            try await request.core.addOrganization(params, by: request.principal)
        }
        registry.register(OrgEdit.self, calling: .orgEdit) { params, request in
            try await request.core.editOrganization(params, by: request.principal)
        }
        registry.register(OrgRename.self, calling: .orgRename) { params, request in
            try await request.core.editOrganization(
                OrgEdits(code: params.code, name: params.name),
                as: .orgRename,
                by: request.principal
            )
        }
        registry.register(OrgSetKind.self, calling: .orgSetKind) { params, request in
            try await request.core.setOrganizationKind(code: params.code, kind: params.kind, by: request.principal)
        }
        registry.register(OrgMove.self, calling: .orgMove) { params, request in
            try await request.core.moveOrganization(code: params.code, to: params.to, by: request.principal)
        }
        registry.register(OrgMerge.self, calling: .orgMerge) { params, request in
            try await request.core.mergeOrganization(
                code: params.code,
                into: params.into,
                date: params.date,
                by: request.principal
            )
        }
        registry.register(OrgRevoke.self, calling: .orgRevoke) { params, request in
            try await request.core.revokeOrganization(
                code: params.code,
                date: params.date,
                reason: params.reason,
                by: request.principal
            )
        }
        registry.register(OrgDelete.self, calling: .orgDelete) { params, request in
            try await request.core.deleteOrganization(code: params.code, by: request.principal)
            return OK()
        }
        registerQueries(in: &registry)
    }

    private static func registerQueries(in registry: inout MethodRegistry) {
        registry.register(OrgShow.self, calling: .orgShow) { params, request in
            try await request.core.organization(code: params.code, by: request.principal)
        }
        registry.register(OrgTree.self, calling: .orgTree) { params, request in
            OrgTree.Result(
                nodes: try await request.core.organizationTree(
                    root: params.root,
                    depth: params.depth,
                    by: request.principal
                )
            )
        }
        registry.register(OrgRevokedList.self, calling: .orgRevoked) { params, request in
            OrgRevokedList.Result(
                organizations: try await request.core.revokedOrganizations(root: params.root, by: request.principal)
            )
        }
        registry.register(OrgHistory.self, calling: .orgHistory) { params, request in
            OrgHistory.Result(
                entries: try await request.core.organizationHistory(code: params.code, by: request.principal)
            )
        }
        registry.register(OrgExport.self, calling: .orgExport) { params, request in
            let export = try await request.core.exportOrganizations(root: params.root, by: request.principal)
            return OrgExport.Result(rows: export.rows, csv: export.csv)
        }
    }
}
