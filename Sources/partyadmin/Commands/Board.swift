import ArgumentParser
import Wire

/// `partyadmin board`: the message board (留言): members write, administrators approve, reply or delete.
struct BoardCommand: ParsableCommand {
    /// Name, help and leaf commands.
    static let configuration = CommandConfiguration(
        commandName: "board",
        abstract: "留言：党员留言（post、mine），管理员审核（list、approve、reply、delete）。",
        subcommands: [Post.self, Mine.self, List.self, Approve.self, Reply.self, Delete.self]
    )

    /// Creates the group; running it alone prints its help.
    init() {}

    /// A message's state as read: 待审核, 已通过（公开 / 不公开）, 已删除.
    static func stateLabel(_ message: BoardMessageView) -> String {
        guard message.state == .approved else { return message.state.label }
        return message.state.label + (message.shown ? "（公开）" : "（不公开）")
    }

    /// A message as a key/value record, with what the daemon chose to show of it.
    static func record(_ message: BoardMessageView) -> Record {
        var record = Record()
        record.add("编号", String(message.id))
        record.add("留言对象", "\(message.orgName)（\(message.orgCode)）")
        record.add("留言人", message.authorID.map { "\(message.authorName)（编号 \($0)）" } ?? message.authorName)
        record.add("留言时间", Format.timestamp(message.postedAt))
        record.add("状态", stateLabel(message))
        record.add("内容", message.text ?? "（已删除，不再显示）")
        if let approvedAt = message.approvedAt {
            record.add("审核", Format.timestamp(approvedAt) + (message.approvedBy.map { "，\($0)" } ?? ""))
        }
        if let reply = message.reply {
            record.add("回复", reply)
            record.addIfPresent(
                "回复时间",
                message.repliedAt.map(Format.timestamp).map { $0 + (message.repliedBy.map { "，\($0)" } ?? "") }
            )
        }
        if let deletedAt = message.deletedAt {
            let by = message.deletedBy.map { "，\($0)" } ?? ""
            let reason = message.deleteReason.map { "，原因：\($0)" } ?? ""
            record.add("删除", Format.timestamp(deletedAt) + by + reason)
        }
        return record
    }

    /// Messages as a table, the text cut to its beginning; `board list --full` prints whole records instead.
    static func table(_ messages: [BoardMessageView]) -> String {
        var table = Table(
            .number("编号"),
            .text("留言对象"),
            .text("留言人"),
            .text("状态"),
            .text("留言时间"),
            .text("内容"),
            .text("回复")
        )
        for message in messages {
            table.append(
                String(message.id),
                message.orgCode,
                message.authorName,
                stateLabel(message),
                Format.timestamp(message.postedAt),
                message.text.map { excerpt($0) } ?? "（已删除）",
                message.reply.map { excerpt($0) } ?? Format.none
            )
        }
        return table.render(orIfEmpty: "没有留言。")
    }

    /// Several messages as records separated by blank lines.
    static func records(_ messages: [BoardMessageView]) -> String {
        messages.isEmpty ? "没有留言。" : messages.map { record($0).render() }.joined(separator: "\n\n")
    }

    /// The beginning of a text, on one line, for a table cell.
    static func excerpt(_ text: String, length: Int = 20) -> String {
        let line = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return line.count > length ? String(line.prefix(length)) + "…" : line
    }

    /// The hint under a full page: the command for the next one.
    static func nextPage(_ messages: [BoardMessageView], limit: Int?, command: String) -> String {
        guard let last = messages.last, messages.count == (limit ?? 50) else { return "" }
        return "\n更早的留言：partyadmin \(command) --before \(last.id)" + (limit.map { " --limit \($0)" } ?? "")
    }
}

extension BoardCommand {
    /// `board post`: a member writes to their branch or one above it.
    struct Post: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(
            abstract: "留言（党员账户）：向所在党支部或其上级组织留言，经管理员审核通过后才会公开。"
        )

        /// `--text`.
        @Option(help: ArgumentHelp("留言内容（1 至 1000 字，可多行）", valueName: "text"))
        var text: String

        /// `--org`.
        @Option(help: ArgumentHelp("留言对象：所在党支部（默认）或其上级组织的代码", valueName: "code"))
        var org: String?

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// Calls `board.post`.
        func run() async throws {
            try await Console.call(BoardPost.self, BoardPostFields(text: text, org: org), global) { message in
                "已留言（编号 \(message.id)），待管理员审核。\n" + BoardCommand.record(message).render()
            }
        }
    }

    /// `board mine`: the member's own messages.
    struct Mine: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(abstract: "本人的留言：审核状态与回复（最新的在前）。")

        /// `--before`.
        @Option(parsing: .unconditional, help: ArgumentHelp("只看编号小于此值的留言（翻页）", valueName: "id"))
        var before: Int64?

        /// `--limit`.
        @Option(parsing: .unconditional, help: ArgumentHelp("最多显示条数（默认 50）", valueName: "n"))
        var limit: Int?

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// Calls `board.mine`.
        func run() async throws {
            try await Console.call(BoardMine.self, .init(before: before, limit: limit), global) { result in
                BoardCommand.records(result.messages)
                    + BoardCommand.nextPage(result.messages, limit: limit, command: "board mine")
            }
        }
    }

    /// `board list`: the messages a caller may see.
    struct List: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(
            abstract: "留言列表（最新的在前）：管理员看管理范围内的留言；党员看本支部及上级组织公开的留言和本人的留言。"
        )

        /// `--org`.
        @Option(help: ArgumentHelp("只看该组织（管理员：含下级组织）的留言", valueName: "code"))
        var org: String?

        /// `--state`.
        @Option(help: ArgumentHelp("只看该状态：待审核、已通过、已删除（默认待审核与已通过）", valueName: "state"))
        var state: String?

        /// `--before`.
        @Option(parsing: .unconditional, help: ArgumentHelp("只看编号小于此值的留言（翻页）", valueName: "id"))
        var before: Int64?

        /// `--limit`.
        @Option(parsing: .unconditional, help: ArgumentHelp("最多显示条数（默认 50）", valueName: "n"))
        var limit: Int?

        /// `--full`.
        @Flag(help: "逐条显示全文与回复，而不是表格")
        var full = false

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// Calls `board.list`.
        func run() async throws {
            let params = BoardList.Params(org: org, state: state, before: before, limit: limit)
            try await Console.call(BoardList.self, params, global) { result in
                (full ? BoardCommand.records(result.messages) : BoardCommand.table(result.messages))
                    + BoardCommand.nextPage(result.messages, limit: limit, command: "board list")
            }
        }
    }
}
