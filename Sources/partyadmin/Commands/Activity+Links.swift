import ArgumentParser
import Foundation
import Wire

extension ActivityCommand {
    /// `activity links A [--member M]`: each invitee's personal confirmation link.
    struct Links: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(
            abstract: "生成活动参加人员的个人链接（打开即可确认参加或请假），供管理员手工转发；每次生成都写入审计。",
            discussion: "个人链接代表本人登记，请只发给本人。需要 partyd 已启用 HTTP 服务（--http）。"
        )

        /// The activity's number.
        @Argument(help: ArgumentHelp("活动编号", valueName: "activity"))
        var activity: Int64

        /// `--member`.
        @Option(parsing: .unconditional, help: ArgumentHelp("只生成这名党员的链接（编号或身份证号）", valueName: "member"))
        var member: String?

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// Reads the activity's invitation, then calls `notice.links` on it (which links to the activity).
        func run() async throws {
            let list = try await Console.withClient(global) { client in
                let shown = try await client.call(ActivityShow.self, .init(activity: activity))
                guard let invitation = shown.invitationNotice else {
                    Printer.err("错误：活动 \(activity) 没有活动通知，无法生成个人链接")
                    throw ExitStatus.daemonError
                }
                return try await client.call(NoticeLinksMethod.self, .init(notice: invitation, member: member))
            }
            try Console.emit(list, global) { list in
                var table = Table(.number("编号"), .text("姓名"), .text("支部"), .text("个人链接"))
                for link in list.links {
                    table.append(String(link.memberID), link.memberName, link.orgCode, link.url)
                }
                return "活动 \(activity) 的个人链接（\(list.links.count) 人，有效期至 \(Format.timestamp(list.expiresAt))）\n"
                    + table.render(orIfEmpty: "（无参加人员）")
            }
        }
    }
}
