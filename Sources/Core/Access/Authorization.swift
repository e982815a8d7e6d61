import Domain
import Store

/// The one place that decides whether a principal may run an operation: it identifies the caller from the
/// accounts table, locates every organization or member the request names, and applies the operation's
/// ``Access``, all inside the operation's own transaction.
enum Authorization {
    static func authorize(
        _ principal: Principal,
        _ access: Access,
        _ targets: [ScopeTarget],
        ownUID: UInt32,
        in tx: any StoreReader
    ) throws -> Caller {
        let caller = try identify(principal, ownUID: ownUID, in: tx)
        try check(caller, access, targets, in: tx)
        return caller
    }

    /// Checks that `caller`, already identified, may act under `access` on `targets`: the decision
    /// ``authorize(_:_:_:ownUID:in:)`` takes, also for an operation open to every account that narrows what a
    /// scoped caller names by the caller's role (`board.list`).
    static func check(_ caller: Caller, _ access: Access, _ targets: [ScopeTarget], in tx: any StoreReader) throws {
        // The role alone decides first (no account, an auditor writing, a member reading others), so that what
        // follows can never tell a caller more than their role allows.
        try access.check(caller, targets: [])
        // Administrators see everything: a missing target is reported as missing by the operation itself.
        guard access != .anyone, caller.role != nil, !caller.isSystemAdmin else { return }
        for target in targets {
            if case .forestTop = target {
                try access.check(caller, targets: [.forestTop])
                continue
            }
            // Outside the caller's scope, "exists elsewhere" and "does not exist" must look the same.
            guard let path = try locateIfExists(target, in: tx), (try? access.check(caller, targets: [path])) != nil
            else { throw concealed(target) }
        }
    }

    /// The one refusal for a target that is missing or outside the caller's scope: which of the two is not said.
    static func concealed(_ target: ScopeTarget) -> DomainError {
        switch target {
        case .organization(let code, let field):
            DomainError.notFound(field, "党组织“\(code)”不存在或不在您的管理范围内", reason: "org.not_found")
        case .member(let reference, let field):
            DomainError.notFound(field, "党员“\(reference)”不存在或不在您的管理范围内", reason: "member.not_found")
        case .notice(let id, let field):
            DomainError.notFound(field, "通知 \(id) 不存在或不在您的管理范围内", reason: "notice.not_found")
        case .activity(let id, let field):
            DomainError.notFound(field, "活动 \(id) 不存在或不在您的管理范围内", reason: "activity.not_found")
        case .channel(let id, let field):
            DomainError.notFound(field, "渠道 \(id) 不存在或不在您的管理范围内", reason: "channel.not_found")
        case .delivery(let id, let field):
            DomainError.notFound(field, "投递 \(id) 不存在或不在您的管理范围内", reason: "delivery.not_found")
        case .scheduledJob(let id, let field):
            DomainError.notFound(field, "定时任务 \(id) 不存在或不在您的管理范围内", reason: "schedule.not_found")
        case .boardMessage(let id, let field):
            DomainError.notFound(field, "留言 \(id) 不存在或不在您的管理范围内", reason: "board.not_found")
        case .reminder(let id, let field):
            DomainError.notFound(field, "提醒 \(id) 不存在或不在您的管理范围内", reason: "reminder.not_found")
        case .forestTop(let field):
            DomainError(.forbidden, reason: "auth.forbidden", field: field, message: "只有系统管理员可以设立顶级党组织，请指定上级组织")
        }
    }

    /// Who `principal` is in partyd's terms. Root, the daemon's own user and the daemon itself are system
    /// administrators whatever the accounts table says; a member's link acts as that member while on the roll.
    static func identify(_ principal: Principal, ownUID: UInt32, in tx: any StoreReader) throws -> Caller {
        switch principal {
        case .daemon:
            return Caller(principal: principal, role: .admin)
        case .unixUser(let uid, let name):
            if uid == 0 || uid == ownUID { return Caller(principal: principal, role: .admin) }
            guard let account = try tx.account(unixUser: name) else { return Caller(principal: principal, role: nil) }
            // A member account's scope is the member's own branch, as for a member's link.
            let scopeOrg = try account.orgID ?? account.memberID.flatMap { try tx.member(reference: String($0))?.orgID }
            let scope = try scopeOrg.flatMap { try tx.organization(id: $0)?.path }
            return Caller(principal: principal, role: account.role, scope: scope, memberID: account.memberID)
        case .member(let id):
            guard let member = try tx.member(reference: String(id)), member.isActive else {
                return Caller(principal: principal, role: nil)
            }
            let scope = try tx.organization(id: member.orgID)?.path
            return Caller(principal: principal, role: .member, scope: scope, memberID: member.id)
        }
    }

    /// Where in the tree a target sits, or nil when it does not exist.
    static func locateIfExists(_ target: ScopeTarget, in tx: any StoreReader) throws -> OrgPath? {
        switch target {
        case .organization(let code, _):
            return try tx.organization(code: code)?.path
        case .member(let reference, _):
            guard let member = try tx.member(reference: reference) else { return nil }
            return try tx.organization(id: member.orgID)?.path
        case .notice(let id, _):
            guard let notice = try tx.notice(id: id) else { return nil }
            return try tx.organization(id: notice.orgID)?.path
        case .activity(let id, _):
            guard let activity = try tx.activity(id: id) else { return nil }
            return try tx.organization(id: activity.orgID)?.path
        case .channel(let id, _):
            guard let channel = try tx.channel(id: id), channel.active else { return nil }
            return try tx.organization(id: channel.orgID)?.path
        case .scheduledJob(let id, _):
            guard let job = try tx.scheduledJob(id: id) else { return nil }
            return try tx.organization(id: job.orgID)?.path
        case .delivery(let id, _):
            guard let delivery = try tx.delivery(id: id) else { return nil }
            return try tx.organization(id: delivery.channel.orgID)?.path
        case .boardMessage(let id, _):
            guard let entry = try tx.boardMessage(id: id) else { return nil }
            return try tx.organization(id: entry.message.orgID)?.path
        case .reminder(let id, _):
            guard let orgID = try tx.reminder(id: id)?.finding.orgID else { return nil }
            return try tx.organization(id: orgID)?.path
        case .forestTop:
            return .forestTop
        }
    }

    /// Whether `path` lies within what `caller` may see (everything for a system administrator).
    static func sees(_ path: OrgPath, _ caller: Caller) -> Bool {
        caller.isSystemAdmin || caller.scope.map { path.isWithin($0) } ?? false
    }
}

extension PartyCore {
    /// Who `principal` is in partyd's terms (role, scope, member), from the accounts table as it is now: for
    /// callers that must decide before any operation, such as a listener admitting a connection.
    package func identify(_ principal: Principal) async throws -> Caller {
        let ownUID = self.ownUID
        return try await store.read { tx in try Authorization.identify(principal, ownUID: ownUID, in: tx) }
    }
}
