import Foundation

/// Where a notice is in its life: scheduled notices wait for their time and may still be edited or cancelled;
/// published ones may only be retracted.
package enum NoticeState: String, Sendable, Codable, CaseIterable {
    /// 待发布: waiting for its publish time; no one has been told yet.
    case scheduled
    /// 已发布: its recipients were expanded and messages queued.
    case published
    /// 已取消: cancelled before it went out; no one was told.
    case cancelled
    /// 已撤回: withdrawn after publication: gone from inboxes, undelivered messages dropped.
    case retracted

    /// The state in Chinese.
    package var label: String {
        switch self {
        case .scheduled: "待发布"
        case .published: "已发布"
        case .cancelled: "已取消"
        case .retracted: "已撤回"
        }
    }
}

/// Who in the addressed organizations a notice goes to.
package enum NoticeAddressees: String, Sendable, Codable, CaseIterable {
    /// The members on the roll (their inboxes and e-mail) and the organizations' members' groups.
    case members
    /// The administrators: the organizations' committee groups (channels whose audience is `admins`).
    case admins
    /// Both.
    case all

    /// The choice in Chinese.
    package var label: String {
        switch self {
        case .members: "党员"
        case .admins: "管理员"
        case .all: "党员和管理员"
        }
    }

    /// Whether members get it in their inboxes and by e-mail.
    package var includesMembers: Bool { self != .admins }

    /// Whether the committees' groups get it.
    package var includesAdmins: Bool { self != .members }

    /// Parses 党员, 管理员 or 全部 (or members, admins, all).
    package static func parse(_ text: String, field: String = "to") throws(DomainError) -> NoticeAddressees {
        let aliases: [String: NoticeAddressees] = [
            "党员": .members, "members": .members, "管理员": .admins, "admins": .admins, "全部": .all, "all": .all,
            "党员和管理员": .all,
        ]
        guard let value = aliases[text.trimmedWhitespace.lowercased()] ?? aliases[text.trimmedWhitespace] else {
            throw DomainError.invalid(field, "发送对象“\(text)”无效，应为：党员、管理员、全部", reason: "invalid_addressees")
        }
        return value
    }
}

/// The state machine of a notice's life. Each decision takes the time as input and says what to do; the core
/// carries it out in one transaction.
package enum NoticeLifecycle {
    /// How far ahead a notice may be scheduled.
    package static let maximumLead: TimeInterval = 366 * 24 * 3600
    /// A publish time this little in the past (the console's clock, typing) still means "now".
    package static let pastTolerance: TimeInterval = 60

    /// When a new notice goes out: `nil` for now, or the scheduled instant. A time in the past (beyond a minute's
    /// tolerance) or more than a year ahead is refused.
    package static func publishTime(requested: Date?, now: Date) throws(DomainError) -> Date? {
        guard let requested else { return nil }
        if requested <= now {
            guard now.timeIntervalSince(requested) <= pastTolerance else {
                throw DomainError.invalid("at", "发布时间已过，立即发布请不要给出发布时间", reason: "date_in_past")
            }
            return nil
        }
        guard requested.timeIntervalSince(now) <= maximumLead else {
            throw DomainError.invalid("at", "发布时间不能晚于一年之后", reason: "too_far_ahead")
        }
        return requested
    }

    /// Whether a scheduled notice is due to go out at `now`.
    package static func isDue(_ notice: Notice, now: Date) -> Bool {
        notice.state == .scheduled && notice.publishedAt <= now
    }

    /// Checks that `notice` may still be edited or cancelled: only while it waits for its time.
    package static func requireScheduled(_ notice: Notice, action: String) throws(DomainError) {
        switch notice.state {
        case .scheduled: return
        case .published:
            throw DomainError(
                .rule,
                reason: "notice.already_published",
                field: "notice",
                message: "通知 \(notice.id) 已发布，不能\(action)；如需更正，请撤回后重新发布"
            )
        case .cancelled, .retracted:
            throw DomainError(
                .rule,
                reason: "notice.closed",
                field: "notice",
                message: "通知 \(notice.id) \(notice.state.label)，不能\(action)"
            )
        }
    }

    /// Decides a retraction: only a published notice, with a reason of one line. Returns the reason as kept.
    package static func retract(_ notice: Notice, reason: String) throws(DomainError) -> String {
        let reason = reason.trimmedWhitespace
        guard !reason.isEmpty else {
            throw DomainError.invalid("reason", "撤回须说明原因", reason: "empty_reason")
        }
        guard !MemberRules.exceeds(reason, NoticeRules.maxTitleLength) else {
            throw DomainError.invalid("reason", "撤回原因过长（最多 \(NoticeRules.maxTitleLength) 字）", reason: "too_long")
        }
        try TextRules.validate(reason, field: "reason", label: "撤回原因", shape: .line)
        switch notice.state {
        case .published: return reason
        case .scheduled:
            throw DomainError(
                .rule,
                reason: "notice.not_published",
                field: "notice",
                message: "通知 \(notice.id) 尚未发布，请用取消（notice cancel）"
            )
        case .cancelled, .retracted:
            throw DomainError(
                .rule,
                reason: "notice.closed",
                field: "notice",
                message: "通知 \(notice.id) \(notice.state.label)"
            )
        }
    }
}
