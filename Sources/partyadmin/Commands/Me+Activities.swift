import ArgumentParser
import Wire

extension MeCommand {
    /// `me activities`: the member's invitations and attendance.
    struct Activities: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(abstract: "本人受邀参加的活动及出席情况（最新的在前）。")

        /// `--before`.
        @Option(parsing: .unconditional, help: ArgumentHelp("只看编号小于此值的活动（翻页）", valueName: "id"))
        var before: Int64?

        /// `--limit`.
        @Option(parsing: .unconditional, help: ArgumentHelp("最多显示条数（默认 50）", valueName: "n"))
        var limit: Int?

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// Calls `me.activities`.
        func run() async throws {
            try await Console.call(MeActivities.self, .init(before: before, limit: limit), global) { result in
                var table = Table(
                    .number("编号"),
                    .text("类别"),
                    .text("标题"),
                    .text("时间"),
                    .text("地点"),
                    .text("状态"),
                    .text("本人")
                )
                for entry in result.entries {
                    let activity = entry.activity
                    var mine = entry.mine.status.label
                    if entry.mine.confirmedAt != nil, entry.mine.status != .signedUp { mine += "，已确认" }
                    if let points = entry.mine.points { mine += "，积分 \(points)" }
                    table.append(
                        String(activity.id),
                        activity.kind.rawValue,
                        activity.title,
                        Format.timestamp(activity.heldAt ?? activity.plannedAt),
                        activity.place ?? "",
                        activity.state.label,
                        mine
                    )
                }
                return table.render(orIfEmpty: "没有活动。")
            }
        }
    }

    /// `me confirm A`.
    struct Confirm: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(abstract: "确认参加活动（会前报名；会后确认出席，获得积分）。")

        /// The activity.
        @Argument(help: ArgumentHelp("活动编号", valueName: "activity"))
        var activity: Int64

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// Calls `me.confirm`.
        func run() async throws {
            try await Console.call(MeConfirm.self, .init(activity: activity), global) { MeCommand.line($0) }
        }
    }

    /// `me leave A --reason R`.
    struct Leave: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(abstract: "活动请假（活动开始前，须说明原因）。")

        /// The activity.
        @Argument(help: ArgumentHelp("活动编号", valueName: "activity"))
        var activity: Int64

        /// `--reason`.
        @Option(help: ArgumentHelp("请假原因", valueName: "text"))
        var reason: String

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// Calls `me.leave`.
        func run() async throws {
            try await Console.call(MeLeave.self, .init(activity: activity, reason: reason), global) {
                MeCommand.line($0)
            }
        }
    }

    /// `me points [--year Y]`.
    struct Points: AsyncParsableCommand {
        /// Name and help.
        static let configuration = CommandConfiguration(abstract: "本人积分（基础分加参加组织生活所得）及其来源。")

        /// `--year`.
        @Option(help: ArgumentHelp("年份（默认今年）", valueName: "year"))
        var year: Int?

        /// `--socket`, `--json`.
        @OptionGroup var global: GlobalOptions

        /// Creates the command; ArgumentParser fills its options.
        init() {}

        /// Calls `me.points`.
        func run() async throws {
            try await Console.call(MePoints.self, .init(year: year), global) { report in
                let total =
                    report.members.first.map { "\($0.total)（基础分 \(report.base) + \($0.earned)）" } ?? "\(report.base)"
                var table = Table(.number("活动"), .text("类别"), .text("标题"), .number("积分"), .text("获得时间"))
                for entry in report.entries ?? [] {
                    table.append(
                        String(entry.activity),
                        entry.kind.rawValue,
                        entry.title,
                        String(entry.points),
                        Format.timestamp(entry.grantedAt)
                    )
                }
                return "\(report.year) 年积分：\(total)\n" + table.render(orIfEmpty: "本年尚无参加组织生活的积分。")
            }
        }
    }

    /// `活动 12“十一月主题党日”：已报名`.
    static func line(_ entry: MyActivity) -> String {
        var text = "活动 \(entry.activity.id)“\(entry.activity.title)”：\(entry.mine.status.label)"
        if let reason = entry.mine.reason { text += "（\(reason)）" }
        if entry.mine.confirmedAt != nil, entry.mine.status == .present { text += "，已确认参加" }
        if let points = entry.mine.points { text += "，积分 \(points)" }
        return text
    }
}
