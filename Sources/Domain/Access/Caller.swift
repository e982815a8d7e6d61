/// Who is asking, once the principal has been looked up in the accounts table: the role it holds and, for
/// scoped roles, where in the tree it may act.
package struct Caller: Sendable, Equatable {
    /// The principal the request came from.
    package let principal: Principal
    /// The role the account grants; nil when the principal has no account.
    package let role: Role?
    /// The subtree an org-admin or auditor covers (for a member, their own branch).
    package let scope: OrgPath?
    /// The member record a member account (or a member's link) is bound to.
    package let memberID: Int64?

    /// Creates a caller acting as `principal`.
    package init(principal: Principal, role: Role?, scope: OrgPath? = nil, memberID: Int64? = nil) {
        self.principal = principal
        self.role = role
        self.scope = scope
        self.memberID = memberID
    }

    /// Creates a caller for a Unix user.
    package init(uid: UInt32, userName: String, role: Role?, scope: OrgPath? = nil, memberID: Int64? = nil) {
        self.init(principal: .unixUser(uid: uid, name: userName), role: role, scope: scope, memberID: memberID)
    }

    /// The name shown in messages and history lines.
    package var userName: String { principal.displayName }

    /// Whether the caller may see everything.
    package var isSystemAdmin: Bool { role == .admin }
}
