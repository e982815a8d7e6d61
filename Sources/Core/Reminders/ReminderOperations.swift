import Domain
import Foundation
import Store

/// The console's view of reminders: what is due, the rules, a rule run now, a reminder put off, what was sent.
extension PartyCore {
    /// The most reminders `reminder history` returns.
    static let reminderHistoryLimit = 1_000

    /// `reminder.list`: what is due now and within `dueWithinDays` (default 30) in the scope of `org` (default
    /// the caller's): every rule scanned as of today looking that far ahead (nothing is written), each finding
    /// shown with its recorded state if it was announced, plus the reminders still waiting.
    package func reminderList(
        org: String?,
        dueWithinDays: Int?,
        by principal: Principal
    ) async throws
        -> [ReminderView]
    {
        let registry = reminders
        let activities = self.activities
        return try await read(.reminderList, by: principal, targets: Self.optionalOrg(org, field: "org")) { op in
            let horizon = dueWithinDays ?? 30
            guard (0...366).contains(horizon) else {
                throw DomainError.invalid("dueWithin", "天数须在 0-366 之间", reason: "invalid_due_within")
            }
            let root = try org.map { try OrgLookup.require($0, field: "org", in: op.tx).path } ?? op.defaultRoot
            let visible = Dictionary(
                uniqueKeysWithValues: try op.tx.subtree(of: root, includeRevoked: true).map { ($0.id, $0) }
            )
            let last = op.time.today.adding(days: horizon)
            func inScope(_ finding: ReminderFinding) -> Bool {
                finding.orgID.map { visible[$0] != nil } ?? (root == nil && op.caller.isSystemAdmin)
            }
            var findings: [ReminderFinding] = []
            for rule in registry.rules {
                let scan = ReminderScan(
                    tx: op.tx,
                    now: op.time.instant,
                    zone: op.time.zone,
                    horizonDays: horizon,
                    activity: activities,
                    settings: registry.settings,
                    rule: rule.info.id
                )
                findings += try rule.scan(scan).filter { inScope($0) && $0.key.dueOn <= last }
            }
            let recorded = try op.tx.reminders(keys: findings.map(\.key))
            var views = findings.map { finding in
                Self.reminderView(
                    recorded[finding.key],
                    finding: finding,
                    orgs: visible,
                    rules: registry,
                    zone: op.time.zone
                )
            }
            let shown = Set(findings.map(\.key))
            let waiting = try op.tx.reminders(
                under: root,
                rule: nil,
                states: [.pending, .snoozed],
                dueFrom: nil,
                limit: Self.reminderHistoryLimit
            )
            for reminder in waiting where !shown.contains(reminder.finding.key) && inScope(reminder.finding) {
                views.append(
                    Self.reminderView(
                        reminder,
                        finding: reminder.finding,
                        orgs: visible,
                        rules: registry,
                        zone: op.time.zone
                    )
                )
            }
            return views.sorted {
                ($0.dueOn, $0.rule, $0.orgCode ?? "", $0.subject) < ($1.dueOn, $1.rule, $1.orgCode ?? "", $1.subject)
            }
        }
    }

    /// `reminder.rules`: each rule with its settings in force and its last scan.
    package func reminderRules(by principal: Principal) async throws -> [ReminderRuleView] {
        let registry = reminders
        return try await read(.reminderRules, by: principal) { op in
            let scans = try op.tx.reminderRuleScans()
            return registry.rules.map { rule in
                let info = rule.info
                let scan = scans[info.id]
                return ReminderRuleView(
                    id: info.id,
                    name: info.name,
                    scans: info.scans,
                    tells: info.tells,
                    settings: info.settings.map { setting in
                        ReminderSettingView(
                            key: setting.key,
                            label: setting.label,
                            value: registry.settings.value(setting, of: info.id),
                            defaultValue: setting.defaultValue
                        )
                    },
                    lastScanAt: scan.map { LocalTime.text($0.at, in: op.time.zone) },
                    lastFound: scan?.found,
                    lastNew: scan?.new,
                    lastDurationMilliseconds: scan?.durationMilliseconds
                )
            }
        }
    }

    /// `reminder.run`: scans `rule` now and sends what it finds at once, outside the daily digest; facts already
    /// announced stay silent.
    package func runReminderRule(_ rule: String, by principal: Principal) async throws -> ReminderRunView {
        let registry = reminders
        guard registry.rule(rule) != nil else {
            // Checked after the caller's role, so that an account without the right learns nothing of the rules.
            _ = try await read(.reminderRun, by: principal) { _ in 0 }
            throw DomainError.invalid(
                "rule",
                registry.rules.isEmpty
                    ? "没有“\(rule)”这条提醒规则：本守护进程未启用任何提醒规则（配置项 reminderRules）"
                    : "没有“\(rule)”这条提醒规则，可用：" + registry.rules.map(\.info.id).joined(separator: "、"),
                reason: "reminder.unknown_rule"
            )
        }
        let scans = try await scanReminders(only: [rule], by: principal, as: .reminderRun)
        let sent = try await dispatchReminders(forceRule: rule, by: principal, as: .reminderRun)
        let scan = scans.first
        return ReminderRunView(
            rule: rule,
            found: scan?.found ?? 0,
            new: scan?.new ?? 0,
            sent: sent.sent,
            notices: sent.notices,
            undeliverable: sent.undeliverable
        )
    }

    /// `reminder.snooze`: puts a waiting reminder off until the start of `until` (a date after today).
    package func snoozeReminder(id: Int64, until: String, by principal: Principal) async throws -> ReminderView {
        let registry = reminders
        return try await write(.reminderSnooze, by: principal, targets: [.reminder(id: id, field: "id")]) { op in
            guard let reminder = try op.tx.reminder(id: id) else {
                throw Authorization.concealed(.reminder(id: id, field: "id"))
            }
            let date = try LocalDate.parse(until, field: "until", label: "推迟到")
            guard date > op.time.today else {
                throw DomainError.invalid("until", "推迟到的日期须在今天之后", reason: "invalid_until")
            }
            guard date <= op.time.today.adding(days: 366) else {
                throw DomainError.invalid("until", "最多推迟一年", reason: "invalid_until")
            }
            guard reminder.state == .pending || reminder.state == .snoozed else {
                throw DomainError(
                    .conflict,
                    reason: "reminder.not_waiting",
                    field: "id",
                    message: "提醒 \(id) \(reminder.state.label)，不能推迟"
                )
            }
            let instant = ReminderTiming.instant(date, minute: 0, zone: op.time.zone)
            try op.tx.snoozeReminder(id, until: instant)
            var updated = reminder
            updated.state = .snoozed
            updated.snoozedUntil = instant
            let orgs = try reminder.finding.orgID.flatMap { try op.tx.organization(id: $0) }.map { [$0.id: $0] } ?? [:]
            let view = Self.reminderView(
                updated,
                finding: updated.finding,
                orgs: orgs,
                rules: registry,
                zone: op.time.zone
            )
            return Change(
                view,
                audit: op.audit(
                    target: "提醒 \(id)",
                    orgID: reminder.finding.orgID,
                    summary: "提醒“\(reminder.finding.line)”推迟到 \(date)"
                )
            )
        }
    }

    /// `reminder.history`: what was sent (or had nowhere to go) in the scope of `org`, newest first, narrowed
    /// by rule.
    package func reminderHistory(
        org: String?,
        rule: String?,
        limit: Int?,
        by principal: Principal
    ) async throws
        -> [ReminderView]
    {
        let registry = reminders
        return try await read(.reminderHistory, by: principal, targets: Self.optionalOrg(org, field: "org")) { op in
            let count = limit ?? 100
            guard (1...Self.reminderHistoryLimit).contains(count) else {
                throw DomainError.invalid("limit", "条数须在 1-\(Self.reminderHistoryLimit) 之间", reason: "invalid_limit")
            }
            let root = try org.map { try OrgLookup.require($0, field: "org", in: op.tx).path } ?? op.defaultRoot
            let found = try op.tx.reminders(
                under: root,
                rule: rule?.nonBlank,
                states: [.sent, .undeliverable],
                dueFrom: nil,
                limit: count
            )
            let orgs = Dictionary(
                uniqueKeysWithValues: try Set(found.compactMap(\.finding.orgID)).compactMap {
                    try op.tx.organization(id: $0)
                }
                .map { ($0.id, $0) }
            )
            return found.map {
                Self.reminderView($0, finding: $0.finding, orgs: orgs, rules: registry, zone: op.time.zone)
            }
        }
    }

    static func reminderView(
        _ reminder: Reminder?,
        finding: ReminderFinding,
        orgs: [Int64: Organization],
        rules: ReminderRegistry,
        zone: TimeZone
    ) -> ReminderView {
        let org = finding.orgID.flatMap { orgs[$0] }
        return ReminderView(
            id: reminder?.id,
            rule: finding.key.rule,
            ruleName: rules.rule(finding.key.rule)?.info.name ?? finding.key.rule,
            subject: finding.key.subject,
            dueOn: finding.key.dueOn.description,
            stage: finding.key.stage,
            orgCode: org?.code,
            orgName: org?.name,
            audience: finding.audience.label,
            urgent: finding.urgent,
            title: finding.title,
            line: finding.line,
            state: reminder?.state.rawValue ?? "foreseen",
            stateLabel: reminder?.state.label ?? "未到提醒时间",
            foundAt: reminder.map { LocalTime.text($0.foundAt, in: zone) },
            snoozedUntil: reminder?.snoozedUntil.map { LocalTime.text($0, in: zone) },
            sentAt: reminder?.sentAt.map { LocalTime.text($0, in: zone) },
            noticeID: reminder?.noticeID,
            route: reminder?.route?.label
        )
    }
}
