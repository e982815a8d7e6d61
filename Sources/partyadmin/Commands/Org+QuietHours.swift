import ArgumentParser
import Wire

extension OrgCommand {
    /// `org quiet-hours C [--from HH:MM --to HH:MM | --off | --inherit]`.
    struct QuietHours: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(
            commandName: "quiet-hours",
            abstract: "查看或设置静默时段：时段内非紧急通知暂不经群机器人与邮件发送，结束后再发。",
            discussion: "默认 22:00–08:00；下级组织沿用上级的设置。不带选项时只查看。"
        )

        /// The organization.
        @Argument(help: ArgumentHelp("组织代码", valueName: "code"))
        var code: String

        /// `--from`.
        @Option(help: ArgumentHelp("开始时间 HH:MM", valueName: "time"))
        var from: String?

        /// `--to`.
        @Option(help: ArgumentHelp("结束时间 HH:MM", valueName: "time"))
        var to: String?

        /// `--off`.
        @Flag(help: "关闭静默时段（本组织及沿用其设置的下级组织）")
        var off = false

        /// `--inherit`.
        @Flag(help: "取消本组织的设置，沿用上级")
        var inherit = false

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// One way at a time.
        func validate() throws {
            let ways = [from != nil || to != nil, off, inherit].filter { $0 }.count
            guard ways <= 1 else { throw ValidationError("--from/--to、--off、--inherit 只能选一种") }
            guard (from == nil) == (to == nil) else { throw ValidationError("--from 与 --to 须同时给出") }
        }

        /// Calls `org.quietHours`, or `org.setQuietHours` when a change is given.
        func run() async throws {
            let render: (QuietHoursView) -> String = { view in
                let window = view.window ?? "关闭"
                let source =
                    view.setBy.map { $0 == view.orgCode ? "本组织设置" : "沿用 \($0) 的设置" } ?? "默认"
                return "\(view.orgCode) 的静默时段：\(window)（\(source)）"
            }
            if from == nil && !off && !inherit {
                try await Console.call(OrgQuietHours.self, OrgCodeParams(code: code), global, render: render)
            } else {
                let params = OrgSetQuietHours.Params(code: code, from: from, to: to, off: off)
                try await Console.call(OrgSetQuietHours.self, params, global, render: render)
            }
        }
    }
}
