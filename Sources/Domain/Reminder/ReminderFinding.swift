import Foundation

/// Who a reminder is for.
package enum ReminderAudience: String, Sendable, Codable, CaseIterable {
    /// The administrators of its organization: the committee's groups, else the members' groups, else the system
    /// administrators (a reminder is never silently dropped).
    case admins
    /// One member: their inbox and e-mail.
    case member
    /// The members who, when it is sent, still owe the subject an answer (a notice's unacknowledged recipients, an
    /// activity's unconfirmed invitees): their inboxes and e-mail, in one message.
    case outstanding
    /// The system administrators: the committee groups of the top-level organizations.
    case system

    /// The audience in Chinese.
    package var label: String {
        switch self {
        case .admins: "组织管理员"
        case .member: "党员本人"
        case .outstanding: "尚未回复的党员"
        case .system: "系统管理员"
        }
    }
}

/// A reminder's identity: the same fact (rule, subject, due date, stage) is announced once, whatever scans,
/// restarts and crashes happen. The stage tells apart the announcements one fact has on purpose (due soon, then
/// overdue).
package struct ReminderKey: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The rule's id, e.g. `probation-due`.
    package var rule: String
    /// What it is about, e.g. `member:12`, `activity:5`, `org:3:2026Q4:支部党员大会`.
    package var subject: String
    /// The date the fact falls due.
    package var dueOn: LocalDate
    /// Which of the fact's announcements, e.g. `soon`, `overdue`.
    package var stage: String

    /// Creates a key.
    package init(rule: String, subject: String, dueOn: LocalDate, stage: String) {
        self.rule = rule
        self.subject = subject
        self.dueOn = dueOn
        self.stage = stage
    }

    /// `probation-due/member:12/2026-12-01/soon`.
    package var description: String { "\(rule)/\(subject)/\(dueOn)/\(stage)" }

    /// What an `.outstanding` reminder's subject owes an answer to: `notice:ID` or `activity:ID`.
    package var outstanding: OutstandingSubject? {
        let parts = subject.split(separator: ":")
        guard parts.count == 2, let id = Int64(parts[1]) else { return nil }
        switch parts[0] {
        case "notice": return .notice(id)
        case "activity": return .activity(id)
        default: return nil
        }
    }

}

/// A record whose members may still owe an answer.
package enum OutstandingSubject: Sendable, Equatable {
    /// A notice asking for acknowledgement.
    case notice(Int64)
    /// An activity's invitation.
    case activity(Int64)
}

/// What a rule's scan found due: one announcement for one audience.
package struct ReminderFinding: Sendable, Equatable, Codable {
    /// Its identity.
    package var key: ReminderKey
    /// The organization it concerns (whose administrators are told, or whose member is); nil for the system's.
    package var orgID: Int64?
    /// Who is told.
    package var audience: ReminderAudience
    /// The member told, for `.member`.
    package var memberID: Int64?
    /// Whether it goes at once rather than in the next daily digest.
    package var urgent: Bool
    /// The heading it is sent under (a digest groups lines under their headings).
    package var title: String
    /// The one line that says it.
    package var line: String

    /// Creates a finding.
    package init(
        key: ReminderKey,
        orgID: Int64?,
        audience: ReminderAudience,
        memberID: Int64? = nil,
        urgent: Bool = false,
        title: String,
        line: String
    ) {
        self.key = key
        self.orgID = orgID
        self.audience = audience
        self.memberID = memberID
        self.urgent = urgent
        self.title = title
        self.line = line
    }
}

/// Where a reminder stands.
package enum ReminderState: String, Sendable, Codable, CaseIterable {
    /// Found, waiting for its digest (or its moment).
    case pending
    /// Put off by an administrator until a date.
    case snoozed
    /// Handed to the delivery path.
    case sent
    /// Nowhere to go at all: kept for `reminder list` and logged.
    case undeliverable

    /// The state in Chinese.
    package var label: String {
        switch self {
        case .pending: "待发送"
        case .snoozed: "已推迟"
        case .sent: "已发送"
        case .undeliverable: "无处送达"
        }
    }
}

/// Where a sent reminder went.
package enum ReminderRoute: String, Sendable, Codable, CaseIterable {
    /// The organization's committee groups.
    case admins
    /// No committee group: the organization's members' groups.
    case members
    /// The member's inbox (and e-mail).
    case inbox
    /// The system administrators' groups (its own, or one with nowhere else to go).
    case system

    /// The route in Chinese.
    package var label: String {
        switch self {
        case .admins: "管理员群"
        case .members: "党员群（无管理员群）"
        case .inbox: "本人收件箱"
        case .system: "系统管理员"
        }
    }
}

/// A recorded reminder.
package struct Reminder: Sendable, Equatable, Codable {
    /// Its number.
    package var id: Int64
    /// What was found.
    package var finding: ReminderFinding
    /// When it was found.
    package var foundAt: Date
    /// Where it stands.
    package var state: ReminderState
    /// Until when it is put off (the start of that day).
    package var snoozedUntil: Date?
    /// When it was sent.
    package var sentAt: Date?
    /// The notice that carried it.
    package var noticeID: Int64?
    /// Where it went.
    package var route: ReminderRoute?

    /// Creates the record.
    package init(
        id: Int64,
        finding: ReminderFinding,
        foundAt: Date,
        state: ReminderState = .pending,
        snoozedUntil: Date? = nil,
        sentAt: Date? = nil,
        noticeID: Int64? = nil,
        route: ReminderRoute? = nil
    ) {
        self.id = id
        self.finding = finding
        self.foundAt = foundAt
        self.state = state
        self.snoozedUntil = snoozedUntil
        self.sentAt = sentAt
        self.noticeID = noticeID
        self.route = route
    }
}
