import Foundation

extension BenchResults {
    /// The notice section of the report: publish, delivery, the comparison with Apprise, where delivery time goes.
    static func noticeLines(_ notices: NoticeOutcome, members: Int) -> [String] {
        let delivery = notices.delivery
        let outbox = notices.outbox
        var lines: [String] = []
        lines.append("")
        lines.append("## 通知发布与 Webhook 投递")
        lines.append("")
        lines.append("| 项目 | 数量 | 时间 | 速率 |")
        lines.append("|---|---:|---:|---:|")
        lines.append(
            "| channel.add Webhook 渠道（准备，\(NoticePhase.setupConnections) 个连接） | \(Format.count(notices.channels)) | "
                + "\(Format.duration(notices.channelSetup)) | \(Format.rate(Double(notices.channels) / notices.channelSetup)) 个/秒 |"
        )
        lines.append(
            "| notice.post 全市含下级组织（一个事务：收件人记录 + 发件箱） | \(Format.count(outbox.recipientRows)) + "
                + "\(Format.count(outbox.rows)) 行 | **\(Format.duration(notices.publish))** | "
                + "\(Format.rate(Double(outbox.recipientRows + outbox.rows) / notices.publish)) 行/秒 |"
        )
        lines.append(
            "| partyd 投递：notice.post 回复 → 接收端收齐且发件箱全部 sent | \(Format.count(delivery.messages)) | "
                + "**\(Format.duration(delivery.confirmed))** | **\(Format.rate(delivery.rate)) 条/秒** |"
        )
        lines.append(
            "| 　其中首条到达前的等待（发布的事务提交后即唤醒投递线程） | | \(Format.duration(delivery.firstArrival)) | |"
        )
        lines.append(
            "| 　首条到达 → 末条到达 | \(Format.count(delivery.messages)) | "
                + "\(Format.duration(delivery.lastArrival - delivery.firstArrival)) | \(Format.rate(delivery.steadyRate)) 条/秒 |"
        )
        lines.append(
            "| 　末条到达 → delivery.list 不再有 pending | | "
                + "\(Format.duration(delivery.confirmed - delivery.lastArrival)) | |"
        )
        lines.append("")
        lines.append(contentsOf: comparisonLines(notices))
        lines.append("")
        lines.append("### partyd 投递时间花在哪里")
        lines.append("")
        lines.append(
            "- 投递线程按各渠道的节奏认领到期记录（同时在途最多 64 条，Webhook 每个渠道至多 8 个传输，全部渠道共 8 个"
                + "libcurl 传输），每条发完即交给记录器；记录器把同时完成的结果合并为一次提交（组提交），不等同批其他消息："
                + "审计记录 \(Format.count(outbox.auditedRounds)) 次“投递 N 条”，即 \(Format.count(outbox.auditedRounds)) 次提交，"
                + "平均每次 \(String(format: "%.1f", Double(delivery.messages) / Double(max(outbox.auditedRounds, 1)))) 条。"
        )
        if let cpu = delivery.deliveryCPU {
            lines.append(
                "- partyd 投递期间的处理器时间：用户态 \(Format.duration(cpu.user))、内核态 \(Format.duration(cpu.system))，"
                    + "合计 \(Format.duration(cpu.total))，为投递墙钟时间的 \(String(format: "%.2f", cpu.total / delivery.confirmed)) 倍"
                    + "（本机 2 个处理器）；每条 \(Format.duration(cpu.total / Double(delivery.messages)))。"
            )
        }
        if let cpu = delivery.publishCPU {
            lines.append(
                "- partyd 发布期间的处理器时间：\(Format.duration(cpu.total))（墙钟 \(Format.duration(notices.publish))）。"
            )
        }
        if let cpu = delivery.benchCPU {
            lines.append("- partybench（接收端与轮询）在发布与投递期间的处理器时间：\(Format.duration(cpu.total))。")
        }
        lines.append("- 接收端接受的连接：\(Format.count(delivery.connections))（partyd 的 libcurl 句柄保持连接复用）。")
        return lines
    }

    /// The side-by-side table with Apprise.
    private static func comparisonLines(_ notices: NoticeOutcome) -> [String] {
        let delivery = notices.delivery
        var lines: [String] = []
        lines.append("### 与 Apprise 对比（同一接收端，同样条数，同样标题与正文）")
        lines.append("")
        guard let apprise = notices.apprise else {
            lines.append("未做（--no-apprise）。")
            return lines
        }
        if let reason = apprise.skipped {
            lines.append("未做：无法从 PyPI 安装 Apprise（\(reason)）。")
            return lines
        }
        let version = apprise.version ?? "?"
        lines.append(
            "| 发送方 | 并发 | 条数 | 时间 | 条/秒 | partyd（端到端）÷ 此项 | partyd（首条到末条）÷ 此项 | 接收端连接数 | 发送方处理器时间 |"
        )
        lines.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
        let endToEnd = delivery.rate
        let steady = delivery.steadyRate
        lines.append(
            "| partyd 发件箱，端到端（notice.post 回复 → 全部 sent，含首轮前的等待） | 8 个传输 | "
                + "\(Format.count(delivery.messages)) | \(Format.duration(delivery.confirmed)) | **\(Format.rate(endToEnd))** | "
                + "×1.00 | \(Format.ratio(steady, over: endToEnd)) | \(Format.count(delivery.connections)) | "
                + "\(delivery.deliveryCPU.map { Format.duration($0.total) } ?? "—") |"
        )
        lines.append(
            "| partyd 发件箱，首条到达 → 末条到达 | 8 个传输 | \(Format.count(delivery.messages)) | "
                + "\(Format.duration(delivery.lastArrival - delivery.firstArrival)) | \(Format.rate(steady)) | "
                + "\(Format.ratio(endToEnd, over: steady)) | ×1.00 | | |"
        )
        for run in apprise.runs {
            let how = run.threads == 1 ? "notify() 循环" : "\(run.threads) 个线程各自 notify() 循环"
            lines.append(
                "| Apprise \(version) json://，\(how) | \(run.threads) | \(Format.count(run.received)) | "
                    + "\(Format.duration(run.seconds)) | **\(Format.rate(run.rate))** | "
                    + "**\(Format.ratio(endToEnd, over: run.rate))** | \(Format.ratio(steady, over: run.rate)) | "
                    + "\(Format.count(run.connections)) | \(Format.duration(run.cpu.total)) |"
            )
        }
        lines.append("")
        for run in apprise.runs {
            if let receiverCPU = run.receiverCPU {
                lines.append(
                    "- Apprise \(run.threads) 个线程那一次，接收端（partybench）用了 \(Format.duration(receiverCPU.total)) 处理器时间"
                        + "（每个连接一个新线程）。"
                )
            }
        }
        if let install = apprise.installSeconds {
            lines.append("- Apprise 由本次运行在临时目录的 venv 中 pip install（\(Format.duration(install))，不计入）。")
        }
        lines.append(
            "- Apprise 的计时只含 notify() 调用（不含解释器启动、import 与建对象）；一个 Apprise 对象只有一个 URL 时，"
                + "notify() 在调用线程里同步发一个 HTTP POST（requests，每次新建连接），Apprise 的并行只在一条消息发往多个服务时起作用，"
                + "所以并发一栏是我们自己开的线程。"
        )
        lines.append(
            "- 语义不同：Apprise 没有持久的发件箱，进程退出即丢失未发消息，默认不重试（2.x 可在 URL 上设内存中的重试次数），"
                + "不记录结果；partyd 在发布通知的同一事务里写入发件箱，每条消息签名（HMAC-SHA256）并带幂等键，"
                + "每一轮的全部尝试在一个事务里写入数据库与审计，失败按退避重试，崩溃后重发（至少一次）。"
        )
        return lines
    }

    /// How the notice figures were taken.
    static let noticeMethod = [
        "通知：先关闭全市的静默时段（否则夜间发布的普通通知要等到早上 8 点），为每个党组织（条数多于组织数时轮流）添加一个 "
            + "Webhook 渠道，地址指向 partybench 进程内 127.0.0.1 上的接收端（每个连接一个线程，收到即回 200）；"
            + "再以系统管理员身份向市委发布一条含下级组织的通知，计时为 notice.post 的请求到回复。",
        "投递从 notice.post 回复时算起，到接收端按 Idempotency-Key 收齐全部消息、且 delivery.list 不再有 pending 为止；"
            + "partyd 用默认配置（轮询 2 秒、8 个并发传输、每轮 64 条）。之后用 sqlite3 读取数据目录核对发件箱与收件人记录。",
        "Apprise：bench/apprise_send.py 在同一接收端上用 json:// 发送同样条数（标题后加序号以便逐条计数），"
            + "先单线程、再 8 个线程；速率比 = partyd 条/秒 ÷ Apprise 条/秒，大于 1 表示 partyd 更快。",
    ]

    private static func percent(_ part: Double, of whole: Double) -> String {
        String(format: "%.0f%%", part / whole * 100)
    }
}
