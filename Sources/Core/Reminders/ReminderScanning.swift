import Domain
import Foundation
import Store

/// What one rule's scan found.
package struct ReminderScanOutcome: Sendable, Equatable {
    /// The rule's id.
    package var rule: String
    /// Facts found due.
    package var found: Int
    /// Of which not announced before.
    package var new: Int
    /// How long the scan took.
    package var durationMilliseconds: Int
}

/// Scanning the rules, as the daemon. All the rules due in one pass are scanned in one transaction with their
/// findings and their scan records: a crash before the commit leaves nothing (the next start scans again), one
/// after leaves every finding recorded once. A finding whose key (rule, subject, due date, stage) is already
/// recorded is dropped, so a fact is announced once however often it is found.
extension PartyCore {
    /// Scans the rules whose daily scan is due (`rules`: those ids only, whether due or not); returns each
    /// scan's outcome, none when nothing was due.
    @discardableResult
    package func scanReminders(
        only ids: [String]? = nil,
        by principal: Principal = .daemon,
        as operation: PartyOperation = .reminderScan
    ) async throws -> [ReminderScanOutcome] {
        let registry = reminders
        let activities = self.activities
        let rules = ids.map { ids in registry.rules.filter { ids.contains($0.info.id) } } ?? registry.rules
        guard !rules.isEmpty else { return [] }
        if ids == nil {
            // The loop asks every few seconds: look in a snapshot first, so that a day's other passes take no write
            // lock. The decision is made again inside the write transaction.
            let scanMinute = registry.settings.scanMinute
            let anyDue = try await read(operation, by: principal) { op in
                let scans = try op.tx.reminderRuleScans()
                return rules.contains { rule in
                    ReminderTiming.scanIsDue(
                        lastScanDay: scans[rule.info.id]?.day,
                        now: op.time.instant,
                        zone: op.time.zone,
                        scanMinute: scanMinute
                    )
                }
            }
            guard anyDue else { return [] }
        }
        return try await write(operation, by: principal) { op in
            let scans = try op.tx.reminderRuleScans()
            var outcomes: [ReminderScanOutcome] = []
            for rule in rules {
                let id = rule.info.id
                if ids == nil {
                    guard
                        ReminderTiming.scanIsDue(
                            lastScanDay: scans[id]?.day,
                            now: op.time.instant,
                            zone: op.time.zone,
                            scanMinute: registry.settings.scanMinute
                        )
                    else { continue }
                }
                let started = ContinuousClock.now
                let context = ReminderScan(
                    tx: op.tx,
                    now: op.time.instant,
                    zone: op.time.zone,
                    horizonDays: 0,
                    activity: activities,
                    settings: registry.settings,
                    rule: id
                )
                let findings = try rule.scan(context)
                // Most of a day's findings were announced on an earlier day: read their keys once rather than
                // attempting (and having the unique index refuse) each insert again.
                var new = 0
                if let earliest = findings.map(\.key.dueOn).min() {
                    let known = try op.tx.reminderKeys(rule: id, dueFrom: earliest)
                    let fresh = findings.filter { finding in
                        !known.contains(
                            finding.key.subject + "|" + finding.key.dueOn.description + "|" + finding.key.stage
                        )
                    }
                    new = try op.tx.insertReminders(fresh)
                }
                let elapsed = ContinuousClock.now - started
                let outcome = ReminderScanOutcome(
                    rule: id,
                    found: findings.count,
                    new: new,
                    durationMilliseconds: Int(elapsed.components.seconds * 1000)
                        + Int(elapsed.components.attoseconds / 1_000_000_000_000_000)
                )
                try op.tx.recordReminderScan(
                    rule: id,
                    scan: ReminderRuleScan(
                        day: op.time.today,
                        at: op.time.instant,
                        found: outcome.found,
                        new: outcome.new,
                        durationMilliseconds: outcome.durationMilliseconds
                    )
                )
                outcomes.append(outcome)
            }
            guard !outcomes.isEmpty else { return .unchanged([]) }
            let names = Dictionary(uniqueKeysWithValues: rules.map { ($0.info.id, $0.info.name) })
            let summary =
                "提醒扫描："
                + outcomes.map { "\(names[$0.rule] ?? $0.rule) 到期 \($0.found) 项（新 \($0.new) 项）" }
                .joined(separator: "；")
            return Change(outcomes, audit: op.audit(target: "提醒", orgID: nil, summary: summary))
        }
    }
}
