import Foundation

/// One setting of a reminder rule: a whole number with its documented default, overridable by local practice
/// (`reminderSettings` in the daemon's configuration).
package struct ReminderSetting: Sendable, Equatable, Codable {
    /// Its key within the rule, e.g. `lead-days`.
    package var key: String
    /// What it means, in Chinese.
    package var label: String
    /// The default (from `../shared/domain.md` or common practice).
    package var defaultValue: Int
    /// The lowest and highest accepted values.
    package var range: ClosedRange<Int>

    /// Declares a setting.
    package init(_ key: String, _ label: String, default defaultValue: Int, range: ClosedRange<Int>) {
        self.key = key
        self.label = label
        self.defaultValue = defaultValue
        self.range = range
    }
}

/// What a reminder rule is: its id, what it scans, who is told, when it runs and its settings.
package struct ReminderRuleInfo: Sendable, Equatable, Codable {
    /// The id used in keys and on the console, e.g. `probation-due`.
    package var id: String
    /// Its name, e.g. 预备党员到期.
    package var name: String
    /// What it looks for, one sentence.
    package var scans: String
    /// Who is told.
    package var tells: String
    /// Its settings.
    package var settings: [ReminderSetting]

    /// Declares a rule.
    package init(id: String, name: String, scans: String, tells: String, settings: [ReminderSetting] = []) {
        self.id = id
        self.name = name
        self.scans = scans
        self.tells = tells
        self.settings = settings
    }
}

/// The settings in force: each rule's defaults with local overrides.
package struct ReminderSettings: Sendable, Equatable {
    /// Overrides, by `rule.key`.
    package var overrides: [String: Int]
    /// Minutes after local midnight when the daily scan runs (default 06:00).
    package var scanMinute: Int
    /// Minutes after local midnight when the daily digests go out (default 08:30, after the default quiet hours).
    package var digestMinute: Int

    /// The defaults: no overrides, scan at 06:00, digests at 08:30.
    package static let standard = ReminderSettings()

    /// Creates the settings.
    package init(overrides: [String: Int] = [:], scanMinute: Int = 6 * 60, digestMinute: Int = 8 * 60 + 30) {
        self.overrides = overrides
        self.scanMinute = scanMinute
        self.digestMinute = digestMinute
    }

    /// The value of `setting` for `rule`.
    package func value(_ setting: ReminderSetting, of rule: String) -> Int {
        overrides["\(rule).\(setting.key)"] ?? setting.defaultValue
    }

    /// Parses `probation-due.lead-days=30,birthday-greeting.enabled=0` against the rules' declared settings:
    /// an unknown rule or key, or a value outside its range, is an error naming it.
    package static func parseOverrides(_ text: String, rules: [ReminderRuleInfo]) throws(DomainError) -> [String: Int] {
        var result: [String: Int] = [:]
        for item in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !item.isEmpty {
            let parts = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            let name = parts.first ?? ""
            let dot = name.split(separator: ".", maxSplits: 1).map(String.init)
            guard parts.count == 2, dot.count == 2,
                let rule = rules.first(where: { $0.id == dot[0] }),
                let setting = rule.settings.first(where: { $0.key == dot[1] })
            else {
                throw DomainError.invalid(
                    "reminderSettings",
                    "reminderSettings 中的“\(item)”无效：应为 规则.设置=值，规则和设置见 partyadmin reminder rules",
                    reason: "invalid_reminder_setting"
                )
            }
            guard let value = Int(parts[1]), setting.range.contains(value) else {
                throw DomainError.invalid(
                    "reminderSettings",
                    "reminderSettings 中“\(name)”的值“\(parts[1])”应为 \(setting.range.lowerBound)-\(setting.range.upperBound) 的整数",
                    reason: "invalid_reminder_setting"
                )
            }
            result[name] = value
        }
        return result
    }
}
