import Domain
import Foundation
import Store

/// What the delivery workers do through the core, as the daemon's own principal: read the rows that are due and
/// record each attempt, so that every delivery is in the audit as proof of what was sent where.
extension PartyCore {
    /// Pending outbox rows due now, oldest first, skipping those already in flight.
    package func dueDeliveries(limit: Int, excluding inFlight: Set<Int64>) async throws -> [DueDelivery] {
        let now = clock.now()
        return try await read(.deliveryAttempt, by: .daemon) { op in
            try op.tx.dueDeliveries(at: now, limit: limit, excluding: inFlight)
        }
    }

    /// Records an attempt on outbox row `id` under `policy`; `jitter` (0..<1) spreads the retries.
    package func recordDelivery(
        _ id: Int64,
        attempt: DeliveryAttempt,
        policy: DeliveryPolicy,
        jitter: Double
    ) async throws -> OutboxEntry {
        try await write(.deliveryAttempt, by: .daemon) { op in
            guard var entry = try op.tx.outboxEntry(id: id) else {
                throw DomainError.notFound("delivery", "投递记录 \(id) 不存在", reason: "delivery.not_found")
            }
            // A row given up meanwhile (its channel removed) stays as it is.
            guard entry.state == .pending else { return .unchanged(entry) }
            let decision = policy.decide(attempt, attemptsBefore: entry.attempts, now: op.time.instant, jitter: jitter)
            entry.attempts += 1
            entry.state = decision.state
            entry.nextAttemptAt = decision.nextAttemptAt
            entry.lastError = decision.error
            if decision.state == .sent { entry.sentAt = op.time.instant }
            try op.tx.updateOutboxEntry(entry)
            let channel = try op.tx.channel(id: entry.channelID)
            let outcome =
                switch decision.state {
                case .sent: "已送达"
                case .pending: "第 \(entry.attempts) 次失败，将重试：\(decision.error ?? "")"
                case .dead: "放弃：\(decision.error ?? "")"
                }
            return Change(
                entry,
                audit: op.audit(
                    target: "投递 \(entry.id)",
                    orgID: channel?.orgID,
                    summary: "通知 \(entry.noticeID) 经\(channel?.name ?? "渠道 \(entry.channelID)")：\(outcome)"
                )
            )
        }
    }
}
