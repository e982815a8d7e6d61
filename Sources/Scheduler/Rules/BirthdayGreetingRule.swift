import Core
import Domain
import Foundation
import Store

/// 党员生日 and 政治生日 (入党纪念日): a greeting to the member on the day, in their inbox and by e-mail. A day the
/// daemon was down is not greeted late. 29 February is greeted on the 28th in other years.
package struct BirthdayGreetingRule: ReminderRule {
    /// Whether birthdays are greeted.
    static let birthdays = ReminderSetting("birthday", "祝贺生日（1 是，0 否）", default: 1, range: 0...1)
    /// Whether political birthdays are greeted.
    static let politicalBirthdays = ReminderSetting("political", "祝贺政治生日（1 是，0 否）", default: 1, range: 0...1)

    /// The rule's declaration.
    package let info = ReminderRuleInfo(
        id: "birthday-greeting",
        name: "生日和政治生日祝福",
        scans: "今天过生日或政治生日（入党纪念日，满一年起）的在册党员",
        tells: "党员本人（收件箱和电子邮件）",
        settings: [birthdays, politicalBirthdays]
    )

    /// Creates the rule.
    package init() {}

    /// Finds the members whose day is today (or, for `reminder list`, within the horizon).
    package func scan(_ scan: ReminderScan) throws -> [ReminderFinding] {
        let days = (0...scan.horizonDays).map { scan.today.adding(days: $0) }
        var findings: [ReminderFinding] = []
        if scan.value(Self.birthdays) == 1 {
            for fact in try Self.facts(.birth, days: days, in: scan) {
                guard let day = Self.anniversary(of: fact.date, among: days) else { continue }
                findings.append(
                    ReminderFinding(
                        key: ReminderKey(
                            rule: info.id,
                            subject: "member:\(fact.memberID)",
                            dueOn: day,
                            stage: "birthday"
                        ),
                        orgID: fact.orgID,
                        audience: .member,
                        memberID: fact.memberID,
                        title: "生日祝福",
                        line: "\(fact.name)同志：今天是您的生日，党组织祝您生日快乐，身体健康，工作顺利！"
                    )
                )
            }
        }
        if scan.value(Self.politicalBirthdays) == 1 {
            for fact in try Self.facts(.join, days: days, in: scan) {
                guard let day = Self.anniversary(of: fact.date, among: days), day.year > fact.date.year else {
                    continue
                }
                let years = day.year - fact.date.year
                findings.append(
                    ReminderFinding(
                        key: ReminderKey(
                            rule: info.id,
                            subject: "member:\(fact.memberID)",
                            dueOn: day,
                            stage: "political"
                        ),
                        orgID: fact.orgID,
                        audience: .member,
                        memberID: fact.memberID,
                        title: "政治生日",
                        line:
                            "\(fact.name)同志：今天是您的政治生日。\(fact.date.year) 年 \(fact.date.month) 月 \(fact.date.day) 日您光荣加入中国共产党，至今党龄 \(years) 年。不忘初心，牢记使命！"
                    )
                )
            }
        }
        return findings
    }

    /// The members whose date falls on one of `days` (one indexed pattern for a single day; all, filtered, for a
    /// horizon).
    private static func facts(
        _ column: MemberDateColumn,
        days: [LocalDate],
        in scan: ReminderScan
    ) throws
        -> [MemberDateFact]
    {
        guard days.count == 1, let day = days.first else { return try scan.tx.memberDates(column, like: "%") }
        var facts = try scan.tx.memberDates(column, like: "%-" + monthDay(day))
        if day.month == 2, day.day == 28, !LocalDate.isLeap(day.year) {
            facts += try scan.tx.memberDates(column, like: "%-02-29")
        }
        return facts
    }

    /// The day among `days` that is the anniversary of `date` (29 February on the 28th in other years).
    static func anniversary(of date: LocalDate, among days: [LocalDate]) -> LocalDate? {
        days.first { day in
            (day.month == date.month && day.day == date.day)
                || (date.month == 2 && date.day == 29 && day.month == 2 && day.day == 28 && !LocalDate.isLeap(day.year))
        }
    }

    /// `MM-DD`.
    static func monthDay(_ date: LocalDate) -> String {
        (date.month < 10 ? "0" : "") + "\(date.month)-" + (date.day < 10 ? "0" : "") + "\(date.day)"
    }
}
