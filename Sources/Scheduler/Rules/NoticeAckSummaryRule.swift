import Core
import Domain
import Foundation
import Store

/// After a notice's acknowledgement deadline: a summary for its author (who acknowledged, who did not), sent to
/// the publishing organization's administrators, the author among them.
package struct NoticeAckSummaryRule: ReminderRule {
    /// How many names of those who did not acknowledge are listed.
    static let names = ReminderSetting("names", "列出未确认者姓名的人数上限", default: 20, range: 0...200)
    /// How long after the deadline a missed summary is still sent (after downtime).
    static let lookBack = ReminderSetting("look-back-days", "截止后补发天数", default: 7, range: 1...60)

    /// The rule's declaration.
    package let info = ReminderRuleInfo(
        id: "notice-ack-summary",
        name: "通知确认情况汇总",
        scans: "确认截止日已过的通知的确认情况",
        tells: "发布组织的管理员（注明作者）",
        settings: [names, lookBack]
    )

    /// Creates the rule.
    package init() {}

    /// Summarizes the notices whose deadline has passed.
    package func scan(_ scan: ReminderScan) throws -> [ReminderFinding] {
        let notices = try scan.tx.ackNotices(
            deadlineFrom: scan.today.adding(days: -scan.value(Self.lookBack)),
            to: scan.today.adding(days: scan.horizonDays - 1)
        )
        let limit = scan.value(Self.names)
        return try notices.map { notice in
            var line =
                "通知“\(notice.title)”（编号 \(notice.id)，\(notice.author) 发布）确认已于 \(notice.deadline) 截止：已确认 \(notice.acknowledged)/\(notice.recipients) 人"
            let missing = notice.recipients - notice.acknowledged
            if missing > 0 {
                line += "，未确认 \(missing) 人"
                let names = limit > 0 ? try scan.tx.unacknowledgedNames(noticeID: notice.id, limit: limit) : []
                if !names.isEmpty {
                    line += "：" + names.joined(separator: "、") + (missing > names.count ? " 等" : "")
                }
            }
            return ReminderFinding(
                key: ReminderKey(
                    rule: info.id,
                    subject: "notice:\(notice.id)",
                    dueOn: notice.deadline,
                    stage: "summary"
                ),
                orgID: notice.orgID,
                audience: .admins,
                title: "通知确认情况汇总",
                line: line
            )
        }
    }
}
