import ArgumentParser
import Foundation
import Wire

extension ActivityCommand {
    /// `activity record A`: the record of a held activity.
    struct RecordHeld: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(
            commandName: "record",
            abstract: "记录活动召开情况：召开时间、出席与请假（其余受邀人员记为缺席），会议记录、决议；应到、实到自动统计。",
            discussion: """
                记录应在活动后 3 个工作日内完成（按节假日文件计算），逾期仍可记录，但标为逾期。支委会须超过半数出席。
                示例：partyadmin activity record 12 --held-at "2026-12-05 14:35" --duration 90 \\
                  --minutes-file 会议记录.txt --present 11010519491231002X --present 23 --leave 24:出差
                """
        )

        /// The activity.
        @Argument(help: ArgumentHelp("活动编号", valueName: "activity"))
        var activity: Int64

        /// `--held-at`.
        @Option(help: ArgumentHelp("实际召开时间 YYYY-MM-DD HH:MM", valueName: "time"))
        var heldAt: String

        /// `--duration`.
        @Option(help: ArgumentHelp("时长（分钟）", valueName: "minutes"))
        var duration: Int?

        /// `--minutes`.
        @Option(help: ArgumentHelp("会议记录", valueName: "text"))
        var minutes: String?

        /// `--minutes-file`.
        @Option(help: ArgumentHelp("从 UTF-8 文本文件读取会议记录", valueName: "file"))
        var minutesFile: String?

        /// `--decisions`.
        @Option(help: ArgumentHelp("决议", valueName: "text"))
        var decisions: String?

        /// `--present`, repeatable.
        @Option(name: .customLong("present"), help: ArgumentHelp("出席人员（内部编号或身份证号，可重复）", valueName: "member"))
        var present: [String] = []

        /// `--leave`, repeatable.
        @Option(name: .customLong("leave"), help: ArgumentHelp("请假人员及原因，写作 党员:原因（可重复）", valueName: "member:reason"))
        var leave: [String] = []

        /// `--attach`, repeatable.
        @Option(name: .customLong("attach"), help: ArgumentHelp("附件（可重复，默认分类“会议记录”）", valueName: "file"))
        var attach: [String] = []

        /// `--tag`.
        @Option(help: ArgumentHelp("--attach 附件的分类：notice、minutes、sign-in、photo、other", valueName: "tag"))
        var tag: String = "minutes"

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// At most one of `--minutes` and `--minutes-file`; every `--leave` has its reason.
        func validate() throws {
            guard minutes == nil || minutesFile == nil else {
                throw ValidationError("--minutes 与 --minutes-file 只能给出一个")
            }
            for entry in leave where Self.split(entry) == nil {
                throw ValidationError("--leave “\(entry)” 应写作 党员:原因")
            }
        }

        /// `member:reason` (a full-width colon too), split at the first colon.
        static func split(_ entry: String) -> ActivityRecordFields.Leave? {
            guard let index = entry.firstIndex(where: { $0 == ":" || $0 == "：" }) else { return nil }
            let member = entry[..<index].trimmingCharacters(in: .whitespaces)
            let reason = entry[entry.index(after: index)...].trimmingCharacters(in: .whitespaces)
            guard !member.isEmpty, !reason.isEmpty else { return nil }
            return ActivityRecordFields.Leave(member: member, reason: reason)
        }

        /// Reads the minutes file and uploads the files, then calls `activity.record`.
        func run() async throws {
            var text = minutes
            if let minutesFile {
                guard let data = FileManager.default.contents(atPath: minutesFile),
                    let contents = String(data: data, encoding: .utf8)
                else {
                    Printer.err("错误：无法读取会议记录文件 \(minutesFile)（须为 UTF-8 文本）")
                    throw ExitStatus.fileError
                }
                text = contents
            }
            let files = try attach.map { try AttachmentUpload.prepare($0, name: nil) }
            var fields = ActivityRecordFields(
                activity: activity,
                heldAt: heldAt,
                durationMinutes: duration,
                minutes: text,
                decisions: decisions,
                present: present,
                leave: leave.compactMap(Self.split)
            )
            let view = try await Console.withClient(global) { client in
                var refs: [AttachmentRef] = []
                for file in files {
                    refs.append(
                        AttachmentRef(attachment: try await AttachmentUpload.send(file, using: client).id, tag: tag)
                    )
                }
                fields.attachments = refs.isEmpty ? nil : refs
                return try await client.call(ActivityRecordMethod.self, fields)
            }
            try Console.emit(view, global) { view in
                let late = view.late ? "（逾期记录，应于 \(view.dueOn.map(\.description) ?? "") 前）" : ""
                return "已记录活动 \(view.id)：应到 \(view.counts.expected) 人，实到 \(view.counts.present) 人\(late)\n"
                    + ActivityCommand.record(view).render()
            }
        }
    }

    /// `activity attend A --member M --as X`: attendance on a member's behalf.
    struct Attend: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(
            abstract: "代党员登记出席情况（记为管理员代为登记）：confirmed 确认参加、leave 请假、present 出席、absent 缺席。"
        )

        /// The activity.
        @Argument(help: ArgumentHelp("活动编号", valueName: "activity"))
        var activity: Int64

        /// `--member`.
        @Option(help: ArgumentHelp("党员（内部编号或身份证号）", valueName: "member"))
        var member: String

        /// `--as`.
        @Option(name: .customLong("as"), help: ArgumentHelp("confirmed、leave、present、absent", valueName: "status"))
        var status: String

        /// `--reason`.
        @Option(help: ArgumentHelp("请假原因（leave 时必填）", valueName: "text"))
        var reason: String?

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// Calls `activity.attend`.
        func run() async throws {
            let params = ActivityAttend.Params(activity: activity, member: member, as: status, reason: reason)
            try await Console.call(ActivityAttend.self, params, global) { view in
                let row = view.attendance?.first { String($0.memberID) == member || $0.memberName == member }
                return "已登记：" + (row.map(ActivityCommand.attendanceLine) ?? member)
            }
        }
    }

    /// `activity cancel A --reason R`.
    struct Cancel: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(abstract: "取消未召开的活动（撤回活动通知，受邀人员收到撤回说明）。")

        /// The activity.
        @Argument(help: ArgumentHelp("活动编号", valueName: "activity"))
        var activity: Int64

        /// `--reason`.
        @Option(help: ArgumentHelp("取消原因", valueName: "text"))
        var reason: String

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// Calls `activity.cancel`.
        func run() async throws {
            try await Console.call(ActivityCancel.self, .init(activity: activity, reason: reason), global) {
                "已取消活动 \($0.id)：\($0.title)（\($0.cancelReason ?? "")）"
            }
        }
    }

    /// `activity publish A [--feed]`.
    struct Publish: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(abstract: "发布已召开活动的记录；--feed 同时作为工作动态发给本组织党员。")

        /// The activity.
        @Argument(help: ArgumentHelp("活动编号", valueName: "activity"))
        var activity: Int64

        /// `--feed`.
        @Flag(help: "同时发布为工作动态")
        var feed = false

        /// `--summary`.
        @Option(help: ArgumentHelp("工作动态中附加的文字", valueName: "text"))
        var summary: String?

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// Calls `activity.publish`.
        func run() async throws {
            let params = ActivityPublish.Params(activity: activity, feed: feed, summary: summary)
            try await Console.call(ActivityPublish.self, params, global) { view in
                "已发布活动 \(view.id)：\(view.title)" + (view.feedNotice.map { "，工作动态为通知 \($0)" } ?? "")
            }
        }
    }
}
