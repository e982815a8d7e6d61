import Core
import Domain
import Foundation
import Wire

/// `user.*` and `audit.list`: each method decodes, calls its core operation for the peer's principal, and
/// encodes.
enum UserHandlers {
    static func register(in registry: inout MethodRegistry) {
        registry.register(UserAdd.self, calling: .userAdd) { params, request in
            try await request.core.addAccount(
                unixUser: params.unixUser,
                role: params.role,
                org: params.org,
                member: params.member,
                email: params.email,
                by: request.principal
            )
        }
        registry.register(UserSetEmail.self, calling: .userSetEmail) { params, request in
            try await request.core.setAccountEmail(
                unixUser: params.unixUser,
                email: params.email,
                by: request.principal
            )
        }
        registry.register(UserList.self, calling: .userList) { _, request in
            UserList.Result(accounts: try await request.core.accounts(by: request.principal))
        }
        registry.register(UserRemove.self, calling: .userRemove) { params, request in
            try await request.core.removeAccount(unixUser: params.unixUser, by: request.principal)
            return OK()
        }
        registry.register(AuditList.self, calling: .auditList) { params, request in
            AuditList.Result(
                entries: try await request.core.auditEntries(
                    org: params.org,
                    before: params.before,
                    limit: params.limit,
                    by: request.principal
                )
            )
        }
    }
}
