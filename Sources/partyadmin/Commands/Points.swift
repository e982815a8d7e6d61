import ArgumentParser
import Wire

/// `partyadmin points`: members' points from organizational life.
struct PointsCommand: ParsableCommand {
    /// Name, help and leaf commands.
    static let configuration = CommandConfiguration(
        commandName: "points",
        abstract: "党员积分：参加组织生活并确认后获得，每年从基础分重新开始，往年积分保留可查。",
        subcommands: [List.self]
    )

    /// Creates the group; running it alone prints its help.
    init() {}

    /// `points list [--org C] [--year Y]`.
    struct List: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(abstract: "在册党员某年的积分。")

        /// `--org`.
        @Option(help: ArgumentHelp("该组织及其下级组织的党员", valueName: "code"))
        var org: String?

        /// `--year`.
        @Option(help: ArgumentHelp("年份（默认今年）", valueName: "year"))
        var year: Int?

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// Calls `points.list`.
        func run() async throws {
            try await Console.call(PointsList.self, .init(org: org, year: year), global) { report in
                var table = Table(.number("编号"), .text("姓名"), .text("组织"), .number("活动"), .number("所得"), .number("积分"))
                for member in report.members {
                    table.append(
                        String(member.memberID),
                        member.memberName,
                        member.orgCode,
                        String(member.activities),
                        String(member.earned),
                        String(member.total)
                    )
                }
                return "\(report.year) 年积分（基础分 \(report.base)）\n" + table.render(orIfEmpty: "没有在册党员。")
            }
        }
    }
}
