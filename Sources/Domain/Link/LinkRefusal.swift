/// Why a member's link cannot be used, each with the page a member is shown. Nothing is changed by a refused
/// link.
package enum LinkRefusal: Error, Sendable, Equatable {
    /// Not a token of ours: malformed, altered, or signed with another key.
    case invalid
    /// Past its expiry.
    case expired
    /// Its action has already been taken once through it.
    case used
    /// The member is no longer on the roll, or the record is no longer addressed to them.
    case revoked
    /// The record was withdrawn (a retracted notice); the reason, when given.
    case withdrawn(reason: String)
    /// The action does not apply to the record (acknowledging a notice that does not ask for it).
    case notApplicable

    /// The machine-readable reason.
    package var reason: String {
        switch self {
        case .invalid: "link.invalid"
        case .expired: "link.expired"
        case .used: "link.used"
        case .revoked: "link.revoked"
        case .withdrawn: "link.withdrawn"
        case .notApplicable: "link.not_applicable"
        }
    }

    /// The page's heading.
    package var title: String {
        switch self {
        case .invalid: "链接无效"
        case .expired: "链接已过期"
        case .used: "此链接已使用"
        case .revoked: "链接已失效"
        case .withdrawn: "通知已撤回"
        case .notApplicable: "无需此操作"
        }
    }

    /// What the member is told to do.
    package var message: String {
        switch self {
        case .invalid:
            "此链接不完整或已被改动，无法打开。请从原消息中重新打开完整链接，或联系所在党支部。"
        case .expired:
            "此链接已超过有效期。请登录查看，或联系所在党支部重新发送。"
        case .used:
            "此链接已用于登记，不能再次提交。如需查看，请联系所在党支部。"
        case .revoked:
            "此链接对应的党员或通知已不可用。如有疑问，请联系所在党支部。"
        case .withdrawn(let reason):
            reason.isEmpty ? "此通知已撤回，请勿再按其办理。" : "此通知已撤回，请勿再按其办理。撤回原因：\(reason)"
        case .notApplicable:
            "此通知不要求确认收到。"
        }
    }
}
