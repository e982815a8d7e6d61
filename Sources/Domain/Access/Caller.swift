/// Who is asking, as established from the socket peer's credentials and the accounts table.
package struct Caller: Sendable, Equatable {
    /// The peer's Unix uid.
    package let uid: UInt32
    /// The peer's Unix user name (or `uid:N` when the uid has no name).
    package let userName: String
    /// The role the account grants; nil when the user has no account.
    package let role: Role?
    /// The subtree an org-admin or auditor covers.
    package let scope: OrgPath?
    /// The member record a member account is bound to.
    package let memberID: Int64?

    /// Creates a caller.
    package init(uid: UInt32, userName: String, role: Role?, scope: OrgPath? = nil, memberID: Int64? = nil) {
        self.uid = uid
        self.userName = userName
        self.role = role
        self.scope = scope
        self.memberID = memberID
    }

    /// Whether the caller may see everything.
    package var isSystemAdmin: Bool { role == .admin }
}
