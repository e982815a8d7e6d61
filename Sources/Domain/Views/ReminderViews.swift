/// A reminder as the console shows it: recorded (with its number and state) or, in `reminder list`, foreseen.
package struct ReminderView: Codable, Sendable, Equatable {
    /// Its number, once recorded; nil for one foreseen within `--due-within` but not yet announced.
    package var id: Int64?
    /// The rule's id.
    package var rule: String
    /// The rule's name.
    package var ruleName: String
    /// What it is about (`member:12`…).
    package var subject: String
    /// The due date.
    package var dueOn: String
    /// Which announcement (`soon`, `overdue`…).
    package var stage: String
    /// The organization's code, if any.
    package var orgCode: String?
    /// The organization's name, if any.
    package var orgName: String?
    /// Who is told.
    package var audience: String
    /// Whether it goes at once.
    package var urgent: Bool
    /// Its heading.
    package var title: String
    /// Its line.
    package var line: String
    /// `pending`, `snoozed`, `sent`, `undeliverable`, or `foreseen`.
    package var state: String
    /// The state in Chinese.
    package var stateLabel: String
    /// When it was found (ISO 8601 with the zone's offset).
    package var foundAt: String?
    /// Until when it is put off.
    package var snoozedUntil: String?
    /// When it was sent.
    package var sentAt: String?
    /// The notice that carried it.
    package var noticeID: Int64?
    /// Where it went, in Chinese.
    package var route: String?

    /// Creates the view.
    package init(
        id: Int64?,
        rule: String,
        ruleName: String,
        subject: String,
        dueOn: String,
        stage: String,
        orgCode: String?,
        orgName: String?,
        audience: String,
        urgent: Bool,
        title: String,
        line: String,
        state: String,
        stateLabel: String,
        foundAt: String? = nil,
        snoozedUntil: String? = nil,
        sentAt: String? = nil,
        noticeID: Int64? = nil,
        route: String? = nil
    ) {
        self.id = id
        self.rule = rule
        self.ruleName = ruleName
        self.subject = subject
        self.dueOn = dueOn
        self.stage = stage
        self.orgCode = orgCode
        self.orgName = orgName
        self.audience = audience
        self.urgent = urgent
        self.title = title
        self.line = line
        self.state = state
        self.stateLabel = stateLabel
        self.foundAt = foundAt
        self.snoozedUntil = snoozedUntil
        self.sentAt = sentAt
        self.noticeID = noticeID
        self.route = route
    }
}

/// A reminder rule as `reminder rules` shows it.
package struct ReminderRuleView: Codable, Sendable, Equatable {
    /// Its id.
    package var id: String
    /// Its name.
    package var name: String
    /// What it looks for.
    package var scans: String
    /// Who is told.
    package var tells: String
    /// Its settings in force, each `key=value`, with the default and meaning.
    package var settings: [ReminderSettingView]
    /// When it last scanned (ISO 8601 with the zone's offset).
    package var lastScanAt: String?
    /// What that scan found due.
    package var lastFound: Int?
    /// Of which new.
    package var lastNew: Int?
    /// How long that scan took.
    package var lastDurationMilliseconds: Int?

    /// Creates the view.
    package init(
        id: String,
        name: String,
        scans: String,
        tells: String,
        settings: [ReminderSettingView],
        lastScanAt: String?,
        lastFound: Int?,
        lastNew: Int?,
        lastDurationMilliseconds: Int?
    ) {
        self.id = id
        self.name = name
        self.scans = scans
        self.tells = tells
        self.settings = settings
        self.lastScanAt = lastScanAt
        self.lastFound = lastFound
        self.lastNew = lastNew
        self.lastDurationMilliseconds = lastDurationMilliseconds
    }
}

/// One setting of a rule, in force.
package struct ReminderSettingView: Codable, Sendable, Equatable {
    /// Its key.
    package var key: String
    /// What it means.
    package var label: String
    /// The value in force.
    package var value: Int
    /// The default.
    package var defaultValue: Int

    /// Creates the view.
    package init(key: String, label: String, value: Int, defaultValue: Int) {
        self.key = key
        self.label = label
        self.value = value
        self.defaultValue = defaultValue
    }
}

/// What `reminder run` did.
package struct ReminderRunView: Codable, Sendable, Equatable {
    /// The rule.
    package var rule: String
    /// Facts found due.
    package var found: Int
    /// Of which new (the others were announced before and stay silent).
    package var new: Int
    /// Reminders sent now.
    package var sent: Int
    /// Messages (notices) that carried them.
    package var notices: Int
    /// Reminders with nowhere to go.
    package var undeliverable: Int

    /// Creates the view.
    package init(rule: String, found: Int, new: Int, sent: Int, notices: Int, undeliverable: Int) {
        self.rule = rule
        self.found = found
        self.new = new
        self.sent = sent
        self.notices = notices
        self.undeliverable = undeliverable
    }
}
