import Core
import Domain
import Foundation
import Store

/// A notice requiring acknowledgement whose deadline is near: those who have not acknowledged it are reminded,
/// in one message to all of them (inbox and e-mail).
package struct NoticeAckDueRule: ReminderRule {
    /// How many days before the deadline.
    static let leadDays = ReminderSetting("lead-days", "截止前提前提醒天数", default: 1, range: 0...14)

    /// The rule's declaration.
    package let info = ReminderRuleInfo(
        id: "notice-ack-due",
        name: "通知确认即将截止",
        scans: "确认截止日在设定天数内的通知中，尚未确认收到的党员",
        tells: "未确认的党员本人（收件箱和电子邮件）",
        settings: [leadDays]
    )

    /// Creates the rule.
    package init() {}

    /// Finds the recipients who have not acknowledged a notice due soon.
    package func scan(_ scan: ReminderScan) throws -> [ReminderFinding] {
        let last = scan.today.adding(days: scan.value(Self.leadDays) + scan.horizonDays)
        var findings: [ReminderFinding] = []
        for notice in try scan.tx.ackNotices(deadlineFrom: scan.today, to: last)
        where notice.acknowledged < notice.recipients {
            for member in try scan.tx.unacknowledged(noticeID: notice.id) {
                findings.append(
                    ReminderFinding(
                        key: ReminderKey(
                            rule: info.id,
                            subject: "notice:\(notice.id):member:\(member)",
                            dueOn: notice.deadline,
                            stage: "soon"
                        ),
                        orgID: notice.orgID,
                        audience: .member,
                        memberID: member,
                        title: "请确认收到通知",
                        line: "通知“\(notice.title)”（编号 \(notice.id)）要求在 \(notice.deadline) 前确认收到，您尚未确认"
                    )
                )
            }
        }
        return findings
    }
}
