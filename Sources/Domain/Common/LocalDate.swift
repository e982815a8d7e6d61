import Foundation

/// A calendar date without time or zone, written `YYYY-MM-DD`: a founding date, a birth date, a 支部大会 date.
///
/// Stored and transmitted as the ISO string so that SQLite orders it correctly as text.
package struct LocalDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The year, 1..9999.
    package let year: Int
    /// The month, 1..12.
    package let month: Int
    /// The day of the month, 1..28/29/30/31.
    package let day: Int

    /// Creates a date, or nil when it does not exist on the calendar (2月30日, month 13).
    package init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...LocalDate.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD` strictly (also accepts `YYYY/MM/DD` and `YYYYMMDD` as spreadsheets write them).
    package init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts: [Substring]
        if trimmed.count == 8, trimmed.allSatisfy(\.isASCII), trimmed.allSatisfy(\.isNumber) {
            let chars = Array(trimmed)
            parts = [Substring(String(chars[0..<4])), Substring(String(chars[4..<6])), Substring(String(chars[6..<8]))]
        } else {
            parts = trimmed.split(separator: trimmed.contains("/") ? "/" : "-", omittingEmptySubsequences: false)
        }
        guard parts.count == 3, parts[0].count == 4, (1...2).contains(parts[1].count), (1...2).contains(parts[2].count),
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Whether `year` is a Gregorian leap year.
    package static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The number of days in a month of a year.
    package static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (negative before), by the civil-from-days algorithm of H. Hinnant.
    package var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date `days` days after 1970-01-01.
    package init(daysSinceEpoch days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    /// The same day `months` months later, clamped to the month's last day (1月31日 + 1 month = 2月28/29日).
    package func adding(months: Int) -> LocalDate {
        let total = year * 12 + (month - 1) + months
        let newYear = total / 12
        let newMonth = total % 12 + 1
        let newDay = min(day, LocalDate.daysIn(month: newMonth, year: newYear))
        return LocalDate(year: newYear, month: newMonth, day: newDay) ?? self
    }

    /// The same day `years` years later (2月29日 becomes 2月28日 in a common year).
    package func adding(years: Int) -> LocalDate { adding(months: years * 12) }

    /// The date `days` days later.
    package func adding(days: Int) -> LocalDate { LocalDate(daysSinceEpoch: daysSinceEpoch + days) }

    /// Whole years from `self` to `other`, as one counts age: a birthday not yet reached this year does not count.
    package func wholeYears(until other: LocalDate) -> Int {
        var years = other.year - year
        if (other.month, other.day) < (month, day) { years -= 1 }
        return years
    }

    /// The date of `instant` on the wall clock of `timeZone`.
    package static func of(_ instant: Date, in timeZone: TimeZone) -> LocalDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        return LocalDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
            ?? LocalDate(daysSinceEpoch: 0)
    }

    /// `YYYY-MM-DD`.
    package var description: String {
        let y = String(year)
        let m = String(month)
        let d = String(day)
        return String(repeating: "0", count: max(0, 4 - y.count)) + y + "-" + (m.count == 1 ? "0" + m : m) + "-"
            + (d.count == 1 ? "0" + d : d)
    }

    /// Orders by calendar.
    package static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Decodes from the `YYYY-MM-DD` string, refusing impossible dates.
    package init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = LocalDate(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "日期无效: \(text)，应为 YYYY-MM-DD")
        }
        self = date
    }

    /// Encodes as the `YYYY-MM-DD` string.
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension LocalDate {
    /// Parses a date supplied in `field`, or refuses with a Chinese message naming the field.
    package static func parse(_ text: String, field: String, label: String) throws(DomainError) -> LocalDate {
        guard let date = LocalDate(text) else {
            throw DomainError.invalid(field, "\(label)“\(text)”不是有效日期，应为 YYYY-MM-DD 格式的真实日期", reason: "invalid_date")
        }
        return date
    }
}
