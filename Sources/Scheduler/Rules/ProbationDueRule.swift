import Core
import Domain
import Foundation
import Store

/// 预备党员到期: the probationary year, counted from the 支部大会 that admitted the member (the roster's
/// 预备期开始), ends within `lead-days`, and again once it has ended without 转正 (the branch must discuss it
/// promptly: 按期转正, 延长预备期 or 取消预备党员资格). To the branch's administrators; the overdue one is urgent.
package struct ProbationDueRule: ReminderRule {
    /// How many days ahead of the end the branch is told.
    static let leadDays = ReminderSetting("lead-days", "提前提醒天数", default: 30, range: 1...90)

    /// The rule's declaration.
    package let info = ReminderRuleInfo(
        id: "probation-due",
        name: "预备党员到期",
        scans: "预备期（自支部大会通过之日起一年）将在设定天数内届满，或已届满仍未转正的预备党员",
        tells: "所在支部的管理员；逾期的立即发送",
        settings: [leadDays]
    )

    /// Creates the rule.
    package init() {}

    /// Finds the probationers whose year ends soon or has ended.
    package func scan(_ scan: ReminderScan) throws -> [ReminderFinding] {
        let last = scan.today.adding(days: scan.value(Self.leadDays) + scan.horizonDays)
        return try scan.tx.memberDates(.probationStart, like: "%").compactMap { fact in
            Self.finding(fact, today: scan.today, last: last, rule: info.id)
        }
    }

    /// The announcement due for one probationer as of `today`, looking up to `last`.
    static func finding(_ fact: MemberDateFact, today: LocalDate, last: LocalDate, rule: String) -> ReminderFinding? {
        let end = fact.date.adding(years: 1)
        let who = "\(fact.name)（编号 \(fact.memberID)）"
        if end < today {
            return ReminderFinding(
                key: ReminderKey(rule: rule, subject: "member:\(fact.memberID)", dueOn: end, stage: "overdue"),
                orgID: fact.orgID,
                audience: .admins,
                urgent: true,
                title: "预备党员预备期已满",
                line: "\(who)的预备期已于 \(end) 届满，尚未办理转正，请尽快召开支部党员大会讨论"
            )
        }
        guard end <= last else { return nil }
        return ReminderFinding(
            key: ReminderKey(rule: rule, subject: "member:\(fact.memberID)", dueOn: end, stage: "soon"),
            orgID: fact.orgID,
            audience: .admins,
            title: "预备党员即将到期",
            line: "\(who)的预备期将于 \(end) 届满，请提前准备转正材料并召开支部党员大会讨论"
        )
    }
}
