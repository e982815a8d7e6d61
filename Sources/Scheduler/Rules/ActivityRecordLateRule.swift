import Core
import Domain
import Foundation
import Store

/// 活动记录逾期: an activity whose record (minutes, attendance, photos) was due within the configured working days
/// after it (`activityRecordDueDays`, counted on the holiday calendar) and is still not uploaded. To the holding
/// organization's administrators.
package struct ActivityRecordLateRule: ReminderRule {
    /// How far back activities are looked at.
    static let lookBack = ReminderSetting("look-back-days", "回溯天数", default: 90, range: 7...366)

    /// The rule's declaration.
    package let info = ReminderRuleInfo(
        id: "activity-record-late",
        name: "活动记录逾期未上传",
        scans: "已过记录期限（活动后若干个工作日）仍未上传记录的活动",
        tells: "举办组织的管理员",
        settings: [lookBack]
    )

    /// Creates the rule.
    package init() {}

    /// Finds the planned activities whose record is overdue (or, for `reminder list`, falls due in the horizon).
    package func scan(_ scan: ReminderScan) throws -> [ReminderFinding] {
        let from = scan.startOf(scan.today.adding(days: -scan.value(Self.lookBack)))
        let facts = try scan.tx.activityFacts(plannedFrom: from, to: scan.now, states: ["planned"])
        let days = scan.activity.recordDueWorkingDays
        return facts.compactMap { fact in
            let day = LocalDate.of(fact.plannedAt, in: scan.zone)
            let due = scan.activity.calendar.adding(workingDays: days, after: day)
            guard due < scan.today.adding(days: scan.horizonDays) else { return nil }
            return ReminderFinding(
                key: ReminderKey(rule: info.id, subject: "activity:\(fact.id)", dueOn: due, stage: "late"),
                orgID: fact.orgID,
                audience: .admins,
                title: "活动记录逾期未上传",
                line: "\(fact.kind.rawValue)“\(fact.title)”（\(day)，编号 \(fact.id)）的记录应于 \(due) 前上传，至今未上传"
            )
        }
    }
}
