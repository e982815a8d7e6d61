import ArgumentParser
import Domain
import Foundation
import PartyTesting

/// `partybench`: loads a synthetic city of the size of a real deployment into a real `partyd`, measures
/// imports, queries, socket round trips and memory, measures the same work done by the `sqlite3` tool on
/// the same schema as a floor, and prints a Markdown report.
@main
struct PartyBench: AsyncParsableCommand {
    /// The command's name and description.
    static let configuration = CommandConfiguration(
        commandName: "partybench",
        abstract: "partyd 基准测试：合成一个城市的党组织与党员，经真实守护进程导入和查询，并与 sqlite3 命令行工具对比。"
    )

    /// Organizations to generate.
    @Option(help: "党组织数（至少 20）")
    var orgs = 20_000

    /// Members to generate.
    @Option(help: "党员数")
    var members = 340_000

    /// Timings taken of each query.
    @Option(help: "每项查询的重复次数（报告中位数与最小值）")
    var repetitions = 5

    /// Requests per round-trip test.
    @Option(name: .customLong("round-trips"), help: "每组套接字往返测试的请求总数")
    var roundTrips = 20_000

    /// The generator's seed.
    @Option(help: "生成数据的随机种子")
    var seed: UInt64 = 20_050_101

    /// A file to write the report to, besides standard output.
    @Option(help: "把 Markdown 报告另存到此文件")
    var output: String?

    /// Webhook messages for the delivery test.
    @Option(help: "通知投递测试的 Webhook 消息数（每条一个渠道，平均分给各党组织；0 跳过通知测试）")
    var deliveries = 20_000

    /// Run only some phases.
    @Option(
        help: "只测一部分：notices（导入后只测发布与投递）或 reminders（导入后只测提醒规则扫描）；都不测查询、往返与 sqlite3 下限"
    )
    var only: BenchPart?

    /// Leave the reminder phase out.
    @Flag(name: .customLong("no-reminders"), help: "不测提醒规则扫描")
    var noReminders = false

    /// A Python that already has Apprise.
    @Option(name: .customLong("apprise-python"), help: "已装有 Apprise 的 Python（默认在临时目录建 venv 并 pip install apprise）")
    var apprisePython: String?

    /// Leave Apprise out.
    @Flag(name: .customLong("no-apprise"), help: "不做 Apprise 对比")
    var noApprise = false

    /// Keep the temporary directory for inspection.
    @Flag(help: "保留临时目录（数据、CSV 文件、日志）")
    var keep = false

    /// Refuses sizes the run cannot handle.
    func validate() throws {
        guard orgs >= 20, orgs <= 1_000_000 else { throw ValidationError("--orgs 须在 20 到 1000000 之间") }
        guard members >= 1, members <= 5_000_000 else { throw ValidationError("--members 须在 1 到 5000000 之间") }
        guard (1...1000).contains(repetitions) else { throw ValidationError("--repetitions 须在 1 到 1000 之间") }
        guard (8...10_000_000).contains(roundTrips) else { throw ValidationError("--round-trips 须在 8 到 10000000 之间") }
        guard (0...1_000_000).contains(deliveries) else { throw ValidationError("--deliveries 须在 0 到 1000000 之间") }
        if only == .notices, deliveries == 0 { throw ValidationError("--only notices 需要 --deliveries 大于 0") }
        if only == .reminders, noReminders { throw ValidationError("--only reminders 与 --no-reminders 不能同时使用") }
    }

    /// Generates, measures partyd, measures the floor, reports.
    func run() async throws {
        let started = Date()
        let loadAtStart = SystemInfo.loadAverage
        let directory = try TemporaryDirectory(prefix: "pb")
        defer {
            if keep { Progress.say("临时目录保留在 \(directory.path)") } else { directory.remove() }
        }
        // The day before today in China: no generated date can be in the future for the daemon's clock.
        let zone = TimeZone(identifier: "Asia/Shanghai") ?? .current
        let latest = LocalDate.of(started, in: zone).adding(days: -1)

        Progress.say("生成 \(orgs) 个党组织与 \(members) 名党员（种子 \(seed)）…")
        var cityGenerator = CityGenerator(seed: seed)
        let city = cityGenerator.generate(organizationCount: orgs, founded: latest)
        var memberGenerator = MemberGenerator(seed: seed &+ 1, latest: latest)
        let roster = memberGenerator.generate(count: members, in: city)
        let files = try BenchFiles.write(city: city, roster: roster, in: directory)
        let targets = QueryTargets(city: city, roster: roster)
        let everything = only == nil
        let cases = everything ? QueryCase.all(targets) : []
        let notices =
            only == .reminders ? nil : try noticePhase(city: city, members: roster.count, directory: directory)
        let remindersRun = only == .reminders || (everything && !noReminders)

        let daemonRun = try await DaemonPhase(
            directory: directory,
            files: files,
            cases: cases,
            repetitions: repetitions,
            roundTrips: everything ? roundTrips : 0,
            reminderSeed: remindersRun ? ReminderSeed(city: city, roster: roster, zone: zone) : nil,
            notices: notices
        ).run(expectedOrganizations: city.organizations.count, expectedMembers: roster.count, targets: targets)

        var reminders: ReminderOutcome?
        if let seed = daemonRun.reminderSeed {
            reminders = try await ReminderPhase(directory: directory, seed: seed).run()
        }
        let loadAfterDaemon = SystemInfo.loadAverage
        let floor = try SQLiteFloor(directory: directory.appending("floor"))
        var floorOrganizationLoad = 0.0
        var floorMemberLoad = 0.0
        if everything {
            Progress.say("sqlite3 下限：加载与查询…")
            floorOrganizationLoad = try floor.loadOrganizations(csv: files.floorOrganizations)
            floorMemberLoad = try floor.loadMembers(csv: files.floorMembers)
        }
        var queries: [QueryResult] = []
        for (index, query) in cases.enumerated() {
            let samples = try Samples.collect(repetitions: repetitions) {
                try floor.query(query.sql, name: "q\(index)")
            }
            queries.append(QueryResult(label: query.label, partyd: daemonRun.queries[index], floor: samples))
        }
        var references: [(label: String, samples: Samples)] = []
        for (index, reference) in (everything ? QueryCase.references(targets) : []).enumerated() {
            let samples = try Samples.collect(repetitions: repetitions) {
                try floor.query(reference.sql, name: "r\(index)")
            }
            references.append((reference.label, samples))
        }

        let results = BenchResults(
            command: Format.command(CommandLine.arguments),
            date: ISO8601DateFormatter.string(
                from: started,
                timeZone: .current,
                formatOptions: [.withInternetDateTime]
            ),
            cpu: SystemInfo.cpuModel,
            processors: SystemInfo.processors,
            memoryTotalKB: SystemInfo.memoryTotalKB,
            kernel: SystemInfo.kernel,
            loadAverages: (loadAtStart, loadAfterDaemon),
            sqliteVersion: try floor.version(),
            seed: seed,
            kindCounts: city.kindCounts,
            organizations: city.organizations.count,
            members: roster.count,
            repetitions: repetitions,
            organizationImport: daemonRun.organizationImport,
            memberImport: daemonRun.memberImport,
            floorOrganizationLoad: floorOrganizationLoad,
            floorMemberLoad: floorMemberLoad,
            floorReferences: references,
            queries: queries,
            roundTrips: daemonRun.roundTrips,
            memory: daemonRun.memory,
            dataDirectoryBytes: daemonRun.dataDirectoryBytes,
            walBytes: daemonRun.walBytes,
            floorDatabaseBytes: BenchFiles.size(of: floor.database),
            checks: daemonRun.checks,
            notices: daemonRun.notices,
            reminders: reminders
        )
        let report = results.markdown
        print(report)
        if let output {
            try report.write(toFile: output, atomically: true, encoding: .utf8)
            Progress.say("报告已写入 \(output)")
        }
    }
}

extension PartyBench {
    /// The notice phases as the options ask, or nil when `--deliveries 0`.
    func noticePhase(city: City, members: Int, directory: TemporaryDirectory) throws -> NoticePhase? {
        guard deliveries > 0 else { return nil }
        var apprise: AppriseRun?
        if !noApprise {
            guard let script = AppriseRun.findScript() else {
                throw BenchError("找不到 bench/apprise_send.py：请在仓库根目录运行（或加 --no-apprise）")
            }
            apprise = AppriseRun(python: apprisePython, script: script, threads: [1, 8])
        }
        return NoticePhase(deliveries: deliveries, city: city, members: members, directory: directory, apprise: apprise)
    }
}

/// The parts of a run `--only` can select.
enum BenchPart: String, ExpressibleByArgument, CaseIterable {
    /// Import, then the notice phases.
    case notices
    /// Import, then the reminder data and the reminder scans.
    case reminders
}

/// Progress lines on standard error, so that standard output holds only the report.
enum Progress {
    /// Prints one line with the time of day.
    static func say(_ message: String) {
        let stamp = ISO8601DateFormatter.string(
            from: Date(),
            timeZone: .current,
            formatOptions: [.withTime, .withColonSeparatorInTime]
        )
        FileHandle.standardError.write(Data("[\(stamp)] \(message)\n".utf8))
    }
}
