import Domain

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

    /// Creates the view.
    package init(
        unixUser: String,
        role: Role,
        orgCode: String?,
        memberID: Int64?,
        memberName: String?,
        createdAt: String
    ) {
        self.unixUser = unixUser
        self.role = role
        self.orgCode = orgCode
        self.memberID = memberID
        self.memberName = memberName
        self.createdAt = createdAt
    }
}

/// `user.add`: maps a Unix user to a role.
package enum UserAdd: RPCMethod {
    /// The account to create.
    package struct Params: Codable, Sendable {
        /// Unix user name.
        package var unixUser: String
        /// admin, org-admin, auditor or member.
        package var role: String
        /// The scope organization (org-admin, auditor).
        package var org: String?
        /// The member record, by id or identity number (member).
        package var member: String?
        /// Creates the parameters.
        package init(unixUser: String, role: String, org: String? = nil, member: String? = nil) {
            self.unixUser = unixUser
            self.role = role
            self.org = org
            self.member = member
        }
    }
    package typealias Result = AccountView
    package static let name = "user.add"
    package static let summary = "新建账户（将 Unix 用户映射到角色）"
}

/// `user.list`: the accounts the caller may see.
package enum UserList: RPCMethod {
    /// The accounts.
    package struct Result: Codable, Sendable {
        /// Ordered by user name.
        package var accounts: [AccountView]
        /// Creates the list.
        package init(accounts: [AccountView]) { self.accounts = accounts }
    }
    package typealias Params = NoParams
    package static let name = "user.list"
    package static let summary = "账户列表"
}

/// `user.remove`: deletes an account.
package enum UserRemove: RPCMethod {
    /// The account.
    package struct Params: Codable, Sendable {
        /// Unix user name.
        package var unixUser: String
        /// Creates the parameters.
        package init(unixUser: String) { self.unixUser = unixUser }
    }
    package typealias Result = OK
    package static let name = "user.remove"
    package static let summary = "删除账户"
}

/// One audit entry.
package struct AuditEntryView: Codable, Sendable, Equatable {
    /// Sequence number.
    package var id: Int64
    /// When (ISO 8601).
    package var at: String
    /// Unix user.
    package var actor: String
    /// Method called.
    package var method: String
    /// What it acted on (an organization code, a member, an account).
    package var target: String
    /// A Chinese summary.
    package var summary: String

    /// Creates the view.
    package init(id: Int64, at: String, actor: String, method: String, target: String, summary: String) {
        self.id = id
        self.at = at
        self.actor = actor
        self.method = method
        self.target = target
        self.summary = summary
    }
}

/// `audit.list`: the newest audit entries within the caller's scope.
package enum AuditList: RPCMethod {
    /// Filters.
    package struct Params: Codable, Sendable {
        /// At most this many (default 50, at most 1000).
        package var limit: Int?
        /// Only entries about this organization's subtree.
        package var org: String?
        /// Only entries older than this id (paging).
        package var before: Int64?
        /// Creates the parameters.
        package init(limit: Int? = nil, org: String? = nil, before: Int64? = nil) {
            self.limit = limit
            self.org = org
            self.before = before
        }
    }
    /// The entries.
    package struct Result: Codable, Sendable {
        /// Newest first.
        package var entries: [AuditEntryView]
        /// Creates the list.
        package init(entries: [AuditEntryView]) { self.entries = entries }
    }
    package static let name = "audit.list"
    package static let summary = "审计日志"
}
