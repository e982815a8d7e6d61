import ArgumentParser
import Foundation
import Wire

/// The options of a notice being posted, shared by `notice post` and `notice schedule`.
struct NoticeContentOptions: ParsableArguments {
    /// `--org`.
    @Option(help: ArgumentHelp("发布组织代码（对象为其党员）", valueName: "code"))
    var org: String

    /// `--subtree`.
    @Flag(help: "对象包含下级组织")
    var subtree = false

    /// `--category`.
    @Option(help: ArgumentHelp("只发给该类别：正式党员、预备党员", valueName: "category"))
    var category: String?

    /// `--flag`.
    @Option(help: ArgumentHelp("只发给带该标记的党员：困难党员、流动党员、失联", valueName: "flag"))
    var flag: String?

    /// `--member`, repeatable.
    @Option(
        name: .customLong("member"),
        help: ArgumentHelp("只发给指定党员（内部编号或身份证号，可重复）", valueName: "member")
    )
    var members: [String] = []

    /// `--members-file`.
    @Option(help: ArgumentHelp("从文本文件读取指定党员，每行一个内部编号或身份证号", valueName: "file"))
    var membersFile: String?

    /// `--to`.
    @Option(help: ArgumentHelp("发送对象：党员（默认）、管理员（各组织的管理员群）、全部", valueName: "who"))
    var to: String?

    /// `--kind`.
    @Option(help: ArgumentHelp("类别：通知公告、工作动态", valueName: "kind"))
    var kind: String

    /// `--title`.
    @Option(help: ArgumentHelp("标题（一行）", valueName: "text"))
    var title: String

    /// `--body`.
    @Option(help: ArgumentHelp("正文（纯文本或 Markdown）", valueName: "text"))
    var body: String?

    /// `--body-file`.
    @Option(help: ArgumentHelp("从 UTF-8 文本文件读取正文", valueName: "file"))
    var bodyFile: String?

    /// `--priority`.
    @Option(help: ArgumentHelp("优先级：普通（默认）、重要、紧急（紧急通知不受静默时段限制）", valueName: "priority"))
    var priority: String?

    /// `--ack-required`.
    @Flag(help: "要求党员确认")
    var ackRequired = false

    /// `--ack-deadline`.
    @Option(help: ArgumentHelp("确认期限 YYYY-MM-DD（须同时给出 --ack-required）", valueName: "date"))
    var ackDeadline: String?

    /// `--expires-on`.
    @Option(help: ArgumentHelp("有效期至 YYYY-MM-DD", valueName: "date"))
    var expiresOn: String?

    /// `--attach`, repeatable.
    @Option(
        name: .customLong("attach"),
        help: ArgumentHelp("附件（可重复；类型按内容判断，照片不超过 5 MB，其他文件不超过 20 MB）", valueName: "file")
    )
    var attach: [String] = []

    /// Creates the options; ArgumentParser fills them.
    init() {}

    /// Exactly one of `--body` and `--body-file`.
    func validate() throws {
        guard (body == nil) != (bodyFile == nil) else {
            throw ValidationError("须给出 --body 或 --body-file 之一")
        }
    }

    /// The fields to send, with the body and member files read here (the daemon never opens a user's path).
    func fields(at: String?) throws -> NoticeFields {
        var text = body ?? ""
        if let bodyFile { text = try Self.readText(bodyFile, what: "正文文件") }
        var named = members
        if let membersFile {
            named += try Self.readText(membersFile, what: "党员名单文件")
                .split(whereSeparator: \.isNewline)
                .map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty && !$0.hasPrefix("#") }
        }
        return NoticeFields(
            org: org,
            subtree: subtree,
            category: category,
            flag: flag,
            kind: kind,
            title: title,
            body: text,
            priority: priority,
            ackRequired: ackRequired,
            ackDeadline: ackDeadline,
            expiresOn: expiresOn,
            at: at,
            to: to,
            members: named.isEmpty ? nil : named
        )
    }

    /// The UTF-8 text of a local file, or the console's file error.
    private static func readText(_ path: String, what: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else {
            Printer.err("错误：无法读取\(what) \(path)（须为 UTF-8 文本）")
            throw ExitStatus.fileError
        }
        return text
    }

    /// Uploads the `--attach` files (checked before connecting), then posts `fields` with them, on one connection,
    /// and says what happened.
    func post(_ fields: NoticeFields, _ global: GlobalOptions) async throws {
        let files = try attach.map { try AttachmentUpload.prepare($0, name: nil) }
        var fields = fields
        let notice = try await Console.withClient(global) { client in
            var refs: [AttachmentRef] = []
            for file in files {
                refs.append(AttachmentRef(attachment: try await AttachmentUpload.send(file, using: client).id))
            }
            fields.attachments = refs.isEmpty ? nil : refs
            return try await client.call(NoticePost.self, fields)
        }
        try Console.emit(notice, global) { notice in
            let head =
                notice.state == .scheduled
                ? "已定时通知 \(notice.id)：\(notice.title)，将于 \(Format.timestamp(notice.publishedAt)) 发布"
                : "已发布通知 \(notice.id)：\(notice.title)（\(notice.recipients) 人）"
            return head + "\n" + NoticeCommand.record(notice).render()
        }
    }
}

extension NoticeCommand {
    /// `notice post`: publishes a notice now, or at `--at`.
    struct Post: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(
            abstract: "发布通知（立即发布，或用 --at 定时；对象为该组织的在册党员，可含下级组织，或指定党员）。",
            discussion: """
                示例：partyadmin notice post --org 330200 --subtree --kind 通知公告 --title 关于开展主题党日的通知 \\
                  --body-file 通知.txt --priority 重要 --ack-required --ack-deadline 2026-12-10
                """
        )

        /// The notice.
        @OptionGroup var content: NoticeContentOptions

        /// `--at`.
        @Option(help: ArgumentHelp("定时发布：YYYY-MM-DD HH:MM（守护进程所在时区）", valueName: "time"))
        var at: String?

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// Calls `notice.post`.
        func run() async throws {
            try await content.post(try content.fields(at: at), global)
        }
    }

    /// `notice schedule --at TIME`: a notice that goes out later.
    struct Schedule: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(
            abstract: "定时发布通知：到时由守护进程发布；发布前可修改（notice edit）或取消（notice cancel）。",
            discussion: """
                示例：partyadmin notice schedule --at "2026-12-01 09:00" --org 330200 --kind 通知公告 \\
                  --title 十二月主题党日安排 --body-file 安排.txt
                """
        )

        /// `--at`.
        @Option(help: ArgumentHelp("发布时间：YYYY-MM-DD HH:MM（守护进程所在时区）", valueName: "time"))
        var at: String

        /// The notice.
        @OptionGroup var content: NoticeContentOptions

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// Calls `notice.post` with the time.
        func run() async throws {
            try await content.post(try content.fields(at: at), global)
        }
    }
}
