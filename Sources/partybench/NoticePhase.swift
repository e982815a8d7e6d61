import Foundation
import PartyTesting
import Wire

#if canImport(Glibc)
import Glibc
#endif

/// The notice phases, run on a daemon that already holds the city: give organizations a webhook each, publish one
/// notice to the whole city (one recipient row per member and one outbox row per webhook, in one transaction),
/// time the delivery worker until the local receiver has every message and the outbox shows them all sent, then
/// have Apprise send as many messages to the same receiver.
struct NoticePhase {
    /// Webhook messages to deliver: the number of webhook channels.
    var deliveries: Int
    /// The generated city (the channels' organizations, in file order).
    var city: City
    /// Members on the roll, the audience of the notice.
    var members: Int
    /// The run's temporary directory (the Apprise venv goes there).
    var directory: TemporaryDirectory
    /// How to run Apprise, or nil to leave it out.
    var apprise: AppriseRun?

    /// The notice both senders send.
    static let title = "关于开展2026年度民主评议党员工作的通知"
    /// Its body.
    static let body = """
        各党支部：根据《中国共产党党员教育管理工作条例》，经市委组织部研究，决定在全市开展2026年度民主评议党员工作。\
        请各党支部于12月15日前召开组织生活会，对照党章规定的党员条件和义务，开展批评与自我批评，\
        评议结果报上级党委备案。特此通知。
        """
    /// Connections used to add the channels.
    static let setupConnections = 8

    /// Runs the phases; the receiver is started here and stopped at the end.
    func run(_ daemon: DaemonProcess, client: RPCClient) async throws -> NoticeOutcome {
        let receiver = try BenchReceiver()
        defer { receiver.stop() }
        let root = city.root.draft.code

        // Quiet hours (by default 22:00–08:00 in the daemon's zone) would hold a 普通 notice until morning: the
        // benchmark turns them off for the city, as an administrator may, and measures sending, not waiting.
        _ = try await client.call(OrgSetQuietHours.self, .init(code: root, off: true))
        Progress.say("添加 \(Format.count(deliveries)) 个 Webhook 渠道（\(Self.setupConnections) 个连接）…")
        let setup = try await addChannels(socketPath: daemon.socketPath, receiver: receiver)
        Progress.say("  \(Format.duration(setup))；发布通知到全市（含下级组织）…")

        let cpuBefore = SystemInfo.cpuSeconds(of: daemon.pid)
        let ownBefore = SystemInfo.cpuSeconds(of: getpid())
        let postStart = ContinuousClock.now
        let notice = try await client.call(
            NoticePost.self,
            .init(org: root, subtree: true, kind: "通知公告", title: Self.title, body: Self.body)
        )
        let posted = ContinuousClock.now
        let cpuPosted = SystemInfo.cpuSeconds(of: daemon.pid)
        let publish = (posted - postStart).seconds
        Progress.say(
            "  \(Format.duration(publish))，\(Format.count(notice.recipients)) 名收件人；等待投递 \(Format.count(deliveries)) 条…"
        )
        try await waitForReceiver(receiver, posted: posted)
        let received = ContinuousClock.now
        try await waitForOutbox(client, root: root)
        let confirmed = ContinuousClock.now
        let cpuAfter = SystemInfo.cpuSeconds(of: daemon.pid)
        let ownAfter = SystemInfo.cpuSeconds(of: getpid())
        let tally = receiver.tally("partyd")
        let outbox = try OutboxCheck.read(dataDir: daemon.dataDir, notice: notice.id, scratch: directory)
        let postedOffset = (posted - receiver.clockOrigin).seconds
        let delivery = DeliveryTiming(
            messages: deliveries,
            firstArrival: (tally.arrivals.min() ?? postedOffset) - postedOffset,
            lastArrival: (received - posted).seconds,
            confirmed: (confirmed - posted).seconds,
            publishCPU: CPUTime.between(cpuBefore, cpuPosted),
            deliveryCPU: CPUTime.between(cpuPosted, cpuAfter),
            benchCPU: CPUTime.between(ownBefore, ownAfter),
            rounds: RoundAnalysis(arrivals: tally.arrivals, batch: 64),
            connections: receiver.acceptedConnections
        )
        Progress.say(
            "  \(Format.duration(delivery.confirmed))，\(Format.rate(delivery.rate)) 条/秒；核对…"
        )
        let checks = try outbox.verify(tally: tally, expected: deliveries, recipients: members)

        var appriseOutcome: AppriseOutcome?
        if let apprise {
            appriseOutcome = try apprise.measure(
                receiver: receiver,
                messages: deliveries,
                title: Self.title,
                body: Self.body,
                directory: directory
            )
        }
        return NoticeOutcome(
            channels: deliveries,
            channelSetup: setup,
            publish: publish,
            recipients: notice.recipients,
            outbox: outbox,
            delivery: delivery,
            apprise: appriseOutcome,
            checks: checks
        )
    }

    /// Adds one webhook per channel slot, spread over the organizations in file order (one each when there are as
    /// many organizations as messages, as in a city where every organization's group has a robot), over several
    /// connections at once; returns the seconds it took.
    private func addChannels(socketPath: String, receiver: BenchReceiver) async throws -> Double {
        let codes = city.organizations.map(\.draft.code)
        let total = deliveries
        let base = receiver.url
        let start = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for lane in 0..<Self.setupConnections {
                group.addTask {
                    let client = try await RPCClient.connect(socketPath: socketPath)
                    do {
                        for index in stride(from: lane, to: total, by: Self.setupConnections) {
                            let code = codes[index % codes.count]
                            _ = try await client.call(
                                ChannelAdd.self,
                                .init(
                                    org: code,
                                    kind: "webhook",
                                    name: "党建群 \(index)",
                                    url: "\(base)/partyd/\(code)/\(index)",
                                    secret: "bench-secret-\(index)"
                                )
                            )
                        }
                        await client.close()
                    } catch {
                        await client.close()
                        throw error
                    }
                }
            }
            try await group.waitForAll()
        }
        return (ContinuousClock.now - start).seconds
    }

    /// Waits until the receiver has every message; fails when a minute passes without a new one.
    private func waitForReceiver(_ receiver: BenchReceiver, posted: ContinuousClock.Instant) async throws {
        var seen = 0
        var lastProgress = ContinuousClock.now
        var lastReport = ContinuousClock.now
        while true {
            let count = receiver.distinct("partyd")
            if count >= deliveries { return }
            let now = ContinuousClock.now
            if count > seen {
                seen = count
                lastProgress = now
            } else if now - lastProgress > .seconds(60) {
                throw BenchError("投递停滞：60 秒内接收端没有收到新消息（已收到 \(count) / \(deliveries) 条）")
            }
            if now - lastReport > .seconds(5) {
                Progress.say("  已收到 \(Format.count(count)) 条（\(Format.duration((now - posted).seconds))）")
                lastReport = now
            }
            try await Task.sleep(for: .milliseconds(2))
        }
    }

    /// Waits until no outbox row of the city is pending (recorded as sent or given up), at most a minute.
    private func waitForOutbox(_ client: RPCClient, root: String) async throws {
        let deadline = ContinuousClock.now + .seconds(60)
        while true {
            let pending = try await client.call(DeliveryList.self, .init(org: root, state: "pending", limit: 1))
            if pending.deliveries.isEmpty { return }
            guard ContinuousClock.now < deadline else {
                throw BenchError("接收端已收到全部消息，但 60 秒后发件箱仍有待投递的记录")
            }
            try await Task.sleep(for: .milliseconds(2))
        }
    }
}

/// What the notice phases measured.
struct NoticeOutcome {
    /// Webhook channels added.
    var channels: Int
    /// Seconds to add them.
    var channelSetup: Double
    /// Seconds of `notice.post`, request to reply.
    var publish: Double
    /// Recipient rows the notice was given.
    var recipients: Int
    /// The outbox as read from the database afterwards.
    var outbox: OutboxCheck
    /// The delivery's timing.
    var delivery: DeliveryTiming
    /// Apprise's run, when it was measured.
    var apprise: AppriseOutcome?
    /// Checks passed.
    var checks: [String]
}

/// How long the delivery worker took, counted from the moment `notice.post` answered.
struct DeliveryTiming {
    /// Messages delivered.
    var messages: Int
    /// Seconds until the first message arrived (the worker looks at the outbox every poll interval, 2 s).
    var firstArrival: Double
    /// Seconds until the receiver had every message.
    var lastArrival: Double
    /// Seconds until the outbox also showed every row sent.
    var confirmed: Double
    /// partyd's CPU time during `notice.post`; nil when /proc could not be read.
    var publishCPU: CPUTime?
    /// partyd's CPU time from the reply to `notice.post` until every row was confirmed sent.
    var deliveryCPU: CPUTime?
    /// partybench's own CPU time (the receiver's threads, the polling) over publish and delivery.
    var benchCPU: CPUTime?
    /// Time inside and between the worker's rounds, from the arrival times.
    var rounds: RoundAnalysis
    /// Connections the receiver accepted.
    var connections: Int

    /// Messages per second, from the reply to `notice.post` to the outbox confirming all sent.
    var rate: Double { confirmed > 0 ? Double(messages) / confirmed : 0 }
    /// Messages per second from the first arrival to the last (the poll wait left out).
    var steadyRate: Double {
        let span = lastArrival - firstArrival
        return span > 0 ? Double(messages) / span : 0
    }
}
