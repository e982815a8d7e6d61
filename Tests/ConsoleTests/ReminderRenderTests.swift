import ArgumentParser
import Foundation
import Testing
import Wire

@testable import partyadmin

/// How `reminder` reads `--due-within` and shows rules, reminders and runs.
@Suite("Reminder rendering")
struct ReminderRenderTests {
    static let reminder = ReminderView(
        id: 7,
        rule: "probation-due",
        ruleName: "预备党员到期",
        subject: "member:12",
        dueOn: "2026-12-01",
        stage: "soon",
        orgCode: "B1",
        orgName: "一支部",
        audience: "组织管理员",
        urgent: false,
        title: "预备期即将届满",
        line: "张三 预备期 2026-12-01 届满",
        state: "snoozed",
        stateLabel: "已推迟",
        foundAt: "2026-11-23T06:00:00.000+08:00",
        snoozedUntil: "2026-12-10T00:00:00.000+08:00"
    )

    /// `--due-within`: a number of days, with or without `d`; anything else is a usage error.
    @Test func dueWithin() throws {
        #expect(try ReminderCommand.days(nil) == nil)
        #expect(try ReminderCommand.days("30") == 30)
        #expect(try ReminderCommand.days("30d") == 30)
        #expect(try ReminderCommand.days("0D") == 0)
        for bad in ["", "d", "2w", "-1", "３０", "1.5"] {
            #expect(throws: ValidationError.self) { try ReminderCommand.days(bad) }
        }
    }

    /// A run in one line, with the undeliverable only when there are some.
    @Test func runSummary() {
        let run = ReminderRunView(rule: "probation-due", found: 5, new: 2, sent: 2, notices: 2, undeliverable: 0)
        #expect(ReminderCommand.summary(run) == "规则 probation-due：到期 5 项，新 2 项，已发送 2 项（2 则消息）")
        var stuck = run
        stuck.undeliverable = 1
        #expect(ReminderCommand.summary(stuck).hasSuffix("，无处送达 1 项（见 reminder list）"))
    }

    /// A reminder's organization, state and record; the system's own has no organization.
    @Test func reminderRecord() {
        #expect(ReminderCommand.org(Self.reminder) == "一支部（B1）")
        #expect(ReminderCommand.state(Self.reminder) == "已推迟至 2026-12-10")
        var system = Self.reminder
        system.orgCode = nil
        system.orgName = nil
        #expect(ReminderCommand.org(system) == "-")
        let text = ReminderCommand.record(Self.reminder).render()
        #expect(text.contains("规则      预备党员到期（probation-due）"))
        #expect(text.contains("发现时间  2026-11-23 06:00:00"))
        #expect(!text.contains("发送时间"))
    }

    /// A rule with its settings one per line, the default and meaning beside each value.
    @Test func ruleRecord() {
        let rule = ReminderRuleView(
            id: "probation-due",
            name: "预备党员到期",
            scans: "预备期将满一年的预备党员",
            tells: "组织管理员",
            settings: [ReminderSettingView(key: "lead-days", label: "提前天数", value: 14, defaultValue: 30)],
            lastScanAt: "2026-11-23T06:00:00.000+08:00",
            lastFound: 5,
            lastNew: 2,
            lastDurationMilliseconds: 12
        )
        let text = ReminderCommand.record(rule).render()
        #expect(text.contains("设置      lead-days=14（默认 30）提前天数"))
        #expect(text.contains("最近检查  2026-11-23 06:00:00"))
        #expect(text.contains("检查结果  到期 5 项，新 2 项"))
        #expect(text.contains("用时      12 毫秒"))
    }
}
