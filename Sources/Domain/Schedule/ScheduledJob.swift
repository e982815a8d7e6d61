import Foundation

/// What a timed job does when it fires.
package enum JobAction: Sendable, Codable, Equatable {
    /// Posts this notice (as its creator, to the audience the fields name), e.g. the monthly 主题党日 notice.
    case postNotice(NoticeFields)
}

/// A timed job as stored: its rule in its zone, what it does, and the slot it waits for.
package struct ScheduledJob: Sendable, Equatable {
    /// Its number.
    package var id: Int64
    /// A name people recognise it by.
    package var name: String
    /// The organization it belongs to (whose administrators see and change it).
    package var orgID: Int64
    /// When it fires.
    package var recurrence: Recurrence
    /// The IANA zone its rule is read in.
    package var zone: String
    /// What it does about occurrences missed while partyd was down.
    package var misfire: MisfirePolicy
    /// What it does.
    package var action: JobAction
    /// Who created it: the notices it posts are theirs.
    package var createdBy: String
    /// When it was created.
    package var createdAt: Date
    /// The slot it waits for; nil once its rule has no more.
    package var nextSlot: WallClockTime?
    /// When it last fired.
    package var lastFiredAt: Date?

    /// Creates a job.
    package init(
        id: Int64,
        name: String,
        orgID: Int64,
        recurrence: Recurrence,
        zone: String,
        misfire: MisfirePolicy,
        action: JobAction,
        createdBy: String,
        createdAt: Date,
        nextSlot: WallClockTime?,
        lastFiredAt: Date?
    ) {
        self.id = id
        self.name = name
        self.orgID = orgID
        self.recurrence = recurrence
        self.zone = zone
        self.misfire = misfire
        self.action = action
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.nextSlot = nextSlot
        self.lastFiredAt = lastFiredAt
    }

    /// The job's zone, or nil when the name is not a known IANA zone.
    package var timeZone: TimeZone? { TimeZone(identifier: zone) }
}

/// A timed job to add, as typed.
package struct ScheduleJobFields: Codable, Sendable, Equatable {
    /// The job's name.
    package var name: String
    /// The rule, as `Recurrence.parse` reads it (`monthly 1 09:00`, `cron 0 9 1 * *`, …).
    package var rule: String
    /// The IANA zone (default: the daemon's).
    package var zone: String?
    /// `once` (default), `skip` or `replay:N`.
    package var misfire: String?
    /// The notice it posts each time; its `org` is the job's organization.
    package var notice: NoticeFields

    /// Creates the fields.
    package init(name: String, rule: String, zone: String? = nil, misfire: String? = nil, notice: NoticeFields) {
        self.name = name
        self.rule = rule
        self.zone = zone
        self.misfire = misfire
        self.notice = notice
    }
}

/// A timed job as the protocol shows it.
package struct ScheduleJobView: Codable, Sendable, Equatable {
    /// Its number.
    package var id: Int64
    /// Its name.
    package var name: String
    /// Its organization's code.
    package var orgCode: String
    /// Its organization's name.
    package var orgName: String
    /// The rule as typed back (`monthly 1 09:00`).
    package var rule: String
    /// The rule in Chinese (`每月 1 日 09:00`).
    package var ruleLabel: String
    /// Its zone.
    package var zone: String
    /// `once`, `skip` or `replay:N`.
    package var misfire: String
    /// The title of the notice it posts.
    package var noticeTitle: String
    /// Who created it.
    package var createdBy: String
    /// When it fires next (ISO 8601 in its zone); absent once finished.
    package var nextFireAt: String?
    /// When it last fired.
    package var lastFiredAt: String?

    /// Creates the view.
    package init(
        id: Int64,
        name: String,
        orgCode: String,
        orgName: String,
        rule: String,
        ruleLabel: String,
        zone: String,
        misfire: String,
        noticeTitle: String,
        createdBy: String,
        nextFireAt: String?,
        lastFiredAt: String?
    ) {
        self.id = id
        self.name = name
        self.orgCode = orgCode
        self.orgName = orgName
        self.rule = rule
        self.ruleLabel = ruleLabel
        self.zone = zone
        self.misfire = misfire
        self.noticeTitle = noticeTitle
        self.createdBy = createdBy
        self.nextFireAt = nextFireAt
        self.lastFiredAt = lastFiredAt
    }
}
