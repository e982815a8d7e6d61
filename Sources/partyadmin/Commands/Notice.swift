import ArgumentParser
import Foundation
import Wire

/// `partyadmin notice`: publishing notices and seeing who has read and acknowledged them.
struct NoticeCommand: ParsableCommand {
    /// Name, help and leaf commands.
    static let configuration = CommandConfiguration(
        commandName: "notice",
        abstract: "通知：发布（立即或定时）、修改与取消定时通知、撤回、列表、查看、阅读与确认情况。",
        subcommands: [
            Post.self, Schedule.self, Edit.self, Cancel.self, Retract.self, List.self, Show.self, Receipts.self,
            Resend.self, Links.self,
        ]
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
        record.add("状态", notice.state.label)
        record.add(
            "对象",
            notice.state == .published || notice.state == .retracted
                ? "\(notice.audience)，共 \(notice.recipients) 人" : notice.audience
        )
        record.add("优先级", notice.priority.rawValue)
        record.add("发布人", notice.author)
        record.add(
            notice.state == .published || notice.state == .retracted ? "发布时间" : "定于",
            Format.timestamp(notice.publishedAt)
        )
        if let retractedAt = notice.retractedAt {
            record.add("撤回", "\(Format.timestamp(retractedAt))，原因：\(notice.retractReason ?? "")")
        }
        record.add("需要确认", notice.ackRequired ? "是" + (notice.ackDeadline.map { "，期限 \($0)" } ?? "") : "否")
        record.addIfPresent("有效期至", notice.expiresOn?.description)
        for (index, file) in (notice.attachments ?? []).enumerated() {
            record.add(index == 0 ? "附件" : "", "\(file.id)  \(file.name)（\(AttachmentCommand.size(file.size))）")
        }
        record.add("正文", notice.body)
        return record
    }
}

extension NoticeCommand {
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
                var table = Table(
                    .number("编号"),
                    .text("类别"),
                    .text("标题"),
                    .text("发布组织"),
                    .text("状态"),
                    .number("人数"),
                    .text("发布时间")
                )
                for notice in result.notices {
                    table.append(
                        String(notice.id),
                        notice.kind.rawValue,
                        notice.title,
                        notice.orgName,
                        notice.state.label,
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
                if !receipts.channels.isEmpty {
                    let ways = receipts.channels.map { line in
                        let name = line.channel == .link ? "个人链接" : "控制台"
                        return notice.ackRequired
                            ? "\(name)：已读 \(line.read)，已确认 \(line.acknowledged)" : "\(name)：已读 \(line.read)"
                    }
                    text += "\n登记方式：" + ways.joined(separator: "；")
                }
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
