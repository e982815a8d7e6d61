import ArgumentParser
import Foundation
import Wire

/// How `reminder` reads its options and shows rules, reminders and runs.
extension ReminderCommand {
    /// `--due-within` as a number of days: `30` or `30d`; nil when absent (the daemon's default). The range is the
    /// daemon's to check.
    static func days(_ text: String?) throws -> Int? {
        guard let text else { return nil }
        var digits = text.trimmingCharacters(in: .whitespaces)
        if digits.hasSuffix("d") || digits.hasSuffix("D") { digits.removeLast() }
        guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit), let days = Int(digits) else {
            throw ValidationError("--due-within 应为天数，如 30 或 30d，而不是“\(text)”")
        }
        return days
    }

    /// The reminder's organization as `名称（代码）`, or ``Format/none`` for the system's own.
    static func org(_ reminder: ReminderView) -> String {
        guard let code = reminder.orgCode else { return Format.none }
        return "\(reminder.orgName ?? code)（\(code)）"
    }

    /// The reminder's state in Chinese, with the day it is put off to.
    static func state(_ reminder: ReminderView) -> String {
        guard let until = reminder.snoozedUntil, reminder.state == "snoozed" else { return reminder.stateLabel }
        return "\(reminder.stateLabel)至 \(until.prefix(10))"
    }

    /// A rule as a key/value record.
    static func record(_ rule: ReminderRuleView) -> Record {
        var record = Record()
        record.add("规则", rule.id)
        record.add("名称", rule.name)
        record.add("检查", rule.scans)
        record.add("提醒", rule.tells)
        record.add(
            "设置",
            rule.settings.isEmpty
                ? "（无）"
                : rule.settings.map { "\($0.key)=\($0.value)（默认 \($0.defaultValue)）\($0.label)" }
                    .joined(separator: "\n")
        )
        record.add("最近检查", rule.lastScanAt.map(Format.timestamp) ?? "（尚未检查）")
        if let found = rule.lastFound, let new = rule.lastNew {
            record.add("检查结果", "到期 \(found) 项，新 \(new) 项")
        }
        record.addIfPresent("用时", rule.lastDurationMilliseconds.map { "\($0) 毫秒" })
        return record
    }

    /// A reminder as a key/value record.
    static func record(_ reminder: ReminderView) -> Record {
        var record = Record()
        record.add("编号", Format.orNone(reminder.id))
        record.add("规则", "\(reminder.ruleName)（\(reminder.rule)）")
        record.add("组织", org(reminder))
        record.add("对象", reminder.audience)
        record.add("到期日", reminder.dueOn)
        record.add("标题", reminder.title)
        record.add("内容", reminder.line)
        record.add("状态", state(reminder))
        record.addIfPresent("发现时间", reminder.foundAt.map(Format.timestamp))
        record.addIfPresent("发送时间", reminder.sentAt.map(Format.timestamp))
        record.addIfPresent("去向", reminder.route)
        record.addIfPresent("通知", reminder.noticeID.map(String.init))
        return record
    }

    /// What a run did, in one line: `规则 probation-due：到期 5 项，新 2 项，已发送 2 项（2 则消息）`.
    static func summary(_ run: ReminderRunView) -> String {
        var line = "规则 \(run.rule)：到期 \(run.found) 项，新 \(run.new) 项，已发送 \(run.sent) 项（\(run.notices) 则消息）"
        if run.undeliverable > 0 {
            line += "，无处送达 \(run.undeliverable) 项（见 reminder list）"
        }
        return line
    }
}

extension Character {
    /// Whether this is one of `0`…`9` (not any Unicode digit, which `Int` would refuse anyway).
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
