import Core
import Foundation

extension BenchResults {
    /// The reminder phase's section of the report.
    static func reminderLines(_ outcome: ReminderOutcome) -> [String] {
        let seed = outcome.seed
        var lines: [String] = []
        lines.append("")
        lines.append("## 提醒规则扫描（首次全量扫描与增量扫描）")
        lines.append("")
        lines.append(
            "- 提醒数据（经套接字 activity.plan / notice.post 写入，\(Format.duration(seed.seconds))）："
                + "已过期未记录的活动 \(Format.count(seed.pastActivities)) 项、两天内的活动 \(Format.count(seed.soonActivities)) 项、"
                + "3 至 40 天后的活动 \(Format.count(seed.laterActivities)) 项，共 \(Format.count(seed.invitations)) 人次受邀（均未确认）；"
                + "明天截止确认的通知 \(seed.ackNotices) 份，共 \(Format.count(seed.ackRecipients)) 名收件人"
        )
        lines.append("- 进程内启动守护进程（打开并检查数据库）：\(Format.duration(outcome.startup))")
        lines.append("")
        lines.append("| 规则 | 发现（首次） | 新增（首次） | 首次耗时 | 发现（增量） | 新增（增量） | 增量耗时 |")
        lines.append("|---|---:|---:|---:|---:|---:|---:|")
        for (full, again) in zip(outcome.full.outcomes, outcome.incremental.outcomes) {
            lines.append(
                "| \(outcome.names[full.rule] ?? full.rule)（\(full.rule)） | \(Format.count(full.found)) | \(Format.count(full.new)) | "
                    + "\(full.durationMilliseconds) ms | \(Format.count(again.found)) | \(Format.count(again.new)) | "
                    + "\(again.durationMilliseconds) ms |"
            )
        }
        lines.append(
            "| 各规则合计 | \(Format.count(outcome.full.found)) | \(Format.count(outcome.full.new)) | "
                + "\(outcome.full.rulesMilliseconds) ms | \(Format.count(outcome.incremental.found)) | "
                + "\(Format.count(outcome.incremental.new)) | \(outcome.incremental.rulesMilliseconds) ms |"
        )
        lines.append(
            "| **整次扫描（含事务提交）** | | | **\(Format.duration(outcome.full.wall))** | | | "
                + "**\(Format.duration(outcome.incremental.wall))** |"
        )
        lines.append("")
        lines.append(
            "- CPU 时间（partybench 进程，守护进程在其中）：首次 \(cpuText(outcome.full.cpu))，增量 \(cpuText(outcome.incremental.cpu))"
        )
        let dispatch = outcome.dispatch
        lines.append(
            "- 随后一轮发送（dispatchReminders，只发当前到期的）：\(Format.duration(outcome.dispatchSeconds))，"
                + "\(Format.count(dispatch.sent)) 条提醒、\(Format.count(dispatch.notices)) 份系统通知、"
                + "\(dispatch.undeliverable) 条无处投递；CPU \(cpuText(outcome.dispatchCPU))"
        )
        return lines
    }

    /// `0.41 s（用户 0.38 s，内核 0.03 s）`, or 未能读取.
    private static func cpuText(_ cpu: CPUTime?) -> String {
        guard let cpu else { return "未能读取" }
        return "\(Format.duration(cpu.total))（用户 \(Format.duration(cpu.user))，内核 \(Format.duration(cpu.system))）"
    }

    /// How the reminder figures were taken.
    static let reminderMethod = [
        "提醒：导入并写入提醒数据的子进程 partyd 停止后，在 partybench 进程内用 partyd 同样的 PartyDaemon 在同一数据目录上"
            + "启动守护进程（系统时钟，全部规则开启；调度器与投递进程关闭，以免它先行扫描），直接调用其核心的 "
            + "scanReminders(only: 全部规则)。第一次调用即冷启动后的首次全量扫描（从未扫描过，发现的每一项都是新的并写入 reminder 表），"
            + "第二次为增量扫描（同样的规则，全部已记录）。",
        "每条规则的耗时为核心自身记录的 durationMilliseconds（规则的查询与写入提醒，不含事务开始与提交）；"
            + "“整次扫描”为调用到返回的墙钟时间，包括授权、全部规则与一次事务提交（synchronous = FULL）。",
        "提醒规则按扫描当天（Asia/Shanghai）判断：三会一课的月、季、年周期与生日名单随日期变化，发现数因运行日期而异。",
    ]
}
