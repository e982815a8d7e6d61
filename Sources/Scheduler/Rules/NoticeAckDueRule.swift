import Core
import Domain
import Foundation
import Store

/// A notice requiring acknowledgement whose deadline is near: those who have not acknowledged it when the
/// reminder goes out are reminded, in one message to all of them (inbox and e-mail). One reminder per notice.
package struct NoticeAckDueRule: ReminderRule {
    /// How many days before the deadline.
    static let leadDays = ReminderSetting("lead-days", "截止前提前提醒天数", default: 1, range: 0...14)

    /// The rule's declaration.
    package let info = ReminderRuleInfo(
        id: "notice-ack-due",
        name: "通知确认即将截止",
        scans: "确认截止日在设定天数内、仍有人未确认收到的通知",
        tells: "发送时仍未确认的党员本人（收件箱和电子邮件）",
        settings: [leadDays]
    )

    /// Creates the rule.
    package init() {}

    /// Finds the notices due soon that some recipients have not acknowledged.
    package func scan(_ scan: ReminderScan) throws -> [ReminderFinding] {
        let last = scan.today.adding(days: scan.value(Self.leadDays) + scan.horizonDays)
        return try scan.tx.ackNotices(deadlineFrom: scan.today, to: last)
            .filter { $0.acknowledged < $0.recipients }
            .map { notice in
                ReminderFinding(
                    key: ReminderKey(
                        rule: info.id,
                        subject: "notice:\(notice.id)",
                        dueOn: notice.deadline,
                        stage: "soon"
                    ),
                    orgID: notice.orgID,
                    audience: .outstanding,
                    title: "请确认收到通知",
                    line: "通知“\(notice.title)”（编号 \(notice.id)）要求在 \(notice.deadline) 前确认收到，您尚未确认"
                )
            }
    }
}
