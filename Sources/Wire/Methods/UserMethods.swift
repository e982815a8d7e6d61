import Domain

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
        /// The administrator's e-mail address (not for member accounts).
        package var email: String?
        /// Creates the parameters.
        package init(unixUser: String, role: String, org: String? = nil, member: String? = nil, email: String? = nil) {
            self.email = email
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

/// `user.setEmail`: sets or clears an account's e-mail address.
package enum UserSetEmail: RPCMethod {
    /// The account and its address.
    package struct Params: Codable, Sendable {
        /// Unix user name.
        package var unixUser: String
        /// The address; absent or blank clears it.
        package var email: String?
        /// Creates the parameters.
        package init(unixUser: String, email: String?) {
            self.unixUser = unixUser
            self.email = email
        }
    }
    package typealias Result = AccountView
    package static let name = "user.setEmail"
    package static let summary = "设置账户邮箱（提醒的邮件地址）"
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
