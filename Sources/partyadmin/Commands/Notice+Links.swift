import ArgumentParser
import Foundation
import Wire

extension NoticeCommand {
    /// `notice links N [--member M]`.
    struct Links: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(
            abstract: "生成通知收件党员的个人链接（打开即可查看通知、登记已阅与确认收到），供管理员手工转发；每次生成都写入审计。",
            discussion: "个人链接代表本人登记，请只发给本人。需要 partyd 已启用 HTTP 服务（--http）。"
        )

        /// The notice's number.
        @Argument(help: ArgumentHelp("通知编号", valueName: "notice"))
        var notice: Int64

        /// `--member`.
        @Option(parsing: .unconditional, help: ArgumentHelp("只生成这名党员的链接（编号或身份证号）", valueName: "member"))
        var member: String?

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// Calls `notice.links`.
        func run() async throws {
            try await Console.call(NoticeLinksMethod.self, .init(notice: notice, member: member), global) { list in
                var table = Table(.number("编号"), .text("姓名"), .text("支部"), .text("个人链接"))
                for link in list.links {
                    table.append(String(link.memberID), link.memberName, link.orgCode, link.url)
                }
                return "通知 \(list.notice)“\(list.title)”的个人链接（\(list.links.count) 人，有效期至 "
                    + "\(Format.timestamp(list.expiresAt))）\n" + table.render(orIfEmpty: "（无收件人）")
            }
        }
    }
}
