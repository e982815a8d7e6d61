import Core
import Domain
import Foundation
import Store
import Synchronization

/// Delivers the outbox: claims the rows that are due and that their channels can take, sends each through its
/// channel, and records every attempt through the core (so each is audited), retrying with backoff and giving up
/// after the policy's limit.
///
/// Each channel is paced on its own (`ChannelThrottle`: transfers at once, messages a minute, pauses a receiver
/// asks for), and each send is recorded as soon as it ends, so that a slow or rate-limited endpoint holds up only
/// its own messages. Delivery is at least once: a row is marked sent only after its channel said so, so a crash
/// between sending and recording sends it again, and receivers de-duplicate by the idempotency key (the row's
/// id). Rows being sent are remembered in memory only: after a crash nothing is "in flight", and every pending
/// row is due again.
package final class DeliveryWorker: Sendable {
    let core: PartyCore
    private let client: CurlClient
    private let batchSize: Int
    private let pace: @Sendable (ChannelKind) -> ChannelPace
    private let inFlight = Mutex<Set<Int64>>([])
    private let throttles = Mutex<[Int64: ChannelThrottle]>([:])
    private let claims = RoundGate()
    private let recorder: AttemptRecorder
    private let doorbell = Doorbell()

    /// A worker sending through `client` (whose limits bound the transfers at once) under `policy`, pacing each
    /// channel as `pace` says for its kind.
    package init(
        core: PartyCore,
        client: CurlClient,
        policy: DeliveryPolicy,
        batchSize: Int = 64,
        pace: @escaping @Sendable (ChannelKind) -> ChannelPace = ChannelPace.standard(for:)
    ) {
        self.core = core
        self.client = client
        self.batchSize = batchSize
        self.pace = pace
        recorder = AttemptRecorder(core: core, policy: policy)
    }

    /// One round: claims the rows due now that their channels can take (up to the batch size), sends them, and
    /// returns once every outcome is recorded; returns how many rows it attempted or held for quiet hours.
    @discardableResult
    package func deliverDue() async throws -> Int {
        let claimed = try await claim()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for delivery in claimed.sends { group.addTask { try await self.send(delivery) } }
            try await group.waitForAll()
        }
        return claimed.sends.count + claimed.held
    }

    /// Delivers until `isStopping` says so: claims whatever may go, starts each send without waiting for the
    /// others, and claims again as soon as one ends or `pause` returns (the poll interval, cut short when the
    /// daemon stops); then waits for the sends in flight to be recorded. `onError` hears of failed claims and
    /// failed records (the rows stay pending and are tried again).
    package func run(
        isStopping: @escaping @Sendable () -> Bool,
        pause: @escaping @Sendable () async -> Void,
        onError: @escaping @Sendable (any Error) -> Void
    ) async {
        await withDiscardingTaskGroup { group in
            while !isStopping() {
                var claimed: Claimed = ([], 0)
                do {
                    claimed = try await claim()
                } catch {
                    onError(error)
                }
                for delivery in claimed.sends {
                    group.addTask {
                        do { try await self.send(delivery) } catch { onError(error) }
                        self.doorbell.ring()
                    }
                }
                if !claimed.sends.isEmpty || claimed.held > 0 { continue }
                await withTaskGroup(of: Void.self) { waits in
                    waits.addTask { await self.doorbell.wait() }
                    waits.addTask {
                        await pause()
                        self.doorbell.ring()
                    }
                    await waits.next()
                    waits.cancelAll()
                }
            }
        }
    }

    /// Sends one message through `channel` at once, outside the outbox and its pacing (an administrator trying a
    /// channel), and returns whether it was delivered and what the far end said. Its idempotency key is negative,
    /// so that it can never collide with an outbox row's.
    package func test(_ channel: OrgChannel, _ message: ChannelTestMessage) async -> (delivered: Bool, detail: String) {
        let now = core.clock.now()
        let outgoing = OutgoingMessage(
            outboxID: -Int64((now.timeIntervalSince1970 * 1000).rounded()),
            title: message.title,
            body: message.body,
            format: .plainText,
            priority: .normal,
            recipients: message.recipient.map { [$0] } ?? []
        )
        let outcome = await self.channel(for: channel).deliver(outgoing, at: now)
        if case .delivered = outcome { return (true, outcome.description) }
        return (false, outcome.description)
    }

    /// Wakes a running worker: new rows were written (a scheduled notice went out).
    package func wake() { doorbell.ring() }

    /// What one claim took: the rows to send now, and how many were held for quiet hours.
    private typealias Claimed = (sends: [DueDelivery], held: Int)

    /// Takes the rows due now whose channels can take them, marking each in flight and counted against its
    /// channel; holds non-urgent ones inside quiet hours until the window ends. One claim at a time, whoever
    /// calls: two claims reading the same due rows would both send them.
    private func claim() async throws -> Claimed {
        await claims.enter()
        do {
            let claimed = try await claimAlone()
            await claims.leave()
            return claimed
        } catch {
            await claims.leave()
            throw error
        }
    }

    private func claimAlone() async throws -> Claimed {
        let now = core.clock.now()
        let busy = throttles.withLock { throttles in
            throttles = throttles.filter { !$0.value.isIdle(at: now) }
            return Set(throttles.filter { $0.value.available(at: now) == 0 }.keys)
        }
        let excluded = inFlight.withLock { $0 }
        // No more rows in flight than a batch: what is claimed is sent soon, and a crash repeats at most that many.
        let room = batchSize - excluded.count
        guard room > 0 else { return ([], 0) }
        var candidates: [DueDelivery] = []
        var held: [(id: Int64, until: Date)] = []
        for delivery in try await core.dueDeliveries(limit: room, excluding: excluded, excludingChannels: busy) {
            // Quiet hours hold all but urgent notices until the window ends.
            if delivery.notice.priority != .urgent,
                let end = delivery.quietHours?.end(ofWindowContaining: now, in: core.timeZone)
            {
                held.append((delivery.entry.id, end))
            } else {
                candidates.append(delivery)
            }
        }
        // Held first: should that write fail, no channel has yet been charged for a send that will not happen.
        try await core.deferDeliveries(held)
        let sends = candidates.filter { delivery in
            throttles.withLock { throttles in
                var throttle = throttles[delivery.channel.id] ?? ChannelThrottle(pace: pace(delivery.channel.kind))
                guard throttle.available(at: now) > 0 else { return false }
                throttle.start(at: now)
                throttles[delivery.channel.id] = throttle
                return true
            }
        }
        inFlight.withLock { $0.formUnion(sends.map(\.entry.id)) }
        return (sends, held.count)
    }

    /// Sends one claimed row and records the outcome; the row leaves the in-flight set only once its outcome is
    /// committed (or its commit failed), so that no claim meanwhile sends it a second time.
    private func send(_ delivery: DueDelivery) async throws {
        let id = delivery.entry.id
        let channelID = delivery.channel.id
        defer { _ = inFlight.withLock { $0.remove(id) } }
        let outcome = await channel(for: delivery.channel).deliver(await message(for: delivery), at: core.clock.now())
        let finished = core.clock.now()
        throttles.withLock { throttles in
            throttles[channelID]?.finish()
            if case .throttled(_, let retryAfter) = outcome {
                throttles[channelID]?.pause(until: finished.addingTimeInterval(retryAfter))
            }
        }
        try await recorder.record((id, Self.attempt(outcome), Double.random(in: 0..<1)))
    }

    /// The sender for a configured channel.
    func channel(for channel: OrgChannel) -> any DeliveryChannel {
        switch channel.kind {
        case .webhook:
            WebhookChannel(url: channel.url, secret: channel.secret ?? "", client: client)
        case .wecom:
            WeComRobotChannel(webhookURL: channel.url, client: client)
        case .dingtalk:
            DingTalkRobotChannel(
                webhookURL: channel.url,
                secret: channel.secret,
                keyword: channel.keyword,
                client: client
            )
        case .feishu:
            FeishuRobotChannel(webhookURL: channel.url, secret: channel.secret, client: client)
        case .smtp:
            EmailChannel(
                settings: EmailChannel.Settings(
                    url: channel.url,
                    username: channel.login,
                    password: channel.secret,
                    senderAddress: channel.sender ?? "",
                    senderName: "partyd"
                ),
                client: client
            )
        }
    }

    /// The message a notice makes for one outbox row, with the personal links it carries (``linkText(for:)``).
    func message(for delivery: DueDelivery) async -> OutgoingMessage {
        let priority: OutgoingMessage.Priority =
            switch delivery.notice.priority {
            case .normal: .normal
            case .important: .high
            case .urgent: .urgent
            }
        if delivery.entry.purpose == .retraction {
            let reason = delivery.notice.retraction?.reason ?? ""
            return OutgoingMessage(
                outboxID: delivery.entry.id,
                title: "【撤回】\(delivery.notice.title)",
                body: "此前发布的通知“\(delivery.notice.title)”已撤回，请勿再按其办理。撤回原因：\(reason)",
                format: .plainText,
                priority: priority,
                recipients: []
            )
        }
        return OutgoingMessage(
            outboxID: delivery.entry.id,
            title: delivery.notice.title,
            body: delivery.notice.body + (await linkText(for: delivery) ?? ""),
            format: delivery.recipient == nil ? .markdown : .plainText,
            priority: priority,
            recipients: delivery.recipient.map { [$0.email] } ?? delivery.mentions
        )
    }

    /// A channel's judgement as the outbox's.
    static func attempt(_ outcome: DeliveryOutcome) -> DeliveryAttempt {
        switch outcome {
        case .delivered: .delivered
        case .retryable(let reason): .retryable(reason)
        case .throttled(let reason, let retryAfter): .throttled(reason, retryAfter: retryAfter)
        case .permanent(let reason): .permanent(reason)
        }
    }
}

/// Lets one round run at a time; later callers wait their turn in order.
private actor RoundGate {
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func enter() async {
        guard busy else {
            busy = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func leave() {
        if waiting.isEmpty {
            busy = false
        } else {
            waiting.removeFirst().resume()
        }
    }
}
