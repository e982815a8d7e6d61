import Foundation

/// What an account may do. Scoped roles carry the organization whose subtree they cover.
package enum Role: String, Sendable, Codable, CaseIterable {
    /// 系统管理员: everything, everywhere, including accounts.
    case admin
    /// 组织管理员: reads and changes one organization's subtree.
    case orgAdmin = "org-admin"
    /// 审计员: reads one organization's subtree, changes nothing.
    case auditor
    /// 党员: self-service on their own member record only.
    case member

    /// The Chinese label shown in tables.
    package var label: String {
        switch self {
        case .admin: "系统管理员"
        case .orgAdmin: "组织管理员"
        case .auditor: "审计员"
        case .member: "党员"
        }
    }

    /// Parses the wire name or the Chinese label.
    package static func parse(_ text: String) -> Role? {
        Role(rawValue: text.lowercased()) ?? Role.allCases.first { $0.label == text }
            ?? (text.lowercased() == "org_admin" ? .orgAdmin : nil)
    }
}

/// An account: a Unix user name mapped to a role and, for scoped roles, an organization or a member record.
package struct Account: Sendable, Codable, Equatable {
    /// The Unix user name the daemon sees through SO_PEERCRED.
    package var unixUser: String
    /// The role.
    package var role: Role
    /// The organization whose subtree an org-admin or auditor covers.
    package var orgID: Int64?
    /// The member record a member account is bound to.
    package var memberID: Int64?
    /// When the account was created.
    package var createdAt: Date
    /// Where the administrator reads mail (reminders for their organization's administrators go there too).
    package var email: String?

    /// Creates an account record.
    package init(unixUser: String, role: Role, orgID: Int64?, memberID: Int64?, createdAt: Date, email: String? = nil) {
        self.email = email
        self.unixUser = unixUser
        self.role = role
        self.orgID = orgID
        self.memberID = memberID
        self.createdAt = createdAt
    }
}
