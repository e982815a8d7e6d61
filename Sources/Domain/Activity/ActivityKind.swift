/// The kinds of organizational life (组织生活) an activity records: 三会一课 and the others the 支部工作条例 names.
package enum ActivityKind: String, Sendable, Codable, CaseIterable {
    /// 支部党员大会.
    case branchAssembly = "支部党员大会"
    /// 支委会: the branch committee; needs more than half of its members present.
    case committeeMeeting = "支委会"
    /// 党小组会.
    case groupMeeting = "党小组会"
    /// 党课.
    case partyLecture = "党课"
    /// 主题党日.
    case themeDay = "主题党日"
    /// 组织生活会.
    case lifeMeeting = "组织生活会"
    /// 民主评议党员.
    case democraticReview = "民主评议"
    /// Anything else worth recording (谈心谈话, 专题学习…).
    case other = "其他"

    /// Names the console accepts besides the Chinese ones above.
    private static let aliases: [String: ActivityKind] = [
        "支部大会": .branchAssembly, "党员大会": .branchAssembly, "assembly": .branchAssembly,
        "支部委员会": .committeeMeeting, "支委会议": .committeeMeeting, "committee": .committeeMeeting,
        "小组会": .groupMeeting, "group": .groupMeeting,
        "lecture": .partyLecture,
        "theme-day": .themeDay, "themeday": .themeDay,
        "组织生活": .lifeMeeting, "life-meeting": .lifeMeeting,
        "民主评议党员": .democraticReview, "review": .democraticReview,
        "other": .other,
    ]

    /// Parses a kind given in `field`, or refuses listing the kinds.
    package static func parse(_ text: String, field: String = "kind") throws(DomainError) -> ActivityKind {
        let trimmed = text.trimmedWhitespace
        guard let kind = ActivityKind(rawValue: trimmed) ?? aliases[trimmed.lowercased()] else {
            throw DomainError.invalid(
                field,
                "活动类别“\(text)”无效，应为：\(allCases.map(\.rawValue).joined(separator: "、"))",
                reason: "activity.invalid_kind"
            )
        }
        return kind
    }

    /// Whether the invitees are only those the administrator names: the committee for a 支委会, the group for a
    /// 党小组会 (partyd keeps no committee or group rosters yet), rather than every member of the branch.
    package var invitesNamedOnly: Bool { self == .committeeMeeting || self == .groupMeeting }

    /// Whether the meeting is valid only with more than half of those expected present (支委会).
    package var needsQuorum: Bool { self == .committeeMeeting }
}

/// Where an activity is in its life.
package enum ActivityState: String, Sendable, Codable, CaseIterable {
    /// 待召开: planned, invitations out.
    case planned
    /// 已召开: held and recorded.
    case held
    /// 已发布: the record is published (and perhaps posted to the feed as 工作动态).
    case published
    /// 已取消: did not take place.
    case cancelled

    /// The state in Chinese.
    package var label: String {
        switch self {
        case .planned: "待召开"
        case .held: "已召开"
        case .published: "已发布"
        case .cancelled: "已取消"
        }
    }

    /// Whether the activity took place (held, and maybe published).
    package var tookPlace: Bool { self == .held || self == .published }
}

/// One person's attendance at an activity.
package enum AttendanceStatus: String, Sendable, Codable, CaseIterable {
    /// 未回复: invited, no answer yet.
    case invited
    /// 已报名: confirmed they will take part.
    case signedUp = "signed_up"
    /// 请假: asked leave, with a reason.
    case leave
    /// 出席: present (checked in, or recorded present).
    case present
    /// 缺席: absent without leave.
    case absent

    /// The status in Chinese.
    package var label: String {
        switch self {
        case .invited: "未回复"
        case .signedUp: "已报名"
        case .leave: "请假"
        case .present: "出席"
        case .absent: "缺席"
        }
    }
}

/// How an attendance change reached partyd.
package enum AttendanceChannel: String, Sendable, Codable, CaseIterable {
    /// Invited when the activity was planned.
    case plan
    /// The member at the console (a member account).
    case console
    /// An administrator on the member's behalf.
    case onBehalf = "on_behalf"
    /// The member through their personal link (the HTTP page).
    case link
    /// The administrator's record of the meeting.
    case record

    /// The channel in Chinese.
    package var label: String {
        switch self {
        case .plan: "邀请"
        case .console: "控制台"
        case .onBehalf: "管理员代为登记"
        case .link: "个人链接"
        case .record: "会议记录"
        }
    }
}

/// What an administrator records for a member (`activity.attend --as`).
package enum AttendanceAction: String, Sendable, Codable, CaseIterable {
    /// 确认参加 (before the activity: signs up; after: confirms taking part).
    case confirmed
    /// 请假, with a reason.
    case leave
    /// 出席.
    case present
    /// 缺席.
    case absent

    /// Parses `confirmed`, `leave`, `present`, `absent` or their Chinese names.
    package static func parse(_ text: String, field: String = "as") throws(DomainError) -> AttendanceAction {
        let aliases: [String: AttendanceAction] = [
            "confirmed": .confirmed, "confirm": .confirmed, "确认参加": .confirmed, "报名": .confirmed,
            "leave": .leave, "请假": .leave, "present": .present, "出席": .present, "签到": .present,
            "absent": .absent, "缺席": .absent,
        ]
        guard let action = aliases[text.trimmedWhitespace.lowercased()] ?? aliases[text.trimmedWhitespace] else {
            throw DomainError.invalid(
                field,
                "出席情况“\(text)”无效，应为：confirmed、leave、present、absent",
                reason: "activity.invalid_attendance"
            )
        }
        return action
    }
}
