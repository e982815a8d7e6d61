import Foundation

extension Recurrence {
    /// Reads a rule as typed: `daily 09:00`, `weekly 1 08:30` (0 Sunday … 6 Saturday), `monthly 1 09:00`
    /// (`monthly last 09:00` for the last day), `quarterly 15 09:00` (15 days before each quarter's last day),
    /// `yearly 07-01 09:00`, `once 2026-12-01 09:00`, or `cron M H DOM MON DOW`.
    package static func parse(_ text: String, field: String = "rule") throws(DomainError) -> Recurrence {
        let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        let invalid = DomainError.invalid(
            field,
            "规则“\(text)”无效，应为：daily HH:MM、weekly 周几(0-6) HH:MM、monthly 日|last HH:MM、quarterly 季末前天数 HH:MM、yearly MM-DD HH:MM、once YYYY-MM-DD HH:MM 或 cron 五段表达式",
            reason: "invalid_rule"
        )
        guard let head = words.first?.lowercased() else { throw invalid }
        func minute(_ word: String) throws(DomainError) -> Int {
            let parts = word.split(separator: ":")
            guard parts.count == 2, parts.allSatisfy({ (1...2).contains($0.count) }), let hour = Int(parts[0]),
                let minute = Int(parts[1]), (0...23).contains(hour), (0...59).contains(minute)
            else { throw invalid }
            return hour * 60 + minute
        }
        switch (head, words.count) {
        case ("daily", 2):
            return .daily(minuteOfDay: try minute(words[1]))
        case ("weekly", 3):
            guard let weekday = Int(words[1]), (0...7).contains(weekday) else { throw invalid }
            return .weekly(weekday: weekday % 7, minuteOfDay: try minute(words[2]))
        case ("monthly", 3):
            if words[1].lowercased() == "last" { return .monthly(day: -1, minuteOfDay: try minute(words[2])) }
            guard let day = Int(words[1]), (1...31).contains(day) else { throw invalid }
            return .monthly(day: day, minuteOfDay: try minute(words[2]))
        case ("quarterly", 3):
            guard let days = Int(words[1]), (0...80).contains(days) else { throw invalid }
            return .quarterly(daysBeforeEnd: days, minuteOfDay: try minute(words[2]))
        case ("yearly", 3):
            let parts = words[1].split(separator: "-")
            guard parts.count == 2, let month = Int(parts[0]), let day = Int(parts[1]), (1...12).contains(month),
                (1...LocalDate.daysIn(month: month, year: 2000)).contains(day)
            else { throw invalid }
            return .yearly(month: month, day: day, minuteOfDay: try minute(words[2]))
        case ("once", 3):
            guard let date = LocalDate(words[1]) else { throw invalid }
            return .once(WallClockTime(date: date, minuteOfDay: try minute(words[2])))
        case ("cron", 6):
            return .cron(try CronExpression(words.dropFirst().joined(separator: " "), field: field))
        default:
            throw invalid
        }
    }

    /// The rule in Chinese, for people.
    package var label: String {
        func clock(_ minute: Int) -> String { String(format: "%02d:%02d", minute / 60, minute % 60) }
        let weekdays = ["日", "一", "二", "三", "四", "五", "六"]
        switch self {
        case .once(let slot): return "仅一次：\(slot)"
        case .daily(let minute): return "每天 \(clock(minute))"
        case .weekly(let weekday, let minute): return "每周\(weekdays[weekday]) \(clock(minute))"
        case .monthly(let day, let minute): return day < 0 ? "每月最后一天 \(clock(minute))" : "每月 \(day) 日 \(clock(minute))"
        case .quarterly(let days, let minute):
            return days == 0 ? "每季度最后一天 \(clock(minute))" : "每季度末前 \(days) 天 \(clock(minute))"
        case .yearly(let month, let day, let minute): return "每年 \(month) 月 \(day) 日 \(clock(minute))"
        case .cron(let expression): return "cron \(expression)"
        }
    }

    /// The rule as `parse` reads it back.
    package var text: String {
        func clock(_ minute: Int) -> String { String(format: "%02d:%02d", minute / 60, minute % 60) }
        switch self {
        case .once(let slot): return "once \(slot)"
        case .daily(let minute): return "daily \(clock(minute))"
        case .weekly(let weekday, let minute): return "weekly \(weekday) \(clock(minute))"
        case .monthly(let day, let minute): return "monthly \(day < 0 ? "last" : String(day)) \(clock(minute))"
        case .quarterly(let days, let minute): return "quarterly \(days) \(clock(minute))"
        case .yearly(let month, let day, let minute):
            return String(format: "yearly %02d-%02d ", month, day) + clock(minute)
        case .cron(let expression): return "cron \(expression)"
        }
    }
}

extension MisfirePolicy {
    /// Reads `once` (default), `skip` or `replay:N`.
    package static func parse(_ text: String, field: String = "misfire") throws(DomainError) -> MisfirePolicy {
        let word = text.trimmedWhitespace.lowercased()
        switch word {
        case "once", "fire-once", "补发一次": return .fireOnce
        case "skip", "跳过": return .skip
        default:
            if word.hasPrefix("replay:"), let cap = Int(word.dropFirst("replay:".count)), (1...100).contains(cap) {
                return .replay(cap: cap)
            }
            throw DomainError.invalid(
                field,
                "错过时的处理“\(text)”无效，应为：once、skip 或 replay:N（N 为 1-100）",
                reason: "invalid_misfire"
            )
        }
    }

    /// The policy as `parse` reads it back.
    package var text: String {
        switch self {
        case .fireOnce: "once"
        case .skip: "skip"
        case .replay(let cap): "replay:\(cap)"
        }
    }
}
