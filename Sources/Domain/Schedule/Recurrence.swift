import Foundation

/// When a timed job fires, as a calendar rule in local time.
package enum Recurrence: Sendable, Hashable, Codable {
    /// Once, at this slot.
    case once(WallClockTime)
    /// Every day at this minute of the day.
    case daily(minuteOfDay: Int)
    /// Every week on `weekday` (0 Sunday … 6 Saturday) at this minute.
    case weekly(weekday: Int, minuteOfDay: Int)
    /// Every month on `day` (1…31; a month without that day uses its last day; -1 is always the last day).
    case monthly(day: Int, minuteOfDay: Int)
    /// Every quarter, `daysBeforeEnd` days before its last day (0: on the last day of March, June, September,
    /// December).
    case quarterly(daysBeforeEnd: Int, minuteOfDay: Int)
    /// Every year on `month`/`day` (29 February in a common year: the 28th).
    case yearly(month: Int, day: Int, minuteOfDay: Int)
    /// A cron expression.
    case cron(CronExpression)

    /// How many days ahead a search for the next slot looks before concluding there is none (five years: a cron
    /// expression for 30 February never fires).
    static let searchDays = 5 * 366

    /// The first slot strictly after `slot`, or nil when there is none.
    package func slot(after slot: WallClockTime) -> WallClockTime? {
        if case .once(let only) = self { return only > slot ? only : nil }
        var date = slot.date
        for offset in 0...Self.searchDays {
            if offset > 0 { date = date.adding(days: 1) }
            for minute in minutes(on: date) where offset > 0 || minute > slot.minuteOfDay {
                return WallClockTime(date: date, minuteOfDay: minute)
            }
        }
        return nil
    }

    /// The first slot that happens after `instant` in `zone`, or nil when there is none.
    package func firstSlot(after instant: Date, in zone: TimeZone) -> WallClockTime? {
        // Start a day early: around a daylight-saving change a slot's local reading and its instant can be an hour
        // apart, and a day's margin covers every zone.
        let local = WallClockTime.of(instant, in: zone)
        var cursor = WallClockTime(date: local.date.adding(days: -1), minuteOfDay: local.minuteOfDay)
        while let next = slot(after: cursor) {
            if next.instant(in: zone) > instant { return next }
            cursor = next
        }
        return nil
    }

    /// The minutes of `date` at which this rule fires, in order.
    func minutes(on date: LocalDate) -> [Int] {
        switch self {
        case .once(let only):
            return only.date == date ? [only.minuteOfDay] : []
        case .daily(let minute):
            return [minute]
        case .weekly(let weekday, let minute):
            return date.weekday == weekday ? [minute] : []
        case .monthly(let day, let minute):
            let last = LocalDate.daysIn(month: date.month, year: date.year)
            let target = day < 0 ? last : min(day, last)
            return date.day == target ? [minute] : []
        case .quarterly(let daysBefore, let minute):
            let quarterEndMonth = ((date.month - 1) / 3 + 1) * 3
            guard
                let end = LocalDate(
                    year: date.year,
                    month: quarterEndMonth,
                    day: LocalDate.daysIn(month: quarterEndMonth, year: date.year)
                )
            else { return [] }
            return end.adding(days: -daysBefore) == date ? [minute] : []
        case .yearly(let month, let day, let minute):
            guard date.month == month else { return [] }
            return date.day == min(day, LocalDate.daysIn(month: month, year: date.year)) ? [minute] : []
        case .cron(let expression):
            return expression.matches(date) ? expression.minutesOfDay : []
        }
    }
}
