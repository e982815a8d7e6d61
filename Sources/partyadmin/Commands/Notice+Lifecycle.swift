import ArgumentParser
import Foundation
import Wire

extension NoticeCommand {
    /// `notice edit N`: changes a scheduled notice.
    struct Edit: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(
            abstract: "修改待发布的定时通知（已发布的通知不能修改，可撤回后重新发布）。"
        )

        /// The notice's number.
        @Argument(help: ArgumentHelp("通知编号", valueName: "notice"))
        var notice: Int64

        /// `--title`.
        @Option(help: ArgumentHelp("新标题", valueName: "text"))
        var title: String?

        /// `--body`.
        @Option(help: ArgumentHelp("新正文", valueName: "text"))
        var body: String?

        /// `--body-file`.
        @Option(help: ArgumentHelp("从 UTF-8 文本文件读取新正文", valueName: "file"))
        var bodyFile: String?

        /// `--priority`.
        @Option(help: ArgumentHelp("新优先级：普通、重要、紧急", valueName: "priority"))
        var priority: String?

        /// `--at`.
        @Option(help: ArgumentHelp("新的发布时间 YYYY-MM-DD HH:MM；给出已到的时间则立即发布", valueName: "time"))
        var at: String?

        /// `--ack-required` / `--no-ack-required`.
        @Flag(inversion: .prefixedNo, help: "是否要求党员确认")
        var ackRequired: Bool?

        /// `--ack-deadline`.
        @Option(help: ArgumentHelp("确认期限 YYYY-MM-DD（空字符串为取消期限）", valueName: "date"))
        var ackDeadline: String?

        /// `--expires-on`.
        @Option(help: ArgumentHelp("有效期至 YYYY-MM-DD（空字符串为取消）", valueName: "date"))
        var expiresOn: String?

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// At most one of `--body` and `--body-file`, and something to change.
        func validate() throws {
            guard body == nil || bodyFile == nil else { throw ValidationError("--body 与 --body-file 只能给出一个") }
            let given: [Any?] = [title, body, bodyFile, priority, at, ackRequired, ackDeadline, expiresOn]
            guard given.contains(where: { $0 != nil }) else { throw ValidationError("没有给出要修改的内容") }
        }

        /// Calls `notice.edit`.
        func run() async throws {
            var text = body
            if let bodyFile {
                guard let data = FileManager.default.contents(atPath: bodyFile),
                    let decoded = String(data: data, encoding: .utf8)
                else {
                    Printer.err("错误：无法读取正文文件 \(bodyFile)（须为 UTF-8 文本）")
                    throw ExitStatus.fileError
                }
                text = decoded
            }
            let fields = NoticeEditFields(
                notice: notice,
                title: title,
                body: text,
                priority: priority,
                at: at,
                ackRequired: ackRequired,
                ackDeadline: ackDeadline,
                expiresOn: expiresOn
            )
            try await Console.call(NoticeEdit.self, fields, global) { notice in
                let head =
                    notice.state == .published
                    ? "已修改并发布通知 \(notice.id)（\(notice.recipients) 人）" : "已修改定时通知 \(notice.id)"
                return head + "\n" + NoticeCommand.record(notice).render()
            }
        }
    }

    /// `notice cancel N`: a scheduled notice never goes out.
    struct Cancel: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(abstract: "取消待发布的定时通知。")

        /// The notice's number.
        @Argument(help: ArgumentHelp("通知编号", valueName: "notice"))
        var notice: Int64

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// Calls `notice.cancel`.
        func run() async throws {
            try await Console.call(NoticeCancel.self, .init(notice: notice), global) { notice in
                "已取消定时通知 \(notice.id)：\(notice.title)"
            }
        }
    }

    /// `notice retract N --reason R`: withdraws a published notice.
    struct Retract: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(
            abstract: "撤回已发布的通知：从党员的通知中撤下，未送出的消息不再投递，已收到的群会收到撤回说明。"
        )

        /// The notice's number.
        @Argument(help: ArgumentHelp("通知编号", valueName: "notice"))
        var notice: Int64

        /// `--reason`.
        @Option(help: ArgumentHelp("撤回原因（一行，会告知已收到的群）", valueName: "text"))
        var reason: String

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// Calls `notice.retract`.
        func run() async throws {
            try await Console.call(NoticeRetract.self, .init(notice: notice, reason: reason), global) { notice in
                "已撤回通知 \(notice.id)：\(notice.title)"
            }
        }
    }
}
