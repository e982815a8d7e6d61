import Domain
import Foundation
import Store

/// What the delivery workers do through the core, as the daemon's own principal: read the rows that are due and
/// record each attempt, so that every delivery is in the audit as proof of what was sent where.
extension PartyCore {
    /// The most members one robot message mentions; with more waiting in the group, it mentions none.
    static let maximumMentions = 30

    /// Pending outbox rows due now, oldest first, skipping those already in flight and those of channels that can
    /// take nothing more now.
    package func dueDeliveries(
        limit: Int,
        excluding inFlight: Set<Int64>,
        excludingChannels busy: Set<Int64> = []
    ) async throws -> [DueDelivery] {
        let now = clock.now()
        return try await read(.deliveryAttempt, by: .daemon) { op in
            var quiet: [Int64: QuietHours?] = [:]
            return try op.tx.dueDeliveries(at: now, limit: limit, excluding: inFlight, excludingChannels: busy).map {
                due in
                var due = due
                if quiet[due.notice.orgID] == nil {
                    let org = try Self.organization(due.notice.orgID, in: op.tx)
                    quiet[due.notice.orgID] = try Self.quietHours(at: org, in: op.tx).0
                }
                due.quietHours = quiet[due.notice.orgID] ?? nil
                // 钉钉 robots notify the people a message mentions by mobile: a notice that names its members or
                // asks for acknowledgement mentions the few of that group's organization it still waits for.
                if due.channel.kind == .dingtalk, due.entry.memberID == nil, due.entry.purpose == .notice,
                    due.notice.namedMembers || due.notice.ackRequired
                {
                    due.mentions =
                        try op.tx.mentionMobiles(
                            notice: due.notice,
                            orgID: due.channel.orgID,
                            limit: Self.maximumMentions
                        ) ?? []
                }
                return due
            }
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
                try op.tx.recordDeliveryAttempt(
                    id,
                    at: op.time.instant,
                    outcome: attempt.outcome,
                    error: attempt.failure
                )
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

    /// Holds rows back until their quiet hours end: not an attempt, only a later due time.
    package func deferDeliveries(_ rows: [(id: Int64, until: Date)]) async throws {
        guard !rows.isEmpty else { return }
        let zone = timeZone
        try await write(.deliveryAttempt, by: .daemon) { op in
            var held = 0
            for (id, until) in rows {
                guard var entry = try op.tx.outboxEntry(id: id), entry.state == .pending else { continue }
                entry.nextAttemptAt = until
                try op.tx.updateOutboxEntry(entry)
                held += 1
            }
            guard held > 0 else { return .unchanged(()) }
            let latest = rows.map(\.until).max().map { LocalTime.text($0, in: zone) } ?? ""
            return Change(
                (),
                audit: op.audit(target: "投递", orgID: nil, summary: "静默时段：\(held) 条非紧急消息推迟至 \(latest)")
            )
        }
    }
}
