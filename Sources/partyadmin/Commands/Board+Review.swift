import ArgumentParser
import Wire

extension BoardCommand {
    /// `board approve N`: lets a pending message through.
    struct Approve: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(
            abstract: "审核通过留言：可同时回复；默认向该组织党员公开，加 --hide 则只有留言人和管理员可见。"
        )

        /// The message's number.
        @Argument(help: ArgumentHelp("留言编号", valueName: "message"))
        var message: Int64

        /// `--reply`.
        @Option(help: ArgumentHelp("回复内容（1 至 1000 字，可多行）", valueName: "text"))
        var reply: String?

        /// `--hide`.
        @Flag(help: "不公开：留言与回复只有留言人和管理员可见")
        var hide = false

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// Calls `board.approve`.
        func run() async throws {
            let params = BoardApprove.Params(message: message, reply: reply, shown: !hide)
            try await Console.call(BoardApprove.self, params, global) { result in
                "已审核通过留言 \(result.id)。\n" + BoardCommand.record(result).render()
            }
        }
    }

    /// `board reply N`: adds or changes the reply.
    struct Reply: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(
            abstract: "回复已通过的留言（已有回复时替换）；可用 --show、--hide 改变是否公开。"
        )

        /// The message's number.
        @Argument(help: ArgumentHelp("留言编号", valueName: "message"))
        var message: Int64

        /// `--reply`.
        @Option(help: ArgumentHelp("回复内容（1 至 1000 字，可多行）", valueName: "text"))
        var reply: String

        /// `--show` / `--hide`.
        @Flag(help: ArgumentHelp("公开（--show）或不公开（--hide）；不给出则不变"))
        var visibility: Visibility?

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// Calls `board.reply`.
        func run() async throws {
            let params = BoardReply.Params(message: message, reply: reply, shown: visibility.map { $0 == .show })
            try await Console.call(BoardReply.self, params, global) { result in
                "已回复留言 \(result.id)。\n" + BoardCommand.record(result).render()
            }
        }
    }

    /// Whether a reply changes the showing of its message.
    enum Visibility: String, EnumerableFlag {
        /// `--show`.
        case show
        /// `--hide`.
        case hide
    }

    /// `board delete N`: removes a message.
    struct Delete: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(
            abstract: "删除留言：须说明原因；原文保留备查，但不再向任何人显示。"
        )

        /// The message's number.
        @Argument(help: ArgumentHelp("留言编号", valueName: "message"))
        var message: Int64

        /// `--reason`.
        @Option(help: ArgumentHelp("删除原因（一行，记入审计日志）", valueName: "text"))
        var reason: String

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// Calls `board.delete`.
        func run() async throws {
            try await Console.call(BoardDelete.self, .init(message: message, reason: reason), global) { result in
                "已删除留言 \(result.id)。\n" + BoardCommand.record(result).render()
            }
        }
    }
}
