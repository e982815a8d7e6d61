import Domain
import Store

/// The one place that decides whether a principal may run an operation: it identifies the caller from the
/// accounts table, locates every organization or member the request names, and applies the operation's
/// ``Access``, all inside the operation's own transaction.
enum Authorization {
    static func authorize(
        _ principal: Principal,
        _ access: Access,
        _ targets: [ScopeTarget],
        ownUID: UInt32,
        in tx: any StoreReader
    ) throws -> Caller {
        let caller = try identify(principal, ownUID: ownUID, in: tx)
        // Resolve targets only for callers whose scope matters, so admins pay nothing extra.
        guard access != .anyone, caller.role != nil, !caller.isSystemAdmin else {
            try access.check(caller, targets: [])
            return caller
        }
        try access.check(caller, targets: try targets.map { try locate($0, in: tx) })
        return caller
    }

    /// Who `principal` is in partyd's terms. Root, the daemon's own user and the daemon itself are system
    /// administrators whatever the accounts table says; a member's link acts as that member while on the roll.
    static func identify(_ principal: Principal, ownUID: UInt32, in tx: any StoreReader) throws -> Caller {
        switch principal {
        case .daemon:
            return Caller(principal: principal, role: .admin)
        case .unixUser(let uid, let name):
            if uid == 0 || uid == ownUID { return Caller(principal: principal, role: .admin) }
            guard let account = try tx.account(unixUser: name) else { return Caller(principal: principal, role: nil) }
            let scope = try account.orgID.flatMap { try tx.organization(id: $0)?.path }
            return Caller(principal: principal, role: account.role, scope: scope, memberID: account.memberID)
        case .member(let id):
            guard let member = try tx.member(reference: String(id)), member.isActive else {
                return Caller(principal: principal, role: nil)
            }
            let scope = try tx.organization(id: member.orgID)?.path
            return Caller(principal: principal, role: .member, scope: scope, memberID: member.id)
        }
    }

    /// Where in the tree a target sits; a target that does not exist is refused as not found.
    static func locate(_ target: ScopeTarget, in tx: any StoreReader) throws -> OrgPath {
        switch target {
        case .organization(let code, let field):
            guard let org = try tx.organization(code: code) else { throw OrgLookup.notFound(code, field: field) }
            return org.path
        case .member(let reference, let field):
            guard let member = try tx.member(reference: reference),
                let org = try tx.organization(id: member.orgID)
            else { throw MemberLookup.notFound(reference, field: field) }
            return org.path
        case .forestTop:
            return .forestTop
        }
    }
}

extension PartyCore {
    /// Who `principal` is in partyd's terms (role, scope, member), from the accounts table as it is now: for
    /// callers that must decide before any operation, such as a listener admitting a connection.
    package func identify(_ principal: Principal) async throws -> Caller {
        let ownUID = self.ownUID
        return try await store.read { tx in try Authorization.identify(principal, ownUID: ownUID, in: tx) }
    }
}
