import ArgumentParser
import Wire

extension MeCommand {
    /// An inbox entry as a key/value record: the notice, then what the member has done with it.
    static func record(_ entry: InboxEntry) -> Record {
        var record = NoticeCommand.record(entry.notice)
        record.add("阅读时间", entry.readAt.map(Format.timestamp) ?? "未读")
        if entry.notice.ackRequired {
            record.add("确认时间", entry.acknowledgedAt.map(Format.timestamp) ?? "未确认")
        }
        return record
    }

    /// `me inbox`: the member's notices.
    struct Inbox: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(abstract: "本人收到的通知（最新的在前）。")

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

        /// Calls `me.inbox`.
        func run() async throws {
            try await Console.call(MeInbox.self, .init(before: before, limit: limit), global) { result in
                var table = Table(.number("编号"), .text("类别"), .text("标题"), .text("发布组织"), .text("状态"))
                for entry in result.entries {
                    let state =
                        entry.notice.ackRequired
                        ? (entry.acknowledgedAt == nil ? "待确认" : "已确认") : (entry.readAt == nil ? "未读" : "已读")
                    table.append(
                        String(entry.notice.id),
                        entry.notice.kind.rawValue,
                        entry.notice.title,
                        entry.notice.orgName,
                        state
                    )
                }
                return table.render(orIfEmpty: "没有通知。")
            }
        }
    }

    /// `me read N`: shows one notice and records that it was read.
    struct Read: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(abstract: "阅读本人的一条通知（记录已读）。")

        /// The notice's number.
        @Argument(help: ArgumentHelp("通知编号", valueName: "notice"))
        var notice: Int64

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// Calls `me.read`.
        func run() async throws {
            try await Console.call(MeRead.self, .init(notice: notice), global) { MeCommand.record($0).render() }
        }
    }

    /// `me ack N`: acknowledges one notice.
    struct Ack: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(abstract: "确认本人的一条通知（仅限要求确认的通知）。")

        /// The notice's number.
        @Argument(help: ArgumentHelp("通知编号", valueName: "notice"))
        var notice: Int64

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// Calls `me.ack`.
        func run() async throws {
            try await Console.call(MeAck.self, .init(notice: notice), global) { entry in
                "已确认通知 \(entry.notice.id)“\(entry.notice.title)”\n" + MeCommand.record(entry).render()
            }
        }
    }
}
