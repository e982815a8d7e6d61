import Foundation

/// When reminders are looked for and when they go out: pure decisions on the time given.
package enum ReminderTiming {
    /// Whether a rule last scanned on `lastScanDay` (nil: never) scans now: once a day, at or after the scan
    /// minute; after downtime, once on the first pass (the scan finds every fact still due, so nothing is lost
    /// and nothing repeats).
    package static func scanIsDue(lastScanDay: LocalDate?, now: Date, zone: TimeZone, scanMinute: Int) -> Bool {
        let today = LocalDate.of(now, in: zone)
        guard let last = lastScanDay else { return true }
        if last >= today { return false }
        return minuteOfDay(now, in: zone) >= scanMinute || last < today.adding(days: -1)
    }

    /// The last daily digest moment at or before `now`.
    package static func lastDigest(before now: Date, zone: TimeZone, digestMinute: Int) -> Date {
        let today = LocalDate.of(now, in: zone)
        let todays = instant(today, minute: digestMinute, zone: zone)
        return todays <= now ? todays : instant(today.adding(days: -1), minute: digestMinute, zone: zone)
    }

    /// Whether a waiting reminder goes out now. Urgent ones, a member's own and the system's go at once
    /// (delivery still holds non-urgent messages through the organization's quiet hours); the rest of an
    /// organization's go in its daily digest: the first digest moment after they were found (or after the day
    /// they were put off until).
    package static func isDue(_ reminder: Reminder, now: Date, zone: TimeZone, digestMinute: Int) -> Bool {
        if let until = reminder.snoozedUntil, until > now { return false }
        let finding = reminder.finding
        if finding.urgent || finding.audience != .admins { return true }
        let since = max(reminder.foundAt, reminder.snoozedUntil ?? reminder.foundAt)
        return since < lastDigest(before: now, zone: zone, digestMinute: digestMinute)
    }

    /// Minutes after local midnight.
    package static func minuteOfDay(_ instant: Date, in zone: TimeZone) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.hour, .minute], from: instant)
        return (parts.hour ?? 0) * 60 + (parts.minute ?? 0)
    }

    /// The instant of the local time `minute` after midnight on `date` in `zone`, by the timed jobs' rules for
    /// daylight saving: a time the clocks skip is the first valid instant after it; a repeated one is its first.
    package static func instant(_ date: LocalDate, minute: Int, zone: TimeZone) -> Date {
        WallClockTime(date: date, minuteOfDay: minute).instant(in: zone)
    }
}
