import ArgumentParser
import Foundation
import Wire

/// `partyadmin schedule`: timed jobs that post notices by a calendar rule.
struct ScheduleCommand: ParsableCommand {
    /// Name, help and leaf commands.
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: "定时任务：按规则（每月、每季度、cron 等）自动发布通知；列表、删除、查看今后的触发时间。",
        discussion: """
            规则写法：daily HH:MM；weekly 周几(0 为周日) HH:MM；monthly 日|last HH:MM；quarterly 季末前天数 HH:MM；
            yearly MM-DD HH:MM；once YYYY-MM-DD HH:MM；cron 分 时 日 月 周。时间按 --zone（默认守护进程所在时区）。
            停机期间错过的触发按 --misfire 处理：once（默认，补发一次）、skip（跳过）、replay:N（逐次补发，最多 N 次）。
            """,
        subcommands: [Add.self, List.self, Remove.self, Next.self, Preview.self]
    )

    /// Creates the group; running it alone prints its help.
    init() {}

    /// `schedule add`.
    struct Add: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(
            abstract: "新建定时任务：每次触发时以本人名义发布给定的通知。",
            discussion: """
                示例：partyadmin schedule add --name 主题党日通知 --rule "monthly 1 09:00" --org 330200001 \\
                  --kind 通知公告 --title 本月主题党日安排 --body-file 主题党日.txt
                """
        )

        /// `--name`.
        @Option(help: ArgumentHelp("任务名称", valueName: "name"))
        var name: String

        /// `--rule`.
        @Option(help: ArgumentHelp("触发规则，如 \"monthly 1 09:00\"", valueName: "rule"))
        var rule: String

        /// `--zone`.
        @Option(help: ArgumentHelp("时区（IANA 名称，默认守护进程所在时区）", valueName: "zone"))
        var zone: String?

        /// `--misfire`.
        @Option(help: ArgumentHelp("错过时的处理：once、skip、replay:N", valueName: "policy"))
        var misfire: String?

        /// The notice it posts.
        @OptionGroup var content: NoticeContentOptions

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// Calls `schedule.add`.
        func run() async throws {
            guard content.attach.isEmpty else {
                throw ValidationError("定时任务的通知不能带附件")
            }
            let fields = ScheduleJobFields(
                name: name,
                rule: rule,
                zone: zone,
                misfire: misfire,
                notice: try content.fields(at: nil)
            )
            try await Console.call(ScheduleAdd.self, fields, global) { job in
                "已新建定时任务 \(job.id)：\(job.name)\n" + ScheduleCommand.record(job).render()
            }
        }
    }

    /// `schedule list`.
    struct List: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(abstract: "定时任务列表。")

        /// `--org`.
        @Option(help: ArgumentHelp("只看该组织及其下级组织的任务", valueName: "code"))
        var org: String?

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// Calls `schedule.list`.
        func run() async throws {
            try await Console.call(ScheduleList.self, .init(org: org), global) { result in
                var table = Table(.number("编号"), .text("名称"), .text("组织"), .text("规则"), .text("通知"), .text("下次触发"))
                for job in result.jobs {
                    table.append(
                        String(job.id),
                        job.name,
                        job.orgName,
                        job.ruleLabel,
                        job.noticeTitle,
                        job.nextFireAt.map(Format.timestamp) ?? "（已结束）"
                    )
                }
                return table.render(orIfEmpty: "没有定时任务。")
            }
        }
    }

    /// `schedule remove N`.
    struct Remove: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(abstract: "删除定时任务（已发布的通知保留）。")

        /// The job's number.
        @Argument(help: ArgumentHelp("任务编号", valueName: "job"))
        var job: Int64

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// Calls `schedule.remove`.
        func run() async throws {
            try await Console.call(ScheduleRemove.self, .init(job: job), global) { _ in "已删除定时任务 \(job)" }
        }
    }

    /// `schedule next N`.
    struct Next: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(abstract: "定时任务今后的触发时间。")

        /// The job's number.
        @Argument(help: ArgumentHelp("任务编号", valueName: "job"))
        var job: Int64

        /// `--count`.
        @Option(help: ArgumentHelp("列出几次（默认 12）", valueName: "n"))
        var count: Int?

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// Calls `schedule.next`.
        func run() async throws {
            try await Console.call(ScheduleNext.self, .init(job: job, count: count), global) { result in
                result.times.map(Format.timestamp).joined(separator: "\n")
            }
        }
    }

    /// `schedule preview --rule R`.
    struct Preview: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(abstract: "预览规则今后的触发时间（不新建任务）。")

        /// `--rule`.
        @Option(help: ArgumentHelp("触发规则，如 \"quarterly 15 09:00\"", valueName: "rule"))
        var rule: String

        /// `--zone`.
        @Option(help: ArgumentHelp("时区（IANA 名称，默认守护进程所在时区）", valueName: "zone"))
        var zone: String?

        /// `--count`.
        @Option(help: ArgumentHelp("列出几次（默认 12）", valueName: "n"))
        var count: Int?

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// Calls `schedule.preview`.
        func run() async throws {
            try await Console.call(SchedulePreview.self, .init(rule: rule, zone: zone, count: count), global) {
                result in
                result.times.isEmpty ? "该规则今后不会触发。" : result.times.map(Format.timestamp).joined(separator: "\n")
            }
        }
    }

    /// A job as a key/value record.
    static func record(_ job: ScheduleJobView) -> Record {
        var record = Record()
        record.add("编号", String(job.id))
        record.add("名称", job.name)
        record.add("组织", "\(job.orgName)（\(job.orgCode)）")
        record.add("规则", "\(job.ruleLabel)（\(job.rule)，\(job.zone)）")
        record.add("错过时", job.misfire)
        record.add("发布通知", job.noticeTitle)
        record.add("创建人", job.createdBy)
        record.add("下次触发", job.nextFireAt.map(Format.timestamp) ?? "（已结束）")
        record.addIfPresent("上次触发", job.lastFiredAt.map(Format.timestamp))
        return record
    }
}
