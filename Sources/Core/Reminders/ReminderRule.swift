import Domain
import Foundation
import Store

/// A reminder rule: what it scans, who is told, its keys and settings. Each rule is one file in
/// `Sources/Scheduler/Rules`, registered with the engine; the core runs its scan inside a transaction and records
/// what it finds by key, so that a fact is announced once.
package protocol ReminderRule: Sendable {
    /// Its id, name, description and settings.
    var info: ReminderRuleInfo { get }
    /// What is due as of the scan's day: every fact still due (the store drops those already announced), so that
    /// a scan after downtime finds what the missed ones would have.
    func scan(_ scan: ReminderScan) throws -> [ReminderFinding]
}

/// What a rule's scan has: the snapshot, the day and the settings in force.
package struct ReminderScan {
    /// The snapshot to read facts from.
    package let tx: any StoreReader
    /// The instant of the scan.
    package let now: Date
    /// The zone days are reckoned in.
    package let zone: TimeZone
    /// How many days further ahead than its settings say the rule should look (0 when scanning to announce;
    /// more for `reminder list --due-within`, which only shows).
    package let horizonDays: Int
    /// Organizational life's local practice (working days, cadence).
    package let activity: ActivitySettings
    /// The rule's settings in force.
    private let settings: ReminderSettings
    /// The rule's id.
    private let rule: String

    /// Creates the context of one rule's scan.
    package init(
        tx: any StoreReader,
        now: Date,
        zone: TimeZone,
        horizonDays: Int,
        activity: ActivitySettings,
        settings: ReminderSettings,
        rule: String
    ) {
        self.tx = tx
        self.now = now
        self.zone = zone
        self.horizonDays = horizonDays
        self.activity = activity
        self.settings = settings
        self.rule = rule
    }

    /// The scan's local day.
    package var today: LocalDate { LocalDate.of(now, in: zone) }

    /// The value in force of one of the rule's settings.
    package func value(_ setting: ReminderSetting) -> Int { settings.value(setting, of: rule) }

    /// The instant a local day starts.
    package func startOf(_ date: LocalDate) -> Date { ReminderTiming.instant(date, minute: 0, zone: zone) }
}

/// The rules the daemon runs and the settings in force.
package struct ReminderRegistry: Sendable {
    /// The rules, in the order they are listed and scanned.
    package let rules: [any ReminderRule]
    /// Local practice: overrides, scan and digest times.
    package let settings: ReminderSettings

    /// No rules (tests of other parts).
    package static let none = ReminderRegistry(rules: [], settings: .standard)

    /// Creates the registry; rule ids must be unique.
    package init(rules: [any ReminderRule], settings: ReminderSettings) {
        precondition(Set(rules.map(\.info.id)).count == rules.count, "reminder rule ids must be unique")
        self.rules = rules
        self.settings = settings
    }

    /// The rule with `id`.
    package func rule(_ id: String) -> (any ReminderRule)? { rules.first { $0.info.id == id } }
}
