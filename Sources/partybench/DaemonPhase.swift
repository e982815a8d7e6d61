import Domain
import Foundation
import PartyTesting
import Wire

/// The part of a run that talks to partyd: start it, import the city, check what it holds, time the queries
/// and the round trips, read its memory, stop it.
struct DaemonPhase {
    /// What the daemon phase measured.
    struct Outcome {
        /// The 党组织采集表 import.
        var organizationImport: ImportTiming
        /// The 名册 import.
        var memberImport: ImportTiming
        /// Each query's timings, in the order of the cases.
        var queries: [Samples]
        /// The round-trip tests.
        var roundTrips: [RoundTripResult]
        /// VmRSS and VmHWM after the queries, kB.
        var memory: (rss: Int, peak: Int)?
        /// The data directory's size, bytes.
        var dataDirectoryBytes: Int
        /// The size of its write-ahead log, bytes.
        var walBytes: Int
        /// Checks passed.
        var checks: [String]
        /// The notice phases, when run.
        var notices: NoticeOutcome?
        /// The reminder data added, when the reminder phase follows.
        var reminderSeed: ReminderSeed.Outcome?
    }

    /// The run's temporary directory.
    var directory: TemporaryDirectory
    /// The files to import.
    var files: BenchFiles
    /// The queries.
    var cases: [QueryCase]
    /// Repetitions per query.
    var repetitions: Int
    /// Requests per round-trip test (0: no round-trip tests).
    var roundTrips: Int
    /// The reminder data, added after the queries and before the notice phases (so that the invitations find no
    /// webhook channel yet), or nil.
    var reminderSeed: ReminderSeed?
    /// The notice phases, run last, or nil.
    var notices: NoticePhase?

    /// Starts the daemon, measures, and stops it (SIGTERM, then SIGKILL after 30 s) whatever happens.
    func run(expectedOrganizations: Int, expectedMembers: Int, targets: QueryTargets) async throws -> Outcome {
        Progress.say("启动 partyd（\(BenchDaemon.binaryDirectory)/partyd）…")
        let daemon = try BenchDaemon.start(binaryDirectory: BenchDaemon.binaryDirectory, directory: directory)
        do {
            var outcome = try await connectAndMeasure(
                daemon,
                expectedOrganizations: expectedOrganizations,
                expectedMembers: expectedMembers,
                targets: targets
            )
            BenchDaemon.stop(daemon)
            outcome.dataDirectoryBytes = BenchFiles.size(of: daemon.dataDir)
            outcome.walBytes = BenchFiles.size(
                of: (daemon.dataDir as NSString).appendingPathComponent("partyd.sqlite-wal")
            )
            return outcome
        } catch {
            let log = daemon.log.suffix(2000)
            BenchDaemon.stop(daemon)
            throw BenchError("\(Self.describe(error))\npartyd 日志末尾：\n\(log)")
        }
    }

    /// Measures over one connection, closed whatever happens.
    private func connectAndMeasure(
        _ daemon: DaemonProcess,
        expectedOrganizations: Int,
        expectedMembers: Int,
        targets: QueryTargets
    ) async throws -> Outcome {
        let client = try await RPCClient.connect(socketPath: daemon.socketPath)
        do {
            let outcome = try await measure(
                daemon,
                client: client,
                expectedOrganizations: expectedOrganizations,
                expectedMembers: expectedMembers,
                targets: targets
            )
            await client.close()
            return outcome
        } catch {
            await client.close()
            throw error
        }
    }

    private func measure(
        _ daemon: DaemonProcess,
        client: RPCClient,
        expectedOrganizations: Int,
        expectedMembers: Int,
        targets: QueryTargets
    ) async throws -> Outcome {
        Progress.say("导入党组织采集表（\(Format.megabytes(files.organizationCSV.utf8.count))）…")
        let organizationImport = try await ChunkedImport.run(
            files.organizationCSV,
            kind: .organizations,
            client: client
        )
        Progress.say(
            "  \(Format.duration(organizationImport.total))；导入名册（\(Format.megabytes(files.rosterCSV.utf8.count))）…"
        )
        let memberImport = try await ChunkedImport.run(files.rosterCSV, kind: .members, client: client)
        Progress.say("  \(Format.duration(memberImport.total))；核对…")
        let checks = try await check(
            client,
            targets: targets,
            organizations: expectedOrganizations,
            members: expectedMembers
        )

        var queries: [Samples] = []
        for query in cases {
            Progress.say("查询：\(query.label)")
            queries.append(try await Samples.measure(repetitions: repetitions) { try await query.call(client) })
        }
        let branch = targets.branchCode
        var trips: [RoundTripResult] = []
        let calls: [(String, @Sendable (RPCClient) async throws -> Void)] = [
            ("system.hello", { @Sendable (c: RPCClient) in _ = try await c.call(SystemHello.self) }),
            (
                "org.show（一个党支部）",
                { @Sendable (c: RPCClient) in _ = try await c.call(OrgShow.self, .init(code: branch)) }
            ),
        ]
        for (label, call) in roundTrips == 0 ? [] : calls {
            for clients in [1, 8] {
                Progress.say("往返：\(label)，\(clients) 个连接，\(roundTrips) 次请求")
                trips.append(
                    try await RoundTrips.run(
                        label: label,
                        socketPath: daemon.socketPath,
                        clients: clients,
                        total: roundTrips,
                        call: call
                    )
                )
            }
        }
        let memory = SystemInfo.memory(of: daemon.pid)
        let seeded = try await reminderSeed?.run(daemon, client: client)
        let noticeOutcome = try await notices?.run(daemon, client: client)
        return Outcome(
            organizationImport: organizationImport,
            memberImport: memberImport,
            queries: queries,
            roundTrips: trips,
            memory: memory,
            dataDirectoryBytes: 0,
            walBytes: 0,
            checks: checks,
            notices: noticeOutcome,
            reminderSeed: seeded
        )
    }

    /// Confirms that partyd holds what was generated, so that the timings are of real work.
    private func check(
        _ client: RPCClient,
        targets: QueryTargets,
        organizations: Int,
        members: Int
    ) async throws -> [String] {
        var passed: [String] = []
        let root = try await client.call(OrgShow.self, .init(code: targets.rootCode))
        guard root.subtreeOrgCount == organizations, root.subtreeMemberCount == members else {
            throw BenchError(
                "partyd 报告 \(root.subtreeOrgCount) 个党组织、\(root.subtreeMemberCount) 名党员，应为 \(organizations) 和 \(members)"
            )
        }
        passed.append("org.show 全市：\(Format.count(organizations)) 个党组织、\(Format.count(members)) 名党员，与生成的数据一致")
        let found = try await client.call(
            MemberList.self,
            .init(org: targets.rootCode, recursive: true, search: targets.idNumber)
        )
        guard found.total == 1, found.members.first?.idNumber == targets.idNumber else {
            throw BenchError("按身份证号 \(targets.idNumber) 查到 \(found.total) 人，应为 1 人")
        }
        passed.append("按身份证号查找返回唯一的一人")
        let fragment = try await client.call(
            MemberList.self,
            .init(org: targets.rootCode, recursive: true, search: targets.nameFragment, limit: 0)
        )
        passed.append("姓名片段“\(targets.nameFragment)”匹配 \(Format.count(fragment.total)) 人（列表返回前 100 人）")
        return passed
    }

    /// A readable account of a failure, with the daemon's row-level details when it refused an import.
    static func describe(_ error: any Error) -> String {
        guard let refusal = error as? RPCErrorObject else { return String(describing: error) }
        var text = "partyd 拒绝（\(refusal.code)，\(refusal.data.reason)）：\(refusal.message)"
        for detail in (refusal.data.details ?? []).prefix(10) {
            text += "\n  第 \(detail.row.map(String.init) ?? "?") 行 \(detail.column ?? "")：\(detail.message)"
        }
        return text
    }
}
