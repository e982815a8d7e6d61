import ArgumentParser
import Foundation
import Wire

/// `partyadmin activity`: organizational life (三会一课, 主题党日…): plan, record, attendance, files,
/// publication and compliance.
struct ActivityCommand: ParsableCommand {
    /// Name, help and leaf commands.
    static let configuration = CommandConfiguration(
        commandName: "activity",
        abstract: "组织生活：计划（发出活动通知）、记录召开情况、登记出席、取消、附件、发布、开展情况检查。",
        subcommands: [
            Plan.self, Show.self, List.self, RecordHeld.self, Attend.self, Cancel.self, Attach.self, Attachments.self,
            Download.self, Links.self, Publish.self, Compliance.self,
        ]
    )

    /// Creates the group; running it alone prints its help.
    init() {}

    /// An activity as a key/value record, with its attendance and files when present.
    static func record(_ activity: ActivityView) -> Record {
        var record = Record()
        record.add("编号", String(activity.id))
        record.add("类别", activity.kind.rawValue)
        record.add("标题", activity.title)
        record.add("组织", "\(activity.orgName)（\(activity.orgCode)）")
        record.add("状态", activity.state.label + (activity.late ? "（逾期记录）" : ""))
        record.add("计划时间", Format.timestamp(activity.plannedAt))
        record.addIfPresent("报名截止", activity.signupDeadline.map(Format.timestamp))
        record.addIfPresent("地点", activity.place)
        record.addIfPresent("主持人", activity.host)
        record.addIfPresent("记录人", activity.recorder)
        record.addIfPresent("议题", activity.theme)
        record.addIfPresent("召开时间", activity.heldAt.map(Format.timestamp))
        record.addIfPresent("时长", activity.durationMinutes.map { "\($0) 分钟" })
        if let recordedAt = activity.recordedAt {
            record.add("记录时间", Format.timestamp(recordedAt) + (activity.dueOn.map { "（应于 \($0) 前）" } ?? ""))
        }
        let counts = activity.counts
        record.add(
            "人数",
            activity.state.tookPlace
                ? "应到 \(counts.expected)，实到 \(counts.present)，请假 \(counts.leave)，缺席 \(counts.absent)"
                : "邀请 \(counts.expected)，已报名 \(counts.signedUp)，请假 \(counts.leave)，未回复 \(counts.unanswered)"
        )
        if let cancelledAt = activity.cancelledAt {
            record.add("取消", "\(Format.timestamp(cancelledAt))，原因：\(activity.cancelReason ?? "")")
        }
        record.addIfPresent("发布时间", activity.publishedAt.map(Format.timestamp))
        record.addIfPresent("活动通知", activity.invitationNotice.map { "通知 \($0)" })
        record.addIfPresent("工作动态", activity.feedNotice.map { "通知 \($0)" })
        record.add("计划人", activity.createdBy)
        for (index, row) in (activity.attendance ?? []).enumerated() {
            record.add(index == 0 ? "出席情况" : "", attendanceLine(row))
        }
        for (index, file) in (activity.attachments ?? []).enumerated() {
            let tag = file.tag.map { "[\($0.rawValue)] " } ?? ""
            record.add(index == 0 ? "附件" : "", "\(file.id)  \(tag)\(file.name)（\(AttachmentCommand.size(file.size))）")
        }
        record.addIfPresent("会议记录", activity.minutes)
        record.addIfPresent("决议", activity.decisions)
        return record
    }

    /// `张秀英（B1）出席，已确认，积分 2`.
    static func attendanceLine(_ row: AttendanceView) -> String {
        var line = "\(row.memberName)（\(row.orgCode)）\(row.status.label)"
        if let reason = row.reason { line += "：\(reason)" }
        if row.confirmedAt != nil { line += "，已确认参加" }
        if let points = row.points { line += "，积分 \(points)" }
        return line + "（\(row.channel.label)）"
    }
}

extension ActivityCommand {
    /// `activity plan`: plans an activity and invites its members.
    struct Plan: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(
            abstract: "计划活动并向参加人员发出活动通知（默认为该组织在册党员；支委会、党小组会须用 --invite 指定）。",
            discussion: """
                示例：partyadmin activity plan --org 330201 --kind 支部党员大会 --title 第四季度支部党员大会 \\
                  --at "2026-12-05 14:30" --place 三楼会议室 --host 王建华 --attach 通知.pdf
                """
        )

        /// `--org`.
        @Option(help: ArgumentHelp("组织代码", valueName: "code"))
        var org: String

        /// `--kind`.
        @Option(help: ArgumentHelp("类别：支部党员大会、支委会、党小组会、党课、主题党日、组织生活会、民主评议、其他", valueName: "kind"))
        var kind: String

        /// `--title`.
        @Option(help: ArgumentHelp("标题", valueName: "text"))
        var title: String

        /// `--at`.
        @Option(help: ArgumentHelp("计划时间 YYYY-MM-DD HH:MM", valueName: "time"))
        var at: String

        /// `--place`.
        @Option(help: ArgumentHelp("地点", valueName: "text"))
        var place: String?

        /// `--theme`.
        @Option(help: ArgumentHelp("议题", valueName: "text"))
        var theme: String?

        /// `--host`.
        @Option(help: ArgumentHelp("主持人", valueName: "name"))
        var host: String?

        /// `--recorder`.
        @Option(help: ArgumentHelp("记录人", valueName: "name"))
        var recorder: String?

        /// `--signup-deadline`.
        @Option(help: ArgumentHelp("报名截止时间 YYYY-MM-DD HH:MM", valueName: "time"))
        var signupDeadline: String?

        /// `--invite`, repeatable.
        @Option(name: .customLong("invite"), help: ArgumentHelp("参加人员（内部编号或身份证号，可重复）", valueName: "member"))
        var invite: [String] = []

        /// `--attach`, repeatable.
        @Option(name: .customLong("attach"), help: ArgumentHelp("附件，标为“通知”（可重复）", valueName: "file"))
        var attach: [String] = []

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// Uploads the files, then calls `activity.plan`.
        func run() async throws {
            let files = try attach.map { try AttachmentUpload.prepare($0, name: nil) }
            var fields = ActivityFields(
                org: org,
                kind: kind,
                title: title,
                at: at,
                place: place,
                theme: theme,
                host: host,
                recorder: recorder,
                signupDeadline: signupDeadline,
                invite: invite.isEmpty ? nil : invite
            )
            let activity = try await Console.withClient(global) { client in
                var refs: [AttachmentRef] = []
                for file in files {
                    refs.append(
                        AttachmentRef(attachment: try await AttachmentUpload.send(file, using: client).id, tag: "通知")
                    )
                }
                fields.attachments = refs.isEmpty ? nil : refs
                return try await client.call(ActivityPlan.self, fields)
            }
            try Console.emit(activity, global) {
                "已计划活动 \($0.id)：\($0.title)，已通知 \($0.counts.expected) 人\n" + ActivityCommand.record($0).render()
            }
        }
    }

    /// `activity show A`.
    struct Show: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(abstract: "查看活动（含出席情况与附件）。")

        /// The activity.
        @Argument(help: ArgumentHelp("活动编号", valueName: "activity"))
        var activity: Int64

        /// `--history`.
        @Flag(help: "同时列出每次出席情况变更（时间、渠道、操作人）")
        var history = false

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// Calls `activity.show`.
        func run() async throws {
            try await Console.call(ActivityShow.self, .init(activity: activity), global) { view in
                var text = ActivityCommand.record(view).render()
                if history {
                    var table = Table(.text("时间"), .text("党员"), .text("情况"), .text("渠道"), .text("操作人"))
                    for event in view.history ?? [] {
                        table.append(
                            Format.timestamp(event.at),
                            event.memberName,
                            event.status.label + (event.reason.map { "：\($0)" } ?? ""),
                            event.channel.label,
                            event.actor
                        )
                    }
                    text += "\n\n" + table.render(orIfEmpty: "没有变更记录。")
                }
                return text
            }
        }
    }

    /// `activity list`.
    struct List: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(abstract: "活动列表（最新的在前）。")

        /// `--org`.
        @Option(help: ArgumentHelp("只看该组织及其下级组织的活动", valueName: "code"))
        var org: String?

        /// `--state`.
        @Option(help: ArgumentHelp("只看该状态：planned、held、published、cancelled", valueName: "state"))
        var state: String?

        /// `--before`.
        @Option(parsing: .unconditional, help: ArgumentHelp("只看编号小于此值的活动（翻页）", valueName: "id"))
        var before: Int64?

        /// `--limit`.
        @Option(parsing: .unconditional, help: ArgumentHelp("最多显示条数（默认 50）", valueName: "n"))
        var limit: Int?

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// Calls `activity.list`.
        func run() async throws {
            let params = ActivityList.Params(org: org, state: state, before: before, limit: limit)
            try await Console.call(ActivityList.self, params, global) { result in
                var table = Table(
                    .number("编号"),
                    .text("类别"),
                    .text("标题"),
                    .text("组织"),
                    .text("状态"),
                    .text("时间"),
                    .number("应到"),
                    .number("实到")
                )
                for activity in result.activities {
                    table.append(
                        String(activity.id),
                        activity.kind.rawValue,
                        activity.title,
                        activity.orgName,
                        activity.state.label + (activity.late ? "（逾期）" : ""),
                        Format.timestamp(activity.heldAt ?? activity.plannedAt),
                        String(activity.counts.expected),
                        activity.state.tookPlace ? String(activity.counts.present) : ""
                    )
                }
                return table.render(orIfEmpty: "没有活动。")
            }
        }
    }
}
