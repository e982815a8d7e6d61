/// An activity to plan, as typed: times are `YYYY-MM-DD HH:MM` in the daemon's zone or ISO 8601.
package struct ActivityFields: Codable, Sendable, Equatable {
    /// The organization holding it.
    package var org: String
    /// 支部党员大会, 支委会, 党小组会, 党课, 主题党日, 组织生活会, 民主评议 or 其他.
    package var kind: String
    /// The title, one line.
    package var title: String
    /// When it is planned to start.
    package var at: String
    /// Where.
    package var place: String?
    /// 议题.
    package var theme: String?
    /// 主持人 (a name).
    package var host: String?
    /// 记录人 (a name).
    package var recorder: String?
    /// The last moment to sign up.
    package var signupDeadline: String?
    /// Members invited by name (id or 身份证号): the committee of a 支委会, the group of a 党小组会, or extra
    /// invitees besides the organization's members.
    package var invite: [String]?
    /// Files uploaded beforehand, attached in order.
    package var attachments: [AttachmentRef]?

    /// Creates the fields.
    package init(
        org: String,
        kind: String,
        title: String,
        at: String,
        place: String? = nil,
        theme: String? = nil,
        host: String? = nil,
        recorder: String? = nil,
        signupDeadline: String? = nil,
        invite: [String]? = nil,
        attachments: [AttachmentRef]? = nil
    ) {
        self.org = org
        self.kind = kind
        self.title = title
        self.at = at
        self.place = place
        self.theme = theme
        self.host = host
        self.recorder = recorder
        self.signupDeadline = signupDeadline
        self.invite = invite
        self.attachments = attachments
    }
}

/// The record of a held activity, as typed. Invitees named neither present nor on leave are absent; a leave
/// asked beforehand stands unless the member is named present.
package struct ActivityRecordFields: Codable, Sendable, Equatable {
    /// A member on leave and why.
    package struct Leave: Codable, Sendable, Equatable {
        /// The member (id or 身份证号).
        package var member: String
        /// Why.
        package var reason: String

        /// Creates the entry.
        package init(member: String, reason: String) {
            self.member = member
            self.reason = reason
        }
    }

    /// The activity.
    package var activity: Int64
    /// When it actually started.
    package var heldAt: String
    /// How long, in minutes.
    package var durationMinutes: Int?
    /// 会议内容 / minutes.
    package var minutes: String?
    /// 决议.
    package var decisions: String?
    /// The members present (id or 身份证号).
    package var present: [String]
    /// The members on leave.
    package var leave: [Leave]?
    /// Files uploaded beforehand (minutes, sign-in sheet, photos), attached in order.
    package var attachments: [AttachmentRef]?

    /// Creates the fields.
    package init(
        activity: Int64,
        heldAt: String,
        durationMinutes: Int? = nil,
        minutes: String? = nil,
        decisions: String? = nil,
        present: [String],
        leave: [Leave]? = nil,
        attachments: [AttachmentRef]? = nil
    ) {
        self.activity = activity
        self.heldAt = heldAt
        self.durationMinutes = durationMinutes
        self.minutes = minutes
        self.decisions = decisions
        self.present = present
        self.leave = leave
        self.attachments = attachments
    }
}

/// One person's attendance as the protocol shows it.
package struct AttendanceView: Codable, Sendable, Equatable {
    /// The member's id.
    package var memberID: Int64
    /// The member's name.
    package var memberName: String
    /// Their branch's code.
    package var orgCode: String
    /// 未回复, 已报名, 请假, 出席 or 缺席.
    package var status: AttendanceStatus
    /// The leave reason.
    package var reason: String?
    /// When participation was confirmed (ISO 8601).
    package var confirmedAt: String?
    /// When the status last changed (ISO 8601).
    package var changedAt: String
    /// How the last change came.
    package var channel: AttendanceChannel
    /// Points granted for it, once granted.
    package var points: Int?

    /// Creates the view.
    package init(
        memberID: Int64,
        memberName: String,
        orgCode: String,
        status: AttendanceStatus,
        reason: String?,
        confirmedAt: String?,
        changedAt: String,
        channel: AttendanceChannel,
        points: Int?
    ) {
        self.memberID = memberID
        self.memberName = memberName
        self.orgCode = orgCode
        self.status = status
        self.reason = reason
        self.confirmedAt = confirmedAt
        self.changedAt = changedAt
        self.channel = channel
        self.points = points
    }
}

/// One change of someone's attendance: when, how, by whom.
package struct AttendanceEventView: Codable, Sendable, Equatable {
    /// The member's id.
    package var memberID: Int64
    /// The member's name.
    package var memberName: String
    /// The status it set.
    package var status: AttendanceStatus
    /// The leave reason.
    package var reason: String?
    /// How it came.
    package var channel: AttendanceChannel
    /// Who made it (the principal's name).
    package var actor: String
    /// When (ISO 8601).
    package var at: String

    /// Creates the view.
    package init(
        memberID: Int64,
        memberName: String,
        status: AttendanceStatus,
        reason: String?,
        channel: AttendanceChannel,
        actor: String,
        at: String
    ) {
        self.memberID = memberID
        self.memberName = memberName
        self.status = status
        self.reason = reason
        self.channel = channel
        self.actor = actor
        self.at = at
    }
}

/// An activity as the protocol shows it. Lists leave out the attendance, its history and the attachments.
package struct ActivityView: Codable, Sendable, Equatable {
    /// Its number.
    package var id: Int64
    /// The organization's code.
    package var orgCode: String
    /// The organization's name.
    package var orgName: String
    /// The kind.
    package var kind: ActivityKind
    /// The title.
    package var title: String
    /// Planned, held, published or cancelled.
    package var state: ActivityState
    /// When planned (ISO 8601).
    package var plannedAt: String
    /// Where.
    package var place: String?
    /// 议题.
    package var theme: String?
    /// 主持人.
    package var host: String?
    /// 记录人.
    package var recorder: String?
    /// The sign-up deadline (ISO 8601).
    package var signupDeadline: String?
    /// The invitation notice.
    package var invitationNotice: Int64?
    /// Who planned it.
    package var createdBy: String
    /// When it was held (ISO 8601).
    package var heldAt: String?
    /// How long, in minutes.
    package var durationMinutes: Int?
    /// The minutes.
    package var minutes: String?
    /// The decisions.
    package var decisions: String?
    /// When recorded (ISO 8601).
    package var recordedAt: String?
    /// The last day the record was due.
    package var dueOn: LocalDate?
    /// Whether the record came after `dueOn`.
    package var late: Bool
    /// When cancelled (ISO 8601).
    package var cancelledAt: String?
    /// Why cancelled.
    package var cancelReason: String?
    /// When published (ISO 8601).
    package var publishedAt: String?
    /// The 工作动态 notice it was posted as.
    package var feedNotice: Int64?
    /// 应到, 实到 and the rest.
    package var counts: ActivityCounts
    /// Everyone's attendance, by branch then name (in `activity.show` and changes).
    package var attendance: [AttendanceView]?
    /// Every attendance change, oldest first (in `activity.show`).
    package var history: [AttendanceEventView]?
    /// Its attachments, in order (in `activity.show` and changes).
    package var attachments: [AttachmentView]?

    /// Creates the view of an activity's plan; the rest is filled in by the caller.
    package init(
        id: Int64,
        orgCode: String,
        orgName: String,
        kind: ActivityKind,
        title: String,
        state: ActivityState,
        plannedAt: String,
        createdBy: String,
        counts: ActivityCounts
    ) {
        self.id = id
        self.orgCode = orgCode
        self.orgName = orgName
        self.kind = kind
        self.title = title
        self.state = state
        self.plannedAt = plannedAt
        self.createdBy = createdBy
        self.late = false
        self.counts = counts
    }
}

/// One activity in a member's own list, with their attendance.
package struct MyActivity: Codable, Sendable, Equatable {
    /// The activity (without others' attendance).
    package var activity: ActivityView
    /// The member's own attendance.
    package var mine: AttendanceView

    /// Creates the entry.
    package init(activity: ActivityView, mine: AttendanceView) {
        self.activity = activity
        self.mine = mine
    }
}
