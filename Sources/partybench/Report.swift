import Domain

extension BenchResults {
    /// The report in Markdown (headings and explanations in Chinese, as the project's users read).
    var markdown: String {
        var lines: [String] = []
        lines.append("## 运行环境")
        lines.append("")
        lines.append("- 日期：\(date)")
        lines.append("- 命令：`\(command)`")
        lines.append("- CPU：\(cpu)，\(processors) 个处理器（nproc）")
        lines.append("- 内存：\(memoryTotalKB.map { Format.mebibytes(kibibytes: $0) } ?? "未知")（MemTotal）；Linux \(kernel)")
        lines.append("- 系统负载（/proc/loadavg，1/5/15 分钟）：开始时 \(loadAverages.start)，partyd 测试结束时 \(loadAverages.end)")
        lines.append("- sqlite3：\(sqliteVersion)")
        lines.append(
            "- 数据：\(Format.count(organizations)) 个党组织（\(kindCounts.map { "\($0.0.rawValue) \(Format.count($0.1))" }.joined(separator: "，"))），"
                + "\(Format.count(members)) 名党员；随机种子 \(seed)"
        )
        lines.append("- 每项查询重复 \(repetitions) 次，取中位数与最小值")
        lines.append("")
        lines.append("## 导入（分段上传 import.begin / import.chunk / import.commit）")
        lines.append("")
        lines.append("| 文件 | 行数 | 大小 | 分段 | 上传 | 校验并写入 | partyd 合计 | 行/秒 | sqlite3 下限 | 比值 |")
        lines.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for (name, timing, floor) in [
            ("党组织采集表", organizationImport, floorOrganizationLoad), ("党员名册", memberImport, floorMemberLoad),
        ] {
            lines.append(
                "| \(name) | \(Format.count(timing.rows)) | \(Format.megabytes(timing.bytes)) | \(timing.chunks) | "
                    + "\(Format.duration(timing.upload)) | \(Format.duration(timing.commit)) | **\(Format.duration(timing.total))** | "
                    + "\(Format.rate(Double(timing.rows) / max(timing.total, 1e-9))) | "
                    + "\(floor > 0 ? Format.duration(floor) : "未测") | \(Format.ratio(timing.total, over: floor)) |"
            )
        }
        if !queries.isEmpty { lines.append(contentsOf: queryLines) }
        if !roundTrips.isEmpty { lines.append(contentsOf: roundTripLines) }
        lines.append("")
        lines.append("## 内存与磁盘")
        lines.append("")
        if let memory {
            lines.append("- partyd 常驻内存（查询结束后，VmRSS）：**\(Format.mebibytes(kibibytes: memory.rss))**")
            lines.append("- partyd 峰值常驻内存（VmHWM，含导入与导出时的峰值）：\(Format.mebibytes(kibibytes: memory.peak))")
        } else {
            lines.append("- 未能读取 /proc/<pid>/status")
        }
        lines.append(
            "- partyd 数据目录（停止后）：\(Format.megabytes(dataDirectoryBytes))，其中 WAL \(Format.megabytes(walBytes))；"
                + "sqlite3 下限数据库：\(Format.megabytes(floorDatabaseBytes))"
        )
        if let notices { lines.append(contentsOf: Self.noticeLines(notices, members: members)) }
        if let reminders { lines.append(contentsOf: Self.reminderLines(reminders)) }
        lines.append("")
        lines.append("## 测量方法")
        lines.append("")
        lines.append(contentsOf: Self.method.map { "- " + $0 })
        if notices != nil { lines.append(contentsOf: Self.noticeMethod.map { "- " + $0 }) }
        if reminders != nil { lines.append(contentsOf: Self.reminderMethod.map { "- " + $0 }) }
        lines.append("")
        lines.append("## 核对")
        lines.append("")
        for check in checks + (notices?.checks ?? []) + (reminders?.checks ?? []) { lines.append("- \(check)") }
        lines.append("")
        return lines.joined(separator: "\n")
    }

    /// The query table.
    private var queryLines: [String] {
        var lines: [String] = []
        lines.append("")
        lines.append("## 查询（partyd 经套接字，一个连接；sqlite3 为整个进程）")
        lines.append("")
        lines.append("| 查询 | partyd 中位数 | partyd 最小 | sqlite3 中位数 | sqlite3 最小 | 比值（中位数） |")
        lines.append("|---|---:|---:|---:|---:|---:|")
        for query in queries {
            lines.append(
                "| \(query.label) | **\(Format.duration(query.partyd.median))** | \(Format.duration(query.partyd.min)) | "
                    + "\(Format.duration(query.floor.median)) | \(Format.duration(query.floor.min)) | "
                    + "\(Format.ratio(query.partyd.median, over: query.floor.median)) |"
            )
        }
        for reference in floorReferences {
            lines.append(
                "| （参照）\(reference.label) | | | \(Format.duration(reference.samples.median)) | "
                    + "\(Format.duration(reference.samples.min)) | |"
            )
        }
        return lines
    }

    /// The round-trip table.
    private var roundTripLines: [String] {
        var lines: [String] = []
        lines.append("")
        lines.append("## 套接字往返")
        lines.append("")
        lines.append("| 方法 | 并发连接 | 请求数 | 请求/秒 | p50 延迟 | p99 延迟 |")
        lines.append("|---|---:|---:|---:|---:|---:|")
        for trip in roundTrips {
            lines.append(
                "| \(trip.label) | \(trip.clients) | \(Format.count(trip.requests)) | **\(Format.rate(trip.rate))** | "
                    + "\(Format.duration(trip.latencies.percentile(50))) | \(Format.duration(trip.latencies.percentile(99))) |"
            )
        }
        return lines
    }
    /// How the figures were taken, printed with every report so that they are never read without it.
    static let method = [
        "partyd 为 release 构建，作为子进程运行在临时数据目录上；partybench 经 Unix 套接字用 RPCClient 调用，"
            + "计时从发出请求到解码完回复，含双方的 JSON 编解码。partybench 与 partyd 在同一台机器上，共用全部处理器。",
        "导入与 partyadmin 相同：import.begin，按 maxChunkBytes 在字符边界切分的 import.chunk，再 import.commit；"
            + "“上传”为 begin 与全部 chunk，“校验并写入”为 commit。",
        "sqlite3 下限：同一份数据、同样的表与索引（Migrations.swift 中的 CREATE 语句）、同样的 PRAGMA（WAL、synchronous = FULL、外键），"
            + "每个数字是一个完整的 sqlite3 进程的墙钟时间，包括进程启动与打开数据库（见“仅启动”一行）。",
        "下限加载：.import 到临时中转表，再在一个事务中 INSERT … SELECT 写入 organization/member，并像 partyd 一样每行写一条历史记录；"
            + "不做 partyd 的逐行校验。",
        "下限查询执行与 partyd 存储层相同的 SQL（子树条件为 path 范围，结果按 path、姓名排序），输出以 CSV 写入文件；"
            + "org.tree 的子树累计与 JSON 编码只在 partyd 一侧。两侧都未执行 ANALYZE。",
        "比值 = partyd 中位数 ÷ sqlite3 中位数；小于 1 表示 partyd（常驻进程、连接已打开、缓存已热）比每次新起一个 sqlite3 进程还快。",
        "往返测试：每个连接依次发送请求（收到回复再发下一个），多个连接并发；延迟为单个请求从发出到收到回复。",
        "内存读自 /proc/<pid>/status：VmRSS 为全部查询结束后的常驻内存，VmHWM 为进程生命期内的峰值。",
    ]
}
