/// An account as the protocol shows it.
package struct AccountView: Codable, Sendable, Equatable {
    /// Unix user name.
    package var unixUser: String
    /// Role.
    package var role: Role
    /// The scope organization's code (org-admin, auditor).
    package var orgCode: String?
    /// The bound member's id (member).
    package var memberID: Int64?
    /// The bound member's name.
    package var memberName: String?
    /// When created.
    package var createdAt: String
    /// The account's e-mail address, if any.
    package var email: String?

    /// Creates the view.
    package init(
        unixUser: String,
        role: Role,
        orgCode: String?,
        memberID: Int64?,
        memberName: String?,
        createdAt: String,
        email: String? = nil
    ) {
        self.email = email
        self.unixUser = unixUser
        self.role = role
        self.orgCode = orgCode
        self.memberID = memberID
        self.memberName = memberName
        self.createdAt = createdAt
    }
}
