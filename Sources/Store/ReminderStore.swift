import Domain
import Foundation

/// Which date of a member's record a reminder rule reads.
package enum MemberDateColumn: String, Sendable {
    /// 出生日期.
    case birth = "birth_date"
    /// 入党日期 (the political birthday).
    case join = "join_date"
    /// 预备期开始 (the 支部大会 that admitted them).
    case probationStart = "probation_start"
}

/// A member on the roll and one date of their record.
package struct MemberDateFact: Sendable, Equatable {
    /// The member.
    package var memberID: Int64
    /// Their name.
    package var name: String
    /// Their branch.
    package var orgID: Int64
    /// The date read.
    package var date: LocalDate

    /// Creates the fact.
    package init(memberID: Int64, name: String, orgID: Int64, date: LocalDate) {
        self.memberID = memberID
        self.name = name
        self.orgID = orgID
        self.date = date
    }
}

/// An activity as the reminder rules see it, with its invitees' standing.
package struct ActivityFact: Sendable, Equatable {
    /// Its number.
    package var id: Int64
    /// The organization holding it.
    package var orgID: Int64
    /// Its kind.
    package var kind: ActivityKind
    /// Its title.
    package var title: String
    /// Its state: `planned`, `held`, `published` or `cancelled`.
    package var state: String
    /// When it is (or was) planned.
    package var plannedAt: Date
    /// Invitees who have neither signed up nor asked for leave.
    package var unconfirmed: Int

    /// Creates the fact.
    package init(
        id: Int64,
        orgID: Int64,
        kind: ActivityKind,
        title: String,
        state: String,
        plannedAt: Date,
        unconfirmed: Int
    ) {
        self.id = id
        self.orgID = orgID
        self.kind = kind
        self.title = title
        self.state = state
        self.plannedAt = plannedAt
        self.unconfirmed = unconfirmed
    }
}

/// A published notice that asks for acknowledgement by a deadline.
package struct AckNoticeFact: Sendable, Equatable {
    /// Its number.
    package var id: Int64
    /// The publishing organization.
    package var orgID: Int64
    /// Its title.
    package var title: String
    /// Who posted it.
    package var author: String
    /// The acknowledgement deadline.
    package var deadline: LocalDate
    /// How many it was sent to.
    package var recipients: Int
    /// How many have acknowledged.
    package var acknowledged: Int

    /// Creates the fact.
    package init(
        id: Int64,
        orgID: Int64,
        title: String,
        author: String,
        deadline: LocalDate,
        recipients: Int,
        acknowledged: Int
    ) {
        self.id = id
        self.orgID = orgID
        self.title = title
        self.author = author
        self.deadline = deadline
        self.recipients = recipients
        self.acknowledged = acknowledged
    }
}

/// The dead-lettered deliveries of one channel in a window.
package struct DeadLetterFact: Sendable, Equatable {
    /// The channel.
    package var channelID: Int64
    /// Its name.
    package var channelName: String
    /// Its kind.
    package var kind: ChannelKind
    /// Its organization's code.
    package var orgCode: String
    /// How many messages were given up.
    package var count: Int
    /// The last error recorded.
    package var lastError: String?

    /// Creates the fact.
    package init(
        channelID: Int64,
        channelName: String,
        kind: ChannelKind,
        orgCode: String,
        count: Int,
        lastError: String?
    ) {
        self.channelID = channelID
        self.channelName = channelName
        self.kind = kind
        self.orgCode = orgCode
        self.count = count
        self.lastError = lastError
    }
}

/// A rule's last scan.
package struct ReminderRuleScan: Sendable, Equatable {
    /// The local day it ran.
    package var day: LocalDate
    /// When.
    package var at: Date
    /// How many facts it found due.
    package var found: Int
    /// How many of them were new.
    package var new: Int
    /// How long it took.
    package var durationMilliseconds: Int

    /// Creates the record.
    package init(day: LocalDate, at: Date, found: Int, new: Int, durationMilliseconds: Int) {
        self.day = day
        self.at = at
        self.found = found
        self.new = new
        self.durationMilliseconds = durationMilliseconds
    }
}

/// The facts reminder rules scan, read inside a transaction.
package protocol ReminderFactReader {
    /// Members on the roll whose `column` is set and matches the SQL `LIKE` pattern (e.g. `%-11-23`); for
    /// `.probationStart`, only 预备党员.
    func memberDates(_ column: MemberDateColumn, like pattern: String) throws -> [MemberDateFact]
    /// Activities planned in `[from, to)` in the given states, with their unconfirmed invitees counted.
    func activityFacts(plannedFrom from: Date, to: Date, states: [String]) throws -> [ActivityFact]
    /// The invitees of `activityID` who have neither signed up nor asked for leave.
    func unconfirmedInvitees(of activityID: Int64) throws -> [Int64]
    /// The (organization, kind) pairs with an activity held, published or planned in `[from, to)`.
    func activityKindsHeld(from: Date, to: Date) throws -> Set<ActivityHeld>
    /// Published notices asking for acknowledgement with a deadline in `[from, to]`.
    func ackNotices(deadlineFrom from: LocalDate, to: LocalDate) throws -> [AckNoticeFact]
    /// The recipients of `noticeID` still on the roll who have not acknowledged it, by id.
    func unacknowledged(noticeID: Int64) throws -> [Int64]
    /// The names of up to `limit` such recipients.
    func unacknowledgedNames(noticeID: Int64, limit: Int) throws -> [String]
    /// Deliveries given up in `[from, to)`, per channel.
    func deadLetters(from: Date, to: Date) throws -> [DeadLetterFact]
}

/// An organization held an activity of a kind.
package struct ActivityHeld: Sendable, Hashable {
    /// The organization.
    package var orgID: Int64
    /// The kind.
    package var kind: ActivityKind

    /// Creates the pair.
    package init(orgID: Int64, kind: ActivityKind) {
        self.orgID = orgID
        self.kind = kind
    }
}

/// Recorded reminders, read inside a transaction.
package protocol ReminderReader: ReminderFactReader {
    /// The reminder with `id`.
    func reminder(id: Int64) throws -> Reminder?
    /// Reminders waiting to go (pending, or snoozed), oldest first.
    func waitingReminders(limit: Int) throws -> [Reminder]
    /// Reminders of organizations in the subtree at `root` (or all, the system's included, when nil), newest
    /// first, narrowed by rule and states, due from `dueFrom` on.
    func reminders(
        under root: OrgPath?,
        rule: String?,
        states: [ReminderState],
        dueFrom: LocalDate?,
        limit: Int
    )
        throws -> [Reminder]
    /// The reminders recorded under these keys.
    func reminders(keys: [ReminderKey]) throws -> [ReminderKey: Reminder]
    /// The keys of `rule`'s reminders due from `dueFrom` on, each as `subject|due date|stage`: what a scan need
    /// not insert again.
    func reminderKeys(rule: String, dueFrom: LocalDate) throws -> Set<String>
    /// Each rule's last scan, by rule id.
    func reminderRuleScans() throws -> [String: ReminderRuleScan]
    /// How many active channels of `audience` the organization has (robots and webhooks, not mail servers).
    func groupChannelCount(orgID: Int64, audience: ChannelAudience) throws -> Int
    /// How many of the organization's administrators (org-admin accounts of it) can be mailed: those with an
    /// address, when a mail server is configured at or above it; otherwise 0.
    func mailableAdministrators(of org: Organization) throws -> Int
    /// The top-level organizations that have an active committee channel: where the system's reminders go.
    func systemReminderOrgs() throws -> [Organization]
}

/// Recording and sending reminders inside a write transaction.
package protocol ReminderWriter {
    /// Records the findings whose keys are new (found now); returns how many were.
    func insertReminders(_ findings: [ReminderFinding]) throws -> Int
    /// Marks reminders as sent now through `notice` by `route`, or undeliverable.
    func markReminders(_ ids: [Int64], state: ReminderState, noticeID: Int64?, route: ReminderRoute?) throws
    /// Puts a waiting reminder off until `until`.
    func snoozeReminder(_ id: Int64, until: Date) throws
    /// Records a rule's scan.
    func recordReminderScan(rule: String, scan: ReminderRuleScan) throws
    /// Publishes a system notice now to exactly these members (inbox and, through the nearest mail server, e-mail),
    /// the organization's group channels of `channels` (none when nil) and, with `mailAdministrators`, the
    /// addresses of the organization's administrators; returns it.
    func publishReminderNotice(
        _ notice: Notice,
        orgPath: OrgPath,
        memberIDs: [Int64],
        channels: ChannelAudience?,
        mailAdministrators: Bool
    ) throws -> Notice
}
