import Foundation

/// Which days are working days: Monday to Friday, except the official holidays (法定节假日 and the days off
/// around them), plus the weekend days worked instead (调休上班). Read from a calendar file administrators keep
/// up to date (`etc/holidays.json`); years the file does not cover have weekends only.
package struct WorkingCalendar: Sendable, Equatable {
    /// Days off that would otherwise be working days.
    package var holidays: Set<LocalDate>
    /// Weekend days that are working days (调休).
    package var workdays: Set<LocalDate>
    /// The years the file covers, and whether each is the official schedule or a provisional one.
    package var years: [Int: YearStatus]

    /// How far a year's entries can be trusted.
    package enum YearStatus: String, Sendable, Codable, Equatable {
        /// The State Council's published schedule.
        case official
        /// Not yet published: statutory days only, to be updated by administrators.
        case provisional
    }

    /// Creates a calendar.
    package init(holidays: Set<LocalDate> = [], workdays: Set<LocalDate> = [], years: [Int: YearStatus] = [:]) {
        self.holidays = holidays
        self.workdays = workdays
        self.years = years
    }

    /// Weekends only: no holiday file.
    package static let weekendsOnly = WorkingCalendar()

    /// The day of the week, 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday).
    package static func weekday(_ date: LocalDate) -> Int {
        ((date.daysSinceEpoch % 7 + 7) % 7 + 3) % 7 + 1
    }

    /// Whether `date` is a working day.
    package func isWorkingDay(_ date: LocalDate) -> Bool {
        if workdays.contains(date) { return true }
        if holidays.contains(date) { return false }
        return Self.weekday(date) <= 5
    }

    /// The `count`-th working day after `date` (`date` itself not counted).
    package func adding(workingDays count: Int, after date: LocalDate) -> LocalDate {
        var day = date
        var remaining = max(0, count)
        // A year has at most a few weeks of holidays; bounded so that a corrupt file cannot loop forever.
        var guardDays = 400
        while remaining > 0, guardDays > 0 {
            day = day.adding(days: 1)
            if isWorkingDay(day) { remaining -= 1 }
            guardDays -= 1
        }
        return day
    }

    /// Whether `year` is covered only provisionally or not at all.
    package func isProvisional(_ year: Int) -> Bool { years[year] != .official }
}

extension WorkingCalendar {
    /// The file's shape: see `etc/README.md`.
    private struct File: Decodable {
        struct Year: Decodable {
            var year: Int
            var status: YearStatus
            var source: String?
            var holidays: [Span]
            var workdays: [Workday]
        }
        struct Span: Decodable {
            var name: String
            var from: LocalDate
            var to: LocalDate
        }
        struct Workday: Decodable {
            var date: LocalDate
            var note: String?
        }
        var years: [Year]
    }

    /// Reads a holiday calendar file, refusing one whose dates are impossible, outside their year, in the wrong
    /// order, or both a holiday and a working day.
    package static func parse(_ data: Data) throws(DomainError) -> WorkingCalendar {
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: data)
        } catch {
            throw DomainError.invalid("holidays", "节假日文件格式错误：\(error)", reason: "calendar.invalid")
        }
        var calendar = WorkingCalendar()
        for year in file.years {
            guard calendar.years.updateValue(year.status, forKey: year.year) == nil else {
                throw DomainError.invalid("holidays", "节假日文件中 \(year.year) 年出现多次", reason: "calendar.invalid")
            }
            for span in year.holidays {
                guard span.from <= span.to, span.from.year == year.year, span.to.year == year.year || span.to.month == 1
                else {
                    throw DomainError.invalid(
                        "holidays",
                        "节假日文件中“\(span.name)”的日期 \(span.from)–\(span.to) 无效",
                        reason: "calendar.invalid"
                    )
                }
                for day in span.from.daysSinceEpoch...span.to.daysSinceEpoch {
                    calendar.holidays.insert(LocalDate(daysSinceEpoch: day))
                }
            }
            for workday in year.workdays {
                guard workday.date.year == year.year || workday.date.month == 1 else {
                    throw DomainError.invalid(
                        "holidays",
                        "节假日文件中调休上班日 \(workday.date) 不在 \(year.year) 年",
                        reason: "calendar.invalid"
                    )
                }
                calendar.workdays.insert(workday.date)
            }
        }
        if let both = calendar.holidays.intersection(calendar.workdays).min() {
            throw DomainError.invalid("holidays", "节假日文件中 \(both) 既是假日又是上班日", reason: "calendar.invalid")
        }
        return calendar
    }
}
