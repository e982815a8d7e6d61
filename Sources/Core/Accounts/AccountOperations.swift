import Domain
import Foundation
import Store

/// Accounts: which Unix user holds which role, managed by system administrators only.
extension PartyCore {
    /// `user.add`: maps a Unix user to a role, bound to an organization (org-admin, auditor) or a member.
    package func addAccount(
        unixUser: String,
        role roleText: String,
        org: String?,
        member: String?,
        email: String? = nil,
        by principal: Principal
    ) async throws -> AccountView {
        let mustExist = accountsRequireUnixUser
        return try await write(.userAdd, by: principal) { op in
            let address = try Self.accountEmail(email, role: Self.parseRole(roleText))
            try Self.validateUserName(unixUser)
            if mustExist, !UnixUsers.exists(unixUser) {
                throw DomainError.notFound(
                    "unixUser",
                    "本机没有名为 \(unixUser) 的 Unix 用户：请先创建（如 useradd -m \(unixUser)），再为其建账户",
                    reason: "user.no_unix_user"
                )
            }
            let role = try Self.parseRole(roleText)
            let orgCode = org?.nonBlank
            let memberRef = member?.nonBlank
            try Self.validateBinding(role, org: orgCode, member: memberRef)
            if try op.tx.account(unixUser: unixUser) != nil {
                throw DomainError(
                    .conflict,
                    reason: "user.duplicate",
                    field: "unixUser",
                    message: "账户 \(unixUser) 已存在"
                )
            }
            let org = try orgCode.map { try OrgLookup.require($0, field: "org", in: op.tx) }
            if let org { try OrgRules.requireActive(org, field: "org") }
            let member = try memberRef.map { try MemberLookup.require($0, in: op.tx) }
            if let member, !member.isActive {
                throw DomainError(
                    .rule,
                    reason: "member.inactive",
                    field: "member",
                    message: "党员 \(member.name) 已不在册（\(member.status.rawValue)），不能绑定账户"
                )
            }
            let account = Account(
                unixUser: unixUser,
                role: role,
                orgID: org?.id,
                memberID: member?.id,
                createdAt: op.time.instant,
                email: address
            )
            try op.tx.insertAccount(account)
            var scope = org.map { "，范围\($0.label)" } ?? member.map { "，党员 \($0.name)" } ?? ""
            if let address { scope += "，邮箱 \(address)" }
            return Change(
                try Self.view(account, zone: op.time.zone, in: op.tx),
                audit: op.audit(
                    target: unixUser,
                    orgID: org?.id ?? member?.orgID,
                    summary: "新建账户 \(unixUser)：\(role.label)\(scope)"
                )
            )
        }
    }

    /// `user.list`: every account, by user name.
    package func accounts(by principal: Principal) async throws -> [AccountView] {
        try await read(.userList, by: principal) { op in
            try op.tx.accounts().map { try Self.view($0, zone: op.time.zone, in: op.tx) }
        }
    }

    /// `user.setEmail`: sets or (with nil or blank) clears an administrator's e-mail address, where reminders for
    /// their organization's administrators are mailed.
    package func setAccountEmail(unixUser: String, email: String?, by principal: Principal) async throws -> AccountView
    {
        try await write(.userSetEmail, by: principal) { op in
            guard var account = try op.tx.account(unixUser: unixUser) else {
                throw DomainError.notFound("unixUser", "账户 \(unixUser) 不存在", reason: "user.not_found")
            }
            let address = try Self.accountEmail(email, role: account.role)
            try op.tx.setAccountEmail(unixUser: unixUser, email: address)
            account.email = address
            return Change(
                try Self.view(account, zone: op.time.zone, in: op.tx),
                audit: op.audit(
                    target: unixUser,
                    orgID: account.orgID,
                    summary: address.map { "账户 \(unixUser) 的邮箱设为 \($0)" } ?? "清除账户 \(unixUser) 的邮箱"
                )
            )
        }
    }

    /// A checked address for an account, or nil for none; members' accounts take theirs from the roster.
    private static func accountEmail(_ text: String?, role: Role) throws(DomainError) -> String? {
        guard let address = text?.trimmedWhitespace.nonBlank else { return nil }
        guard role != .member else {
            throw DomainError.invalid("email", "党员账户的邮箱取自名册，请用 member edit --email 修改", reason: "role_binding")
        }
        guard address.count <= 254, MemberRules.isValidEmail(address) else {
            throw DomainError.invalid("email", "邮箱“\(address)”格式不正确", reason: "invalid_email")
        }
        return address
    }

    /// `user.remove`: deletes an account.
    package func removeAccount(unixUser: String, by principal: Principal) async throws {
        try await write(.userRemove, by: principal) { op in
            guard let account = try op.tx.account(unixUser: unixUser) else {
                throw DomainError.notFound("unixUser", "账户 \(unixUser) 不存在", reason: "user.not_found")
            }
            _ = try op.tx.deleteAccount(unixUser: unixUser)
            return Change(
                (),
                audit: op.audit(
                    target: unixUser,
                    orgID: account.orgID,
                    summary: "删除账户 \(unixUser)（\(account.role.label)）"
                )
            )
        }
    }

    /// The characters a Unix user name may hold (POSIX portable names plus what useradd accepts).
    private static func validateUserName(_ name: String) throws(DomainError) {
        let allowed = name.utf8.allSatisfy { byte in
            (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
        }
        guard !name.isEmpty, name.utf8.count <= 32, allowed, name.first != "-" else {
            throw DomainError.invalid(
                "unixUser",
                "Unix 用户名“\(name)”无效：1-32 位字母、数字、_ - .，不以 - 开头",
                reason: "invalid_user"
            )
        }
    }

    private static func parseRole(_ text: String) throws(DomainError) -> Role {
        guard let role = Role.parse(text) else {
            throw DomainError.invalid(
                "role",
                "角色“\(text)”无效，应为 admin、org-admin、auditor 或 member",
                reason: "invalid_role"
            )
        }
        return role
    }

    /// Scoped roles need their organization or member, and nothing else.
    private static func validateBinding(_ role: Role, org: String?, member: String?) throws(DomainError) {
        switch role {
        case .admin:
            guard org == nil, member == nil else {
                throw DomainError.invalid("org", "系统管理员不绑定组织或党员", reason: "role_binding")
            }
        case .orgAdmin, .auditor:
            guard org != nil else {
                throw DomainError.invalid("org", "\(role.label)须用 --org 指定管理范围（组织代码）", reason: "role_binding")
            }
            guard member == nil else {
                throw DomainError.invalid("member", "\(role.label)不绑定党员", reason: "role_binding")
            }
        case .member:
            guard member != nil else {
                throw DomainError.invalid("member", "党员账户须用 --member 指定党员（内部编号或身份证号）", reason: "role_binding")
            }
            guard org == nil else {
                throw DomainError.invalid("org", "党员账户不绑定组织，其范围即本人所在支部", reason: "role_binding")
            }
        }
    }

    private static func view(_ account: Account, zone: TimeZone, in tx: any StoreReader) throws -> AccountView {
        let orgCode = try account.orgID.flatMap { try tx.codes(of: [$0])[$0] }
        let member = try account.memberID.flatMap { try tx.member(reference: String($0)) }
        return AccountView(
            unixUser: account.unixUser,
            role: account.role,
            orgCode: orgCode,
            memberID: account.memberID,
            memberName: member?.name,
            createdAt: LocalTime.text(account.createdAt, in: zone),
            email: account.email
        )
    }
}
