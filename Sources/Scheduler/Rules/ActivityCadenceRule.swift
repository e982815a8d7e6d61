import Core
import Domain
import Foundation
import Store

/// 三会一课 cadence: a branch whose month, quarter or year is ending with a required kind of activity (支部党员
/// 大会 each quarter, 支委会 / 党小组会 / 主题党日 each month, 组织生活会 and 民主评议 each year, 党课 as local practice
/// says; the cadence is `activityCadence` in the configuration) neither held nor planned is told ahead; once the
/// period is over with none, the branch is told and its superior gets one summary of its branches that missed it.
/// One announcement per branch and period, naming every kind missing; a miss is announced in the first
/// `overdue-days` after the period.
package struct ActivityCadenceRule: ReminderRule {
    /// Days before a month's end.
    static let monthLead = ReminderSetting("month-lead-days", "每月事项提前提醒天数", default: 7, range: 1...27)
    /// Days before a quarter's end.
    static let quarterLead = ReminderSetting("quarter-lead-days", "每季度事项提前提醒天数", default: 15, range: 1...80)
    /// Days before a year's end.
    static let yearLead = ReminderSetting("year-lead-days", "每年事项提前提醒天数", default: 30, range: 1...300)
    /// Whether the superior is told of a period missed.
    static let tellSuperior = ReminderSetting("tell-superior", "逾期后告知上级党组织（1 是，0 否）", default: 1, range: 0...1)
    /// How many days after a period a miss is still announced (a scan after longer downtime leaves it to
    /// `activity compliance`).
    static let overdueDays = ReminderSetting("overdue-days", "期满后补报未开展的天数", default: 15, range: 1...366)
    /// How many branches a superior's summary names.
    static let superiorNames = ReminderSetting("superior-names", "告知上级时列出的支部数上限", default: 30, range: 1...500)

    /// The rule's declaration.
    package let info = ReminderRuleInfo(
        id: "activity-cadence",
        name: "三会一课未按期开展",
        scans: "本月、本季度、本年即将结束仍未召开也未计划规定活动的支部，以及上一期已结束而未开展的支部",
        tells: "支部管理员；逾期的同时告知上级党组织管理员（每个上级每期一份汇总）",
        settings: [monthLead, quarterLead, yearLead, tellSuperior, overdueDays, superiorNames]
    )

    /// Creates the rule.
    package init() {}

    /// Finds each branch's missing kinds in the current and the previous period of each cadence.
    package func scan(_ scan: ReminderScan) throws -> [ReminderFinding] {
        let branches = try scan.tx.subtree(of: nil, includeRevoked: false).filter { $0.kind.holdsMembers }
        var findings: [ReminderFinding] = []
        for cadence in ActivityCadence.allCases {
            let kinds = ActivityKind.allCases.filter { scan.activity.cadence[$0] == cadence }
            guard !kinds.isEmpty else { continue }
            let current = Self.period(containing: scan.today, cadence)
            let previous = Self.period(containing: current.start.adding(days: -1), cadence)
            let lead = scan.value(lead(cadence)) + scan.horizonDays
            if scan.today.adding(days: lead) >= current.end {
                let held = try held(in: current, scan)
                for branch in branches {
                    let missing = kinds.filter { !held.contains(ActivityHeld(orgID: branch.id, kind: $0)) }
                    guard !missing.isEmpty else { continue }
                    findings.append(
                        ReminderFinding(
                            key: ReminderKey(
                                rule: info.id,
                                subject: "org:\(branch.id):\(current)",
                                dueOn: current.end,
                                stage: "soon"
                            ),
                            orgID: branch.id,
                            audience: .admins,
                            title: "组织生活即将逾期",
                            line: "\(Self.label(current))将于 \(current.end) 结束，尚未召开或计划："
                                + missing.map(\.rawValue).joined(separator: "、")
                        )
                    )
                }
            }
            // The period just over, within its announcement window: only branches that existed before it ended.
            guard scan.today <= previous.end.adding(days: scan.value(Self.overdueDays)) else { continue }
            let held = try held(in: previous, scan)
            var missedUnder: [Int64: [String]] = [:]
            for branch in branches where (branch.founded ?? previous.start) <= previous.end {
                let missing = kinds.filter { !held.contains(ActivityHeld(orgID: branch.id, kind: $0)) }
                guard !missing.isEmpty else { continue }
                let kindsText = missing.map(\.rawValue).joined(separator: "、")
                findings.append(
                    ReminderFinding(
                        key: ReminderKey(
                            rule: info.id,
                            subject: "org:\(branch.id):\(previous)",
                            dueOn: previous.end,
                            stage: "overdue"
                        ),
                        orgID: branch.id,
                        audience: .admins,
                        title: "组织生活未按期开展",
                        line: "\(Self.label(previous))（截至 \(previous.end)）未开展：" + kindsText
                    )
                )
                if let parent = branch.parentID {
                    missedUnder[parent, default: []].append("\(branch.name)（\(branch.code)，缺\(kindsText)）")
                }
            }
            guard scan.value(Self.tellSuperior) == 1 else { continue }
            let limit = scan.value(Self.superiorNames)
            for (parent, names) in missedUnder.sorted(by: { $0.key < $1.key }) {
                var line = "\(Self.label(previous))（截至 \(previous.end)）有 \(names.count) 个下级支部未按期开展："
                line += names.prefix(limit).joined(separator: "；")
                if names.count > limit { line += " 等" }
                findings.append(
                    ReminderFinding(
                        key: ReminderKey(
                            rule: info.id,
                            subject: "org:\(parent):\(previous)",
                            dueOn: previous.end,
                            stage: "superior"
                        ),
                        orgID: parent,
                        audience: .admins,
                        title: "下级支部组织生活未按期开展",
                        line: line
                    )
                )
            }
        }
        return findings
    }

    private func lead(_ cadence: ActivityCadence) -> ReminderSetting {
        switch cadence {
        case .monthly: Self.monthLead
        case .quarterly: Self.quarterLead
        case .yearly: Self.yearLead
        }
    }

    private func held(in period: CompliancePeriod, _ scan: ReminderScan) throws -> Set<ActivityHeld> {
        try scan.tx.activityKindsHeld(from: scan.startOf(period.start), to: scan.startOf(period.end.adding(days: 1)))
    }

    /// The month, quarter or year of `cadence` that contains `date`.
    static func period(containing date: LocalDate, _ cadence: ActivityCadence) -> CompliancePeriod {
        let first = (date.month - 1) / cadence.months * cadence.months + 1
        return CompliancePeriod(year: date.year, firstMonth: first, months: cadence.months)
    }

    /// `2026 年 11 月`, `2026 年第 4 季度`, `2026 年度`.
    static func label(_ period: CompliancePeriod) -> String {
        switch period.months {
        case 1: "\(period.year) 年 \(period.firstMonth) 月"
        case 3: "\(period.year) 年第 \((period.firstMonth - 1) / 3 + 1) 季度"
        default: "\(period.year) 年度"
        }
    }
}
