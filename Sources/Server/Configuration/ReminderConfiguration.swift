import Configuration
import Core
import Domain
import Foundation
import Scheduler

/// Reminders' local practice: when the daily scan runs, when the daily digests go out, and overrides of the
/// rules' settings (their defaults are listed by `partyadmin reminder rules`).
package struct ReminderConfiguration: ModuleConfiguration {
    /// The settings in force.
    package var settings: ReminderSettings
    /// The ids of the rules that run (in the catalog's order). Key `partyd.reminderRules`, env
    /// `PARTYD_REMINDER_RULES`: `all` (the default), `none`, or ids separated by commas.
    package var enabledRules: [String]

    /// Every rule with `settings` (the default), or only `enabledRules`.
    package init(settings: ReminderSettings = .standard, enabledRules: [String]? = nil) {
        self.settings = settings
        self.enabledRules = enabledRules ?? ReminderCatalog.rules.map(\.info.id)
    }

    /// Reads `reminderRules`, `reminderScanTime` (default `06:00`), `reminderDigestTime` (default `08:30`, after the default quiet
    /// hours) and `reminderSettings` (`probation-due.lead-days=45,birthday-greeting.political=0`).
    package init(reader config: ConfigReader) throws(ConfigurationError) {
        do {
            let scan = try QuietHours.parseTime(
                config.string(forKey: "reminderScanTime", default: "06:00"),
                field: "reminderScanTime"
            )
            let digest = try QuietHours.parseTime(
                config.string(forKey: "reminderDigestTime", default: "08:30"),
                field: "reminderDigestTime"
            )
            let overrides = try ReminderSettings.parseOverrides(
                config.string(forKey: "reminderSettings", default: ""),
                rules: ReminderCatalog.rules.map(\.info)
            )
            self.init(
                settings: ReminderSettings(overrides: overrides, scanMinute: scan, digestMinute: digest),
                enabledRules: try Self.enabled(config.string(forKey: "reminderRules", default: "all"))
            )
        } catch {
            throw ConfigurationError(error.message)
        }
    }

    /// Parses `all`, `none` or a list of rule ids.
    static func enabled(_ text: String) throws(DomainError) -> [String] {
        let known = ReminderCatalog.rules.map(\.info.id)
        let words = text.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
        if words == ["all"] || words.isEmpty { return known }
        if words == ["none"] { return [] }
        for word in words where !known.contains(word) {
            throw DomainError.invalid(
                "reminderRules",
                "reminderRules 中没有“\(word)”这条规则；应为 all、none 或以下规则的列表：" + known.joined(separator: "、"),
                reason: "invalid_reminder_rules"
            )
        }
        return known.filter(words.contains)
    }

    /// The registry the core runs: every rule of the catalog with these settings.
    package var registry: ReminderRegistry {
        ReminderRegistry(rules: ReminderCatalog.rules.filter { enabledRules.contains($0.info.id) }, settings: settings)
    }
}
