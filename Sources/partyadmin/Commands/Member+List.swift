import ArgumentParser
import Wire

extension MemberCommand {
    /// `member list`: members of an organization or subtree, filtered and paged.
    struct List: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(
            abstract: "党员名单（可含下级组织，按类别、标记、姓名或身份证号筛选，分页）。",
            discussion: """
                省略 --org 时列出当前账户管理范围内的全部党员。表格下方显示“共 N 人，显示 a-b”；\
                --limit 0 只显示人数。
                示例：partyadmin member list --org 01 --recursive --flag 困难党员
                      partyadmin member list --search 张 --limit 20 --offset 20
                """
        )

        /// The page size partyd uses when `--limit` is absent.
        static let defaultLimit = 100

        /// `--org`.
        @Option(help: ArgumentHelp("组织代码（默认为当前账户的管理范围）", valueName: "code"))
        var org: String?

        /// `--recursive`.
        @Flag(help: "包含 --org 的全部下级组织")
        var recursive = false

        /// `--category`.
        @Option(
            help: MemberCommand.categories.help("人员类别", valueName: "category"),
            completion: MemberCommand.categories.completion
        )
        var category: String?

        /// `--flag`.
        @Option(help: MemberCommand.flags.help("党员标记", valueName: "flag"), completion: MemberCommand.flags.completion)
        var flag: String?

        /// `--search`.
        @Option(help: ArgumentHelp("姓名中的字或完整的身份证号", valueName: "text"))
        var search: String?

        /// `--history`.
        @Flag(help: "列出历史党员（出党、死亡、停止党籍）而非在册党员")
        var history = false

        /// `--limit`.
        @Option(
            parsing: .unconditional,
            help: ArgumentHelp("最多显示人数（默认 \(defaultLimit)，至多 10000；0 只显示人数）", valueName: "n")
        )
        var limit: Int?

        /// `--offset`.
        @Option(parsing: .unconditional, help: ArgumentHelp("跳过前 n 人（翻页）", valueName: "n"))
        var offset: Int?

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// Refuses negative counts and `--recursive` without `--org`, which would mean nothing.
        func validate() throws {
            if let limit, limit < 0 {
                throw ValidationError("--limit 不能为负数")
            }
            if let offset, offset < 0 {
                throw ValidationError("--offset 不能为负数")
            }
            if recursive && org == nil {
                throw ValidationError("--recursive 须与 --org 同用（省略 --org 时已包含管理范围内的全部组织）")
            }
        }

        /// Calls `member.list`.
        func run() async throws {
            let params = MemberList.Params(
                org: org,
                recursive: recursive ? true : nil,
                category: category,
                flag: flag,
                search: search,
                history: history ? true : nil,
                limit: limit,
                offset: offset
            )
            try await Console.call(MemberList.self, params, global) { result in
                render(result)
            }
        }

        /// The table and the count line.
        private func render(_ result: MemberList.Result) -> String {
            let who = history ? "历史党员" : "党员"
            guard result.total > 0 else {
                // A 党委 has no members of its own: the usual reason for an empty list is a forgotten --recursive.
                guard let org, !recursive else { return "没有符合条件的\(who)。" }
                return "没有符合条件的\(who)（只查了 \(org) 的直属党员；加 --recursive 包含下级组织）。"
            }
            if limit == 0 { return "共 \(result.total) 人" }
            let first = (offset ?? 0) + 1
            guard !result.members.isEmpty else {
                return "共 \(result.total) 人，偏移 \(offset ?? 0) 之后没有记录。"
            }
            var columns: [Table.Column] = [
                .number("编号"), .text("姓名"), .text("性别"), .text("出生日期"), .text("身份证号"), .text("类别"),
                .text("所在组织"), .text("标记"),
            ]
            if history { columns += [.text("状态"), .text("减少日期")] }
            var table = Table(columns)
            for member in result.members {
                var cells = [
                    String(member.id), member.name, member.gender.rawValue, member.birthDate.description,
                    member.idNumber, member.category.rawValue, Format.orNone(member.orgCode),
                    Format.orNone(Format.flags(member.flags)),
                ]
                if history { cells += [member.status.rawValue, Format.orNone(member.leftOn)] }
                table.append(cells)
            }
            let last = first + result.members.count - 1
            var text = table.render() + "\n共 \(result.total) 人，显示 \(first)-\(last)"
            // Say how to get the rest rather than leave the reader guessing.
            if last < result.total {
                text += "；下一页加 --offset \(last)"
                if limit == nil { text += "（每页默认 \(Self.defaultLimit) 人，可用 --limit 调整）" }
            }
            return text
        }
    }

    /// `member history`: roster changes, newest first.
    struct History: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(
            abstract: "党员变动历史（最新的在前）：新增、修改、调整、减少、恢复、导入。",
            discussion: "示例：partyadmin member history --org 01 --limit 20；partyadmin member history --member 3"
        )

        /// `--org`.
        @Option(help: ArgumentHelp("只看该组织及其下级组织（默认为当前账户的管理范围）", valueName: "code"))
        var org: String?

        /// `--member`.
        @Option(help: ArgumentHelp("只看一名党员：内部编号或身份证号", valueName: "member"))
        var member: String?

        /// `--limit`.
        @Option(parsing: .unconditional, help: ArgumentHelp("最多显示条数（默认 100，至多 10000）", valueName: "n"))
        var limit: Int?

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// Refuses a count that cannot be meant.
        func validate() throws {
            if let limit, limit < 1 {
                throw ValidationError("--limit 须为正整数")
            }
        }

        /// Calls `member.history`.
        func run() async throws {
            let params = MemberHistory.Params(org: org, member: member, limit: limit)
            try await Console.call(MemberHistory.self, params, global) { result in
                var table = Table(.text("时间"), .text("党员"), .text("操作人"), .text("操作"), .text("摘要"))
                for entry in result.entries {
                    table.append(
                        Format.timestamp(entry.at),
                        "\(entry.memberName)（\(entry.memberID)）",
                        entry.actor,
                        Format.action(entry.action),
                        entry.summary
                    )
                }
                return table.render(orIfEmpty: "没有党员变动记录。")
            }
        }
    }
}
