import Foundation

/// A local calendar date and time of day, without a zone: the slot a schedule names ("the 1st at 09:00").
///
/// Schedules step from slot to slot in local time and only then map a slot to an instant, so that "09:00 every
/// day" stays 09:00 across daylight-saving changes, and each slot has one identity even when its local time
/// occurs twice.
package struct WallClockTime: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The date.
    package var date: LocalDate
    /// Minutes since midnight, 0..<1440.
    package var minuteOfDay: Int

    /// Creates a slot; `minuteOfDay` must be in 0..<1440.
    package init(date: LocalDate, minuteOfDay: Int) {
        self.date = date
        self.minuteOfDay = minuteOfDay
    }

    /// Creates a slot at `hour`:`minute` of `date`.
    package init(date: LocalDate, hour: Int, minute: Int) {
        self.init(date: date, minuteOfDay: hour * 60 + minute)
    }

    /// The hour, 0..23.
    package var hour: Int { minuteOfDay / 60 }
    /// The minute, 0..59.
    package var minute: Int { minuteOfDay % 60 }

    /// `YYYY-MM-DD HH:MM`.
    package var description: String {
        "\(date) " + String(format: "%02d:%02d", hour, minute)
    }

    /// Orders slots by date, then time of day.
    package static func < (lhs: WallClockTime, rhs: WallClockTime) -> Bool {
        (lhs.date, lhs.minuteOfDay) < (rhs.date, rhs.minuteOfDay)
    }

    /// The slot `instant` falls in, in `zone` (seconds dropped).
    package static func of(_ instant: Date, in zone: TimeZone) -> WallClockTime {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: instant)
        let date = LocalDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1) ?? LocalDate.epoch
        return WallClockTime(date: date, hour: parts.hour ?? 0, minute: parts.minute ?? 0)
    }

    /// The instant this slot happens in `zone`, by the documented rules for daylight-saving changes: a local time
    /// that does not exist (skipped when clocks go forward) happens at the first valid instant after it, the
    /// moment the clocks jump; one that occurs twice (when clocks go back) happens at the first of the two.
    package func instant(in zone: TimeZone) -> Date {
        // The UTC reading of the slot, then corrected by the zone's offset. Each candidate offset (before and
        // after a change near the slot) gives an instant; those that read back as the slot are its occurrences.
        let utcReading = TimeInterval(date.daysSinceEpoch * 86400 + minuteOfDay * 60)
        let around = Date(timeIntervalSince1970: utcReading)
        let offsets = Set([-43_200, 0, 43_200].map { zone.secondsFromGMT(for: around.addingTimeInterval(Double($0))) })
        let matches =
            offsets
            .map { Date(timeIntervalSince1970: utcReading - Double($0)) }
            .filter { WallClockTime.of($0, in: zone) == self }
            .sorted()
        if let first = matches.first { return first }
        // Skipped: the first instant after the gap, which is the transition itself.
        let earliest = Date(timeIntervalSince1970: utcReading - Double(offsets.max() ?? 0))
        return zone.nextDaylightSavingTimeTransition(after: earliest.addingTimeInterval(-1)) ?? earliest
    }
}

extension LocalDate {
    /// 1970-01-01, the fallback of a reading that cannot fail.
    package static let epoch = LocalDate(year: 1970, month: 1, day: 1)!

    /// The day of the week, 0 for Sunday to 6 for Saturday (1970-01-01 was a Thursday).
    package var weekday: Int { ((daysSinceEpoch + 4) % 7 + 7) % 7 }
}
