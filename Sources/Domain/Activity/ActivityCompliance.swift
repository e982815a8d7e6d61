import Foundation

/// How often a kind of activity is required.
package enum ActivityCadence: String, Sendable, Codable, CaseIterable {
    /// Each month.
    case monthly
    /// Each quarter.
    case quarterly
    /// Each year.
    case yearly

    /// The cadence in Chinese.
    package var label: String {
        switch self {
        case .monthly: "每月"
        case .quarterly: "每季度"
        case .yearly: "每年"
        }
    }

    /// Months in one unit.
    package var months: Int {
        switch self {
        case .monthly: 1
        case .quarterly: 3
        case .yearly: 12
        }
    }

    /// Parses the English names or 每月, 每季度, 每年 (also 月, 季度, 年).
    package static func parse(_ text: String, field: String) throws(DomainError) -> ActivityCadence {
        let aliases: [String: ActivityCadence] = [
            "monthly": .monthly, "每月": .monthly, "月": .monthly, "quarterly": .quarterly, "每季度": .quarterly,
            "季度": .quarterly, "yearly": .yearly, "每年": .yearly, "年": .yearly,
        ]
        guard let cadence = aliases[text.trimmedWhitespace.lowercased()] ?? aliases[text.trimmedWhitespace] else {
            throw DomainError.invalid(field, "频次“\(text)”无效，应为：每月、每季度、每年", reason: "activity.invalid_cadence")
        }
        return cadence
    }

    /// What the 支部工作条例 (2018) asks of a branch, with 党课 each quarter as local practice: the standard
    /// cadence. 其他 is never required.
    package static let standard: [ActivityKind: ActivityCadence] = [
        .branchAssembly: .quarterly, .committeeMeeting: .monthly, .groupMeeting: .monthly, .partyLecture: .quarterly,
        .themeDay: .monthly, .lifeMeeting: .yearly, .democraticReview: .yearly,
    ]
}

/// A period compliance is reported for: a month, a quarter or a year.
package struct CompliancePeriod: Sendable, Equatable, CustomStringConvertible {
    /// The year.
    package var year: Int
    /// The first month, 1…12.
    package var firstMonth: Int
    /// How many months: 1, 3 or 12.
    package var months: Int

    /// The period of `months` months from `firstMonth` of `year`.
    package init(year: Int, firstMonth: Int, months: Int) {
        self.year = year
        self.firstMonth = firstMonth
        self.months = months
    }

    /// Parses `2026-11`, `2026Q4` or `2026`.
    package static func parse(_ text: String, field: String = "period") throws(DomainError) -> CompliancePeriod {
        let trimmed = text.trimmedWhitespace.uppercased()
        let invalid = DomainError.invalid(
            field,
            "期间“\(text)”无效，应为 2026-11、2026Q4 或 2026",
            reason: "activity.invalid_period"
        )
        let parts = trimmed.split(whereSeparator: { $0 == "-" || $0 == "Q" }).map(String.init)
        guard let first = parts.first, first.count == 4, let year = Int(first), (1900...9999).contains(year) else {
            throw invalid
        }
        if parts.count == 1 { return CompliancePeriod(year: year, firstMonth: 1, months: 12) }
        guard parts.count == 2, let number = Int(parts[1]) else { throw invalid }
        if trimmed.contains("Q") {
            guard (1...4).contains(number) else { throw invalid }
            return CompliancePeriod(year: year, firstMonth: (number - 1) * 3 + 1, months: 3)
        }
        guard (1...12).contains(number) else { throw invalid }
        return CompliancePeriod(year: year, firstMonth: number, months: 1)
    }

    /// `2026-11`, `2026Q4` or `2026`.
    package var description: String {
        switch months {
        case 1: String(format: "%04d-%02d", year, firstMonth)
        case 3: "\(year)Q\((firstMonth - 1) / 3 + 1)"
        default: String(year)
        }
    }

    /// The first day.
    package var start: LocalDate { LocalDate(year: year, month: firstMonth, day: 1) ?? LocalDate(daysSinceEpoch: 0) }

    /// The last day.
    package var end: LocalDate { start.adding(months: months).adding(days: -1) }

    /// The units of `cadence` inside the period (none when one unit is longer than the period).
    package func slots(of cadence: ActivityCadence) -> [CompliancePeriod] {
        guard cadence.months <= months else { return [] }
        return stride(from: firstMonth, to: firstMonth + months, by: cadence.months).map {
            CompliancePeriod(year: year, firstMonth: $0, months: cadence.months)
        }
    }

    /// Whether `date` falls in the period.
    package func contains(_ date: LocalDate) -> Bool { date >= start && date <= end }
}

/// How one required slot stands.
package enum ComplianceStatus: String, Sendable, Codable, CaseIterable {
    /// An activity of the kind was held in it.
    case held
    /// One is planned in it, not yet recorded.
    case planned
    /// The slot is over and none was held or planned: 未开展.
    case missing
    /// The slot is under way and nothing is planned yet.
    case pending
    /// The slot has not begun.
    case notDue = "not_due"

    /// The status in Chinese.
    package var label: String {
        switch self {
        case .held: "已开展"
        case .planned: "已计划"
        case .missing: "未开展"
        case .pending: "待开展"
        case .notDue: "未到期"
        }
    }
}

/// The compliance decision, pure: which slots of which kinds are held, planned or missing.
package enum ActivityCompliance {
    /// What an activity contributes: its kind, whether it took place, and its day (held, else planned).
    package struct Entry: Sendable, Equatable {
        /// Its number.
        package var id: Int64
        /// Its kind.
        package var kind: ActivityKind
        /// Planned or held (cancelled ones are left out by the caller).
        package var tookPlace: Bool
        /// The day it counts for.
        package var day: LocalDate

        /// Creates the entry.
        package init(id: Int64, kind: ActivityKind, tookPlace: Bool, day: LocalDate) {
            self.id = id
            self.kind = kind
            self.tookPlace = tookPlace
            self.day = day
        }
    }

    /// One slot's verdict.
    package struct Verdict: Sendable, Equatable {
        /// The kind.
        package var kind: ActivityKind
        /// Its cadence.
        package var cadence: ActivityCadence
        /// The slot.
        package var slot: CompliancePeriod
        /// How it stands.
        package var status: ComplianceStatus
        /// The activity held (or planned) in it.
        package var activityID: Int64?
    }

    /// Judges every slot of every required kind of `period` for one branch's `entries`, on `today`.
    package static func judge(
        _ entries: [Entry],
        period: CompliancePeriod,
        cadence: [ActivityKind: ActivityCadence],
        today: LocalDate
    ) -> [Verdict] {
        var verdicts: [Verdict] = []
        for kind in ActivityKind.allCases {
            guard let unit = cadence[kind] else { continue }
            for slot in period.slots(of: unit) {
                let inSlot = entries.filter { $0.kind == kind && slot.contains($0.day) }
                let status: ComplianceStatus
                let id: Int64?
                if let held = inSlot.first(where: \.tookPlace) {
                    (status, id) = (.held, held.id)
                } else if let planned = inSlot.first {
                    (status, id) = (.planned, planned.id)
                } else if slot.end < today {
                    (status, id) = (.missing, nil)
                } else if slot.start <= today {
                    (status, id) = (.pending, nil)
                } else {
                    (status, id) = (.notDue, nil)
                }
                verdicts.append(Verdict(kind: kind, cadence: unit, slot: slot, status: status, activityID: id))
            }
        }
        return verdicts
    }
}
