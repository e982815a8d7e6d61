import Core
import Domain
import Foundation
import Store

/// Activities over whose confirmation is still open: the day has passed, nothing is recorded yet and some invitees
/// never answered. The administrators are told to close it by recording who came.
package struct ActivityOpenRule: ReminderRule {
    /// How far back activities are looked at.
    static let lookBack = ReminderSetting("look-back-days", "回溯天数", default: 30, range: 1...366)

    /// The rule's declaration.
    package let info = ReminderRuleInfo(
        id: "activity-open",
        name: "活动结束仍有人未确认",
        scans: "已经结束、尚未记录且仍有受邀党员未确认参加情况的活动",
        tells: "举办组织的管理员",
        settings: [lookBack]
    )

    /// Creates the rule.
    package init() {}

    /// Finds the activities of past days still open.
    package func scan(_ scan: ReminderScan) throws -> [ReminderFinding] {
        let from = scan.startOf(scan.today.adding(days: -scan.value(Self.lookBack)))
        return try scan.tx.activityFacts(plannedFrom: from, to: scan.startOf(scan.today), states: ["planned"])
            .filter { $0.unconfirmed > 0 }
            .map { fact in
                let day = LocalDate.of(fact.plannedAt, in: scan.zone)
                return ReminderFinding(
                    key: ReminderKey(rule: info.id, subject: "activity:\(fact.id)", dueOn: day, stage: "open"),
                    orgID: fact.orgID,
                    audience: .admins,
                    title: "活动已结束仍有人未确认",
                    line:
                        "\(fact.kind.rawValue)“\(fact.title)”（\(day)，编号 \(fact.id)）已结束，仍有 \(fact.unconfirmed) 人未确认参加情况，请在活动记录中登记出席"
                )
            }
    }
}
