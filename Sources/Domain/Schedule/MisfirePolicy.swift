import Foundation

/// What a timed job does about the occurrences it missed while partyd was down (or the clock jumped ahead).
package enum MisfirePolicy: Sendable, Hashable, Codable {
    /// Fire once now for all that were missed, like systemd's `Persistent=true` (the default).
    case fireOnce
    /// Fire none of them; go on with the next one.
    case skip
    /// Fire each one missed, oldest first, up to this many (the latest ones are kept).
    case replay(cap: Int)

    /// How late an occurrence may fire and still count as on time rather than missed.
    package static let grace: TimeInterval = 60
}

/// A timed job's next step, decided from its rule, the next slot it was waiting for and the time: which slots
/// fire now and which slot it waits for afterwards. The next slot is always computed from the scheduled slot,
/// never from "now", so that a late run does not shift the schedule.
package struct ScheduleStep: Sendable, Equatable {
    /// The slots to fire now, oldest first; each is an occurrence's identity (job, slot).
    package var fire: [WallClockTime]
    /// The slots that came due but are not fired (skipped by the policy).
    package var skipped: Int
    /// The slot to wait for next; nil when the rule has no more.
    package var next: WallClockTime?

    /// Decides the step for a job with `recurrence` in `zone` under `policy`, waiting for `pending` at `now`.
    package static func decide(
        recurrence: Recurrence,
        zone: TimeZone,
        policy: MisfirePolicy,
        pending: WallClockTime?,
        now: Date
    ) -> ScheduleStep {
        guard var slot = pending else { return ScheduleStep(fire: [], skipped: 0, next: nil) }
        var due: [WallClockTime] = []
        var next: WallClockTime? = slot
        // Bounded: a job down for years with a minute-by-minute rule keeps only the latest slots it may replay.
        let keep = Self.keep(policy)
        var count = 0
        while slot.instant(in: zone) <= now {
            count += 1
            due.append(slot)
            if due.count > keep { due.removeFirst() }
            next = recurrence.slot(after: slot)
            guard let following = next else { break }
            slot = following
            if count >= 1_000_000 { break }
        }
        guard let latest = due.last else { return ScheduleStep(fire: [], skipped: 0, next: next) }
        let onTime = now.timeIntervalSince(latest.instant(in: zone)) <= MisfirePolicy.grace
        switch policy {
        case .fireOnce:
            return ScheduleStep(fire: [latest], skipped: count - 1, next: next)
        case .skip:
            return onTime
                ? ScheduleStep(fire: [latest], skipped: count - 1, next: next)
                : ScheduleStep(fire: [], skipped: count, next: next)
        case .replay:
            return ScheduleStep(fire: due, skipped: count - due.count, next: next)
        }
    }

    private static func keep(_ policy: MisfirePolicy) -> Int {
        if case .replay(let cap) = policy { return max(1, cap) }
        return 1
    }
}
