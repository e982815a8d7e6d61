import Domain
import Foundation
import Store
import Wire

/// `user.*`: accounts, managed by system administrators only.
enum UserHandlers {
    static func register(in registry: inout MethodRegistry) {
        registry.register(UserAdd.self, access: .systemAdmin) { params, context in try await add(params, context) }
        registry.register(UserList.self, access: .systemAdmin) { _, context in
            try await context.store.read { tx in
                UserList.Result(accounts: try tx.accounts().map { try view($0, in: tx) })
            }
        }
        registry.register(UserRemove.self, access: .systemAdmin) { params, context in
            try await context.store.write { tx in
                guard let account = try tx.account(unixUser: params.unixUser) else {
                    throw DomainError.notFound("unixUser", "账户 \(params.unixUser) 不存在", reason: "user.not_found")
                }
                _ = try tx.deleteAccount(unixUser: params.unixUser)
                try tx.appendAudit(
                    context.audit(
                        method: UserRemove.name,
                        target: params.unixUser,
                        orgID: account.orgID,
                        summary: "删除账户 \(params.unixUser)（\(account.role.label)）"
                    )
                )
                return OK()
            }
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

    private static func add(_ params: UserAdd.Params, _ context: RequestContext) async throws -> AccountView {
        try validateUserName(params.unixUser)
        guard let role = Role.parse(params.role) else {
            throw DomainError.invalid(
                "role",
                "角色“\(params.role)”无效，应为 admin、org-admin、auditor 或 member",
                reason: "invalid_role"
            )
        }
        let orgCode = params.org?.nonBlank
        let memberRef = params.member?.nonBlank
        switch role {
        case .admin:
            guard orgCode == nil, memberRef == nil else {
                throw DomainError.invalid("org", "系统管理员不绑定组织或党员", reason: "role_binding")
            }
        case .orgAdmin, .auditor:
            guard orgCode != nil else {
                throw DomainError.invalid("org", "\(role.label)须用 --org 指定管理范围（组织代码）", reason: "role_binding")
            }
            guard memberRef == nil else {
                throw DomainError.invalid("member", "\(role.label)不绑定党员", reason: "role_binding")
            }
        case .member:
            guard memberRef != nil else {
                throw DomainError.invalid("member", "党员账户须用 --member 指定党员（内部编号或身份证号）", reason: "role_binding")
            }
            guard orgCode == nil else {
                throw DomainError.invalid("org", "党员账户不绑定组织，其范围即本人所在支部", reason: "role_binding")
            }
        }
        return try await context.store.write { tx in
            if try tx.account(unixUser: params.unixUser) != nil {
                throw DomainError(
                    .conflict,
                    reason: "user.duplicate",
                    field: "unixUser",
                    message: "账户 \(params.unixUser) 已存在"
                )
            }
            let org = try orgCode.map { try OrgLookup.require($0, field: "org", in: tx) }
            if let org { try OrgRules.requireActive(org, field: "org") }
            let member = try memberRef.map { try MemberLookup.require($0, in: tx) }
            if let member, !member.isActive {
                throw DomainError(
                    .rule,
                    reason: "member.inactive",
                    field: "member",
                    message: "党员 \(member.name) 已不在册（\(member.status.rawValue)），不能绑定账户"
                )
            }
            let account = Account(
                unixUser: params.unixUser,
                role: role,
                orgID: org?.id,
                memberID: member?.id,
                createdAt: context.timestamp
            )
            try tx.insertAccount(account)
            let scope = org.map { "，范围\($0.label)" } ?? member.map { "，党员 \($0.name)" } ?? ""
            try tx.appendAudit(
                context.audit(
                    method: UserAdd.name,
                    target: params.unixUser,
                    orgID: org?.id ?? member?.orgID,
                    summary: "新建账户 \(params.unixUser)：\(role.label)\(scope)"
                )
            )
            return try view(account, in: tx)
        }
    }

    static func view(_ account: Account, in tx: any StoreReader) throws -> AccountView {
        let orgCode = try account.orgID.flatMap { try tx.codes(of: [$0])[$0] }
        let member = try account.memberID.flatMap { try tx.member(reference: String($0)) }
        return AccountView(
            unixUser: account.unixUser,
            role: account.role,
            orgCode: orgCode,
            memberID: account.memberID,
            memberName: member?.name,
            createdAt: account.createdAt
        )
    }
}
