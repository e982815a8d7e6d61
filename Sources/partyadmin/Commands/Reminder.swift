import ArgumentParser
import Foundation
import Wire

/// `partyadmin reminder`: what the reminder rules find due, the rules themselves, a rule run now, a reminder put
/// off, and what was sent.
struct ReminderCommand: ParsableCommand {
    /// Name, help and leaf commands.
    static let configuration = CommandConfiguration(
        commandName: "reminder",
        abstract: "提醒：预备期到期、组织生活、通知确认等到期事项；规则、立即检查、推迟与发送记录。",
        discussion: """
            partyd 每天按各条规则检查一次到期事项，同一事项只提醒一次：提醒党员本人的进收件箱，提醒管理员的汇总为每日一条，
            发到该组织的管理员群（没有则党员群，再没有则系统管理员）。规则的设置见 reminder rules，在守护进程配置中调整。
            """,
        subcommands: [List.self, Rules.self, Run.self, Snooze.self, History.self]
    )

    /// Creates the group; running it alone prints its help.
    init() {}

    /// `reminder list`.
    struct List: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(
            abstract: "现在及今后若干天内到期的事项（按到期日排列），含尚未发送和已推迟的提醒。",
            discussion: "尚未到提醒时间的事项没有编号；有编号的可以用 reminder snooze 推迟。"
        )

        /// `--org`.
        @Option(help: ArgumentHelp("只看该组织及其下级组织的事项", valueName: "code"))
        var org: String?

        /// `--due-within`.
        @Option(help: ArgumentHelp("往后看多少天：N 或 Nd（0-366，默认 30）", valueName: "days"))
        var dueWithin: String?

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// Refuses a `--due-within` that is not a number of days.
        func validate() throws {
            _ = try ReminderCommand.days(dueWithin)
        }

        /// Calls `reminder.list`.
        func run() async throws {
            let params = ReminderList.Params(org: org, dueWithin: try ReminderCommand.days(dueWithin))
            try await Console.call(ReminderList.self, params, global) { result in
                var table = Table(
                    .text("到期日"),
                    .text("规则"),
                    .text("组织"),
                    .text("对象"),
                    .text("内容"),
                    .text("状态"),
                    .number("编号")
                )
                for reminder in result.reminders {
                    table.append(
                        reminder.dueOn,
                        reminder.ruleName,
                        ReminderCommand.org(reminder),
                        reminder.audience,
                        reminder.line,
                        ReminderCommand.state(reminder),
                        Format.orNone(reminder.id)
                    )
                }
                return table.render(orIfEmpty: "没有到期的事项。")
            }
        }
    }

    /// `reminder rules`.
    struct Rules: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(abstract: "提醒规则：检查什么、提醒谁、当前设置与最近一次检查。")

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// Calls `reminder.rules`.
        func run() async throws {
            try await Console.call(ReminderRules.self, global) { result in
                guard !result.rules.isEmpty else { return "没有提醒规则。" }
                return result.rules.map { ReminderCommand.record($0).render() }.joined(separator: "\n\n")
            }
        }
    }

    /// `reminder run RULE`.
    struct Run: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(
            abstract: "立即按一条规则检查并发送（不等每日汇总；已提醒过的事项不再重复）。仅系统管理员。",
            discussion: "示例：partyadmin reminder run probation-due"
        )

        /// The rule's id.
        @Argument(help: ArgumentHelp("规则编号（见 reminder rules），如 probation-due", valueName: "rule"))
        var rule: String

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// Calls `reminder.run`.
        func run() async throws {
            try await Console.call(ReminderRun.self, .init(rule: rule), global, render: ReminderCommand.summary)
        }
    }

    /// `reminder snooze ID --until DATE`.
    struct Snooze: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(
            abstract: "推迟一条尚未发送的提醒，到指定日期再发。",
            discussion: "示例：partyadmin reminder snooze 12 --until 2026-12-15"
        )

        /// The reminder's number.
        @Argument(help: ArgumentHelp("提醒编号（见 reminder list）", valueName: "id"))
        var id: Int64

        /// `--until`.
        @Option(help: ArgumentHelp("推迟到哪天（YYYY-MM-DD，须在今天之后，最多一年）", valueName: "date"))
        var until: String

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// Calls `reminder.snooze`.
        func run() async throws {
            try await Console.call(ReminderSnooze.self, .init(id: id, until: until), global) { reminder in
                "已推迟提醒 \(id)\n" + ReminderCommand.record(reminder).render()
            }
        }
    }

    /// `reminder history`.
    struct History: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(abstract: "已发送的提醒（含无处送达的），最新的在前。")

        /// `--org`.
        @Option(help: ArgumentHelp("只看该组织及其下级组织的提醒", valueName: "code"))
        var org: String?

        /// `--rule`.
        @Option(help: ArgumentHelp("只看该规则的提醒", valueName: "rule"))
        var rule: String?

        /// `--limit`.
        @Option(parsing: .unconditional, help: ArgumentHelp("最多显示条数（1-1000，默认 100）", valueName: "n"))
        var limit: Int?

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// Calls `reminder.history`.
        func run() async throws {
            try await Console.call(ReminderHistory.self, .init(org: org, rule: rule, limit: limit), global) { result in
                var table = Table(
                    .text("发送时间"),
                    .text("规则"),
                    .text("组织"),
                    .text("内容"),
                    .text("去向"),
                    .number("通知")
                )
                for reminder in result.reminders {
                    table.append(
                        reminder.sentAt.map(Format.timestamp) ?? Format.none,
                        reminder.ruleName,
                        ReminderCommand.org(reminder),
                        reminder.line,
                        reminder.route ?? reminder.stateLabel,
                        Format.orNone(reminder.noticeID)
                    )
                }
                return table.render(orIfEmpty: "没有已发送的提醒。")
            }
        }
    }
}
