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

    /// Records the attempts of one delivery round under `policy` in one transaction (one commit for the round,
    /// not one per message); each jitter (0..<1) spreads that row's retry. Rows given up meanwhile (their channel
    /// removed) stay as they are. Returns the rows as recorded.
    package func recordDeliveries(
        _ attempts: [(id: Int64, attempt: DeliveryAttempt, jitter: Double)],
        policy: DeliveryPolicy
    ) async throws -> [OutboxEntry] {
        try await write(.deliveryAttempt, by: .daemon) { op in
            var recorded: [OutboxEntry] = []
            var counts: [DeliveryState: Int] = [:]
            for (id, attempt, jitter) in attempts {
                guard var entry = try op.tx.outboxEntry(id: id), entry.state == .pending else { continue }
                let decision = policy.decide(
                    attempt,
                    attemptsBefore: entry.attempts,
                    now: op.time.instant,
                    jitter: jitter
                )
                entry.attempts += 1
                entry.state = decision.state
                entry.nextAttemptAt = decision.nextAttemptAt
                entry.lastError = decision.error
                if decision.state == .sent { entry.sentAt = op.time.instant }
                try op.tx.updateOutboxEntry(entry)
                recorded.append(entry)
                counts[entry.state, default: 0] += 1
            }
            guard !recorded.isEmpty else { return .unchanged(recorded) }
            let summary =
                "投递 \(recorded.count) 条：送达 \(counts[.sent] ?? 0)，待重试 \(counts[.pending] ?? 0)，放弃 \(counts[.dead] ?? 0)"
            let ids = recorded.map(\.id)
            let target = ids.count == 1 ? "投递 \(ids[0])" : "投递 \(ids.min() ?? 0)…\(ids.max() ?? 0)"
            return Change(recorded, audit: op.audit(target: target, orgID: nil, summary: summary))
        }
    }
}
