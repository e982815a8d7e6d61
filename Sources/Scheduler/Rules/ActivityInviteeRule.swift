import Core
import Domain
import Foundation
import Store

/// Invited members who have neither signed up nor asked for leave as an activity nears: one message to those
/// still unconfirmed when it goes out, in their inboxes and by e-mail. One reminder per activity.
package struct ActivityInviteeRule: ReminderRule {
    /// How many days ahead of the activity.
    static let leadDays = ReminderSetting("lead-days", "活动前提前提醒天数", default: 2, range: 1...14)

    /// The rule's declaration.
    package let info = ReminderRuleInfo(
        id: "activity-invitee",
        name: "活动参加未确认",
        scans: "设定天数内将举行、仍有受邀党员既未报名也未请假的活动",
        tells: "发送时仍未确认的受邀党员本人（收件箱和电子邮件）",
        settings: [leadDays]
    )

    /// Creates the rule.
    package init() {}

    /// Finds the coming activities with unconfirmed invitees.
    package func scan(_ scan: ReminderScan) throws -> [ReminderFinding] {
        let until = scan.startOf(scan.today.adding(days: scan.value(Self.leadDays) + scan.horizonDays + 1))
        return try scan.tx.activityFacts(plannedFrom: scan.now, to: until, states: ["planned"])
            .filter { $0.unconfirmed > 0 }
            .map { fact in
                let when = LocalTime.text(fact.plannedAt, in: scan.zone).prefix(16).replacingOccurrences(
                    of: "T",
                    with: " "
                )
                return ReminderFinding(
                    key: ReminderKey(
                        rule: info.id,
                        subject: "activity:\(fact.id)",
                        dueOn: LocalDate.of(fact.plannedAt, in: scan.zone),
                        stage: "invite"
                    ),
                    orgID: fact.orgID,
                    audience: .outstanding,
                    title: "请确认是否参加活动",
                    line: "\(fact.kind.rawValue)“\(fact.title)”将于 \(when) 举行，您尚未确认是否参加，请报名或请假"
                )
            }
    }
}
