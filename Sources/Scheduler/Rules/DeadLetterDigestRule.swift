import Core
import Domain
import Foundation
import Store

/// Undeliverable messages: each day, the deliveries given up the day before, per channel, for the system
/// administrators (a robot's key revoked, a mail server refusing).
package struct DeadLetterDigestRule: ReminderRule {
    /// The rule's declaration.
    package let info = ReminderRuleInfo(
        id: "dead-letter-digest",
        name: "投递失败日报",
        scans: "前一天放弃投递（多次重试仍失败或被永久拒绝）的消息，按渠道汇总",
        tells: "系统管理员（顶级党组织的管理员群）"
    )

    /// Creates the rule.
    package init() {}

    /// Counts yesterday's dead letters per channel.
    package func scan(_ scan: ReminderScan) throws -> [ReminderFinding] {
        let yesterday = scan.today.adding(days: -1)
        return try scan.tx.deadLetters(from: scan.startOf(yesterday), to: scan.startOf(scan.today)).map { fact in
            var line =
                "\(yesterday)：\(fact.orgCode) 的\(fact.kind.label)“\(fact.channelName)”（渠道 \(fact.channelID)）有 \(fact.count) 条消息投递失败"
            if let error = fact.lastError, !error.isEmpty { line += "，最近错误：\(error.prefix(200))" }
            line += "；可用 partyadmin delivery list 查看并重发"
            return ReminderFinding(
                key: ReminderKey(rule: info.id, subject: "channel:\(fact.channelID)", dueOn: yesterday, stage: "daily"),
                orgID: nil,
                audience: .system,
                title: "投递失败日报",
                line: line
            )
        }
    }
}
