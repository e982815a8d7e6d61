import Core
import Domain
import Foundation
import Store
import Synchronization

/// Delivers the outbox: reads the rows that are due, sends each through its channel, and records every attempt
/// through the core (so each is audited), retrying with backoff and giving up after the policy's limit.
///
/// Delivery is at least once: a row is marked sent only after its channel said so, so a crash between sending and
/// recording sends it again, and receivers de-duplicate by the idempotency key (the row's id). Rows being sent
/// are remembered in memory only: after a crash nothing is "in flight", and every pending row is due again.
package final class DeliveryWorker: Sendable {
    private let core: PartyCore
    private let client: CurlClient
    private let policy: DeliveryPolicy
    private let batchSize: Int
    private let inFlight = Mutex<Set<Int64>>([])
    private let rounds = RoundGate()

    /// A worker sending through `client` (whose limits bound the transfers at once) under `policy`.
    package init(core: PartyCore, client: CurlClient, policy: DeliveryPolicy, batchSize: Int = 64) {
        self.core = core
        self.client = client
        self.policy = policy
        self.batchSize = batchSize
    }

    /// One round: sends every row due now (up to the batch size), then records all their outcomes in one
    /// transaction; returns how many rows it attempted.
    @discardableResult
    package func deliverDue() async throws -> Int {
        // One round at a time, whoever calls: two rounds reading the same due rows would both send them.
        await rounds.enter()
        do {
            let count = try await round()
            await rounds.leave()
            return count
        } catch {
            await rounds.leave()
            throw error
        }
    }

    private func round() async throws -> Int {
        let excluded = inFlight.withLock { $0 }
        let now = core.clock.now()
        var due: [DueDelivery] = []
        var held: [(id: Int64, until: Date)] = []
        for delivery in try await core.dueDeliveries(limit: batchSize, excluding: excluded) {
            // Quiet hours hold all but urgent notices until the window ends.
            if delivery.notice.priority != .urgent,
                let end = delivery.quietHours?.end(ofWindowContaining: now, in: core.timeZone)
            {
                held.append((delivery.entry.id, end))
            } else {
                due.append(delivery)
            }
        }
        try await core.deferDeliveries(held)
        inFlight.withLock { $0.formUnion(due.map(\.entry.id)) }
        defer { inFlight.withLock { $0.subtract(due.map(\.entry.id)) } }
        let attempts = await withTaskGroup(of: (id: Int64, attempt: DeliveryAttempt, jitter: Double).self) { group in
            for delivery in due {
                group.addTask { [self] in
                    let outcome = await channel(for: delivery.channel)
                        .deliver(message(for: delivery), at: core.clock.now())
                    return (delivery.entry.id, Self.attempt(outcome), Double.random(in: 0..<1))
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        // One commit for the round. Should it fail (or the daemon die first), the rows stay pending and are sent
        // again: at least once, never marked sent without being sent.
        _ = try await core.recordDeliveries(attempts, policy: policy)
        return due.count + held.count
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

    /// The message a notice makes for one outbox row.
    func message(for delivery: DueDelivery) -> OutgoingMessage {
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
            body: delivery.notice.body,
            format: delivery.recipient == nil ? .markdown : .plainText,
            priority: priority,
            recipients: delivery.recipient.map { [$0.email] } ?? []
        )
    }

    /// A channel's judgement as the outbox's.
    static func attempt(_ outcome: DeliveryOutcome) -> DeliveryAttempt {
        switch outcome {
        case .delivered: .delivered
        case .retryable(let reason): .retryable(reason)
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
