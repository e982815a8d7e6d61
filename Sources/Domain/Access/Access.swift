/// What a method needs from its caller. Every RPC method declares one; ``Access/check(_:targets:)`` is the
/// single place that decides.
package enum Access: Sendable, Equatable {
    /// Anyone who can reach the socket, even without an account (hello, method list).
    case anyone
    /// Any account (status, one's own record).
    case account
    /// System administrators only (accounts, daemon-wide changes).
    case systemAdmin
    /// Reading inside the caller's subtree: admins, org-admins and auditors.
    case read
    /// Changing inside the caller's subtree: admins and org-admins.
    case write
    /// A member's own records; also open to every other account, which sees through its own scope.
    case selfService

    /// Decides whether `caller` may call a method with this requirement on organizations at `targets`.
    ///
    /// `targets` are the positions of every organization the request names (the one changed and, for a
    /// move or merge, the destination); scoped callers must cover each of them.
    package func check(_ caller: Caller, targets: [OrgPath]) throws(DomainError) {
        if self == .anyone { return }
        guard let role = caller.role else {
            throw DomainError(
                .unauthenticated,
                reason: "auth.no_account",
                field: nil,
                message: Access.noAccountMessage(caller.principal)
            )
        }
        if role == .admin { return }
        switch self {
        case .anyone, .account, .selfService:
            return
        case .systemAdmin:
            throw Access.denied(caller, "只有系统管理员可以执行此操作")
        case .read, .write:
            guard role == .orgAdmin || (role == .auditor && self == .read) else {
                throw Access.denied(caller, role == .auditor ? "审计员只能查看，不能修改" : "\(role.label)账户无权执行此操作")
            }
            guard let scope = caller.scope else { throw Access.denied(caller, "账户未绑定管理范围") }
            for target in targets where !target.isWithin(scope) {
                throw Access.denied(
                    caller,
                    target == .forestTop ? "只有系统管理员可以设立顶级党组织，请指定上级组织" : "目标组织不在您的管理范围内"
                )
            }
        }
    }

    private static func noAccountMessage(_ principal: Principal) -> String {
        switch principal {
        case .unixUser(let uid, let name):
            "Unix 用户 \(name)（uid \(uid)）没有 partyd 账户；请系统管理员执行 partyadmin user add --unix-user \(name) --role ..."
        case .member:
            "该链接对应的党员记录不存在或已不在册，链接已失效"
        case .daemon:
            "partyd 自身无权执行此操作"
        }
    }

    private static func denied(_ caller: Caller, _ message: String) -> DomainError {
        DomainError(.forbidden, reason: "auth.forbidden", field: nil, message: "\(caller.userName)：\(message)")
    }
}
