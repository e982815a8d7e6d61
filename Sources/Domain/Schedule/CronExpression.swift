import Foundation

/// A five-field cron expression (`minute hour day-of-month month day-of-week`) as Vixie cron reads it: `*`,
/// numbers, ranges `a-b`, steps `*/n` and `a-b/n`, lists `a,b`; Sunday is 0 or 7; when both the day of the month
/// and the day of the week are restricted, a day matching either is taken.
package struct CronExpression: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The text as written.
    package let text: String
    let minutes: Set<Int>
    let hours: Set<Int>
    let days: Set<Int>
    let months: Set<Int>
    let weekdays: Set<Int>
    let daysRestricted: Bool
    let weekdaysRestricted: Bool

    /// Parses `text`, or refuses it naming the field at fault.
    package init(_ text: String, field: String = "cron") throws(DomainError) {
        let parts = text.split(whereSeparator: \.isWhitespace).map(String.init)
        guard parts.count == 5 else {
            throw DomainError.invalid(
                field,
                "cron 表达式须有 5 段（分 时 日 月 周），“\(text)”有 \(parts.count) 段",
                reason: "invalid_cron"
            )
        }
        let names = ["分", "时", "日", "月", "周"]
        let ranges = [0...59, 0...23, 1...31, 1...12, 0...7]
        var sets: [Set<Int>] = []
        for index in 0..<5 {
            sets.append(try Self.parse(parts[index], ranges[index], name: names[index], field: field))
        }
        self.text = parts.joined(separator: " ")
        minutes = sets[0]
        hours = sets[1]
        days = sets[2]
        months = sets[3]
        weekdays = Set(sets[4].map { $0 % 7 })
        daysRestricted = parts[2] != "*"
        weekdaysRestricted = parts[4] != "*"
    }

    /// The text as written.
    package var description: String { text }

    /// Whether the expression fires on `date` at all.
    func matches(_ date: LocalDate) -> Bool {
        guard months.contains(date.month) else { return false }
        let byDay = days.contains(date.day)
        let byWeekday = weekdays.contains(date.weekday)
        switch (daysRestricted, weekdaysRestricted) {
        case (true, true): return byDay || byWeekday
        case (true, false): return byDay
        case (false, true): return byWeekday
        case (false, false): return true
        }
    }

    /// The minutes of the day it fires at, in order.
    var minutesOfDay: [Int] {
        hours.sorted().flatMap { hour in minutes.sorted().map { hour * 60 + $0 } }
    }

    private static func parse(
        _ text: String,
        _ range: ClosedRange<Int>,
        name: String,
        field: String
    ) throws(DomainError) -> Set<Int> {
        let invalid = DomainError.invalid(
            field,
            "cron 表达式的“\(name)”段“\(text)”无效（允许 \(range.lowerBound)-\(range.upperBound)）",
            reason: "invalid_cron"
        )
        var values: Set<Int> = []
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            let stepParts = item.split(separator: "/", omittingEmptySubsequences: false)
            guard (1...2).contains(stepParts.count) else { throw invalid }
            var step = 1
            if stepParts.count == 2 {
                guard let parsed = Int(stepParts[1]), parsed > 0 else { throw invalid }
                step = parsed
            }
            let base = stepParts[0]
            var low = range.lowerBound
            var high = range.upperBound
            if base != "*" {
                let bounds = base.split(separator: "-", omittingEmptySubsequences: false)
                guard (1...2).contains(bounds.count), let first = Int(bounds[0]) else { throw invalid }
                low = first
                high = bounds.count == 2 ? (Int(bounds[1]) ?? -1) : (stepParts.count == 2 ? range.upperBound : first)
            }
            guard range.contains(low), range.contains(high), low <= high else { throw invalid }
            values.formUnion(stride(from: low, through: high, by: step))
        }
        return values
    }
}
