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

    /// Keep the temporary directory for inspection.
    @Flag(help: "保留临时目录（数据、CSV 文件、日志）")
    var keep = false

    /// Refuses sizes the run cannot handle.
    func validate() throws {
        guard orgs >= 20, orgs <= 1_000_000 else { throw ValidationError("--orgs 须在 20 到 1000000 之间") }
        guard members >= 1, members <= 5_000_000 else { throw ValidationError("--members 须在 1 到 5000000 之间") }
        guard (1...1000).contains(repetitions) else { throw ValidationError("--repetitions 须在 1 到 1000 之间") }
        guard (8...10_000_000).contains(roundTrips) else { throw ValidationError("--round-trips 须在 8 到 10000000 之间") }
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
        let latest = LocalDate.of(started, in: TimeZone(identifier: "Asia/Shanghai") ?? .current).adding(days: -1)

        Progress.say("生成 \(orgs) 个党组织与 \(members) 名党员（种子 \(seed)）…")
        var cityGenerator = CityGenerator(seed: seed)
        let city = cityGenerator.generate(organizationCount: orgs, founded: latest)
        var memberGenerator = MemberGenerator(seed: seed &+ 1, latest: latest)
        let roster = memberGenerator.generate(count: members, in: city)
        let files = try BenchFiles.write(city: city, roster: roster, in: directory)
        let targets = QueryTargets(city: city, roster: roster)
        let cases = QueryCase.all(targets)

        let daemonRun = try await DaemonPhase(
            directory: directory,
            files: files,
            cases: cases,
            repetitions: repetitions,
            roundTrips: roundTrips
        ).run(expectedOrganizations: city.organizations.count, expectedMembers: roster.count, targets: targets)

        let loadAfterDaemon = SystemInfo.loadAverage
        Progress.say("sqlite3 下限：加载与查询…")
        let floor = try SQLiteFloor(directory: directory.appending("floor"))
        let floorOrganizationLoad = try floor.loadOrganizations(csv: files.floorOrganizations)
        let floorMemberLoad = try floor.loadMembers(csv: files.floorMembers)
        var queries: [QueryResult] = []
        for (index, query) in cases.enumerated() {
            let samples = try Samples.collect(repetitions: repetitions) {
                try floor.query(query.sql, name: "q\(index)")
            }
            queries.append(QueryResult(label: query.label, partyd: daemonRun.queries[index], floor: samples))
        }
        var references: [(label: String, samples: Samples)] = []
        for (index, reference) in QueryCase.references(targets).enumerated() {
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
            checks: daemonRun.checks
        )
        let report = results.markdown
        print(report)
        if let output {
            try report.write(toFile: output, atomically: true, encoding: .utf8)
            Progress.say("报告已写入 \(output)")
        }
    }
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
