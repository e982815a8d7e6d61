import ArgumentParser
import Foundation
import Wire

extension ActivityCommand {
    /// `activity attach A FILE [--tag T]`.
    struct Attach: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(
            abstract: "为活动添加附件（每条记录最多 10 个，以 partyd 配置为准）。",
            discussion: "示例：partyadmin activity attach 12 签到表.pdf --tag sign-in"
        )

        /// The activity.
        @Argument(help: ArgumentHelp("活动编号", valueName: "activity"))
        var activity: Int64

        /// The files.
        @Argument(help: ArgumentHelp("文件（可多个）", valueName: "file"))
        var files: [String]

        /// `--tag`.
        @Option(help: ArgumentHelp("分类：notice 通知、minutes 会议记录、sign-in 签到表、photo 照片、other 其他", valueName: "tag"))
        var tag: String = "other"

        /// `--name`.
        @Option(help: ArgumentHelp("显示名称（只上传一个文件时）", valueName: "name"))
        var name: String?

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// Uploads the files, then calls `activity.attach`.
        func run() async throws {
            let local = try files.map { try AttachmentUpload.prepare($0, name: files.count == 1 ? name : nil) }
            let result = try await Console.withClient(global) { client in
                var refs: [AttachmentRef] = []
                for file in local {
                    refs.append(
                        AttachmentRef(attachment: try await AttachmentUpload.send(file, using: client).id, tag: tag)
                    )
                }
                return try await client.call(ActivityAttach.self, .init(activity: activity, attachments: refs))
            }
            try Console.emit(result, global) { result in
                result.attachments.map { "已添加附件 \($0.id)：\($0.name)（\($0.tag?.rawValue ?? "")）" }
                    .joined(separator: "\n")
            }
        }
    }

    /// `activity attachments A`.
    struct Attachments: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(abstract: "活动的附件列表。")

        /// The activity.
        @Argument(help: ArgumentHelp("活动编号", valueName: "activity"))
        var activity: Int64

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// Calls `attachment.list` for the activity.
        func run() async throws {
            try await Console.call(AttachmentList.self, .init(owner: "activity", id: activity), global) { result in
                var table = Table(.number("编号"), .text("分类"), .text("名称"), .text("类型"), .number("大小"))
                for file in result.attachments {
                    table.append(
                        String(file.id),
                        file.tag?.rawValue ?? "",
                        file.name,
                        file.kind.label,
                        AttachmentCommand.size(file.size)
                    )
                }
                return table.render(orIfEmpty: "没有附件。")
            }
        }
    }

    /// `activity download A FILE-ID [-o FILE]`.
    struct Download: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(
            abstract: "下载活动的附件（校验 SHA-256 后才写入目标文件）。",
            discussion: "未给出 -o 时保存为当前目录下的附件名称，且不覆盖已有文件。"
        )

        /// The activity.
        @Argument(help: ArgumentHelp("活动编号", valueName: "activity"))
        var activity: Int64

        /// The attachment.
        @Argument(help: ArgumentHelp("附件编号", valueName: "file-id"))
        var file: Int64

        /// `-o`, `--output`.
        @Option(name: [.short, .long], help: ArgumentHelp("保存到该文件（已存在则替换）", valueName: "file"))
        var output: String?

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// Finds the file among the activity's, then fetches it.
        func run() async throws {
            let (attachment, path, written) = try await Console.withClient(global) { client in
                let listed = try await client.call(AttachmentList.self, .init(owner: "activity", id: activity))
                guard let attachment = listed.attachments.first(where: { $0.id == file }) else {
                    Printer.err("错误：活动 \(activity) 没有编号为 \(file) 的附件（见 activity attachments \(activity)）")
                    throw ExitStatus.fileError
                }
                let path = output ?? attachment.name
                if output == nil, FileManager.default.fileExists(atPath: path) {
                    Printer.err("错误：当前目录已有文件 \(path)；请用 -o 指定保存位置")
                    throw ExitStatus.fileError
                }
                return (attachment, path, try await AttachmentFetch.fetch(file, to: path, using: client))
            }
            try Console.emit(attachment, global) { _ in "已下载附件 \(file) 到 \(path)（\(written) 字节，SHA-256 校验通过）" }
        }
    }

    /// `activity compliance --org C [--recursive] --period P`.
    struct Compliance: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(
            abstract: "组织生活开展情况：各支部在某月、季度或年度应开展的活动是否已开展、已计划或缺失。",
            discussion: """
                频次：支部党员大会、党课每季度，支委会、党小组会、主题党日每月，组织生活会、民主评议每年（可在配置中调整）。
                示例：partyadmin activity compliance --org 330200 --recursive --period 2026Q4
                """
        )

        /// `--org`.
        @Option(help: ArgumentHelp("党支部代码（加 --recursive 时可为上级组织）", valueName: "code"))
        var org: String

        /// `--recursive`.
        @Flag(help: "包含下级所有党支部、联合党支部")
        var recursive = false

        /// `--period`.
        @Option(help: ArgumentHelp("期间：2026-11、2026Q4 或 2026", valueName: "period"))
        var period: String

        /// `--all`.
        @Flag(help: "列出每一项（默认只列未开展、待开展与已计划的）")
        var all = false

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// Calls `activity.compliance`.
        func run() async throws {
            let params = ActivityComplianceMethod.Params(org: org, recursive: recursive, period: period)
            try await Console.call(ActivityComplianceMethod.self, params, global) { report in
                var table = Table(.text("支部"), .text("类别"), .text("频次"), .text("期间"), .text("情况"), .text("活动"))
                for branch in report.branches {
                    for item in branch.items where all || item.status != .held && item.status != .notDue {
                        table.append(
                            "\(branch.orgName)（\(branch.orgCode)）",
                            item.kind.rawValue,
                            item.cadence.label,
                            item.slot,
                            item.status.label,
                            item.activity.map(String.init) ?? ""
                        )
                    }
                }
                let missing = report.branches.reduce(0) { $0 + $1.missing }
                return "\(report.period)（\(report.from) 至 \(report.to)），\(report.branches.count) 个支部，未开展 \(missing) 项\n"
                    + table.render(orIfEmpty: "各项均已开展或未到期。")
            }
        }
    }
}
