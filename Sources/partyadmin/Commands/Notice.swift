import ArgumentParser
import Foundation
import Wire

/// `partyadmin notice`: publishing notices and seeing who has read and acknowledged them.
struct NoticeCommand: ParsableCommand {
    /// Name, help and leaf commands.
    static let configuration = CommandConfiguration(
        commandName: "notice",
        abstract: "通知：发布（通知公告、工作动态）、列表、查看、阅读与确认情况。",
        subcommands: [Post.self, List.self, Show.self, Receipts.self, Resend.self]
    )

    /// Creates the group; running it alone prints its help.
    init() {}

    /// A notice as a key/value record.
    static func record(_ notice: NoticeView) -> Record {
        var record = Record()
        record.add("编号", String(notice.id))
        record.add("类别", notice.kind.rawValue)
        record.add("标题", notice.title)
        record.add("发布组织", "\(notice.orgName)（\(notice.orgCode)）")
        record.add("对象", "\(notice.audience)，共 \(notice.recipients) 人")
        record.add("优先级", notice.priority.rawValue)
        record.add("发布人", notice.author)
        record.add("发布时间", Format.timestamp(notice.publishedAt))
        record.add("需要确认", notice.ackRequired ? "是" + (notice.ackDeadline.map { "，期限 \($0)" } ?? "") : "否")
        record.addIfPresent("有效期至", notice.expiresOn?.description)
        record.add("正文", notice.body)
        return record
    }
}

extension NoticeCommand {
    /// `notice post`: publishes a notice now.
    struct Post: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(
            abstract: "发布通知（立即发布；对象为该组织的在册党员，可含下级组织）。",
            discussion: """
                示例：partyadmin notice post --org 330200 --subtree --kind 通知公告 --title 关于开展主题党日的通知 \\
                  --body-file 通知.txt --priority 重要 --ack-required --ack-deadline 2026-12-10
                """
        )

        /// `--org`.
        @Option(help: ArgumentHelp("发布组织代码（对象为其党员）", valueName: "code"))
        var org: String

        /// `--subtree`.
        @Flag(help: "对象包含下级组织的党员")
        var subtree = false

        /// `--category`.
        @Option(help: ArgumentHelp("只发给该类别：正式党员、预备党员", valueName: "category"))
        var category: String?

        /// `--flag`.
        @Option(help: ArgumentHelp("只发给带该标记的党员：困难党员、流动党员、失联", valueName: "flag"))
        var flag: String?

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
        @Option(help: ArgumentHelp("优先级：普通（默认）、重要、紧急", valueName: "priority"))
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

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// Exactly one of `--body` and `--body-file`.
        func validate() throws {
            guard (body == nil) != (bodyFile == nil) else {
                throw ValidationError("须给出 --body 或 --body-file 之一")
            }
        }

        /// Reads the body file (locally: the daemon never opens a user's path) and calls `notice.post`.
        func run() async throws {
            var text = body ?? ""
            if let bodyFile {
                guard let data = FileManager.default.contents(atPath: bodyFile),
                    let decoded = String(data: data, encoding: .utf8)
                else {
                    Printer.err("错误：无法读取正文文件 \(bodyFile)（须为 UTF-8 文本）")
                    throw ExitStatus.fileError
                }
                text = decoded
            }
            let fields = NoticeFields(
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
                expiresOn: expiresOn
            )
            try await Console.call(NoticePost.self, fields, global) { notice in
                "已发布通知 \(notice.id)：\(notice.title)（\(notice.recipients) 人）\n" + NoticeCommand.record(notice).render()
            }
        }
    }

    /// `notice list`: notices of a subtree, newest first.
    struct List: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(abstract: "通知列表（最新的在前）。")

        /// `--org`.
        @Option(help: ArgumentHelp("只看该组织及其下级组织发布的通知", valueName: "code"))
        var org: String?

        /// `--before`.
        @Option(parsing: .unconditional, help: ArgumentHelp("只看编号小于此值的通知（翻页）", valueName: "id"))
        var before: Int64?

        /// `--limit`.
        @Option(parsing: .unconditional, help: ArgumentHelp("最多显示条数（默认 50）", valueName: "n"))
        var limit: Int?

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// Calls `notice.list`.
        func run() async throws {
            try await Console.call(NoticeList.self, .init(org: org, before: before, limit: limit), global) { result in
                var table = Table(.number("编号"), .text("类别"), .text("标题"), .text("发布组织"), .number("人数"), .text("发布时间"))
                for notice in result.notices {
                    table.append(
                        String(notice.id),
                        notice.kind.rawValue,
                        notice.title,
                        notice.orgName,
                        String(notice.recipients),
                        Format.timestamp(notice.publishedAt)
                    )
                }
                return table.render(orIfEmpty: "没有通知。")
            }
        }
    }

    /// `notice show N`.
    struct Show: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(abstract: "查看通知。")

        /// The notice's number.
        @Argument(help: ArgumentHelp("通知编号", valueName: "notice"))
        var notice: Int64

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// Calls `notice.show`.
        func run() async throws {
            try await Console.call(NoticeShow.self, .init(notice: notice), global) { NoticeCommand.record($0).render() }
        }
    }

    /// `notice receipts N`: who has read and acknowledged it.
    struct Receipts: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(abstract: "通知的阅读与确认情况：各组织统计，及尚未阅读（或确认）的党员。")

        /// The notice's number.
        @Argument(help: ArgumentHelp("通知编号", valueName: "notice"))
        var notice: Int64

        /// `--limit`.
        @Option(parsing: .unconditional, help: ArgumentHelp("最多列出的未完成党员数（默认 100）", valueName: "n"))
        var limit: Int?

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// Calls `notice.receipts`.
        func run() async throws {
            try await Console.call(NoticeReceiptsMethod.self, .init(notice: notice, limit: limit), global) { receipts in
                let notice = receipts.notice
                var text = "通知 \(notice.id)“\(notice.title)”：共 \(notice.recipients) 人，已读 \(receipts.read) 人"
                if notice.ackRequired { text += "，已确认 \(receipts.acknowledged) 人" }
                var counts = Table(.text("组织"), .number("人数"), .number("已读"), .number("已确认"))
                for org in receipts.organizations {
                    counts.append(
                        "\(org.orgName)（\(org.orgCode)）",
                        String(org.recipients),
                        String(org.read),
                        String(org.acknowledged)
                    )
                }
                text += "\n" + counts.render(orIfEmpty: "（无对象）")
                let pending = notice.ackRequired ? "尚未确认" : "尚未阅读"
                var members = Table(.number("编号"), .text("姓名"), .text("支部"), .text("已读"))
                for member in receipts.outstanding {
                    members.append(String(member.memberID), member.memberName, member.orgCode, member.read ? "是" : "否")
                }
                text += "\n\(pending)：\(receipts.outstandingTotal) 人"
                if !receipts.outstanding.isEmpty { text += "\n" + members.render(orIfEmpty: "") }
                if receipts.outstandingTotal > receipts.outstanding.count {
                    text += "\n（仅列出 \(receipts.outstanding.count) 人；用 --limit 列出更多）"
                }
                return text
            }
        }
    }

    /// `notice resend N`.
    struct Resend: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(
            abstract: "重新发送通知：群渠道再发一次，邮件只发给尚未阅读（要求确认时：尚未确认）的党员。"
        )

        /// The notice's number.
        @Argument(help: ArgumentHelp("通知编号", valueName: "notice"))
        var notice: Int64

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// Calls `notice.resend`.
        func run() async throws {
            try await Console.call(NoticeResend.self, .init(notice: notice), global) { result in
                result.messages == 0 ? "没有需要重新发送的消息。" : "已重新排队发送 \(result.messages) 条消息。"
            }
        }
    }
}
