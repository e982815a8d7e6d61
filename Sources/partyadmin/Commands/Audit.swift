import ArgumentParser
import Wire

/// `partyadmin audit`: the audit log of changes.
struct AuditCommand: ParsableCommand {
    /// Name, help and leaf commands.
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "审计日志。",
        subcommands: [List.self]
    )

    /// Creates the group; running it alone prints its help.
    init() {}
}

extension AuditCommand {
    /// `audit list`: the newest entries, with paging by id.
    struct List: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(
            abstract: "查看审计日志（最新的在前）。",
            discussion: "翻页：用上一页最后一条的编号作 --before，例如 partyadmin audit list --before 120。"
        )

        /// The number of entries partyd returns when `--limit` is absent.
        static let defaultLimit = 50

        /// `--limit`.
        @Option(parsing: .unconditional, help: ArgumentHelp("最多显示条数（默认 \(defaultLimit)，至多 1000）", valueName: "n"))
        var limit: Int?

        /// `--org`.
        @Option(help: ArgumentHelp("只看该组织及其下级组织的记录", valueName: "code"))
        var org: String?

        /// `--before`.
        @Option(parsing: .unconditional, help: ArgumentHelp("只看编号小于此值的记录（翻页）", valueName: "id"))
        var before: Int64?

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// Refuses counts and ids that cannot be meant.
        func validate() throws {
            if let limit, limit < 1 {
                throw ValidationError("--limit 须为正整数")
            }
            if let before, before < 1 {
                throw ValidationError("--before 须为正整数")
            }
        }

        /// Calls `audit.list`.
        func run() async throws {
            let params = AuditList.Params(limit: limit, org: org, before: before)
            let expected = limit ?? Self.defaultLimit
            try await Console.call(AuditList.self, params, global) { result in
                var table = Table(
                    .number("编号"),
                    .text("时间"),
                    .text("操作人"),
                    .text("方法"),
                    .text("对象"),
                    .text("摘要")
                )
                for entry in result.entries {
                    table.append(
                        String(entry.id),
                        Format.timestamp(entry.at),
                        entry.actor,
                        entry.method,
                        entry.target,
                        entry.summary
                    )
                }
                var text = table.render(orIfEmpty: "没有审计记录。")
                // A full page suggests there is more; say how to get it rather than leave the reader guessing.
                if result.entries.count == expected, let last = result.entries.last, last.id > 1 {
                    var next = "partyadmin audit list --before \(last.id)"
                    if let limit { next += " --limit \(limit)" }
                    if let org { next += " --org \(org)" }
                    text += "\n更早的记录：\(next)"
                }
                return text
            }
        }
    }
}
