import Foundation

/// An activity of organizational life as stored: the plan, then the record of its holding (or its
/// cancellation), and its publication.
package struct Activity: Sendable, Equatable {
    /// Sequence number.
    package var id: Int64
    /// The organization holding it.
    package var orgID: Int64
    /// 支部党员大会, 支委会…
    package var kind: ActivityKind
    /// The title, one line.
    package var title: String
    /// Planned, held, published or cancelled.
    package var state: ActivityState
    /// When it is planned to start.
    package var plannedAt: Date
    /// Where.
    package var place: String?
    /// 议题: what is to be discussed.
    package var theme: String?
    /// 主持人.
    package var host: String?
    /// 记录人.
    package var recorder: String?
    /// The last moment to sign up, when there is one.
    package var signupDeadline: Date?
    /// The notice that invited the invitees.
    package var invitationNoticeID: Int64?
    /// Who planned it (the principal's name).
    package var createdBy: String
    /// What happened, once recorded.
    package var record: Record?
    /// When and why it was cancelled.
    package var cancellation: Cancellation?
    /// When its record was published.
    package var publishedAt: Date?
    /// The 工作动态 notice it was posted as, if any.
    package var feedNoticeID: Int64?

    /// The record of a held activity.
    package struct Record: Sendable, Equatable {
        /// When it actually started.
        package var heldAt: Date
        /// How long, in minutes.
        package var durationMinutes: Int?
        /// 会议内容 / minutes.
        package var minutes: String?
        /// 决议 / decisions.
        package var decisions: String?
        /// When the record was made.
        package var recordedAt: Date
        /// The last day the record was due (working days after the activity).
        package var dueOn: LocalDate
        /// Whether it was recorded after `dueOn`.
        package var late: Bool

        /// Creates the record.
        package init(
            heldAt: Date,
            durationMinutes: Int?,
            minutes: String?,
            decisions: String?,
            recordedAt: Date,
            dueOn: LocalDate,
            late: Bool
        ) {
            self.heldAt = heldAt
            self.durationMinutes = durationMinutes
            self.minutes = minutes
            self.decisions = decisions
            self.recordedAt = recordedAt
            self.dueOn = dueOn
            self.late = late
        }
    }

    /// A cancellation.
    package struct Cancellation: Sendable, Equatable {
        /// When.
        package var at: Date
        /// Why, one line.
        package var reason: String

        /// Creates the cancellation.
        package init(at: Date, reason: String) {
            self.at = at
            self.reason = reason
        }
    }

    /// Creates a planned activity (the store assigns the id).
    package init(
        id: Int64 = 0,
        orgID: Int64,
        kind: ActivityKind,
        title: String,
        state: ActivityState = .planned,
        plannedAt: Date,
        place: String? = nil,
        theme: String? = nil,
        host: String? = nil,
        recorder: String? = nil,
        signupDeadline: Date? = nil,
        invitationNoticeID: Int64? = nil,
        createdBy: String,
        record: Record? = nil,
        cancellation: Cancellation? = nil,
        publishedAt: Date? = nil,
        feedNoticeID: Int64? = nil
    ) {
        self.id = id
        self.orgID = orgID
        self.kind = kind
        self.title = title
        self.state = state
        self.plannedAt = plannedAt
        self.place = place
        self.theme = theme
        self.host = host
        self.recorder = recorder
        self.signupDeadline = signupDeadline
        self.invitationNoticeID = invitationNoticeID
        self.createdBy = createdBy
        self.record = record
        self.cancellation = cancellation
        self.publishedAt = publishedAt
        self.feedNoticeID = feedNoticeID
    }

    /// The day the activity counts for: when held, else when planned.
    package func day(in zone: TimeZone) -> LocalDate { LocalDate.of(record?.heldAt ?? plannedAt, in: zone) }
}

/// One invitee's attendance as stored.
package struct ActivityAttendance: Sendable, Equatable {
    /// The member.
    package var memberID: Int64
    /// The member's name.
    package var memberName: String
    /// The member's branch when invited.
    package var orgID: Int64
    /// Where they stand.
    package var status: AttendanceStatus
    /// The reason of a leave request.
    package var reason: String?
    /// When they confirmed taking part (themselves or through an administrator); nil while not confirmed.
    package var confirmedAt: Date?
    /// When the status last changed.
    package var changedAt: Date
    /// How the last change came.
    package var channel: AttendanceChannel

    /// Creates the attendance.
    package init(
        memberID: Int64,
        memberName: String,
        orgID: Int64,
        status: AttendanceStatus,
        reason: String? = nil,
        confirmedAt: Date? = nil,
        changedAt: Date,
        channel: AttendanceChannel
    ) {
        self.memberID = memberID
        self.memberName = memberName
        self.orgID = orgID
        self.status = status
        self.reason = reason
        self.confirmedAt = confirmedAt
        self.changedAt = changedAt
        self.channel = channel
    }
}

/// 应到, 实到 and the rest, always derived from the attendance rows, never typed.
package struct ActivityCounts: Sendable, Codable, Equatable {
    /// 应到: everyone invited.
    package var expected: Int
    /// 实到: present.
    package var present: Int
    /// 请假.
    package var leave: Int
    /// 缺席.
    package var absent: Int
    /// 已报名 (before the activity).
    package var signedUp: Int
    /// 未回复.
    package var unanswered: Int

    /// Counts `attendance`.
    package init(_ attendance: [ActivityAttendance]) {
        expected = attendance.count
        present = attendance.filter { $0.status == .present }.count
        leave = attendance.filter { $0.status == .leave }.count
        absent = attendance.filter { $0.status == .absent }.count
        signedUp = attendance.filter { $0.status == .signedUp }.count
        unanswered = attendance.filter { $0.status == .invited }.count
    }

    /// Whether more than half of those expected are present.
    package var hasQuorum: Bool { present * 2 > expected }
}
