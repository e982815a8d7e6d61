/// Reminders, newest or soonest first as the method says.
package struct ReminderListing: Codable, Sendable {
    /// The reminders.
    package var reminders: [ReminderView]
    /// Creates the listing.
    package init(reminders: [ReminderView]) { self.reminders = reminders }
}

/// `reminder.list`: what is due now and soon in a subtree, foreseen or recorded.
package enum ReminderList: RPCMethod {
    /// Which subtree, how far ahead.
    package struct Params: Codable, Sendable {
        /// The subtree's root; defaults to the caller's scope.
        package var org: String?
        /// How many days ahead (0..366, default 30).
        package var dueWithin: Int?
        /// Creates the parameters.
        package init(org: String? = nil, dueWithin: Int? = nil) {
            self.org = org
            self.dueWithin = dueWithin
        }
    }
    /// Soonest due first, then by rule, organization and subject.
    package typealias Result = ReminderListing
    package static let name = "reminder.list"
    package static let summary = "提醒列表：现在及今后若干天内到期的事项，含尚未发送和已推迟的提醒"
}

/// `reminder.rules`: the rules, their settings in force and their last scans.
package enum ReminderRules: RPCMethod {
    package typealias Params = NoParams
    /// The rules, in the order they are scanned.
    package struct Result: Codable, Sendable {
        /// The rules.
        package var rules: [ReminderRuleView]
        /// Creates the listing.
        package init(rules: [ReminderRuleView]) { self.rules = rules }
    }
    package static let name = "reminder.rules"
    package static let summary = "提醒规则：检查什么、提醒谁、当前设置与最近一次检查"
}

/// `reminder.run`: one rule scanned now, what it finds sent at once.
package enum ReminderRun: RPCMethod {
    /// Which rule.
    package struct Params: Codable, Sendable {
        /// The rule's id, e.g. `probation-due`.
        package var rule: String
        /// Creates the parameters.
        package init(rule: String) { self.rule = rule }
    }
    package typealias Result = ReminderRunView
    package static let name = "reminder.run"
    package static let summary = "立即按一条提醒规则检查并发送（不等每日汇总；已提醒过的事项不再重复）"
}

/// `reminder.snooze`: a waiting reminder put off.
package enum ReminderSnooze: RPCMethod {
    /// Which reminder, until when.
    package struct Params: Codable, Sendable {
        /// The reminder's number.
        package var id: Int64
        /// The day it goes again (YYYY-MM-DD, after today, at most a year ahead).
        package var until: String
        /// Creates the parameters.
        package init(id: Int64, until: String) {
            self.id = id
            self.until = until
        }
    }
    package typealias Result = ReminderView
    package static let name = "reminder.snooze"
    package static let summary = "推迟一条尚未发送的提醒，到指定日期再发"
}

/// `reminder.history`: the reminders sent (or with nowhere to go) in a subtree.
package enum ReminderHistory: RPCMethod {
    /// Which subtree, which rule, how many.
    package struct Params: Codable, Sendable {
        /// The subtree's root; defaults to the caller's scope.
        package var org: String?
        /// Only this rule's.
        package var rule: String?
        /// At most this many (1..1000, default 100).
        package var limit: Int?
        /// Creates the parameters.
        package init(org: String? = nil, rule: String? = nil, limit: Int? = nil) {
            self.org = org
            self.rule = rule
            self.limit = limit
        }
    }
    /// Newest first.
    package typealias Result = ReminderListing
    package static let name = "reminder.history"
    package static let summary = "已发送的提醒（含无处可发的），最新的在前"
}
