import Core
import Domain
import Foundation
import Store

/// The month's birthdays and political birthdays, listed for each branch on the first of the month (the national
/// system's 生日提醒), so that the branch can greet them or hold a 政治生日 activity.
package struct BirthdayListRule: ReminderRule {
    /// The rule's declaration.
    package let info = ReminderRuleInfo(
        id: "birthday-list",
        name: "本月生日名单",
        scans: "每月 1 日起，各支部本月过生日和政治生日的在册党员",
        tells: "所在支部的管理员（每日汇总）"
    )

    /// Creates the rule.
    package init() {}

    /// Lists this month's (and, for `reminder list`, the following months' within the horizon) per branch.
    package func scan(_ scan: ReminderScan) throws -> [ReminderFinding] {
        var findings: [ReminderFinding] = []
        var month = LocalDate(year: scan.today.year, month: scan.today.month, day: 1) ?? scan.today
        let last = scan.today.adding(days: scan.horizonDays)
        while month <= last {
            let pattern = "%-" + (month.month < 10 ? "0" : "") + "\(month.month)-%"
            var lines: [Int64: [String]] = [:]
            for fact in try scan.tx.memberDates(.birth, like: pattern) {
                lines[fact.orgID, default: []].append("生日 \(fact.name)（\(fact.date.month) 月 \(fact.date.day) 日）")
            }
            for fact in try scan.tx.memberDates(.join, like: pattern) where fact.date.year < month.year {
                lines[fact.orgID, default: []].append(
                    "政治生日 \(fact.name)（\(fact.date.month) 月 \(fact.date.day) 日，党龄 \(month.year - fact.date.year) 年）"
                )
            }
            for (orgID, entries) in lines.sorted(by: { $0.key < $1.key }) {
                findings.append(
                    ReminderFinding(
                        key: ReminderKey(rule: info.id, subject: "org:\(orgID)", dueOn: month, stage: "month"),
                        orgID: orgID,
                        audience: .admins,
                        title: "本月生日名单",
                        line: "\(month.year) 年 \(month.month) 月：" + entries.joined(separator: "；")
                    )
                )
            }
            month = month.adding(months: 1)
        }
        return findings
    }
}
