import Domain
import Store

/// The one place that decides whether a request may run: it identifies the caller from the peer's uid and the
/// accounts table, locates every organization the request names, and applies the method's ``Access``.
struct Authorizer: Sendable {
    let store: any PartyStore
    let ownUID: UInt32

    func authorize(peer: PeerCredentials, access: Access, targets: [ScopeTarget]) async throws -> Caller {
        let ownUID = self.ownUID
        // Methods open to anyone skip the accounts table: the hello of a health check costs no database read.
        if access == .anyone {
            let isAdmin = peer.uid == 0 || peer.uid == ownUID
            return Caller(uid: peer.uid, userName: peer.userName, role: isAdmin ? .admin : nil)
        }
        let (caller, paths) = try await store.read { tx throws -> (Caller, [OrgPath]) in
            let caller = try Self.identify(peer: peer, ownUID: ownUID, tx: tx)
            // Resolve targets only for callers whose scope matters, so admins pay nothing extra.
            guard access != .anyone, caller.role != nil, !caller.isSystemAdmin else { return (caller, []) }
            return (caller, try targets.map { try Self.locate($0, tx: tx) })
        }
        try access.check(caller, targets: paths)
        return caller
    }

    /// Root and the daemon's own user are system administrators whatever the accounts table says.
    static func identify(peer: PeerCredentials, ownUID: UInt32, tx: any StoreReader) throws -> Caller {
        let name = peer.userName
        if peer.uid == 0 || peer.uid == ownUID {
            return Caller(uid: peer.uid, userName: name, role: .admin)
        }
        guard let account = try tx.account(unixUser: name) else {
            return Caller(uid: peer.uid, userName: name, role: nil)
        }
        let scope = try account.orgID.flatMap { try tx.organization(id: $0)?.path }
        return Caller(uid: peer.uid, userName: name, role: account.role, scope: scope, memberID: account.memberID)
    }

    static func locate(_ target: ScopeTarget, tx: any StoreReader) throws -> OrgPath {
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
